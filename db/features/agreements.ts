import type { agreementsContract, AgreementStatus } from '../contract/agreements';
import type { CoreContext, Handlers } from '../handler';
import { AppError } from '../errors';
import { computeYears, pickValues } from '../indicators/compute';
import { dataSpan } from '../indicators/scope';
import { dueAgreements, getAgreement, listAgreements } from '../meetings/agreements';
import { addDays, sameDayNextYear, today } from '../meetings/dates';
import { earlierAgreements } from '../meetings/earlier';
import { createEvaluator } from '../meetings/evaluation';
import { findSuggestion, suggestionsFor } from '../meetings/suggestions';
import { getMeeting, NOW } from '../meetings/store';
import { agreementsXlsxFile } from '../reports/agreements-xlsx';
import { agreementCardFile } from '../reports/card';
import { levelEvidence, levelEvidenceBundle, levelEvidenceXlsxFile } from '../reports/evidence';
import { exportReviewSheet, importReviewSheet } from '../reports/review-sheet';
import { queryAll, queryOne, statement } from '../query';

const columns = {
  practiceId: 'practice_id',
  pharmacyId: 'pharmacy_id',
  text: 'text',
  kind: 'kind',
  owner: 'owner',
  indicator: 'indicator',
  direction: 'direction',
  target: 'target',
  evaluationDate: 'evaluation_date',
} as const;

