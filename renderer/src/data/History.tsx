import { useState } from 'react';
import { call, get } from '../api';
import { ConfirmImpact } from '../components/ConfirmDelete';
import { Dialog } from '../components/Dialog';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import type { Group } from '../types';
import type { Batch, ImportField } from './model';
import { RejectedRows } from './ImportSummary';
import { ScrollTable } from '../components/TableHead';
import { LinkButton } from '../components/LinkButton';

/** Every file imported into the group, newest first; one can be undone whole. */
export function History({ group, version, onChanged }: { group: Group; version: number; onChanged(): void }) {
  const { t, formatNumber, formatDate } = useI18n();
  const list = useLoad(() => get('imports.list', { groupId: group.id }), [group.id, version]);
  const [undoing, setUndoing] = useState<Batch>();
  const [showing, setShowing] = useState<Batch>();
  if (list.error) return <p className="error">{list.error}</p>;
  if (!list.data) return <p>{t('common.loading')}</p>;
  if (list.data.length === 0) return <p className="muted">{t('history.none')}</p>;
  const columns = ['read', 'imported', 'alreadyPresent', 'notOpioid', 'rejected', 'empty'] as const;

  return (
    <>
      <ScrollTable
        columns={[t('history.file'), t('history.when'), ...columns.map((c) => ({ label: t(`summary.${c}`), num: true }))]}
        actions
      >
        {list.data.map((batch) => (
          <tr key={batch.id}>
            <td>{batch.fileName}</td>
            <td>{formatDate(batch.importedAt)}</td>
            {columns.map((c) => (
              <td key={c} className="num">
                {formatNumber(batch[c])}
              </td>
            ))}
            <td className="row-actions">
              {batch.rejected > 0 && (
                <LinkButton
                  label={t('history.showRejected')}
                  name={t('history.showRejectedOf', { file: batch.fileName })}
                  onClick={() => setShowing(batch)}
                />
              )}
              <LinkButton
                label={t('history.undo')}
                name={t('history.undoOf', { file: batch.fileName })}
                onClick={() => setUndoing(batch)}
              />
            </td>
          </tr>
        ))}
      </ScrollTable>
      {undoing && (
        <ConfirmImpact
          impact={() => get('imports.undoImpact', { id: undoing.id })}
          confirm={() => call('imports.undo', { id: undoing.id })}
          confirmLabel={t('history.undo')}
          question={(name) => t('history.undoQuestion', { file: name })}
          onClose={() => setUndoing(undefined)}
          onDone={() => {
            setUndoing(undefined);
            onChanged();
          }}
        />
      )}
      {showing && <Rejections batch={showing} onClose={() => setShowing(undefined)} />}
    </>
  );
}

function Rejections({ batch, onClose }: { batch: Batch; onClose(): void }) {
  const { t } = useI18n();
  const rows = useLoad(() => get('imports.rejections', { id: batch.id }), [batch.id]);
  return (
    <Dialog title={t('history.rejectedTitle', { file: batch.fileName })} onClose={onClose} wide>
      {rows.error && <p className="error">{rows.error}</p>}
      {rows.data && (
        <RejectedRows fileName={rows.data.fileName} rows={rows.data.rows} label={(field: ImportField) => t(`field.${field}`)} />
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
