import {
  indicatorNames,
  type IndicatorResult,
  type IndicatorRow,
  type IndicatorSettings,
  type IndicatorValues,
  type YearsResult,
} from '../contract/indicators';
import type { Db } from '../open';
import { queryValue } from '../query';
import { dayNumber, isoDay, rateYear } from './days';
import {
  computeTally,
  groupDispensings,
  loadDispensings,
  loadRegistry,
  valuesOf,
  windowStart,
  type Dispensings,
  type Registry,
  type Tally,
} from './engine';
import { chronicComplete, dataSpan, dataYears, periodComplete, requireGroup } from './scope';
import { effectiveSettings } from './settings';

export const OTHER_KEY = 'other';
export const OTHER_NAME = 'Overige voorschrijvers';
export const ALL_KEY = 'all';
export const ALL_NAME = 'Alle gegevens';

export interface Period {
  from: string;
  to: string;
}

/** A calendar year, or from/to as given (the contract has checked them). */
export function resolvePeriod(input: { year?: number | undefined; from?: string | undefined; to?: string | undefined }): Period {
  if (input.year !== undefined) return { from: `${input.year}-01-01`, to: `${input.year}-12-31` };
  return { from: input.from!, to: input.to! };
}

/** Everything a calculation over one window needs, loaded once (several years reuse it). */
export interface Loaded {
  registry: Registry;
  data: Dispensings;
  settings: IndicatorSettings;
  earliest: string | null;
}

export function loadWindow(db: Db, from: string, to: string, settings: IndicatorSettings): Loaded {
  const registry = loadRegistry(db);
  const start = windowStart(db, from, settings);
  const data = loadDispensings(db, registry, isoDay(start), to, from);
  const earliest = queryValue<string | null>(db, 'SELECT min(dispense_date) FROM dispensing');
  return { registry, data, settings, earliest };
}

/**
 * Spec §5 "Group scope": each group's group-other row is the `other` row computed over only the
 * dispensings of that group's pharmacies (look-back included), with the whole database's registry.
 */
export function groupOtherScope(loaded: Loaded, groups: Registry['groups']) {
  const data = groups.map((group) => ({ group, data: groupDispensings(loaded.data, loaded.registry.groups.indexOf(group)) }));
  return (period: Period): { rows: IndicatorRow[]; prescribers: IndicatorRow[] } => {
    const rows: IndicatorRow[] = [];
    const prescribers: IndicatorRow[] = [];
    for (const { group, data: scoped } of data) {
      const tally = computeTally(loaded.registry, scoped, dayNumber(period.from), dayNumber(period.to), loaded.settings);
      rows.push({
        level: 'groupOther',
        key: group.name,
        id: group.id,
        name: OTHER_NAME,
        practice: null,
        group: group.name,
        ...valuesOf(tally, tally.otherEntity),
        listSize: null,
        rates: null,
      });
      if (data.length === 1) {
        prescribers.push(
          ...indicatorRows(loaded.registry, tally, rateYear(period.from, period.to)).filter(
            (row) => row.level === 'prescriber' && row.practice === null,
          ),
        );
      }
    }
    return { rows, prescribers };
  };
}

/** Spec §5: new-user figures are exact only when the data reaches back a full look-back before `from`. */
export function lookbackComplete(loaded: Loaded, from: string): boolean {
  return loaded.earliest !== null && dayNumber(loaded.earliest) <= dayNumber(from) - loaded.settings.lookbackDays;
}

export function tallyPeriod(loaded: Loaded, period: Period, onPatient?: Parameters<typeof computeTally>[5]): Tally {
  return computeTally(loaded.registry, loaded.data, dayNumber(period.from), dayNumber(period.to), loaded.settings, onPatient);
}

