import { Fragment, useState } from 'react';
import { useI18n } from '../i18n';
import { figureIncomplete } from '../../../domain';
import { definitionKey, indicators, indicatorVars, shortLabelKey, type IndicatorResult, type IndicatorRow } from './model';
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
  const other =
    result.rows.find((r) => r.level === 'groupOther' && r.key === groupName) ??
    result.rows.find((r) => r.level === 'practice' && r.key === 'other');
  const all = result.rows.find((r) => r.level === 'all');
  const prescribersOf = (practice: IndicatorRow) =>
    practice.level === 'groupOther'
      ? result.groupOtherPrescribers
      : result.rows.filter(
          (r) => r.level === 'prescriber' && (practice.key === 'other' ? r.practice === null : r.practice === practice.key),
        );
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const valueCells = (row: IndicatorRow) => indicators.map((name) => <Value key={name} row={row} name={name} showRates={showRates} />);
  /** A row headed by its name alone: a prescriber under its practice, the group, the whole database. */
  const namedRow = (row: IndicatorRow, className: string) => (
    <tr key={`r:${row.key}`} className={className}>
      <th scope="row">{row.name}</th>
      {valueCells(row)}
    </tr>
  );

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
          {valueCells(row)}
        </tr>
        {expanded && prescribers.map((p) => namedRow(p, 'sub-row'))}
      </Fragment>
    );
  };

  return (
    <div className="table-scroll">
      <table className="figures">
        <caption className="visually-hidden">
          {t('figures.tableCaption', { from: formatDate(result.from), to: formatDate(result.to) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('figures.practice')}</th>
            {indicators.map((name) => (
              <th key={name} scope="col" className="num" title={t(definitionKey(name), vars)}>
                {t(shortLabelKey(name), vars)}
                {figureIncomplete(name, result) && <span className="badge">{t('figures.incomplete')}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {practices.map(practiceRow)}
          {groupRow && namedRow(groupRow, 'total-row')}
        </tbody>
        {(other || all) && (
          <tbody className="context">
            {other && practiceRow(other)}
            {all && namedRow(all, 'context-row')}
          </tbody>
        )}
      </table>
    </div>
  );
}
