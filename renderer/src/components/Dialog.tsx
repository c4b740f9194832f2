import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Wider, for tables (rejected rows, mapping). */
  wide?: boolean;
}

/**
 * A modal built on <dialog>: the browser traps focus and turns Escape into "cancel", which closes it.
 * Focus goes back to whatever opened it.
 */
export function Dialog({ title, onClose, children, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    return () => {
      dialog?.close();
      opener?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

interface FormDialogProps extends DialogProps {
  onSubmit(): void;
  busy?: boolean;
  submitLabel?: string;
  /** A message that belongs to no single field. */
  error?: string | undefined;
}

/** A dialog holding one form: Enter submits, Escape or "Annuleren" closes without saving. */
export function FormDialog({ title, onClose, onSubmit, busy, submitLabel, error, children, wide }: FormDialogProps) {
  const { t } = useI18n();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <Dialog title={title} onClose={onClose} wide={wide}>
      <form onSubmit={submit} noValidate>
        {children}
        <ErrorAlert message={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {submitLabel ?? t('common.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
