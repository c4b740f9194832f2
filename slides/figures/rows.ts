// Which rows of the figures a slide shows, and how they are named: the group's practices (by name or as
// Praktijk A, B, ...), the group total, its "other" row and the region.
import { GROUP_OTHER_LEVEL, OTHER_PRACTICE_KEY, type IndicatorName } from '../../domain';
import type { DeckData, FigureRow, PeriodFigures } from '../data';

export const GROUP_ROW_LABEL = 'Totaal groep';
export const OTHER_ROW_LABEL = 'Overige voorschrijvers';
export const REGION_ROW_LABEL = 'Regio (alle groepen)';

/** How practices are named in this deck: by name, or as Praktijk A, B, C... in the order of their keys. */
export function practiceNamer(data: DeckData): (key: string) => string {
  const periods = [data.current, ...(data.years ?? []), ...(data.evaluation ? [data.evaluation.before, data.evaluation.now] : [])];
  const keys = [...new Set(periods.flatMap((period) => groupPractices(period, data.group).map((row) => row.key)))].sort(byCodePoint);
  const letters = new Map(keys.map((key, index) => [key, `Praktijk ${letterCode(index)}`]));
  return (key) => {
    if (key === OTHER_PRACTICE_KEY) return OTHER_ROW_LABEL;
    return data.naming === 'letters' ? (letters.get(key) ?? key) : key;
  };
}

export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A, B, ... Z, AA, AB, ... */
function letterCode(index: number): string {
  let code = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) code = String.fromCharCode(65 + ((n - 1) % 26)) + code;
  return code;
}

/** The group's practices in a period, in key order (without the "other" row). */
export function groupPractices(period: PeriodFigures, group: string): FigureRow[] {
  return period.rows
    .filter((row) => row.level === 'practice' && row.key !== OTHER_PRACTICE_KEY && (row.group == null || row.group === group))
    .sort((a, b) => byCodePoint(a.key, b.key));
}

export function groupRow(period: PeriodFigures, group: string): FigureRow | undefined {
  return period.rows.find((row) => row.level === 'group' && row.key === group) ?? period.rows.find((row) => row.level === 'group');
}

/** The group's own "other" row (its pharmacies only) when the figures have one, else v1's `other`. */
function otherRow(period: PeriodFigures, group: string): FigureRow | undefined {
  return (
    period.rows.find((row) => row.level === GROUP_OTHER_LEVEL && row.key === group) ??
    period.rows.find((row) => row.level === 'practice' && row.key === OTHER_PRACTICE_KEY)
  );
}

export function regionRow(period: PeriodFigures): FigureRow | undefined {
  return period.rows.find((row) => row.level === 'all');
}

export function ratePer1000(row: FigureRow, indicator: IndicatorName): number | null {
  const given = row.per1000?.[indicator];
  if (typeof given === 'number') return given;
  return row.listSize ? (row[indicator] / row.listSize) * 1000 : null;
}

/** The rows one per-practice slide shows: the practices, then optionally "other", then the group total. */
export interface LabelledRow {
  label: string;
  row: FigureRow;
  total?: boolean;
}

export function practiceRows(period: PeriodFigures, data: DeckData, name: (key: string) => string, withOther: boolean): LabelledRow[] {
  const rows: LabelledRow[] = groupPractices(period, data.group).map((row) => ({ label: name(row.key), row }));
  const other = withOther ? otherRow(period, data.group) : undefined;
  if (other) rows.push({ label: OTHER_ROW_LABEL, row: other });
  const group = groupRow(period, data.group);
  if (group) rows.push({ label: GROUP_ROW_LABEL, row: group, total: true });
  return rows;
}
