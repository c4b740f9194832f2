import type { Agreement, Evaluation } from '../contract/agreements';
import { AppError } from '../errors';
import { listAgreements, WHOLE_GROUP } from '../meetings/agreements';
import { dutchPeriod } from '../meetings/dates';
import { createEvaluator } from '../meetings/evaluation';
import type { Db } from '../open';
import { INDICATOR_LABELS } from '../../domain';
import { queryOne } from '../query';

/** Whose agreements a review sheet or card holds: one practice, one pharmacy, or the group as a whole. */
export interface ReviewScope {
  kind: 'practice' | 'pharmacy' | 'group';
  id: number;
  name: string;
  groupName: string;
}

export function resolveScope(db: Db, input: { practiceId?: number; pharmacyId?: number; groupId?: number }): ReviewScope {
  if (input.practiceId !== undefined) {
    const row = queryOne<{ name: string; groupName: string }>(
      db,
      'SELECT p.name, g.name AS groupName FROM practice p JOIN fto_group g ON g.id = p.group_id WHERE p.id = ?',
      input.practiceId,
    );
    if (!row) throw new AppError('not_found', 'Deze praktijk bestaat niet (meer).', 'practiceId');
    return { kind: 'practice', id: input.practiceId, ...row };
  }
  if (input.pharmacyId !== undefined) {
    const row = queryOne<{ name: string; groupName: string }>(
      db,
      "SELECT f.name, coalesce(g.name, '') AS groupName FROM pharmacy f LEFT JOIN fto_group g ON g.id = f.group_id WHERE f.id = ?",
      input.pharmacyId,
    );
    if (!row) throw new AppError('not_found', 'Deze apotheek bestaat niet (meer).', 'pharmacyId');
    return { kind: 'pharmacy', id: input.pharmacyId, ...row };
  }
  const row = queryOne<{ name: string }>(db, 'SELECT name FROM fto_group WHERE id = ?', input.groupId);
  if (!row) throw new AppError('not_found', 'Deze FTO-groep bestaat niet (meer).', 'groupId');
  return { kind: 'group', id: input.groupId!, name: `${WHOLE_GROUP} ${row.name}`, groupName: row.name };
}

export function belongsTo(agreement: Agreement, scope: Pick<ReviewScope, 'kind' | 'id'>): boolean {
  if (scope.kind === 'practice') return agreement.practiceId === scope.id;
  if (scope.kind === 'pharmacy') return agreement.pharmacyId === scope.id;
  return agreement.groupId === scope.id && agreement.practiceId === null && agreement.pharmacyId === null;
}

export interface ReviewLine {
  agreement: Agreement;
  evaluation: Evaluation | null;
  measuredBy: string;
  before: string;
  now: string;
}

/**
 * The agreements of this round, each with its current status and its figures before and now: every
 * agreement of the scope's latest meeting (whatever its status, so a "niet uitgevoerd" stays on the
 * card), and older ones that are still open or partly done.
 */
export function reviewLines(db: Db, scope: ReviewScope): ReviewLine[] {
  const filter =
    scope.kind === 'practice'
      ? { practiceId: scope.id }
      : scope.kind === 'pharmacy'
        ? { pharmacyId: scope.id }
        : { groupId: scope.id, wholeGroup: true };
  const evaluate = createEvaluator(db);
  const agreements = listAgreements(db, filter).filter((a) => a.text.trim() !== '');
  const latestMeetingId = agreements[0]?.meetingId; // newest meeting first
  return agreements
    .filter((a) => a.meetingId === latestMeetingId || a.status === 'open' || a.status === 'partly')
    .map((agreement) => {
      const evaluation = evaluate(agreement);
      const show = (m: { value: number; from: string; to: string } | null | undefined) =>
        m ? `${m.value} (${dutchPeriod(m.from, m.to)})` : '—';
      return {
        agreement,
        evaluation,
        measuredBy: agreement.indicator
          ? `${INDICATOR_LABELS[agreement.indicator]}${agreement.practiceId === null ? ' (cijfer van de hele groep)' : ''}; ${agreement.goal}`
          : '',
        before: evaluation ? show(evaluation.before) : '',
        now: evaluation ? show(evaluation.now) : '',
      };
    });
}
