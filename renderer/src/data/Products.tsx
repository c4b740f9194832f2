import { useState } from 'react';
import { call, get } from '../api';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import type { Product } from './model';

type Decision = 'rule' | 'short' | 'long';

/** Every product seen, with short/long-acting as the rules decided; text-rule decisions wait for review. */
export function Products({ version, onChanged }: { version: number; onChanged(): void }) {
  const { t, formatNumber } = useI18n();
  const list = useLoad(() => get('products.list'), [version]);
  const [onlyReview, setOnlyReview] = useState(true);
  const [error, setError] = useState<string>();
  if (list.error) return <p className="error">{list.error}</p>;
  if (!list.data) return <p>{t('common.loading')}</p>;
  if (list.data.length === 0) return <p className="muted">{t('products.none')}</p>;
  const toReview = list.data.filter((p) => p.needsReview).length;
  const shown = onlyReview ? list.data.filter((p) => p.needsReview) : list.data;

  const decide = async (product: Product, decision: Decision) => {
    const result =
      decision === 'rule'
        ? await call('products.clearOverride', { product: product.product })
        : await call('products.setOverride', { product: product.product, longActing: decision === 'long' });
    setError(result.ok ? undefined : result.error.message);
    list.reload();
    onChanged();
  };
  const acting = (long: boolean) => (long ? t('products.long') : t('products.short'));

  return (
    <>
      <p>{t('products.intro', { n: toReview })}</p>
      <label className="choice">
        <input type="checkbox" checked={onlyReview} onChange={(event) => setOnlyReview(event.target.checked)} />
        {t('products.onlyReview')}
      </label>
      {error && <p className="error">{error}</p>}
      {shown.length === 0 ? (
        <p className="muted">{t('products.allReviewed')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('products.product')}</th>
                <th scope="col">ATC</th>
                <th scope="col">{t('products.class')}</th>
                <th scope="col">{t('products.byRule')}</th>
                <th scope="col" className="num">
                  {t('worklist.dispensings')}
                </th>
                <th scope="col">{t('products.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.product}>
                  <td>
                    {p.product}
                    {p.needsReview && <span className="badge review">{t('products.review')}</span>}
                  </td>
                  <td>{p.atc}</td>
                  <td>{p.opioidClass === 'strong' ? t('products.strong') : t('products.weak')}</td>
                  <td>
                    {acting(p.longActingByRule)} <span className="muted-value">({p.rule === 'form' ? t('products.ruleForm') : t('products.ruleText')})</span>
                  </td>
                  <td className="num">{formatNumber(p.dispensings)}</td>
                  <td>
                    <select
                      aria-label={t('products.decisionFor', { product: p.product })}
                      value={p.override === null ? 'rule' : p.override ? 'long' : 'short'}
                      onChange={(event) => decide(p, event.target.value as Decision)}
                    >
                      <option value="rule">{t('products.keepRule', { acting: acting(p.longActingByRule) })}</option>
                      <option value="short">{t('products.short')}</option>
                      <option value="long">{t('products.long')}</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
