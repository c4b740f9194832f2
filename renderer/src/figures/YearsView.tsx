import { useState } from 'react';
import { figureIncomplete } from '../../../domain';
import { BarChart } from '../components/BarChart';
import { SelectField } from '../components/Field';
import { useI18n } from '../i18n';
import { incompleteMark, indicators, indicatorVars, labelKey, shortLabelKey, yearCategory, type YearsResult, type YearsRow } from './model';
import { Value } from './Value';

interface Props {
  result: YearsResult;
  groupName: string;
  showRates: boolean;
}

/** Several calendar years side by side, for the group or one practice: a table and four charts. */
export function YearsView({ result, groupName, showRates }: Props) {
  const { t } = useI18n();
  const choices = [
    ...result.rows.filter((r) => r.level === 'group' && r.key === groupName),
    ...result.rows.filter((r) => r.level === 'practice' && r.group === groupName),
    ...result.rows.filter((r) => r.level === 'groupOther' && r.key === groupName),
  ];
  const rowKey = (row: YearsRow) => `${row.level}:${row.key}`;
  const [selected, setSelected] = useState(choices[0] ? rowKey(choices[0]) : '');
  const row = choices.find((r) => rowKey(r) === selected) ?? choices[0];
  if (!row) return <p className="muted">{t('figures.noRows')}</p>;

  // A year past the data end is never shown unmarked beside complete years (spec §5 "Data end").
  const years = result.years.map(yearCategory);
  const partial = result.years.find((y) => !y.periodComplete);
  const incomplete = result.years.map((y) => !y.lookbackComplete);
  // The charts follow the table: counts, or rates per 1,000 patients (none for a year without a list size).
  const values = (name: (typeof indicators)[number]) => row.years.map((y) => (!showRates ? y[name] : (y.rates?.[name] ?? null)));
  const startedByGp = row.years.map((y) =>
    !showRates ? y.newUsers - y.newUsersOtherStart : y.rates ? y.rates.newUsers - y.rates.newUsersOtherStart : null,
  );
  const title = (text: string) => (showRates ? t('chart.perThousand', { title: text }) : text);
  const digits = showRates ? 1 : 0;
  const vars = indicatorVars(result.settings);
  const min = vars.min;

  return (
    <>
      <SelectField
        label={t('figures.showFor')}
        value={rowKey(row)}
        onChange={setSelected}
        options={choices.map((r) => ({ value: rowKey(r), label: r.name }))}
      />
      <div className="table-scroll">
        <table className="figures years">
          <caption className="visually-hidden">{t('figures.yearsCaption', { name: row.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('figures.indicator')}</th>
              {result.years.map((y) => (
                <th key={y.year} scope="col" className="num">
                  {y.year}
                  {!y.periodComplete && <span className="badge">{incompleteMark(t, result.dataEnd)}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {indicators.map((name) => (
              <tr key={name}>
                <th scope="row">{t(labelKey(name), vars)}</th>
                {row.years.map((y, i) =>
                  figureIncomplete(name, result.years[i]!) ? (
                    <td key={y.year} className="num incomplete">
                      <Value row={y} name={name} showRates={showRates} bare /> <span className="badge">{t('figures.incomplete')}</span>
                    </td>
                  ) : (
                    <Value key={y.year} row={y} name={name} showRates={showRates} />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="charts">
        <BarChart
          title={title(t('chart.shortLong'))}
          categories={years}
          digits={digits}
          series={[
            { name: t('chart.short'), tone: 'short', values: values('dispensingsShort') },
            { name: t('chart.long'), tone: 'long', values: values('dispensingsLong') },
          ]}
        />
        <BarChart
          title={title(t('chart.chronic'))}
          categories={years}
          digits={digits}
          series={[{ name: t(labelKey('chronicUsers')), tone: 'chronic', values: values('chronicUsers') }]}
        />
        <BarChart
          title={title(t('chart.newUsers', { over: min - 1 }))}
          categories={years}
          digits={digits}
          incomplete={incomplete}
          series={[
            { name: t(labelKey('newUsers')), tone: 'newUsers', values: values('newUsers') },
            { name: t(shortLabelKey('newUsersOver3'), { over: min - 1 }), tone: 'over3', values: values('newUsersOver3') },
          ]}
        />
        <BarChart
          title={title(t('chart.starter'))}
          categories={years}
          digits={digits}
          incomplete={incomplete}
          stacked
          series={[
            { name: t('chart.startedByGp'), tone: 'ownGp', values: startedByGp },
            { name: t('chart.startedByOther'), tone: 'other', values: values('newUsersOtherStart') },
          ]}
        />
        <BarChart
          title={title(t('chart.starts', vars))}
          categories={years}
          digits={digits}
          incomplete={incomplete}
          series={[
            { name: t(labelKey('starts')), tone: 'newUsers', values: values('starts') },
            { name: t(labelKey('startsOverLimit'), vars), tone: 'over3', values: values('startsOverLimit') },
          ]}
        />
        <BarChart
          title={title(t('chart.oxycodoneMorphine'))}
          categories={years}
          digits={digits}
          series={[
            { name: t(labelKey('patientsOxycodone')), tone: 'oxycodone', values: values('patientsOxycodone') },
            { name: t(labelKey('patientsMorphine')), tone: 'morphine', values: values('patientsMorphine') },
          ]}
        />
        <BarChart
          title={title(t('chart.highDose', vars))}
          categories={years}
          digits={digits}
          series={[{ name: t(labelKey('highDoseUsers')), tone: 'highDose', values: values('highDoseUsers') }]}
        />
        <BarChart
          title={title(t('chart.fentanylRapid'))}
          categories={years}
          digits={digits}
          series={[{ name: t(labelKey('patientsFentanylRapid')), tone: 'fentanyl', values: values('patientsFentanylRapid') }]}
        />
      </div>
      {partial && <p className="muted">* {t('figures.yearIncomplete', { year: partial.year, mark: incompleteMark(t, result.dataEnd) })}</p>}
      {showRates && row.years.some((y) => !y.rates) && <p className="muted">{t('chart.noListSize')}</p>}
    </>
  );
}
