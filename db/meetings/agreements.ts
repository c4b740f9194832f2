import type { z } from 'zod';
import type { Agreement, agreementFilter, AgreementKind, AgreementIndicator, AgreementStatus } from '../contract/agreements';
import { AppError } from '../errors';
import type { Db } from '../open';
import { queryAll, queryOne } from '../query';

/** Reading agreements with their newest status; shared by the handlers, the sheets and the reports. */

interface AgreementRow {
  id: number;
  meeting_id: number;
  starts_at: string | null;
  topic: string;
  group_id: number;
  group_name: string;
  practice_id: number | null;
  practice_name: string | null;
  pharmacy_id: number | null;
  pharmacy_name: string | null;
  text: string;
  kind: AgreementKind;
  owner: string | null;
  indicator: AgreementIndicator | null;
  direction: 'down' | 'up' | null;
  target: number | null;
  evaluation_date: string | null;
  status: AgreementStatus | null;
  status_note: string | null;
  status_set_at: string | null;
  status_source: 'app' | 'sheet' | null;
  created_at: string;
  updated_at: string;
}

export const WHOLE_GROUP = 'Hele groep';

/** The newest review wins; among reviews with the same time, the one written last. */
const agreementSelect = `
  SELECT a.*, m.starts_at, m.topic, m.group_id, g.name AS group_name, p.name AS practice_name, f.name AS pharmacy_name,
    r.status, r.note AS status_note, r.set_at AS status_set_at, r.source AS status_source
  FROM agreement a
  JOIN meeting m ON m.id = a.meeting_id
  JOIN fto_group g ON g.id = m.group_id
  LEFT JOIN practice p ON p.id = a.practice_id
  LEFT JOIN pharmacy f ON f.id = a.pharmacy_id
  LEFT JOIN agreement_review r ON r.id = (
    SELECT id FROM agreement_review WHERE agreement_id = a.id ORDER BY set_at DESC, id DESC LIMIT 1
  )`;

function toAgreement(row: AgreementRow): Agreement {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    meetingStartsAt: row.starts_at,
    meetingTopic: row.topic,
    groupId: row.group_id,
    groupName: row.group_name,
    practiceId: row.practice_id,
    practiceName: row.practice_name,
    pharmacyId: row.pharmacy_id,
    pharmacyName: row.pharmacy_name,
    scopeName: row.practice_name ?? row.pharmacy_name ?? WHOLE_GROUP,
    text: row.text,
    kind: row.kind,
    owner: row.owner,
    indicator: row.indicator,
    direction: row.direction,
    target: row.target,
    goal: goalText(row),
    // Always set by the core; a row written by hand without one is due a year after it was made.
    evaluationDate: row.evaluation_date ?? `${Number(row.created_at.slice(0, 4)) + 1}${row.created_at.slice(4, 10)}`,
    status: row.status ?? 'open',
    statusNote: row.status_note ?? '',
    statusSetAt: row.status_set_at,
    statusSource: row.status_source,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getAgreement(db: Db, id: number): Agreement {
  const row = queryOne<AgreementRow>(db, `${agreementSelect} WHERE a.id = ?`, id);
  if (!row) throw new AppError('not_found', 'Deze afspraak bestaat niet (meer).');
  return toAgreement(row);
}

export type AgreementFilter = z.output<typeof agreementFilter>;

/** Newest meeting first; within a meeting practices, then pharmacies, then the whole group, each by name. */
export function listAgreements(db: Db, filter: AgreementFilter): Agreement[] {
  const rows = queryAll<AgreementRow>(
    db,
    `${agreementSelect}
       WHERE (:groupId IS NULL OR m.group_id = :groupId)
         AND (:meetingId IS NULL OR a.meeting_id = :meetingId)
         AND (:practiceId IS NULL OR a.practice_id = :practiceId)
         AND (:pharmacyId IS NULL OR a.pharmacy_id = :pharmacyId)
         AND (:wholeGroup IS NULL OR (a.practice_id IS NULL AND a.pharmacy_id IS NULL) = :wholeGroup)
         AND (:dueFrom IS NULL OR a.evaluation_date >= :dueFrom)
         AND (:dueTo IS NULL OR a.evaluation_date <= :dueTo)
       ORDER BY coalesce(m.starts_at, m.created_at) DESC, m.id DESC,
         a.practice_id IS NULL, a.pharmacy_id IS NULL, coalesce(p.name, f.name) COLLATE NOCASE, a.id`,
    {
      groupId: filter.groupId ?? null,
      meetingId: filter.meetingId ?? null,
      practiceId: filter.practiceId ?? null,
      pharmacyId: filter.pharmacyId ?? null,
      wholeGroup: filter.wholeGroup === undefined ? null : filter.wholeGroup ? 1 : 0,
      dueFrom: filter.dueFrom ?? null,
      dueTo: filter.dueTo ?? null,
    },
  );
  const agreements = rows.map(toAgreement);
  // The status is the newest review's, so it is filtered after reading.
  return filter.status?.length ? agreements.filter((a) => filter.status!.includes(a.status)) : agreements;
}

/**
 * How a result will be judged, in words (the rule `judge` in evaluation.ts applies): a target is a ceiling
 * unless the direction is up, so a target without a direction says so. Null without an indicator.
 */
export function goalText(a: { indicator: string | null; direction: 'down' | 'up' | null; target: number | null }): string | null {
  if (!a.indicator) return null;
  if (a.target !== null) {
    if (a.direction === 'up') return `doel: minstens ${a.target}`;
    if (a.direction === 'down') return `doel: hoogstens ${a.target}`;
    return `doel: hoogstens ${a.target} (zonder richting telt het doel als bovengrens)`;
  }
  if (a.direction === 'down') return 'doel: omlaag, lager dan vóór';
  if (a.direction === 'up') return 'doel: omhoog, hoger dan vóór';
  return 'geen doel: alleen de verandering wordt getoond';
}

/** A status set this many days before the evaluation date, or later, is the evaluation of this round. */
export const REVIEW_ROUND_DAYS = 90;

/**
 * "Te evalueren": open or partly done, due on or before `dueTo`, without an evaluation in this round (a
 * "deels" set when it came up is not asked again); the earliest evaluation date first, so overdue leads.
 */
export function dueAgreements(db: Db, groupId: number | undefined, dueTo: string): Agreement[] {
  const roundStart = (a: Agreement) => {
    const date = new Date(`${a.evaluationDate}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - REVIEW_ROUND_DAYS);
    return date.toISOString().slice(0, 10);
  };
  return listAgreements(db, { groupId, dueTo, status: ['open', 'partly'] })
    .filter((a) => a.status === 'open' || a.statusSetAt === null || a.statusSetAt.slice(0, 10) < roundStart(a))
    .sort((a, b) => a.evaluationDate.localeCompare(b.evaluationDate) || a.scopeName.localeCompare(b.scopeName, 'nl') || a.id - b.id);
}
