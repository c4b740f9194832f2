import { call, get } from '../api';
import { useAction, useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { Dialog } from './Dialog';

export type DeletableKind = 'groups' | 'practices' | 'prescribers' | 'pharmacies';

interface Props {
  kind: DeletableKind;
  id: number;
  onClose(): void;
  onDeleted(): void;
}

/** Asks before deleting and says what else it touches (the core's deleteImpact); refuses when something blocks it. */
export function ConfirmDelete({ kind, id, onClose, onDeleted }: Props) {
  const { t } = useI18n();
  const impact = useLoad(() => get(`${kind}.deleteImpact`, { id }), [kind, id]);
  const remove = useAction(() => call(`${kind}.delete`, { id }));
  const confirm = async () => {
    if ((await remove.run()).ok) onDeleted();
  };
  const value = impact.data;
  return (
    <Dialog title={value ? t('delete.title', { name: value.name }) : t('delete.titlePlain')} onClose={onClose}>
      {impact.error && <p className="error">{impact.error}</p>}
      {!value && !impact.error && <p>{t('common.loading')}</p>}
      {value?.blockedBy && (
        <p className="error" role="alert">
          {value.blockedBy}
        </p>
      )}
      {value && !value.blockedBy && (
        <>
          {value.consequences.length > 0 ? (
            <>
              <p>{t('delete.consequences')}</p>
              <ul>
                {value.consequences.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('delete.nothingElse')}</p>
          )}
          <p>{t('delete.cannotUndo')}</p>
        </>
      )}
      {remove.error && (
        <p className="error" role="alert">
          {remove.error.message}
        </p>
      )}
      <div className="actions">
        {value && !value.blockedBy && (
          <button type="button" className="danger" onClick={confirm} disabled={remove.busy}>
            {t('common.delete')}
          </button>
        )}
        <button type="button" onClick={onClose} autoFocus>
          {value?.blockedBy ? t('common.close') : t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