export function computeIndicators(
  db: Db,
  input: { year?: number; from?: string; to?: string; groupId?: number; settings?: Partial<IndicatorSettings> },
): IndicatorResult {
  const groupName = requireGroup(db, input.groupId);
  const period = resolvePeriod(input);
  const settings = effectiveSettings(db, input.settings);
  const loaded = loadWindow(db, period.from, period.to, settings);
  const year = rateYear(period.from, period.to);
  const scopeGroups = loaded.registry.groups.filter((group) => groupName === null || group.name === groupName);
  const groupOthers = groupOtherScope(loaded, scopeGroups)(period);
  const rows = [...indicatorRows(loaded.registry, tallyPeriod(loaded, period), year), ...groupOthers.rows];
  const span = dataSpan(db, input.groupId ?? null);
  return {
    ...period,
    lookbackComplete: lookbackComplete(loaded, period.from),
    dataEnd: span.end,
    periodComplete: periodComplete(period.to, span.end),
    chronicComplete: chronicComplete(period.from, loaded.earliest),
    settings,
    earliestDispensing: loaded.earliest,
    rateYear: year,
    rows: groupName === null ? rows : rows.filter((row) => row.group === groupName && row.level !== 'all'),
    groupOtherPrescribers: groupName === null ? [] : groupOthers.prescribers,
  };
}

/** Every calendar year from fromYear to toYear side by side, per practice, `other`, group and all. */
export function computeYears(
  db: Db,
  input: { fromYear: number; toYear: number; groupId?: number; settings?: Partial<IndicatorSettings> },
): YearsResult {
  const groupName = requireGroup(db, input.groupId);
  const settings = effectiveSettings(db, input.settings);
  // Spec §5 "Data end": only years that hold data, so no column of zeros before the data starts or after it ends.
  const span = dataSpan(db, input.groupId ?? null);
  const withData = dataYears(dataSpan(db)).filter((year) => year >= input.fromYear && year <= input.toYear);
  const fromYear = withData[0] ?? input.fromYear;
  const toYear = withData.at(-1) ?? input.toYear;
  const years: YearsResult['years'] = [];
  const byRow = new Map<string, YearsResult['rows'][number]>();
  const loaded = withData.length ? loadWindow(db, `${fromYear}-01-01`, `${toYear}-12-31`, settings) : null;
  const groupOthers = loaded
    ? groupOtherScope(
        loaded,
        loaded.registry.groups.filter((group) => groupName === null || group.name === groupName),
      )
    : null;
  for (const year of withData) {
    const period = resolvePeriod({ year });
    years.push({
      year,
      ...period,
      lookbackComplete: lookbackComplete(loaded!, period.from),
      periodComplete: periodComplete(period.to, span.end),
      chronicComplete: chronicComplete(period.from, loaded!.earliest),
    });
    for (const row of [...indicatorRows(loaded!.registry, tallyPeriod(loaded!, period), year), ...groupOthers!(period).rows]) {
      if (row.level === 'prescriber') continue;
      const id = `${row.level}\u0000${row.key}`;
      if (!byRow.has(id)) byRow.set(id, { level: row.level, key: row.key, id: row.id, name: row.name, group: row.group, years: [] });
      byRow.get(id)!.years.push({ year, ...pickValues(row), listSize: row.listSize, rates: row.rates });
    }
  }
  // `other` appears only in the years it had figures; give it every year, with zeros, so the columns line up.
  for (const row of byRow.values()) {
    if (row.years.length === years.length) continue;
    row.years = years.map(({ year }) => row.years.find((y) => y.year === year) ?? { year, ...zeroValues(), listSize: null, rates: null });
  }
  const rows = [...byRow.values()];
  return {
    fromYear,
    toYear,
    dataEnd: span.end,
    settings,
    years,
    rows: groupName === null ? rows : rows.filter((row) => row.group === groupName && row.level !== 'all'),
  };
}

export function pickValues(row: IndicatorValues): IndicatorValues {
  return Object.fromEntries(indicatorNames.map((name) => [name, row[name]])) as IndicatorValues;
}

