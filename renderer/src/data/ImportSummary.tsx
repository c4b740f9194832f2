import { saveBytes } from '../download';
import { useI18n } from '../i18n';
import { csvName, rejectionsCsv, type ImportField, type JobFile } from './model';
import { TableHead } from '../components/TableHead';

/** What happened to one file: the spec §8 counts, and the rejected rows with their reasons (exportable). */
export function ImportSummary({ file }: { file: JobFile }) {
  const { t, formatNumber } = useI18n();
  const label = (field: ImportField) => t(`field.${field}`);
  if (file.status === 'failed') {
    return (
      <div className="file-card">
        <strong>{file.file}</strong>
        <p className="error">{file.error ?? t('summary.failed')}</p>
      </div>
    );
  }
  const counts = [
    ['summary.read', file.read],
    ['summary.imported', file.imported],
    ['summary.alreadyPresent', file.alreadyPresent],
    ['summary.notOpioid', file.notOpioid],
    ['summary.rejected', file.rejected],
    ['summary.empty', file.empty],
  ] as const;
  return (
    <div className="file-card">
      <strong>{file.file}</strong>
      <dl className="counts">
        {counts.map(([key, n]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{formatNumber(n)}</dd>
          </div>
        ))}
      </dl>
      {file.rejectedRows.length > 0 && <RejectedRows fileName={file.file} rows={file.rejectedRows} label={label} />}
    </div>
  );
}

const SHOWN = 50;

export function RejectedRows({
  fileName,
  rows,
  label,
}: {
  fileName: string;
  rows: JobFile['rejectedRows'];
  label(field: ImportField): string;
}) {
  const { t } = useI18n();
  return (
    <details className="rejected" open>
      <summary>{rows.length === 1 ? t('summary.rejectedRow') : t('summary.rejectedRows', { n: rows.length })}</summary>
      <table>
        <TableHead columns={[{ label: t('summary.row'), num: true }, t('summary.field'), t('summary.reason')]} />
        <tbody>
          {rows.slice(0, SHOWN).map((r) => (
            <tr key={`${r.row}:${r.field}`}>
              <td className="num">{r.row}</td>
              <td>{r.field ? label(r.field) : '—'}</td>
              <td>{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN && <p className="muted">{t('summary.more', { n: rows.length - SHOWN })}</p>}
      <button type="button" onClick={() => saveBytes(csvName(fileName), rejectionsCsv(rows, label, t), 'text/csv;charset=utf-8')}>
        {t('summary.exportCsv')}
      </button>
    </details>
  );
}
