import { INDICATOR_LABELS } from '../../domain';
import type { Agreement, Evaluation } from '../contract/agreements';
import type { IndicatorResult, IndicatorRow } from '../contract/indicators';
import { computeIndicators } from '../indicators/compute';
import type { Db } from '../open';
import { goalText } from './agreements';
import { dutchPeriod } from './dates';
import { expectRow, queryValue, statement } from '../query';

export interface Period {
  from: string;
  to: string;
}

/** What the evaluation needs of the indicators engine: all rows of one period. */
export type ComputeIndicators = (db: Db, period: Period) => IndicatorResult;

/**
 * Evaluates agreements against the indicators, computing each period once per evaluator (an
 * overview of many agreements over the same two periods costs two calculations).
 */
export function createEvaluator(db: Db, compute: ComputeIndicators = (d, p) => computeIndicators(d, p)) {
  const results = new Map<string, IndicatorResult>();
  const resultFor = (period: Period) => {
    const key = `${period.from}/${period.to}`;
    if (!results.has(key)) results.set(key, compute(db, period));
    return results.get(key)!;
  };
  const latest = latestFullYear(db);

  const periodOfMeeting = statement<Period>(db, 'SELECT period_from AS "from", period_to AS "to" FROM meeting WHERE id = ?');

  return function evaluate(agreement: Agreement, chosen?: Period): Evaluation | null {
    if (!agreement.indicator) return null;
    const indicator = agreement.indicator;
    const before = expectRow(periodOfMeeting.get(agreement.meetingId));
    // "Now" must lie after the meeting's figures; otherwise there is nothing to compare yet.
    const nowPeriod = chosen ?? (latest !== null && latest.from > before.to ? latest : null);
    const level = agreement.practiceId !== null ? 'practice' : 'group';
    const levelId = agreement.practiceId ?? agreement.groupId;
    const measure = (period: Period) => {
      const row = resultFor(period).rows.find((r: IndicatorRow) => r.level === level && r.id === levelId);
      return { ...period, value: row?.[indicator] ?? 0, rate: row?.rates?.[indicator] ?? null };
    };
    const beforeValue = measure(before);
    const nowValue = nowPeriod ? measure(nowPeriod) : null;
    const change = nowValue ? nowValue.value - beforeValue.value : null;
    const changePercent = change !== null && beforeValue.value !== 0 ? Math.round((change / beforeValue.value) * 1000) / 10 : null;
    const met = judge(agreement, beforeValue.value, nowValue?.value ?? null);
    const levelName = agreement.practiceName ?? agreement.groupName;
    return {
      agreementId: agreement.id,
      indicator,
      direction: agreement.direction,
      target: agreement.target,
      level,
      levelName,
      before: beforeValue,
      now: nowValue,
      change,
      changePercent,
      met,
      summary: summarize(agreement, beforeValue, nowValue, met),
    };
  };
}

/** A target wins over a direction; without either the change cannot be judged. */
export function judge(agreement: Pick<Agreement, 'direction' | 'target'>, before: number, now: number | null): boolean | null {
  if (now === null) return null;
  if (agreement.target !== null) return agreement.direction === 'up' ? now >= agreement.target : now <= agreement.target;
  if (agreement.direction === 'down') return now < before;
  if (agreement.direction === 'up') return now > before;
  return null;
}

function summarize(
  agreement: Agreement,
  before: Period & { value: number },
  now: (Period & { value: number }) | null,
  met: boolean | null,
): string {
  const label = INDICATOR_LABELS[agreement.indicator!];
  const start = `${label}: ${before.value} in ${dutchPeriod(before.from, before.to)}`;
  const goal = goalText(agreement);
  if (!now) return `${start} (${goal}); nog geen cijfers over een latere periode.`;
  const verdict = met === null ? '' : met ? ' — gehaald' : ' — niet gehaald';
  return `${start}, ${now.value} in ${dutchPeriod(now.from, now.to)} (${goal})${verdict}.`;
}

/**
 * The latest calendar year the data covers to its end: the year of the newest dispensing when that
 * lies in December, otherwise the year before. Null without dispensings.
 */
export function latestFullYear(db: Db): Period | null {
  const newest = queryValue<string | null>(db, 'SELECT max(dispense_date) AS d FROM dispensing');
  if (!newest) return null;
  const year = Number(newest.slice(0, 4)) - (newest.slice(5, 7) === '12' ? 0 : 1);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
