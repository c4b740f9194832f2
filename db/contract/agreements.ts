import { z } from 'zod';
import { byId, id, isoDate, method } from './common';
import { AGREEMENT_KINDS, AGREEMENT_STATUS_LABELS, AGREEMENT_STATUSES, DIRECTIONS, STRONG_INDICATOR_NAMES } from '../../domain';
import { indicatorSettings, indicatorValues } from './indicators';
import { fileOutput, patchText, saved } from './meetings';

export const agreementKind = z.enum(AGREEMENT_KINDS, {
  error: 'Kies een soort afspraak: praktijk, apotheek, ziekenhuis of regionaal.',
});
export type AgreementKind = z.infer<typeof agreementKind>;

/** The strong-opioid indicators (spec §5) an agreement can be measured by; weak opioids are context only. */
export const agreementIndicators = STRONG_INDICATOR_NAMES;
export const agreementIndicator = z.enum(agreementIndicators, { error: 'Kies een bestaande indicator.' });
export type AgreementIndicator = z.infer<typeof agreementIndicator>;

export const direction = z.enum(DIRECTIONS, { error: 'Kies omlaag (down) of omhoog (up).' });

const statusChoices = AGREEMENT_STATUSES.map((status) => (status === 'open' ? status : `${status} (${AGREEMENT_STATUS_LABELS[status]})`));
export const agreementStatus = z.enum(AGREEMENT_STATUSES, {
  error: `Kies een status: ${statusChoices.slice(0, -1).join(', ')} of ${statusChoices.at(-1)}.`,
});
export type AgreementStatus = z.infer<typeof agreementStatus>;

