import { useState } from 'react';
import { get } from '../api';
import { Tabs } from '../components/Tabs';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import type { Group } from '../types';
import { definitionKey, indicators, labelKey, lastYear, periodInput, type PeriodChoice } from './model';
import { PeriodBar, SettingsLine } from './PeriodBar';
import { PeriodTable } from './PeriodTable';
import { Regional } from './Regional';
import { Worklist } from './Worklist';
import { YearsView } from './YearsView';

type View = 'period' | 'years' | 'worklist';
const YEARS_SIDE_BY_SIDE = 5;

/** Cijfers: the spec §5 indicators for the chosen group, per period or years side by side, and the worklist. */
export function Figures({ group }: { group: Group }) {
  const { t, formatDate } = useI18n();
  const thisYear = new Date().getFullYear();
  const [view, setView] = useState<View>('period');
  const [choice, setChoice] = useState<PeriodChoice>({ mode: 'year', year: thisYear - 1 });
  const [showRates, setShowRates] = useState(false);
  // Bumped when the settings change, so that every figure is computed again.
  const [version, setVersion] = useState(0);
  const input = periodInput(choice);
  const last = lastYear(choice);

  const period = useLoad(() => get('indicators.compute', input), [JSON.stringify(input), version]);
  const years = useLoad(
    () => (view === 'years' ? get('indicators.years', { fromYear: last - YEARS_SIDE_BY_SIDE + 1, toYear: last }) : Promise.resolve(undefined)),
    [view, last, version],
  );
  const practices = useLoad(() => get('practices.list', { groupId: group.id }), [group.id]);

  const earliest = period.data?.earliestDispensing ? Number(period.data.earliestDispensing.slice(0, 4)) : thisYear - 9;
  const yearOptions = Array.from({ length: Math.max(1, thisYear - Math.min(earliest, last) + 1) }, (_, i) => thisYear - i);
  const result = period.data;
  const settings = (view === 'years' ? years.data?.settings : undefined) ?? result?.settings;

  return (
    <>
      <div className="figures-controls panel">
        <PeriodBar choice={choice} onChange={setChoice} years={yearOptions} />
        <label className="choice">
          <input type="checkbox" checked={showRates} onChange={(event) => setShowRates(event.target.checked)} />
          {t('figures.perThousand')}
        </label>
        {settings && <SettingsLine settings={settings} onChanged={() => setVersion((v) => v + 1)} />}
      </div>
      {result && !result.lookbackComplete && (
        <p className="notice" role="note">
          {t('figures.lookbackIncomplete', {
            earliest: result.earliestDispensing ? formatDate(result.earliestDispensing) : '—',
            days: result.settings.lookbackDays,
          })}
        </p>
      )}
      <Tabs<View>
        label={t('nav.figures')}
        current={view}
        onChange={setView}
        tabs={[
          { key: 'period', label: t('figures.tabPeriod') },
          { key: 'years', label: t('figures.tabYears', { n: YEARS_SIDE_BY_SIDE }) },
          { key: 'worklist', label: t('figures.tabWorklist') },
        ]}
      >
        {view === 'period' && (
          <>
            {period.error && <p className="error">{period.error}</p>}
            {result && (
              <>
                <p className="muted">
                  {t('figures.periodShown', { from: formatDate(result.from), to: formatDate(result.to) })}
                  {showRates && ` ${t('figures.ratesYear', { year: result.rateYear })}`}
                </p>
                <PeriodTable result={result} groupName={group.name} showRates={showRates} />
              </>
            )}
          </>
        )}
        {view === 'years' && (
          <>
            {years.error && <p className="error">{years.error}</p>}
            {years.data && <YearsView result={years.data} groupName={group.name} showRates={showRates} />}
          </>
        )}
        {view === 'worklist' && practices.data && <Worklist practices={practices.data} choice={choice} version={version} />}
      </Tabs>
      <Regional group={group} choice={choice} />
      {settings && (
        <details className="definitions">
          <summary>{t('figures.definitions')}</summary>
          <dl>
            {indicators.map((name) => (
              <div key={name}>
                <dt>{t(labelKey(name), { min: settings.newUserMinDispensings, over: settings.newUserMinDispensings - 1 })}</dt>
                <dd>
                  {t(definitionKey(name), { min: settings.newUserMinDispensings, days: settings.chronicDays, lookback: settings.lookbackDays })}
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </>
  );
}