function zeroValues(): IndicatorValues {
  return Object.fromEntries(indicatorNames.map((name) => [name, 0])) as IndicatorValues;
}

/** The spec §8 rows from a tally: seen prescribers, every practice, `other` when it has prescribers with a row, every group, all. */
export function indicatorRows(registry: Registry, tally: Tally, year: number): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  const noRates = { listSize: null, rates: null };
  let otherHasRows = false;
  registry.prescribers.forEach((prescriber, i) => {
    if (!tally.seen[i]) return;
    const practice = prescriber.practice < 0 ? null : registry.practices[prescriber.practice]!;
    if (!practice) otherHasRows = true;
    rows.push({
      level: 'prescriber',
      key: prescriber.key,
      id: prescriber.id,
      name: prescriber.name,
      practice: practice?.name ?? null,
      group: practice ? registry.groups[practice.group]!.name : null,
      ...valuesOf(tally, i),
      ...noRates,
    });
  });
  const sizeOf = (practice: number) => registry.listSizes.get(practice)?.get(year) ?? null;
  registry.practices.forEach((practice, i) => {
    const values = valuesOf(tally, tally.practiceBase + i);
    rows.push({
      level: 'practice',
      key: practice.name,
      id: practice.id,
      name: practice.name,
      practice: practice.name,
      group: registry.groups[practice.group]!.name,
      ...values,
      ...withRates(values, sizeOf(i)),
    });
  });
  if (otherHasRows) {
    rows.push({
      level: 'practice',
      key: OTHER_KEY,
      id: null,
      name: OTHER_NAME,
      practice: null,
      group: null,
      ...valuesOf(tally, tally.otherEntity),
      ...noRates,
    });
  }
  registry.groups.forEach((group, g) => {
    const values = valuesOf(tally, tally.groupBase + g);
    // A group's rate needs every practice's list size: a partial denominator would inflate it.
    const sizes = registry.practices.flatMap((p, i) => (p.group === g ? [sizeOf(i)] : []));
    const size = sizes.length > 0 && sizes.every((s) => s !== null) ? sizes.reduce((sum, s) => sum! + s!, 0) : null;
    rows.push({
      level: 'group',
      key: group.name,
      id: group.id,
      name: group.name,
      practice: null,
      group: group.name,
      ...values,
      ...withRates(values, size),
    });
  });
  rows.push({
    level: 'all',
    key: ALL_KEY,
    id: null,
    name: ALL_NAME,
    practice: null,
    group: null,
    ...valuesOf(tally, tally.allEntity),
    ...noRates,
  });
  return rows;
}

function withRates(values: IndicatorValues, listSize: number | null): Pick<IndicatorRow, 'listSize' | 'rates'> {
  if (listSize === null) return { listSize: null, rates: null };
  const rates = Object.fromEntries(indicatorNames.map((name) => [name, Math.round((values[name] * 1000 * 100) / listSize) / 100]));
  return { listSize, rates: rates as IndicatorRow['rates'] };
}

/** The spec §8 JSON exactly: per level only the fields the spec shows, the app's extras left out. */
export function specJson(result: IndicatorResult) {
  return {
    from: result.from,
    to: result.to,
    lookbackComplete: result.lookbackComplete,
    dataEnd: result.dataEnd,
    periodComplete: result.periodComplete,
    settings: {
      chronicDays: result.settings.chronicDays,
      lookbackDays: result.settings.lookbackDays,
      newUserMinDispensings: result.settings.newUserMinDispensings,
      startLimitDays: result.settings.startLimitDays,
      highDoseOme: result.settings.highDoseOme,
    },
    rows: result.rows.map((row) => ({
      level: row.level,
      key: row.key,
      ...(row.level === 'prescriber' ? { practice: row.practice } : {}),
      ...(row.level === 'prescriber' || row.level === 'practice' || row.level === 'groupOther' ? { group: row.group } : {}),
      ...pickValues(row),
    })),
  };
}
