import type { meetingsContract } from '../contract/meetings';
import type { CoreContext, Handlers } from '../handler';
import { AppError } from '../errors';
import type { Db } from '../open';
import { dutchDate, today } from '../meetings/dates';
import { dataSpan, defaultYearPeriod } from '../indicators/scope';
import {
  getMeeting,
  getPerson,
  listAttendees,
  listCaseAnswers,
  listMeetings,
  listMembers,
  listNotes,
  NOW,
  toNote,
} from '../meetings/store';
import { attendanceListFile } from '../reports/attendance-list';
import { meetingReportFile } from '../reports/meeting-report';
import { expectRow, queryOne, queryRow, queryValue, statement } from '../query';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Meetings, their members and guests, attendance, case answers and discussion notes. */
export function meetingsHandlers({ db, renderPdf }: CoreContext): Handlers<keyof typeof meetingsContract> {
  const exists = (sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) !== undefined;

  const requireGroup = (groupId: number) => {
    if (!exists('SELECT 1 FROM fto_group WHERE id = ?', groupId))
      throw new AppError('validation', 'Kies een bestaande FTO-groep.', 'groupId');
  };
  /** A member's practice or pharmacy must exist; it may be outside the group (a guest's own practice). */
  const requirePlace = (input: { practiceId: number | null; pharmacyId: number | null }) => {
    if (input.practiceId !== null && !exists('SELECT 1 FROM practice WHERE id = ?', input.practiceId)) {
      throw new AppError('validation', 'Kies een bestaande praktijk.', 'practiceId');
    }
    if (input.pharmacyId !== null && !exists('SELECT 1 FROM pharmacy WHERE id = ?', input.pharmacyId)) {
      throw new AppError('validation', 'Kies een bestaande apotheek.', 'pharmacyId');
    }
  };
  const requireMeetingPractice = (meetingId: number, practiceId: number | null) => {
    if (practiceId === null) return;
    if (!exists('SELECT 1 FROM practice p JOIN meeting m ON m.group_id = p.group_id WHERE m.id = ? AND p.id = ?', meetingId, practiceId)) {
      throw new AppError('validation', 'Kies een praktijk van deze FTO-groep.', 'practiceId');
    }
  };
  const insertPerson = db.prepare(
    `INSERT INTO person (group_id, name, role, practice_id, pharmacy_id, registration, guest_of_meeting_id)
     VALUES (:groupId, :name, :role, :practiceId, :pharmacyId, :registration, :guestOf)`,
  );
  const upsertAttendance = db.prepare(
    `INSERT INTO attendance (meeting_id, person_id, present) VALUES (?, ?, ?)
     ON CONFLICT (meeting_id, person_id) DO UPDATE SET present = excluded.present`,
  );
  const presentCount = (meetingId: number) =>
    queryValue<number>(db, 'SELECT count(*) AS n FROM attendance WHERE meeting_id = ? AND present = 1', meetingId);

  // Autosaves run on every keystroke: prepared once, one statement each.
  const saveAnswer = statement<{ id: number; updated_at: string }>(
    db,
    `INSERT INTO case_answer (meeting_id, question_id, practice_id, text) VALUES (?, ?, ?, ?)
     ON CONFLICT (meeting_id, question_id, ifnull(practice_id, 0)) DO UPDATE SET text = excluded.text, updated_at = ${NOW}
     RETURNING id, updated_at`,
  );
  const saveNote = statement<{ id: number; updated_at: string }>(
    db,
    `UPDATE discussion_note SET text = ?, updated_at = ${NOW} WHERE id = ? RETURNING id, updated_at`,
  );

  /** Spec §5: the last complete calendar year at or before the year before the meeting (or today). */
  const meetingDefaultPeriod = (groupId: number, startsAt: string | null) =>
    defaultYearPeriod(startsAt?.slice(0, 10) ?? today(), dataSpan(db, groupId));

  const setStatus = (id: number, status: 'running' | 'ended') => {
    getMeeting(db, id);
    db.prepare(
      `UPDATE meeting SET status = ?, ended_at = CASE WHEN ? = 'ended' THEN ${NOW} ELSE NULL END, updated_at = ${NOW} WHERE id = ?`,
    ).run(status, status, id);
    return getMeeting(db, id);
  };

  return {
    'meetings.list': (filter) => listMeetings(db, filter),
    'meetings.get': ({ id }) => getMeeting(db, id),
    'meetings.create': (input) => {
      requireGroup(input.groupId);
      const manual = input.periodFrom !== undefined && input.periodTo !== undefined;
      const period = manual ? { from: input.periodFrom!, to: input.periodTo! } : meetingDefaultPeriod(input.groupId, input.startsAt);
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO meeting (group_id, topic, module, starts_at, place, chair, minute_taker, quality_consultant,
             accreditation_number, period_from, period_to, period_manual, compare_from_year, anonymize_practices)
           VALUES (:groupId, :topic, :module, :startsAt, :place, :chair, :minuteTaker, :qualityConsultant,
             :accreditationNumber, :periodFrom, :periodTo, :manual, :compareFromYear, :anonymize)`,
        )
        .run({
          ...input,
          ...carriedOver(db, input),
          periodFrom: period.from,
          periodTo: period.to,
          manual: manual ? 1 : 0,
          anonymize: input.anonymizePractices ? 1 : 0,
        });
      return getMeeting(db, Number(lastInsertRowid));
    },
    'meetings.update': ({ id, ...patch }) => {
      const current = getMeeting(db, id);
      if (patch.periodFrom !== undefined || patch.periodTo !== undefined) {
        db.prepare('UPDATE meeting SET period_manual = 1 WHERE id = ?').run(id);
      } else if (patch.startsAt !== undefined && !current.periodManual) {
        // The period follows the meeting's date until the preparer sets it by hand.
        const period = meetingDefaultPeriod(current.groupId, patch.startsAt);
        patch = { ...patch, periodFrom: period.from, periodTo: period.to };
      }
      const periodFrom = patch.periodFrom ?? current.periodFrom;
      const periodTo = patch.periodTo ?? current.periodTo;
      if (periodFrom > periodTo) throw new AppError('validation', 'De einddatum van de periode ligt vóór de begindatum.', 'periodTo');
      const columns: Record<string, string> = {
        topic: 'topic',
        module: 'module',
        startsAt: 'starts_at',
        place: 'place',
        chair: 'chair',
        minuteTaker: 'minute_taker',
        qualityConsultant: 'quality_consultant',
        accreditationNumber: 'accreditation_number',
        periodFrom: 'period_from',
        periodTo: 'period_to',
        compareFromYear: 'compare_from_year',
        anonymizePractices: 'anonymize_practices',
      };
      const given = Object.entries(patch).filter(([, value]) => value !== undefined);
      if (given.length) {
        const values = Object.fromEntries(given.map(([key, value]) => [key, typeof value === 'boolean' ? (value ? 1 : 0) : value]));
        db.prepare(
          `UPDATE meeting SET ${given.map(([key]) => `${columns[key]} = :${key}`).join(', ')}, updated_at = ${NOW} WHERE id = :id`,
        ).run({
          ...values,
          id,
        });
      }
      return getMeeting(db, id);
    },
    'meetings.deleteImpact': ({ id }) => {
      const meeting = getMeeting(db, id);
      const count = (sql: string) => queryValue<number>(db, sql, id);
      const answers = count("SELECT count(*) AS n FROM case_answer WHERE meeting_id = ? AND text <> ''");
      const notes = count("SELECT count(*) AS n FROM discussion_note WHERE meeting_id = ? AND text <> ''");
      const guests = count('SELECT count(*) AS n FROM person WHERE guest_of_meeting_id = ?');
      const polls = count('SELECT count(*) AS n FROM poll WHERE meeting_id = ?');
      return {
        name: `${meeting.topic} (${meeting.startsAt ? dutchDate(meeting.startsAt.slice(0, 10)) : 'zonder datum'})`,
        consequences: [
          ...(meeting.agreementCount
            ? [`${plural(meeting.agreementCount, 'afspraak wordt', 'afspraken worden')} verwijderd, met de evaluaties`]
            : []),
          ...(meeting.presentCount
            ? [`de presentielijst (${plural(meeting.presentCount, 'aanwezige', 'aanwezigen')}) wordt verwijderd`]
            : []),
          ...(answers ? [`${plural(answers, 'antwoord op een casusvraag wordt', 'antwoorden op casusvragen worden')} verwijderd`] : []),
          ...(notes ? [`${plural(notes, 'discussiepunt wordt', 'discussiepunten worden')} verwijderd`] : []),
          ...(guests ? [`${plural(guests, 'gast wordt', 'gasten worden')} verwijderd`] : []),
          ...(polls ? [`${plural(polls, 'peiling wordt', 'peilingen worden')} verwijderd, met de uitslag`] : []),
        ],
        blockedBy: null,
      };
    },
    'meetings.delete': ({ id }) => {
      getMeeting(db, id);
      db.prepare('DELETE FROM meeting WHERE id = ?').run(id);
      return null;
    },
    'meetings.start': ({ id }) => setStatus(id, 'running'),
    'meetings.end': ({ id }) => setStatus(id, 'ended'),

    'members.list': ({ groupId, includeInactive }) => {
      requireGroup(groupId);
      return listMembers(db, groupId, includeInactive);
    },
    'members.create': (input) => {
      requireGroup(input.groupId);
      requirePlace(input);
      const { lastInsertRowid } = insertPerson.run({ ...input, guestOf: null });
      return getPerson(db, Number(lastInsertRowid));
    },
    'members.update': (input) => {
      getPerson(db, input.id);
      requirePlace(input);
      db.prepare(
        'UPDATE person SET name = :name, role = :role, practice_id = :practiceId, pharmacy_id = :pharmacyId, registration = :registration, active = :active WHERE id = :id',
      ).run({ ...input, active: input.active ? 1 : 0 });
      return getPerson(db, input.id);
    },
    'members.deleteImpact': ({ id }) => {
      const person = getPerson(db, id);
      const attended = queryValue<number>(db, 'SELECT count(*) AS n FROM attendance WHERE person_id = ? AND present = 1', id);
      return {
        name: person.name,
        consequences: [],
        blockedBy:
          attended && person.guestOfMeetingId === null
            ? `${person.name} staat op de presentielijst van ${plural(attended, 'bijeenkomst', 'bijeenkomsten')}. Zet deze persoon op "geen lid meer" in plaats van te verwijderen.`
            : null,
      };
    },
    'members.delete': ({ id }) => {
      const person = getPerson(db, id);
      const attended = db.prepare('SELECT 1 FROM attendance WHERE person_id = ? AND present = 1').get(id);
      if (attended && person.guestOfMeetingId === null) {
        throw new AppError(
          'conflict',
          `${person.name} staat op een presentielijst en kan niet worden verwijderd; zet deze persoon op "geen lid meer".`,
        );
      }
      db.prepare('DELETE FROM person WHERE id = ?').run(id);
      return null;
    },

    'attendance.list': ({ meetingId }) => listAttendees(db, meetingId),
    'attendance.set': ({ meetingId, entries }) => {
      const meeting = getMeeting(db, meetingId);
      const allowed = db.prepare(
        'SELECT 1 FROM person WHERE id = ? AND ((group_id = ? AND guest_of_meeting_id IS NULL) OR guest_of_meeting_id = ?)',
      );
      db.transaction(() => {
        for (const { personId, present } of entries) {
          if (!allowed.get(personId, meeting.groupId, meetingId)) {
            throw new AppError(
              'validation',
              `Persoon ${personId} is geen lid van deze groep en geen gast van deze bijeenkomst.`,
              'entries',
            );
          }
          upsertAttendance.run(meetingId, personId, present ? 1 : 0);
        }
      })();
      return { meetingId, presentCount: presentCount(meetingId) };
    },
    'attendance.addGuest': ({ meetingId, ...input }) => {
      const meeting = getMeeting(db, meetingId);
      requirePlace(input);
      const id = db.transaction(() => {
        const { lastInsertRowid } = insertPerson.run({ ...input, groupId: meeting.groupId, guestOf: meetingId });
        upsertAttendance.run(meetingId, Number(lastInsertRowid), 1);
        return Number(lastInsertRowid);
      })();
      return { ...getPerson(db, id), present: true, guest: true };
    },
    'attendance.removeGuest': ({ id }) => {
      const person = getPerson(db, id);
      if (person.guestOfMeetingId === null) throw new AppError('validation', `${person.name} is een lid van de groep, geen gast.`, 'id');
      db.prepare('DELETE FROM person WHERE id = ?').run(id);
      return null;
    },

    'caseAnswers.list': ({ meetingId, questionId }) => {
      getMeeting(db, meetingId);
      return listCaseAnswers(db, meetingId, questionId);
    },
    'caseAnswers.save': ({ meetingId, questionId, practiceId, text }) => {
      requireMeetingPractice(meetingId, practiceId);
      try {
        const row = expectRow(saveAnswer.get(meetingId, questionId, practiceId, text));
        return { id: row.id, updatedAt: row.updated_at };
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
          throw new AppError('not_found', 'Deze bijeenkomst bestaat niet (meer).');
        throw error;
      }
    },

    'discussionNotes.list': ({ meetingId, slideId }) => {
      getMeeting(db, meetingId);
      return listNotes(db, meetingId, slideId);
    },
    'discussionNotes.add': ({ meetingId, slideId, text }) => {
      getMeeting(db, meetingId);
      return toNote(
        queryRow<Parameters<typeof toNote>[0]>(
          db,
          'INSERT INTO discussion_note (meeting_id, slide_id, text) VALUES (?, ?, ?) RETURNING *',
          meetingId,
          slideId,
          text,
        ),
      );
    },
    'discussionNotes.save': ({ id, text }) => {
      const row = saveNote.get(text, id);
      if (!row) throw new AppError('not_found', 'Dit discussiepunt bestaat niet (meer).');
      return { id: row.id, updatedAt: row.updated_at };
    },
    'discussionNotes.delete': ({ id }) => {
      db.prepare('DELETE FROM discussion_note WHERE id = ?').run(id);
      return null;
    },

    'meetings.exportReport': ({ id, format }) => meetingReportFile(db, id, format, renderPdf),
    'meetings.exportAttendanceList': ({ id }) => attendanceListFile(db, id, renderPdf),
  };
}

type CarriedFields = Record<'place' | 'chair' | 'minuteTaker' | 'qualityConsultant' | 'accreditationNumber', string | null>;

/** Place, chair, minute-taker, EKC and accreditation not given: what the group's previous meeting had, as a start. */
function carriedOver(db: Db, given: CarriedFields & { groupId: number }): CarriedFields {
  const previous = queryOne<CarriedFields>(
    db,
    `SELECT place, chair, minute_taker AS minuteTaker, quality_consultant AS qualityConsultant, accreditation_number AS accreditationNumber
       FROM meeting WHERE group_id = ? ORDER BY coalesce(starts_at, created_at) DESC, id DESC LIMIT 1`,
    given.groupId,
  );
  return {
    place: given.place ?? previous?.place ?? null,
    chair: given.chair ?? previous?.chair ?? null,
    minuteTaker: given.minuteTaker ?? previous?.minuteTaker ?? null,
    qualityConsultant: given.qualityConsultant ?? previous?.qualityConsultant ?? null,
    accreditationNumber: given.accreditationNumber ?? previous?.accreditationNumber ?? null,
  };
}
