import { useState } from 'react';
import { get } from '../api';
import { Tabs } from '../components/Tabs';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import type { Group } from '../types';
import {
  definitionKey,
  incompleteMark,
  indicators,
  indicatorVars,
  labelKey,
  lastYear,
  periodInput,
  type DataRange,
  type PeriodChoice,
} from './model';
import { OmeFactors } from './OmeFactors';
import { PeriodBar, SettingsLine } from './PeriodBar';
import { PeriodTable } from './PeriodTable';
import { Regional } from './Regional';
import { Worklist } from './Worklist';
import { YearsView } from './YearsView';

type View = 'period' | 'years' | 'worklist';
const YEARS_SIDE_BY_SIDE = 5;

/** Cijfers: the spec §5 indicators for the chosen group, per period or years side by side, and the worklist. */
export function Figures({ group }: { group: Group }) {
  const range = useLoad(() => get('indicators.dataRange', { groupId: group.id }), [group.id]);
  if (range.error) return <p className="error">{range.error}</p>;
  if (!range.data) return null;
  // Keyed by group: another group starts again at its own default year.
  return <FiguresFor key={group.id} group={group} range={range.data} />;
}

function FiguresFor({ group, range }: { group: Group; range: DataRange }) {
  const { t, formatDate } = useI18n();
  const [view, setView] = useState<View>('period');
  // Spec §5: the last complete calendar year before today's year, among the years that hold data.
  const [choice, setChoice] = useState<PeriodChoice>({ mode: 'year', year: range.defaultYear });
  const [showRates, setShowRates] = useState(false);
  // Bumped when the settings change, so that every figure is computed again.
  const [version, setVersion] = useState(0);
  const input = periodInput(choice);
  const last = lastYear(choice);

  // The group's own figures: its practices and its "Overige voorschrijvers" (its pharmacies only).
  const period = useLoad(() => get('indicators.compute', { ...input, groupId: group.id }), [JSON.stringify(input), group.id, version]);
  const years = useLoad(
    () =>
      view === 'years'
        ? get('indicators.years', { fromYear: last - YEARS_SIDE_BY_SIDE + 1, toYear: last, groupId: group.id })
        : Promise.resolve(undefined),
    [view, last, group.id, version],
  );
  const practices = useLoad(() => get('practices.list', { groupId: group.id }), [group.id]);

  // Only years that hold data are offered, newest first.
  const yearOptions = range.years.length ? [...range.years].reverse() : [range.defaultYear];
  const result = period.data;
  const settings = (view === 'years' ? years.data?.settings : undefined) ?? result?.settings;

  return (
    <>
      <div className="figures-controls panel">
        <PeriodBar choice={choice} onChange={setChoice} years={yearOptions} dataEnd={range.dataEnd} />
        <label className="choice">
          <input type="checkbox" checked={showRates} onChange={(event) => setShowRates(event.target.checked)} />
          {t('figures.perThousand')}
        </label>
        {settings && <SettingsLine settings={settings} onChanged={() => setVersion((v) => v + 1)} />}
      </div>
      {result && !result.periodComplete && (
        <p className="notice incomplete-period" role="note">
          <strong>{incompleteMark(t, result.dataEnd)}</strong> {t('figures.periodIncompleteNote')}
        </p>
      )}
      {result && !result.chronicComplete && (
        <p className="notice" role="note">
          {t('figures.chronicIncomplete', { earliest: result.earliestDispensing ? formatDate(result.earliestDispensing) : '—' })}
        </p>
      )}
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
                  {!result.periodComplete && <span className="badge">{incompleteMark(t, result.dataEnd)}</span>}
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
                <dt>{t(labelKey(name), indicatorVars(settings))}</dt>
                <dd>{t(definitionKey(name), indicatorVars(settings))}</dd>
              </div>
            ))}
          </dl>
          <OmeFactors />
        </details>
      )}
    </>
  );
}
