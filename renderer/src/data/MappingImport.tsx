import { useState } from 'react';
import { call, type MethodOutput } from '../api';
import { ScrollTable } from '../components/TableHead';
import { readAsBase64 } from '../download';
import { useAction } from '../hooks';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';

type Rows = MethodOutput<'prescribers.readMappingFile'>;
type Preview = MethodOutput<'prescribers.assignPreview'>;

/**
 * A prescriber→practice file (the one `npx fto assign` takes): read, shown as what it will change,
 * and applied only when the preparer says so (all rows or none).
 */
export function MappingImport({ onApplied }: { onApplied(): void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<{ name: string; rows: Rows; preview: Preview; applied: boolean }>();
  const read = useAction(async (picked: File) => {
    const rows = await call('prescribers.readMappingFile', { name: picked.name, base64: await readAsBase64(picked) });
    if (!rows.ok) return rows;
    const preview = await call('prescribers.assignPreview', { rows: rows.value });
    return preview.ok
      ? { ok: true as const, value: { name: picked.name, rows: rows.value, preview: preview.value, applied: false } }
      : preview;
  });
  const apply = useAction(() => call('prescribers.assignMany', { rows: file!.rows }));
  const pick = async (picked: File | undefined) => {
    if (!picked) return;
    setFile(undefined);
    const result = await read.run(picked);
    if (result.ok) setFile(result.value);
  };
  const submit = async () => {
    if (!(await apply.run()).ok) return;
    setFile((current) => current && { ...current, applied: true });
    onApplied();
  };
  const preview = file?.preview;
  const changing = preview?.rows.filter((row) => row.changes).length ?? 0;
  const error = read.error ?? apply.error;
  return (
    <section className="mapping-import">
      <h3>{t('assignFile.title')}</h3>
      <p className="muted">{t('assignFile.intro')}</p>
      <label className="file-pick">
        <span className="button-like">{t('assignFile.choose')}</span>
        <input
          type="file"
          accept=".csv,.txt,.xlsx,.xls,.ods"
          onChange={(event) => pick(event.target.files?.[0])}
          aria-label={t('assignFile.choose')}
        />
      </label>
      {file && <span className="muted file-name">{file.name}</span>}
      {read.busy && <p role="status">{t('common.loading')}</p>}
      <ErrorAlert message={error?.message} />
      {preview && (
        <div role="status" className="mapping-preview">
          <p>
            {t(file.applied ? 'assignFile.applied' : 'assignFile.summary', {
              rows: preview.rows.length,
              changes: changing,
              prescribers: preview.createdPrescribers,
              practices: preview.createdPractices,
              groups: preview.createdGroups,
            })}
          </p>
          <ScrollTable columns={[t('assignFile.row'), t('assignFile.prescriber'), t('assignFile.now'), t('assignFile.after')]}>
            {preview.rows.map((row) => (
              <tr key={row.row} className={row.changes ? undefined : 'muted'}>
                <td>{file.rows[row.row - 1]?.line ?? row.row}</td>
                <td>
                  {row.prescriber}
                  {row.newPrescriber && <span className="badge">{t('assignFile.new')}</span>}
                </td>
                <td>{row.before ?? t('prescriber.noPracticeShort')}</td>
                <td>
                  {row.after ?? t('prescriber.noPracticeShort')}
                  {!row.changes && ` (${t('assignFile.unchanged')})`}
                </td>
              </tr>
            ))}
          </ScrollTable>
          {!file.applied && (
            <button type="button" className="primary" onClick={submit} disabled={apply.busy}>
              {t('assignFile.apply', { n: preview.rows.length })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
