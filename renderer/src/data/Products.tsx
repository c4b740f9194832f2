import { useState } from 'react';
import { omeFactorDecimals } from '../../../slides/ome';
import { call, get } from '../api';
import { FormDialog } from '../components/Dialog';
import { SelectField, TextField } from '../components/Field';
import { fieldError, useLoad, useSaveForm } from '../hooks';
import { useI18n, type Key } from '../i18n';
import { routes, strengthUnits, type Product, type Route, type Strength } from './model';
import { LinkButton } from '../components/LinkButton';
import { ScrollTable } from '../components/TableHead';

type Decision = 'rule' | 'short' | 'long';

const routeKey = (route: Route) => `products.route.${route}` as Key;
const unitKey = (unit: Strength['unit']) => `products.unit.${unit}` as Key;

/** A product the preparer should look at: classed by its text, strength unknown, form and text disagree, or doses in mg it could not read. */
const needsAttention = (p: Product) =>
  p.needsReview || (p.opioidClass === 'strong' && p.strength === null) || p.formTextDisagree || p.massDosesUnread > 0;

/**
 * Every product seen: short/long-acting as the rules decided (text-rule decisions wait for review), and its
 * strength, route and OME factor (spec §9), which the preparer can set by hand.
 */
export function Products({ version, onChanged }: { version: number; onChanged(): void }) {
  const { t, formatNumber } = useI18n();
  const list = useLoad(() => get('products.list'), [version]);
  const [onlyReview, setOnlyReview] = useState(true);
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<Product>();
  if (list.error) return <p className="error">{list.error}</p>;
  if (!list.data) return <p>{t('common.loading')}</p>;
  if (list.data.length === 0) return <p className="muted">{t('products.none')}</p>;
  const toReview = list.data.filter((p) => p.needsReview).length;
  const disagreeing = list.data.filter((p) => p.formTextDisagree);
  const shown = onlyReview ? list.data.filter(needsAttention) : list.data;

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
      {disagreeing.length > 0 && (
        <section className="notice" aria-labelledby="products-disagree">
          <h3 id="products-disagree">{t('products.disagreeTitle')}</h3>
          <p>{t('products.disagreeIntro')}</p>
          <ul>
            {disagreeing.map((p) => (
              <li key={p.product}>{p.product}</li>
            ))}
          </ul>
        </section>
      )}
      <label className="choice">
        <input type="checkbox" checked={onlyReview} onChange={(event) => setOnlyReview(event.target.checked)} />
        {t('products.onlyReview')}
      </label>
      {error && <p className="error">{error}</p>}
      {shown.length === 0 ? (
        <p className="muted">{t('products.allReviewed')}</p>
      ) : (
        <ScrollTable
          columns={[
            t('products.product'),
            'ATC',
            t('products.decision'),
            t('products.strength'),
            t('products.routeHeader'),
            { label: t('products.omeFactor'), num: true },
            { label: t('worklist.dispensings'), num: true },
          ]}
          className="products"
        >
          {shown.map((p) => (
            <tr key={p.product}>
              <td>
                {p.product}
                {p.opioidClass === 'weak' && <span className="badge">{t('products.weakBadge')}</span>}
                {p.needsReview && <span className="badge review">{t('products.review')}</span>}
                {p.formTextDisagree && <span className="badge review">{t('products.disagreeBadge')}</span>}
                {p.massDosesUnread > 0 && (
                  <span className="badge review" title={t('products.massDosesUnread.hint')}>
                    {t('products.massDosesUnread', { n: formatNumber(p.massDosesUnread) })}
                  </span>
                )}
              </td>
              <td>{p.atc}</td>
              <td>
                <select
                  aria-label={t('products.decisionFor', { product: p.product })}
                  value={p.override === null ? 'rule' : p.override ? 'long' : 'short'}
                  onChange={(event) => decide(p, event.target.value as Decision)}
                >
                  <option value="rule">
                    {t('products.keepRule', {
                      acting: acting(p.longActingByRule),
                      rule: p.rule === 'form' ? t('products.ruleForm') : t('products.ruleText'),
                    })}
                  </option>
                  <option value="short">{t('products.short')}</option>
                  <option value="long">{t('products.long')}</option>
                </select>
              </td>
              <td className="product-dose">
                {p.strength ? (
                  <>
                    {t(unitKey(p.strength.unit), { value: p.strength.text })}
                    {p.strengthByHand && <span className="muted-value"> ({t('products.byHand')})</span>}
                  </>
                ) : (
                  <span className="badge unknown">{t('products.strengthUnknown')}</span>
                )}{' '}
                <LinkButton
                  label={t('products.editDose')}
                  name={t('products.editDoseFor', { product: p.product })}
                  onClick={() => setEditing(p)}
                />
              </td>
              <td>
                {t(routeKey(p.route))}
                {p.routeByHand && <span className="muted-value"> ({t('products.byHand')})</span>}
              </td>
              <td className="num">{p.omeFactor === null ? '—' : formatNumber(p.omeFactor, omeFactorDecimals(p.omeFactor))}</td>
              <td className="num">{formatNumber(p.dispensings)}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      {editing && (
        <DoseDialog
          product={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            list.reload();
            onChanged();
          }}
        />
      )}
    </>
  );
}

/** Strength and route of one product by hand (spec §9: that wins over the text); "van de tekst" clears it. */
function DoseDialog({ product, onClose, onSaved }: { product: Product; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const byText = 'text';
  const [value, setValue] = useState(product.strengthByHand && product.strength ? product.strength.text : '');
  const [unit, setUnit] = useState<Strength['unit'] | typeof byText>(
    product.strengthByHand && product.strength ? product.strength.unit : byText,
  );
  const [route, setRoute] = useState<Route | typeof byText>(product.routeByHand ? product.route : byText);
  const save = useSaveForm(
    () =>
      call('products.setDose', {
        product: product.product,
        strength: unit === byText ? null : { value, unit },
        route: route === byText ? null : route,
      }),
    onSaved,
  );
  const textStrength = product.strengthByText
    ? t(unitKey(product.strengthByText.unit), { value: product.strengthByText.text })
    : t('products.strengthUnknown');
  const shown = (f: string) => ['strength.value', 'strength.unit', 'route'].includes(f);
  return (
    <FormDialog title={t('products.doseTitle', { product: product.product })} onClose={onClose} {...save.dialog(shown)}>
      <p className="hint">{t('products.doseIntro')}</p>
      <SelectField<Strength['unit'] | typeof byText>
        label={t('products.strengthUnit')}
        value={unit}
        onChange={setUnit}
        options={[
          { value: byText, label: t('products.fromText', { value: textStrength }) },
          ...strengthUnits.map((u) => ({ value: u, label: t(`products.unitName.${u}` as Key) })),
        ]}
        error={fieldError(save.error, 'strength.unit')}
      />
      {unit !== byText && (
        <TextField
          label={t('products.strengthValue')}
          hint={t('products.strengthValue.hint')}
          value={value}
          onChange={setValue}
          error={fieldError(save.error, 'strength.value') ?? fieldError(save.error, 'strength')}
          inputMode="decimal"
          className="short"
          autoFocus
        />
      )}
      <SelectField<Route | typeof byText>
        label={t('products.routeHeader')}
        value={route}
        onChange={setRoute}
        options={[
          { value: byText, label: t('products.fromText', { value: t(routeKey(product.routeByText)) }) },
          ...routes.map((r) => ({ value: r, label: t(routeKey(r)) })),
        ]}
        error={fieldError(save.error, 'route')}
      />
    </FormDialog>
  );
}
