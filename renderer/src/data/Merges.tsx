import { call, get } from '../api';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';

/**
 * Prescriber records that are evidently one person (exported once with an AGB code and once by
 * name, or written differently): the preparer merges each one or says they differ. A merge can be undone.
 */
export function Merges({ version, onChanged }: { version: number; onChanged(): void }) {
  const { t, formatNumber } = useI18n();
  const data = useLoad(async () => {
    const [proposals, merges] = await Promise.all([get('prescribers.mergeProposals', {}), get('prescribers.merges', {})]);
    return { proposals, merges };
  }, [version]);
  const [error, setError] = useState<string>();
  if (data.error) return <p className="error">{data.error}</p>;
  if (!data.data) return null;
  const { proposals, merges } = data.data;
  const act = async (result: Promise<{ ok: boolean; error?: { message: string } }>) => {
    const done = await result;
    setError(done.ok ? undefined : done.error?.message);
    if (done.ok) {
      data.reload();
      onChanged();
    }
  };
  const who = (p: { name: string; agb: string | null; practice: string | null; dispensings: number }) =>
    `${p.name} (${[p.agb ? `AGB ${p.agb}` : t('merge.noAgb'), p.practice ?? t('prescriber.noPracticeShort'), t('merge.dispensings', { n: formatNumber(p.dispensings) })].join(', ')})`;
  if (proposals.length === 0 && merges.length === 0) return null;
  return (
    <section className="merges">
      <h3>{t('merge.title')}</h3>
      <p className="muted">{t('merge.intro')}</p>
      <ErrorAlert message={error} />
      {proposals.length > 0 && (
        <ul className="merge-list">
          {proposals.map((p) => (
            <li key={`${p.from.id}-${p.into.id}`}>
              <span>
                {t('merge.proposal', { from: who(p.from), into: who(p.into) })} <span className="muted">— {p.reason}</span>
              </span>
              <span className="actions">
                <button
                  type="button"
                  className="primary"
                  onClick={() => act(call('prescribers.merge', { fromId: p.from.id, intoId: p.into.id }))}
                >
                  {t('merge.confirm')}
                </button>
                <button type="button" onClick={() => act(call('prescribers.dismissMerge', { fromId: p.from.id, intoId: p.into.id }))}>
                  {t('merge.dismiss')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {merges.length > 0 && (
        <details className="merged">
          <summary>{t('merge.done', { n: merges.length })}</summary>
          <ul className="merge-list">
            {merges.map((m) => (
              <li key={m.from.id}>
                <span>{t('merge.countsAs', { from: who(m.from), into: who(m.into) })}</span>
                <button
                  type="button"
                  onClick={() => act(call('prescribers.unmerge', { fromId: m.from.id }))}
                  aria-label={t('merge.undoNamed', { name: m.from.name })}
                >
                  {t('merge.undo')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
