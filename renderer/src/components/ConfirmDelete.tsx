import { call, get, type MethodOutput, type Result } from '../api';
import { useAction, useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';

type Impact = MethodOutput<'groups.deleteImpact'>;

interface ConfirmProps {
  /** What would go with it (the core's deleteImpact / undoImpact). */
  impact(): Promise<Impact>;
  confirm(): Promise<Result<unknown>>;
  confirmLabel: string;
  /** The dialog's title, asking the question about the named thing. */
  question(name: string): string;
  onClose(): void;
  onDone(): void;
}

/** Asks before something is removed for good, and says what else it touches; refuses when something blocks it. */
export function ConfirmImpact({ impact, confirm, confirmLabel, question, onClose, onDone }: ConfirmProps) {
  const { t } = useI18n();
  const loaded = useLoad(impact, []);
  const remove = useAction(confirm);
  const run = async () => {
    if ((await remove.run()).ok) onDone();
  };
  const value = loaded.data;
  return (
    <Dialog title={value ? question(value.name) : confirmLabel} onClose={onClose}>
      {loaded.error && <p className="error">{loaded.error}</p>}
      {!value && !loaded.error && <p>{t('common.loading')}</p>}
      <ErrorAlert message={value?.blockedBy} />
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
      <ErrorAlert message={remove.error?.message} />
      <div className="actions">
        {value && !value.blockedBy && (
          <button type="button" className="danger" onClick={run} disabled={remove.busy}>
            {confirmLabel}
          </button>
        )}
        <button type="button" onClick={onClose} autoFocus>
          {value?.blockedBy ? t('common.close') : t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

export type DeletableKind = 'groups' | 'practices' | 'prescribers' | 'pharmacies';

/** Deleting an entry of the register. */
export function ConfirmDelete({ kind, id, onClose, onDeleted }: { kind: DeletableKind; id: number; onClose(): void; onDeleted(): void }) {
  const { t } = useI18n();
  return (
    <ConfirmImpact
      impact={() => get(`${kind}.deleteImpact`, { id })}
      confirm={() => call(`${kind}.delete`, { id })}
      confirmLabel={t('common.delete')}
      question={(name) => t('delete.title', { name })}
      onClose={onClose}
      onDone={onDeleted}
    />
  );
}
