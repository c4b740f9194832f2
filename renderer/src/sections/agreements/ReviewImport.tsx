import { useState } from 'react';
import { call, type MethodOutput } from '../../api';
import { readAsBase64 } from '../../download';
import { useAction } from '../../hooks';
import { useI18n, type Key } from '../../i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableHead } from '../../components/TableHead';

type SheetResult = MethodOutput<'agreements.importReviewSheet'>;

const outcomeKey: Record<SheetResult['rows'][number]['outcome'], Key> = {
  updated: 'review.updated',
  unchanged: 'review.unchanged',
  rejected: 'review.rejected',
};

/**
 * Reads a review sheet a practice sent back: first a check that changes nothing and shows every
 * row's outcome, then, on request, the same file applied.
 */
export function ReviewImport({ practiceId, onApplied }: { practiceId: number; onApplied(): void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<{ name: string; base64: string }>();
  const [result, setResult] = useState<{ checked: SheetResult; applied: boolean }>();
  const check = useAction((dryRun: boolean, picked: { name: string; base64: string }) =>
    call('agreements.importReviewSheet', { fileName: picked.name, base64: picked.base64, practiceId, dryRun }),
  );
  const pick = async (picked: File | undefined) => {
    if (!picked) return;
    const next = { name: picked.name, base64: await readAsBase64(picked) };
    setFile(next);
    setResult(undefined);
    const checked = await check.run(true, next);
    if (checked.ok) setResult({ checked: checked.value, applied: false });
  };
  const apply = async () => {
    if (!file) return;
    const applied = await check.run(false, file);
    if (!applied.ok) return;
    setResult({ checked: applied.value, applied: true });
    onApplied();
  };
  const value = result?.checked;

  return (
    <div className="review-import">
      <h3>{t('review.title')}</h3>
      <label className="file-pick">
        <span className="button-like">{t('review.choose')}</span>
        <input
          type="file"
          accept=".xlsx,.xls,.ods"
          onChange={(event) => {
            const picked = event.target.files?.[0];
            // Emptied at once, so that choosing the same (corrected) file again reads it again.
            event.target.value = '';
            void pick(picked);
          }}
          aria-label={t('review.choose')}
        />
      </label>
      {file && <span className="muted file-name">{file.name}</span>}
      {check.busy && <p role="status">{t('common.loading')}</p>}
      <ErrorAlert message={check.error?.message} />
      {value && (
        <div role="status">
          <p>
            {t(result.applied ? 'review.appliedSummary' : 'review.checkSummary', {
              practice: value.practiceName,
              updated: value.updated,
              unchanged: value.unchanged,
              rejected: value.rejected,
            })}
          </p>
          <table aria-label={t('review.rows')}>
            <TableHead columns={[{ label: t('summary.row'), num: true }, t('review.outcome'), t('review.message')]} />
            <tbody>
              {value.rows.map((row) => (
                <tr key={row.row} className={`outcome-${row.outcome}`}>
                  <td className="num">{row.row}</td>
                  <td>{t(outcomeKey[row.outcome])}</td>
                  <td>{row.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!result.applied && value.updated > 0 && (
            <div className="actions">
              <button type="button" className="primary" onClick={apply} disabled={check.busy}>
                {t('review.apply', { n: value.updated })}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
