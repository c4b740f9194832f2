/**
 * Spec §6: exports that leave the FTO group carry aggregates only, with counts from 1 up to the
 * threshold shown as "<10" (the threshold can be lowered knowingly; 1 suppresses nothing).
 */
import {
  DEFAULT_SUPPRESSION_THRESHOLD,
  indicatorNames,
  type IndicatorLevel,
  type IndicatorResult,
  type IndicatorValues,
} from '../contract/indicators';

export type SuppressedValue = number | `<${number}`;

export interface RegionalRow {
  level: IndicatorLevel;
  key: string;
  group: string | null;
  values: Record<keyof IndicatorValues, SuppressedValue>;
  /** Rates only where no count was suppressed: a rate and a list size give the count back. */
  rates: Record<keyof IndicatorValues, number | null> | null;
}

export function suppressCount(value: number, threshold = DEFAULT_SUPPRESSION_THRESHOLD): SuppressedValue {
  return value >= 1 && value < threshold ? `<${threshold}` : value;
}

/** Practice (without `other`'s prescribers), group and all rows: never a prescriber, never a patient. */
export function regionalSummary(result: IndicatorResult, threshold = DEFAULT_SUPPRESSION_THRESHOLD) {
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError('threshold must be a whole number of at least 1');
  const rows: RegionalRow[] = result.rows
    // A group's own "other" row (groupOther) stays inside the group, like v1's regional summary.
    .filter((row) => row.level !== 'prescriber' && row.level !== 'groupOther')
    .map((row) => ({
      level: row.level,
      key: row.key,
      group: row.level === 'all' ? null : row.group,
      values: Object.fromEntries(indicatorNames.map((name) => [name, suppressCount(row[name], threshold)])) as RegionalRow['values'],
      rates: row.rates
        ? (Object.fromEntries(
            indicatorNames.map((name) => [name, suppressCount(row[name], threshold) === row[name] ? row.rates![name] : null]),
          ) as RegionalRow['rates'])
        : null,
    }));
  return { from: result.from, to: result.to, lookbackComplete: result.lookbackComplete, settings: result.settings, threshold, rows };
}
