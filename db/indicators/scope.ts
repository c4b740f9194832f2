/**
 * Spec §5 "Data end" and the default period: how far the stored data reaches, for the whole
 * database or for one FTO group's pharmacies (spec §5 "Group scope").
 */
import { AppError } from '../errors';
import { today as localToday } from '../meetings/dates';
import type { Db } from '../open';
import { GROUP_DISPENSINGS } from './engine';
import { queryOne, queryRow } from '../query';

/** Earliest and latest dispense date of the stored opioid dispensings (strong or weak). */
export function dataSpan(db: Db, groupId: number | null = null): { start: string | null; end: string | null } {
  // Separate min() and max() subqueries each read one end of the date index, where one SELECT with both
  // scans all of it. A group's filter stays one scan: walking the index could visit every row twice.
  type Span = { start: string | null; end: string | null };
  return groupId === null
    ? queryRow<Span>(db, 'SELECT (SELECT min(dispense_date) FROM dispensing) AS start, (SELECT max(dispense_date) FROM dispensing) AS end')
    : queryRow<Span>(
        db,
        `SELECT min(dispense_date) AS start, max(dispense_date) AS end FROM dispensing d WHERE ${GROUP_DISPENSINGS}`,
        groupId,
        groupId,
      );
}

/** A period is complete when the data reaches its last day. */
export function periodComplete(to: string, dataEnd: string | null): boolean {
  return dataEnd !== null && to <= dataEnd;
}

/**
 * How far before a period the data must reach for its chronic-user figure to be whole: a dispensing
 * before the period covers days inside it, and a supply of up to three months is dispensed at once.
 */
export const CHRONIC_COVERAGE_DAYS = 90;

/** The chronic-user figure of a period starting on `from` may miss earlier coverage when the data starts later. */
export function chronicComplete(from: string, dataStart: string | null): boolean {
  if (dataStart === null) return true;
  const limit = new Date(`${from}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() - CHRONIC_COVERAGE_DAYS);
  return dataStart <= limit.toISOString().slice(0, 10);
}

/** The calendar years that hold data: from the first dispensing's year to the data end's year. */
export function dataYears(span: { start: string | null; end: string | null }): number[] {
  if (!span.start || !span.end) return [];
  const years: number[] = [];
  for (let year = Number(span.start.slice(0, 4)); year <= Number(span.end.slice(0, 4)); year++) years.push(year);
  return years;
}

/**
 * Spec §5: the default period is the last calendar year that is complete (the data reaches its
 * 31 December), at or before the year before `reference` (a meeting's date, or today). Without such
 * a year: the latest data year at or before that year, else the first data year, else that year itself.
 */
export function defaultYear(reference: string, span: { start: string | null; end: string | null }): number {
  const latest = Number(reference.slice(0, 4)) - 1;
  const years = dataYears(span);
  const candidates = years.filter((year) => year <= latest);
  const complete = candidates.filter((year) => periodComplete(`${year}-12-31`, span.end));
  return complete.at(-1) ?? candidates.at(-1) ?? years[0] ?? latest;
}

/** The default period as dates. */
export function defaultYearPeriod(reference: string, span: { start: string | null; end: string | null }): { from: string; to: string } {
  const year = defaultYear(reference, span);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** For the period pickers: the data's span, the years that hold data and the default year (for `today`). */
export function dataRange(db: Db, groupId: number | null, today = localToday()) {
  requireGroup(db, groupId ?? undefined);
  const span = dataSpan(db, groupId);
  const whole = groupId === null ? span : dataSpan(db);
  return { dataStart: span.start, dataEnd: span.end, years: dataYears(whole), defaultYear: defaultYear(today, span) };
}

export function requireGroup(db: Db, groupId: number | undefined): string | null {
  if (groupId === undefined) return null;
  const row = queryOne<{ name: string }>(db, 'SELECT name FROM fto_group WHERE id = ?', groupId);
  if (!row) throw new AppError('not_found', 'Deze FTO-groep bestaat niet (meer).', 'groupId');
  return row.name;
}
