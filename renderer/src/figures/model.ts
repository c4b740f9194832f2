import type { DEFAULT_SUPPRESSION_THRESHOLD as ContractThreshold } from '../../../db/contract/indicators';
import { INDICATOR_NAMES, settingPlaceholders, type IndicatorName, type IndicatorSettings } from '../../../domain';
import type { MethodInput, MethodOutput } from '../api';
import type { Key, T } from '../i18n';

export type { IndicatorName, IndicatorSettings };
export type IndicatorResult = MethodOutput<'indicators.compute'>;
export type IndicatorRow = IndicatorResult['rows'][number];
export type YearsResult = MethodOutput<'indicators.years'>;
export type YearsRow = YearsResult['rows'][number];
export type DataRange = MethodOutput<'indicators.dataRange'>;

/** Spec §5 order, from domain/ as the contract has it (no zod in the page). */
export const indicators = INDICATOR_NAMES;

/** The regional summary's threshold; mirrored like the names above, the type keeps it equal to the contract's. */
export const DEFAULT_SUPPRESSION_THRESHOLD: typeof ContractThreshold = 10;

export const labelKey = (name: IndicatorName) => `ind.${name}` as Key;
export const shortLabelKey = (name: IndicatorName) => `ind.${name}.short` as Key;
export const definitionKey = (name: IndicatorName) => `ind.${name}.def` as Key;

/** The settings as the placeholders of the indicator texts ("{min} of meer", "langer dan {limit} dagen", "{ome} mg"). */
export const indicatorVars = settingPlaceholders;

export type PeriodChoice = { mode: 'year'; year: number } | { mode: 'rolling'; to: string };

/** "12 months up to a date": from the day after `to`, one year back. */
export function rollingFrom(to: string): string {
  const [y, m, d] = to.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y - 1, m - 1, d + 1)).toISOString().slice(0, 10);
}

export function periodInput(choice: PeriodChoice): Pick<MethodInput<'indicators.compute'>, 'year' | 'from' | 'to'> {
  return choice.mode === 'year' ? { year: choice.year } : { from: rollingFrom(choice.to), to: choice.to };
}

/** The last calendar year the choice reaches into; the years view ends there. */
export function lastYear(choice: PeriodChoice): number {
  return choice.mode === 'year' ? choice.year : Number(choice.to.slice(0, 4));
}

/** "31-10-2025", as the data end is written beside a period. */
export function dayMonthYear(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

/** A year in a chart's categories: "2025*" when its data stops before 31 December, explained under the chart. */
export function yearCategory(year: { year: number; periodComplete: boolean }): string {
  return year.periodComplete ? String(year.year) : `${year.year}*`;
}

/** Spec §5 "Data end": "onvolledig (gegevens tot 31-10-2025)". */
export function incompleteMark(t: T, dataEnd: string | null): string {
  return dataEnd ? t('figures.periodIncomplete', { date: dayMonthYear(dataEnd) }) : t('figures.noData');
}
