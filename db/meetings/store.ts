import type { z } from 'zod';
import type { attendee, caseAnswer, discussionNote, Meeting, Person } from '../contract/meetings';
import { AppError } from '../errors';
import type { Db } from '../open';
import { queryAll, queryOne } from '../query';

/** Reading meetings and their people, shared by the handlers and the reports. */

interface MeetingRow {
  id: number;
  group_id: number;
  group_name: string;
  topic: string;
  module: string;
  starts_at: string | null;
  place: string | null;
  chair: string | null;
  minute_taker: string | null;
  quality_consultant: string | null;
  accreditation_number: string | null;
  period_from: string;
  period_to: string;
  period_manual: number;
  compare_from_year: number | null;
  anonymize_practices: number;
  status: Meeting['status'];
  ended_at: string | null;
  created_at: string;
  updated_at: string;
  present_count: number;
  agreement_count: number;
}

export const meetingSelect = `
  SELECT m.*, g.name AS group_name,
    (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.present = 1) AS present_count,
    (SELECT count(*) FROM agreement x WHERE x.meeting_id = m.id) AS agreement_count
  FROM meeting m JOIN fto_group g ON g.id = m.group_id`;

export function toMeeting(row: MeetingRow): Meeting {
  return {
    id: row.id,
    groupId: row.group_id,
    groupName: row.group_name,
    topic: row.topic,
    module: row.module,
    startsAt: row.starts_at,
    place: row.place,
    chair: row.chair,
    minuteTaker: row.minute_taker,
    qualityConsultant: row.quality_consultant,
    accreditationNumber: row.accreditation_number,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    periodManual: row.period_manual === 1,
    compareFromYear: row.compare_from_year,
    anonymizePractices: row.anonymize_practices === 1,
    status: row.status,
    endedAt: row.ended_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    presentCount: row.present_count,
    agreementCount: row.agreement_count,
  };
}

export function getMeeting(db: Db, id: number): Meeting {
  const row = queryOne<MeetingRow>(db, `${meetingSelect} WHERE m.id = ?`, id);
  if (!row) throw new AppError('not_found', 'Deze bijeenkomst bestaat niet (meer).');
  return toMeeting(row);
}

export function listMeetings(db: Db, filter: { groupId?: number; status?: string; year?: number }): Meeting[] {
  const rows = queryAll<MeetingRow>(
    db,
    `${meetingSelect}
       WHERE (:groupId IS NULL OR m.group_id = :groupId)
         AND (:status IS NULL OR m.status = :status)
         AND (:year IS NULL OR CAST(substr(coalesce(m.starts_at, m.created_at), 1, 4) AS INTEGER) = :year)
       ORDER BY coalesce(m.starts_at, m.created_at) DESC, m.id DESC`,
    { groupId: filter.groupId ?? null, status: filter.status ?? null, year: filter.year ?? null },
  );
  return rows.map(toMeeting);
}

interface PersonRow {
  id: number;
  group_id: number;
  name: string;
  role: Person['role'];
  practice_id: number | null;
  practice_name: string | null;
  pharmacy_id: number | null;
  pharmacy_name: string | null;
  registration: string | null;
  active: number;
  guest_of_meeting_id: number | null;
}

export const personSelect = `
  SELECT p.*, pr.name AS practice_name, ph.name AS pharmacy_name
  FROM person p LEFT JOIN practice pr ON pr.id = p.practice_id LEFT JOIN pharmacy ph ON ph.id = p.pharmacy_id`;

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    groupId: row.group_id,
    name: row.name,
    role: row.role,
    practiceId: row.practice_id,
    practiceName: row.practice_name,
    pharmacyId: row.pharmacy_id,
    pharmacyName: row.pharmacy_name,
    registration: row.registration,
    active: row.active === 1,
    guestOfMeetingId: row.guest_of_meeting_id,
  };
}

export function getPerson(db: Db, id: number): Person {
  const row = queryOne<PersonRow>(db, `${personSelect} WHERE p.id = ?`, id);
  if (!row) throw new AppError('not_found', 'Deze persoon bestaat niet (meer).');
  return toPerson(row);
}

export function listMembers(db: Db, groupId: number, includeInactive: boolean): Person[] {
  const rows = queryAll<PersonRow>(
    db,
    `${personSelect} WHERE p.group_id = ? AND p.guest_of_meeting_id IS NULL AND (? OR p.active = 1) ORDER BY p.name COLLATE NOCASE, p.id`,
    groupId,
    includeInactive ? 1 : 0,
  );
  return rows.map(toPerson);
}

export type Attendee = z.infer<typeof attendee>;

/** Active members, anyone already recorded for the meeting, and its guests; members first, by name. */
export function listAttendees(db: Db, meetingId: number): Attendee[] {
  const meeting = getMeeting(db, meetingId);
  const rows = queryAll<PersonRow & { present: number | null }>(
    db,
    `${personSelect.replace('SELECT p.*,', 'SELECT p.*, a.present AS present,')}
       LEFT JOIN attendance a ON a.person_id = p.id AND a.meeting_id = :meetingId
       WHERE (p.group_id = :groupId AND p.guest_of_meeting_id IS NULL AND (p.active = 1 OR a.person_id IS NOT NULL))
          OR p.guest_of_meeting_id = :meetingId
       ORDER BY p.guest_of_meeting_id IS NOT NULL, p.name COLLATE NOCASE, p.id`,
    { meetingId, groupId: meeting.groupId },
  );
  return rows.map((row) => ({ ...toPerson(row), present: row.present === 1, guest: row.guest_of_meeting_id !== null }));
}

interface CaseAnswerRow {
  id: number;
  meeting_id: number;
  question_id: string;
  practice_id: number | null;
  practice_name: string | null;
  text: string;
  updated_at: string;
}

export function listCaseAnswers(db: Db, meetingId: number, questionId?: string): z.infer<typeof caseAnswer>[] {
  const rows = queryAll<CaseAnswerRow>(
    db,
    `SELECT c.*, p.name AS practice_name FROM case_answer c LEFT JOIN practice p ON p.id = c.practice_id
       WHERE c.meeting_id = ? AND (? IS NULL OR c.question_id = ?)
       ORDER BY c.question_id, c.practice_id IS NOT NULL, p.name COLLATE NOCASE`,
    meetingId,
    questionId ?? null,
    questionId ?? null,
  );
  return rows.map((row) => ({
    id: row.id,
    meetingId: row.meeting_id,
    questionId: row.question_id,
    practiceId: row.practice_id,
    practiceName: row.practice_name,
    text: row.text,
    updatedAt: row.updated_at,
  }));
}

interface NoteRow {
  id: number;
  meeting_id: number;
  slide_id: string | null;
  text: string;
  created_at: string;
  updated_at: string;
}

export function toNote(row: NoteRow): z.infer<typeof discussionNote> {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    slideId: row.slide_id,
    text: row.text,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listNotes(db: Db, meetingId: number, slideId?: string): z.infer<typeof discussionNote>[] {
  const rows = queryAll<NoteRow>(
    db,
    'SELECT * FROM discussion_note WHERE meeting_id = ? AND (? IS NULL OR slide_id = ?) ORDER BY created_at, id',
    meetingId,
    slideId ?? null,
    slideId ?? null,
  );
  return rows.map(toNote);
}

/** SQL for "now" in the schema defaults' format, so that written and default timestamps sort together. */
export const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