export const agreement = z.object({
  id,
  meetingId: id,
  /** The meeting's date and time (YYYY-MM-DDTHH:MM), null when it has none. */
  meetingStartsAt: z.string().nullable(),
  meetingTopic: z.string(),
  groupId: id,
  groupName: z.string(),
  /** Exactly one of practice / pharmacy, or neither: an agreement of the whole group. */
  practiceId: id.nullable(),
  practiceName: z.string().nullable(),
  pharmacyId: id.nullable(),
  pharmacyName: z.string().nullable(),
  /** Who it is for, for display: the practice, the pharmacy or "Hele groep". */
  scopeName: z.string(),
  text: z.string(),
  kind: agreementKind,
  owner: z.string().nullable(),
  indicator: agreementIndicator.nullable(),
  direction: direction.nullable(),
  /** A target value of the indicator (a count for the practice, pharmacy's group or group in a year). */
  target: z.number().nullable(),
  /** How the result will be judged, in words ("doel: hoogstens 15", "doel: omlaag …"); null without an indicator. */
  goal: z.string().nullable(),
  evaluationDate: z.string(),
  /** The newest status (open when none was set yet), its note, when and where it was set. */
  status: agreementStatus,
  statusNote: z.string(),
  statusSetAt: z.string().nullable(),
  statusSource: z.enum(['app', 'sheet']).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Agreement = z.infer<typeof agreement>;

export const agreementReview = z.object({
  id,
  agreementId: id,
  status: agreementStatus,
  note: z.string(),
  setAt: z.string(),
  source: z.enum(['app', 'sheet']),
});

const text = z.string().max(2000, { error: 'Een afspraak mag hoogstens 2000 tekens lang zijn.' });

/** What can be typed into an agreement; every field optional, since autosave sends only what changed. */
const agreementFields = {
  text: text.optional(),
  kind: agreementKind.optional(),
  owner: patchText(200, 'De naam bij Wie trekt het'),
  indicator: agreementIndicator.nullable().optional(),
  direction: direction.nullable().optional(),
  target: z.number().nonnegative({ error: 'Het doel kan niet negatief zijn.' }).nullable().optional(),
  evaluationDate: isoDate.optional(),
};
const oneScope = (i: { practiceId?: number | null; pharmacyId?: number | null }) => !(i.practiceId && i.pharmacyId);
const oneScopeError = { error: 'Een afspraak hoort bij een praktijk óf een apotheek, niet allebei.', path: ['pharmacyId'] };

export const agreementCreateInput = z
  .object({
    meetingId: id,
    practiceId: id.nullable().default(null),
    pharmacyId: id.nullable().default(null),
    /** Text and fields of a module suggestion to start from; the fields below override it. */
    suggestionId: z.string().optional(),
    ...agreementFields,
    /** Default: the meeting's date a year later (today a year later when the meeting has no date). */
    evaluationDate: isoDate.optional(),
  })
  .refine(oneScope, oneScopeError);

/** Autosave: only the fields given change. */
export const agreementSaveInput = z
  .object({
    id,
    practiceId: id.nullable().optional(),
    pharmacyId: id.nullable().optional(),
    ...agreementFields,
  })
  .refine(oneScope, oneScopeError);

export const agreementFilter = z
  .object({
    groupId: id.optional(),
    meetingId: id.optional(),
    practiceId: id.optional(),
    pharmacyId: id.optional(),
    /** Only the agreements of the whole group (no practice, no pharmacy). */
    wholeGroup: z.boolean().optional(),
    status: z.array(agreementStatus).optional(),
    /** Evaluation date on or after / on or before. */
    dueFrom: isoDate.optional(),
    dueTo: isoDate.optional(),
  })
  .default({});

export const suggestion = z.object({
  id: z.string(),
  text: z.string(),
  kind: agreementKind,
  indicator: agreementIndicator.nullable(),
  direction: direction.nullable(),
});

/** The indicator's value over one period for the agreement's practice (or group). */
export const measuredValue = z.object({
  from: z.string(),
  to: z.string(),
  value: z.number(),
  /** Per 1,000 registered patients when the list size is known. */
  rate: z.number().nullable(),
});

export const evaluation = z.object({
  agreementId: id,
  indicator: agreementIndicator,
  direction: direction.nullable(),
  target: z.number().nullable(),
  /** Whose figures: the practice, or the group (for a pharmacy's or the whole group's agreement). */
  level: z.enum(['practice', 'group']),
  levelName: z.string(),
  /** The meeting's figures period. */
  before: measuredValue,
  /** The latest full year with data after it (or the chosen period); null when there is none yet. */
  now: measuredValue.nullable(),
  change: z.number().nullable(),
  /** Change in percent of the before value; null when before is 0 or there is no now. */
  changePercent: z.number().nullable(),
  /** met: target reached (or moved the agreed way); null: cannot be judged (no newer figures, no direction). */
  met: z.boolean().nullable(),
  /** A Dutch sentence saying the above, for lists, sheets and reports. */
  summary: z.string(),
});
export type Evaluation = z.infer<typeof evaluation>;

export const latestPeriod = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { error: 'De einddatum ligt vóór de begindatum.', path: ['to'] })
  .optional();

export const evaluatedAgreement = agreement.extend({ evaluation: evaluation.nullable() });

/** One calendar year of a practice: every indicator (the page shows the ones its agreements are about) and how complete the year is. */
const keyFigureYear = indicatorValues.extend({
  year: z.number().int(),
  listSize: z.number().int().nullable(),
  /** Spec §5 "Data end": false when the data stops before 31 December; the page marks the year "onvolledig". */
  periodComplete: z.boolean(),
  /** False when the data does not reach a full look-back before the year: new users and starts are too low. */
  lookbackComplete: z.boolean(),
  /** False when the data starts less than 90 days before the year: chronic users may be too low. */
  chronicComplete: z.boolean(),
});

export const practicePage = z.object({
  practice: z.object({ id, name: z.string(), groupId: id, groupName: z.string() }),
  agreements: z.array(evaluatedAgreement),
  /** The practice's key figures per calendar year with data, oldest first. */
  years: z.array(keyFigureYear),
  /** The latest dispensing of the group's pharmacies (spec §5 "Data end"); null: no data. */
  dataEnd: z.string().nullable(),
  /** The settings the figures were computed with (the start limit and high-dose threshold in the labels). */
  settings: indicatorSettings,
});

export const sheetImportRow = z.object({
  /** The row number in the sheet (1 = the header row). */
  row: z.number().int(),
  agreementId: id.nullable(),
  outcome: z.enum(['updated', 'unchanged', 'rejected']),
  /** Dutch: what was changed, or why the row was refused. */
  message: z.string(),
});

export const sheetImportResult = z.object({
  practiceName: z.string(),
  exportedAt: z.string().nullable(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  rows: z.array(sheetImportRow),
});

export const levelEvidence = z.object({
  groupId: id,
  groupName: z.string(),
  year: z.number().int(),
  meetings: z.array(
    z.object({
      id,
      startsAt: z.string().nullable(),
      topic: z.string(),
      status: z.string(),
      presentCount: z.number().int(),
      agreementCount: z.number().int(),
      accreditationNumber: z.string().nullable(),
    }),
  ),
  agreementsMade: z.number().int(),
  /** Agreements (of any year) that got a status other than open during this year. */
  agreementsEvaluated: z.number().int(),
  /** Agreements made in this year that have been evaluated since. */
  agreementsMadeAndEvaluated: z.number().int(),
  byStatus: z.record(agreementStatus, z.number().int()),
});

const scopeInput = z
  .object({ practiceId: id.optional(), pharmacyId: id.optional(), groupId: id.optional() })
  .refine((i) => [i.practiceId, i.pharmacyId, i.groupId].filter((v) => v !== undefined).length === 1, {
    error: 'Kies één praktijk, één apotheek of de hele groep.',
    path: ['practiceId'],
  });

const yearInput = z
  .number({ error: 'Vul een jaar in.' })
  .int({ error: 'Vul een heel jaar in.' })
  .min(1990, { error: 'Kies een jaar vanaf 1990.' })
  .max(2100, { error: 'Kies een jaar tot 2100.' });

export const agreementsContract = {
  /** Filterable overview, newest meeting first, then by practice. */
  'agreements.list': method(agreementFilter, z.array(agreement)),
  'agreements.get': method(byId, agreement),
  /** Returns the new row at once, so that the UI can autosave into it. */
  'agreements.create': method(agreementCreateInput, agreement),
  /** Autosave: a cheap single-row update of the fields given. */
  'agreements.save': method(agreementSaveInput, saved),
  'agreements.delete': method(byId, z.null()),
  /** The module's suggested agreements, with a sensible kind and indicator. */
  'agreements.suggestions': method(
    z.object({ module: z.string().default('opioiden') }).default({ module: 'opioiden' }),
    z.array(suggestion),
  ),

  /** A new status with a note; the newest one counts. `setAt` defaults to now. */
  'agreements.setStatus': method(
    z.object({ id, status: agreementStatus, note: z.string().trim().max(2000).default(''), setAt: isoDate.optional() }),
    agreement,
  ),
  'agreements.history': method(byId, z.array(agreementReview)),
  /**
   * For the home screen: not finished (open or partly), to be evaluated on or before `onDate` + `withinDays`,
   * and not yet evaluated this round; the earliest evaluation date (the most overdue) first.
   */
  'agreements.due': method(
    z
      .object({ groupId: id.optional(), onDate: isoDate.optional(), withinDays: z.number().int().min(0).max(3660).default(30) })
      .default({ withinDays: 30 }),
    z.array(agreement),
  ),

  /** Before (the meeting's figures period) vs now (latest full year with data, or `latest`); null when not linked to an indicator. */
  'agreements.evaluate': method(z.object({ id, latest: latestPeriod }), evaluation.nullable()),
  /** The same for many agreements at once (same filter as the list). */
  'agreements.evaluateMany': method(z.object({ filter: agreementFilter, latest: latestPeriod }), z.array(evaluatedAgreement)),
  /** The previous meeting of the same group, and its agreements with status and evaluation ("Hoe is het gegaan?"). */
  'agreements.earlier': method(
    z.object({ meetingId: id }),
    z.object({
      previousMeeting: z
        .object({ id, startsAt: z.string().nullable(), topic: z.string(), periodFrom: z.string(), periodTo: z.string() })
        .nullable(),
      agreements: z.array(evaluatedAgreement),
    }),
  ),
  'agreements.practicePage': method(
    z.object({ practiceId: id, fromYear: yearInput.optional(), toYear: yearInput.optional() }),
    practicePage,
  ),

  /** Agreements as .xlsx: of one meeting, or (filter) an overview. */
  'agreements.exportXlsx': method(z.object({ meetingId: id.optional(), filter: agreementFilter.optional() }), fileOutput),
  /** Per practice (or pharmacy, or whole group) a review sheet to fill in and send back. */
  'agreements.exportReviewSheet': method(scopeInput, fileOutput),
  /** Reads a filled review sheet; `dryRun` checks without changing anything. */
  'agreements.importReviewSheet': method(
    z.object({
      fileName: z.string().default('afspraken.xlsx'),
      base64: z.string().min(1, { error: 'Kies een bestand.' }),
      /** The practice whose page the user is on: a sheet of another practice is refused whole. */
      practiceId: id.optional(),
      dryRun: z.boolean().default(false),
    }),
    sheetImportResult,
  ),
  /** One-page PDF "afsprakenkaart" of a practice (or pharmacy, or whole group). */
  'agreements.exportCard': method(scopeInput, fileOutput),

  /** FTO level evidence (IVM levels 3-4) of a group for a calendar year. */
  'ftoLevel.evidence': method(z.object({ groupId: id, year: yearInput }), levelEvidence),
  'ftoLevel.exportXlsx': method(z.object({ groupId: id, year: yearInput }), fileOutput),
  /** A .zip with the evidence .xlsx and the report (.docx) of every meeting of that year, for the assessor. */
  'ftoLevel.exportBundle': method(z.object({ groupId: id, year: yearInput }), fileOutput),
};
