import type { MethodOutput, Result } from '../../api';
import { saveBase64 } from '../../download';
import { useAction } from '../../hooks';
import { useI18n } from '../../i18n';

type FileOutput = MethodOutput<'meetings.exportReport'>;

/** A button that has the core make a file and offers it as a download; busy and error shown beside it. */
export function FileButton({ label, make, primary }: { label: string; make(): Promise<Result<FileOutput>>; primary?: boolean }) {
  const { t } = useI18n();
  const action = useAction(make);
  const click = async () => {
    const result = await action.run();
    if (result.ok) saveBase64(result.value.fileName, result.value.base64, result.value.mimeType);
  };
  return (
    <span className="file-button">
      <button type="button" className={primary ? 'primary' : undefined} onClick={click} disabled={action.busy}>
        {label}
      </button>
      {action.busy && (
        <span className="muted" role="status">
          {t('file.busy')}
        </span>
      )}
      {action.error && (
        <span className="error" role="alert">
          {action.error.message}
        </span>
      )}
    </span>
  );
}
