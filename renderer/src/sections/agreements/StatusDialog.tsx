import { useState } from 'react';
import { call, get } from '../../api';
import { FormDialog } from '../../components/Dialog';
import { SelectField } from '../../components/Field';
import { fieldError, useLoad, useSaveForm } from '../../hooks';
import { useI18n } from '../../i18n';
import { TextAreaField } from '../meeting/TextAreaField';
import { EvaluationView } from './Evaluation';
import { useIndicatorLabel } from './useIndicatorLabel';
import { statuses, statusKey, type AgreementStatus, type EvaluatedAgreement } from './model';
import { TableHead } from '../../components/TableHead';

/** Sets a new status with a note; shows the evaluation and every earlier status. */
export function StatusDialog({ agreement, onClose, onSaved }: { agreement: EvaluatedAgreement; onClose(): void; onSaved(): void }) {
  const { t, formatDate } = useI18n();
  const indicatorLabel = useIndicatorLabel();
  const [status, setStatus] = useState<AgreementStatus>(agreement.status);
  const [note, setNote] = useState('');
  const history = useLoad(() => get('agreements.history', { id: agreement.id }), [agreement.id]);
  const save = useSaveForm(() => call('agreements.setStatus', { id: agreement.id, status, note }), onSaved);
  return (
    <FormDialog title={t('status.title')} onClose={onClose} {...save.dialog((f) => f === 'status' || f === 'note')} wide>
      <p className="eyebrow">{agreement.scopeName}</p>
      <blockquote className="quote">{agreement.text || t('agreement.empty')}</blockquote>
      <EvaluationView evaluation={agreement.evaluation} goal={agreement.goal} indicatorLabel={indicatorLabel} />
      <div className="form-grid">
        <SelectField<AgreementStatus>
          label={t('status.status')}
          value={status}
          onChange={setStatus}
          options={statuses.map((s) => ({ value: s, label: t(statusKey(s)) }))}
          error={fieldError(save.error, 'status')}
        />
      </div>
      <TextAreaField label={t('status.note')} value={note} onChange={setNote} rows={3} error={fieldError(save.error, 'note')} />
      <h3>{t('status.history')}</h3>
      {history.error && <p className="error">{history.error}</p>}
      {history.data && history.data.length === 0 && <p className="muted">{t('status.noHistory')}</p>}
      {history.data && history.data.length > 0 && (
        <table aria-label={t('status.history')}>
          <TableHead columns={[t('status.setAt'), t('status.status'), t('status.note'), t('status.source')]} />
          <tbody>
            {history.data.map((review) => (
              <tr key={review.id}>
                <td>{formatDate(review.setAt.slice(0, 10))}</td>
                <td>{t(statusKey(review.status))}</td>
                <td>{review.note || '—'}</td>
                <td>{t(review.source === 'sheet' ? 'status.fromSheet' : 'status.fromApp')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </FormDialog>
  );
}

/**
 * The status dialog of the agreement being edited (`edit` opens it). `version` grows with every
 * status saved, and with `reload`, so that the lists that show statuses load again.
 */
export function useStatusDialog() {
  const [editing, setEditing] = useState<EvaluatedAgreement>();
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  const dialog = editing && (
    <StatusDialog
      agreement={editing}
      onClose={() => setEditing(undefined)}
      onSaved={() => {
        setEditing(undefined);
        reload();
      }}
    />
  );
  return { edit: setEditing, dialog, version, reload };
}