/** Working agreements: made live at a meeting, reviewed a year later against the figures. */
export function agreementsHandlers({ db, renderPdf }: CoreContext): Handlers<keyof typeof agreementsContract> {
  /** The practice must be one of the meeting's group; a pharmacy of the group or of no group. */
  const requireScope = (groupId: number, practiceId: number | null | undefined, pharmacyId: number | null | undefined) => {
    if (practiceId != null && !db.prepare('SELECT 1 FROM practice WHERE id = ? AND group_id = ?').get(practiceId, groupId)) {
      throw new AppError('validation', 'Kies een praktijk van de groep van deze bijeenkomst.', 'practiceId');
    }
    if (
      pharmacyId != null &&
      !db.prepare('SELECT 1 FROM pharmacy WHERE id = ? AND (group_id = ? OR group_id IS NULL)').get(pharmacyId, groupId)
    ) {
      throw new AppError('validation', 'Kies een apotheek van de groep van deze bijeenkomst.', 'pharmacyId');
    }
  };
  const groupOfAgreement = statement<{ groupId: number; practiceId: number | null; pharmacyId: number | null }>(
    db,
    'SELECT m.group_id AS groupId, a.practice_id AS practiceId, a.pharmacy_id AS pharmacyId FROM agreement a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = ?',
  );

  return {
    'agreements.list': (filter) => listAgreements(db, filter),
    'agreements.get': ({ id }) => getAgreement(db, id),
    'agreements.create': ({ suggestionId, ...input }) => {
      const meeting = getMeeting(db, input.meetingId);
      requireScope(meeting.groupId, input.practiceId, input.pharmacyId);
      const suggestion = suggestionId === undefined ? undefined : findSuggestion(suggestionId);
      if (suggestionId !== undefined && !suggestion)
        throw new AppError('validation', 'Deze voorgestelde afspraak bestaat niet.', 'suggestionId');
      const row = {
        ...input,
        text: input.text ?? suggestion?.text ?? '',
        kind: input.kind ?? suggestion?.kind ?? (input.pharmacyId !== null ? 'apotheek' : 'praktijk'),
        owner: input.owner ?? null,
        indicator: input.indicator !== undefined ? input.indicator : (suggestion?.indicator ?? null),
        direction: input.direction !== undefined ? input.direction : (suggestion?.direction ?? null),
        target: input.target ?? null,
        evaluationDate: input.evaluationDate ?? sameDayNextYear((meeting.startsAt ?? today()).slice(0, 10)),
      };
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO agreement (meeting_id, practice_id, pharmacy_id, text, kind, owner, indicator, direction, target, evaluation_date)
           VALUES (:meetingId, :practiceId, :pharmacyId, :text, :kind, :owner, :indicator, :direction, :target, :evaluationDate)`,
        )
        .run(row);
      return getAgreement(db, Number(lastInsertRowid));
    },
    'agreements.save': ({ id, ...patch }) => {
      const given = Object.entries(patch).filter(([, value]) => value !== undefined) as [keyof typeof columns, unknown][];
      if (patch.practiceId !== undefined || patch.pharmacyId !== undefined) {
        const current = groupOfAgreement.get(id);
        if (!current) throw new AppError('not_found', 'Deze afspraak bestaat niet (meer).');
        requireScope(current.groupId, patch.practiceId, patch.pharmacyId);
        // Moving an agreement to a practice takes it away from its pharmacy, and the other way round.
        if (patch.practiceId && patch.pharmacyId === undefined) given.push(['pharmacyId', null]);
        if (patch.pharmacyId && patch.practiceId === undefined) given.push(['practiceId', null]);
      }
      const row = queryOne<{ id: number; updated_at: string }>(
        db,
        `UPDATE agreement SET ${given.map(([key]) => `${columns[key]} = :${key}, `).join('')}updated_at = ${NOW} WHERE id = :id RETURNING id, updated_at`,
        { ...Object.fromEntries(given), id },
      );
      if (!row) throw new AppError('not_found', 'Deze afspraak bestaat niet (meer).');
      return { id: row.id, updatedAt: row.updated_at };
    },
    'agreements.delete': ({ id }) => {
      db.prepare('DELETE FROM agreement WHERE id = ?').run(id);
      return null;
    },
    'agreements.suggestions': ({ module }) => suggestionsFor(module),

    'agreements.setStatus': ({ id, status, note, setAt }) => {
      getAgreement(db, id);
      // A date of today is "now"; another date is taken as midday of that day.
      const stamp = setAt === undefined || setAt === today() ? null : `${setAt}T12:00:00.000Z`;
      db.prepare(
        `INSERT INTO agreement_review (agreement_id, status, note, set_at, source) VALUES (?, ?, ?, coalesce(?, ${NOW}), 'app')`,
      ).run(id, status, note, stamp);
      return getAgreement(db, id);
    },
    'agreements.history': ({ id }) => {
      getAgreement(db, id);
      return queryAll<{
        id: number;
        agreement_id: number;
        status: AgreementStatus;
        note: string;
        set_at: string;
        source: 'app' | 'sheet';
      }>(db, 'SELECT * FROM agreement_review WHERE agreement_id = ? ORDER BY set_at, id', id).map((r) => ({
        id: r.id,
        agreementId: r.agreement_id,
        status: r.status,
        note: r.note,
        setAt: r.set_at,
        source: r.source,
      }));
    },
    'agreements.due': ({ groupId, onDate, withinDays }) => dueAgreements(db, groupId, addDays(onDate ?? today(), withinDays)),

    'agreements.evaluate': ({ id, latest }) => createEvaluator(db)(getAgreement(db, id), latest),
    'agreements.evaluateMany': ({ filter, latest }) => {
      const evaluate = createEvaluator(db);
      return listAgreements(db, filter).map((agreement) => ({ ...agreement, evaluation: evaluate(agreement, latest) }));
    },
    'agreements.earlier': ({ meetingId }) => earlierAgreements(db, meetingId),
    'agreements.practicePage': ({ practiceId, fromYear, toYear }) => {
      const practice = queryOne<{ id: number; name: string; groupId: number; groupName: string }>(
        db,
        'SELECT p.id, p.name, p.group_id AS groupId, g.name AS groupName FROM practice p JOIN fto_group g ON g.id = p.group_id WHERE p.id = ?',
        practiceId,
      );
      if (!practice) throw new AppError('not_found', 'Deze praktijk bestaat niet (meer).');
      const evaluate = createEvaluator(db);
      const agreements = listAgreements(db, { practiceId }).map((a) => ({ ...a, evaluation: evaluate(a) }));
      // Up to 25 years, by default from the first to the last year with data; computeYears keeps only years with data.
      const span = dataSpan(db);
      const last = toYear ?? Number((span.end ?? today()).slice(0, 4));
      const first = Math.max(fromYear ?? Number((span.start ?? today()).slice(0, 4)), last - 24);
      const { rows, years: periods, dataEnd, settings } = computeYears(db, { fromYear: first, toYear: last, groupId: practice.groupId });
      const row = rows.find((r) => r.level === 'practice' && r.id === practiceId);
      const years = (row?.years ?? []).map((y) => {
        const { periodComplete, lookbackComplete, chronicComplete } = periods.find((period) => period.year === y.year)!;
        return { year: y.year, ...pickValues(y), listSize: y.listSize, periodComplete, lookbackComplete, chronicComplete };
      });
      return { practice, agreements, years, dataEnd, settings };
    },

    'agreements.exportXlsx': ({ meetingId, filter }) => agreementsXlsxFile(db, meetingId, filter),
    'agreements.exportReviewSheet': (scope) => exportReviewSheet(db, scope),
    'agreements.importReviewSheet': (input) => importReviewSheet(db, input),
    'agreements.exportCard': (scope) => agreementCardFile(db, scope, renderPdf),

    'ftoLevel.evidence': ({ groupId, year }) => levelEvidence(db, groupId, year),
    'ftoLevel.exportXlsx': ({ groupId, year }) => levelEvidenceXlsxFile(db, groupId, year),
    'ftoLevel.exportBundle': ({ groupId, year }) => levelEvidenceBundle(db, groupId, year),
  };
}
