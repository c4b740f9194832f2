import { Fragment, useState } from 'react';
import { useI18n } from '../i18n';
import { definitionKey, indicators, indicatorVars, needsLookback, shortLabelKey, type IndicatorResult, type IndicatorRow } from './model';
import { Value } from './Value';

interface Props {
  result: IndicatorResult;
  groupName: string;
  showRates: boolean;
}

/** One period: a row per practice of the group, the group, then the context rows; practices open to their prescribers. */
export function PeriodTable({ result, groupName, showRates }: Props) {
  const { t, formatDate } = useI18n();
  // "More than 3" and the start limit in the headers are built from the settings; the full definition is the header's tooltip.
  const vars = indicatorVars(result.settings);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const practices = result.rows.filter((r) => r.level === 'practice' && r.group === groupName);
  const groupRow = result.rows.find((r) => r.level === 'group' && r.key === groupName);
  // The group's own "Overige voorschrijvers" (its pharmacies only); v1's `other` only without a group.
  const other = result.rows.find((r) => r.level === 'groupOther' && r.key === groupName) ?? result.rows.find((r) => r.level === 'practice' && r.key === 'other');
  const all = result.rows.find((r) => r.level === 'all');
  const prescribersOf = (practice: IndicatorRow) =>
    practice.level === 'groupOther'
      ? result.groupOtherPrescribers
      : result.rows.filter((r) => r.level === 'prescriber' && (practice.key === 'other' ? r.practice === null : r.practice === practice.key));
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const practiceRow = (row: IndicatorRow) => {
    const prescribers = prescribersOf(row);
    const expanded = open.has(row.key);
    return (
      <Fragment key={`p:${row.key}`}>
        <tr className={row === other ? 'context-row' : undefined}>
          <th scope="row" title={row === other ? t('figures.otherExplained') : undefined}>
            {prescribers.length > 0 ? (
              <button type="button" className="disclosure" aria-expanded={expanded} onClick={() => toggle(row.key)}>
                {row.name}
                <span className="visually-hidden"> {t('figures.showPrescribers')}</span>
              </button>
            ) : (
              row.name
            )}
          </th>
          {indicators.map((name) => (
            <Value key={name} row={row} name={name} showRates={showRates} />
          ))}
        </tr>
        {expanded &&
          prescribers.map((p) => (
            <tr key={`r:${p.key}`} className="sub-row">
              <th scope="row">{p.name}</th>
              {indicators.map((name) => (
                <Value key={name} row={p} name={name} showRates={showRates} />
              ))}
            </tr>
          ))}
      </Fragment>
    );
  };

  return (
    <div className="table-scroll">
      <table className="figures">
        <caption className="visually-hidden">{t('figures.tableCaption', { from: formatDate(result.from), to: formatDate(result.to) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('figures.practice')}</th>
            {indicators.map((name) => (
              <th key={name} scope="col" className="num" title={t(definitionKey(name), vars)}>
                {t(shortLabelKey(name), vars)}
                {((needsLookback(name) && !result.lookbackComplete) || (name === 'chronicUsers' && !result.chronicComplete)) && (
                  <span className="badge">{t('figures.incomplete')}</span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {practices.map(practiceRow)}
          {groupRow && (
            <tr className="total-row">
              <th scope="row">{groupRow.name}</th>
              {indicators.map((name) => (
                <Value key={name} row={groupRow} name={name} showRates={showRates} />
              ))}
            </tr>
          )}
        </tbody>
        {(other || all) && (
          <tbody className="context">
            {other && practiceRow(other)}
            {all && (
              <tr className="context-row">
                <th scope="row">{all.name}</th>
                {indicators.map((name) => (
                  <Value key={name} row={all} name={name} showRates={showRates} />
                ))}
              </tr>
            )}
          </tbody>
        )}
      </table>
    </div>
  );
}
