import { getMeeting } from './store';
import { listAgreements } from './agreements';
import { createEvaluator } from './evaluation';
import type { Db } from '../open';
import { queryOne } from '../query';

/**
 * The group's meeting before this one and its agreements, each with its status and its figures
 * before/now ("Hoe is het gegaan?"). "Now" is this meeting's own figures period when that lies after
 * the earlier meeting's; otherwise the latest full year with data.
 */
export function earlierAgreements(db: Db, meetingId: number) {
  const meeting = getMeeting(db, meetingId);
  const previous = queryOne<{ id: number }>(
    db,
    `SELECT id FROM meeting WHERE group_id = :groupId AND id <> :id
         AND (coalesce(starts_at, created_at) < :at OR (coalesce(starts_at, created_at) = :at AND id < :id))
       ORDER BY coalesce(starts_at, created_at) DESC, id DESC LIMIT 1`,
    { groupId: meeting.groupId, id: meetingId, at: meeting.startsAt ?? meeting.createdAt },
  );
  if (!previous) return { previousMeeting: null, agreements: [] };
  const earlier = getMeeting(db, previous.id);
  const now = meeting.periodFrom > earlier.periodTo ? { from: meeting.periodFrom, to: meeting.periodTo } : undefined;
  const evaluate = createEvaluator(db);
  return {
    previousMeeting: {
      id: earlier.id,
      startsAt: earlier.startsAt,
      topic: earlier.topic,
      periodFrom: earlier.periodFrom,
      periodTo: earlier.periodTo,
    },
    agreements: listAgreements(db, { meetingId: earlier.id }).map((a) => ({ ...a, evaluation: evaluate(a, now) })),
  };
}
