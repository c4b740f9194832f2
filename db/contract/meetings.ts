import { z } from 'zod';
import { PERSON_ROLES } from '../../domain';
import { byId, deleteImpact, id, isoDate, method } from './common';

/** Free text that may be left empty: empty or only spaces means "not filled in" (null); undefined: not given. */
export const patchText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} mag hoogstens ${max} tekens lang zijn.` })
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

/** The same, where leaving it out means null. */
export const optionalText = (max: number, label: string) => patchText(max, label).transform((value) => value ?? null);

/** Local date and time of a meeting, as typed in a date-time field. */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'Gebruik een datum en tijd als JJJJ-MM-DDTUU:MM.' });

export const meetingStatus = z.enum(['planned', 'running', 'ended']);
export type MeetingStatus = z.infer<typeof meetingStatus>;

export const personRole = z.enum(PERSON_ROLES, {
  error: 'Kies een rol: huisarts, apotheker, poh, aios of anders.',
});
export type PersonRole = z.infer<typeof personRole>;

const year = z
  .number({ error: 'Vul een jaar in.' })
  .int({ error: 'Vul een heel jaar in.' })
  .min(1990, { error: 'Kies een jaar vanaf 1990.' })
  .max(2100, { error: 'Kies een jaar tot 2100.' });

export const meeting = z.object({
  id,
  groupId: id,
  groupName: z.string(),
  topic: z.string(),
  /** The deck module, e.g. 'opioiden'. */
  module: z.string(),
  /** Local date and time, YYYY-MM-DDTHH:MM; null while not yet fixed. */
  startsAt: z.string().nullable(),
  place: z.string().nullable(),
  chair: z.string().nullable(),
  minuteTaker: z.string().nullable(),
  /** The group's quality consultant (EKC). */
  qualityConsultant: z.string().nullable(),
  accreditationNumber: z.string().nullable(),
  /** The period the meeting's figures cover (both days included). */
  periodFrom: z.string(),
  periodTo: z.string(),
  /** Set by hand; otherwise the period follows the meeting's date (spec §5 default period). */
  periodManual: z.boolean(),
  /** First year of the "years side by side" slides; null: the app's default. */
  compareFromYear: z.number().int().nullable(),
  /** Practices are shown as "Praktijk A, B, ..." in the deck. */
  anonymizePractices: z.boolean(),
  status: meetingStatus,
  endedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  presentCount: z.number().int(),
  agreementCount: z.number().int(),
});
export type Meeting = z.infer<typeof meeting>;

const meetingFields = {
  topic: z
    .string({ error: 'Vul een onderwerp in.' })
    .trim()
    .min(1, { error: 'Vul een onderwerp in.' })
    .max(200, { error: 'Het onderwerp mag hoogstens 200 tekens lang zijn.' }),
  module: z.string().trim().min(1).max(60),
  startsAt: localDateTime.nullable(),
  place: optionalText(200, 'De plaats'),
  chair: optionalText(200, 'De voorzitter'),
  minuteTaker: optionalText(200, 'De notulist'),
  qualityConsultant: optionalText(200, 'De EKC'),
  accreditationNumber: optionalText(60, 'Het accreditatienummer'),
  periodFrom: isoDate,
  periodTo: isoDate,
  compareFromYear: year.nullable(),
  anonymizePractices: z.boolean(),
};

const periodOrder = (input: { periodFrom?: string; periodTo?: string }) =>
  input.periodFrom === undefined || input.periodTo === undefined || input.periodFrom <= input.periodTo;
const periodMessage = { error: 'De einddatum van de periode ligt vóór de begindatum.', path: ['periodTo'] };

/**
 * Planning a meeting. Without a period, the figures cover the last complete calendar year (the data
 * reaches its 31 December) at or before the year before the meeting's date (or today without a date).
 */
export const meetingCreateInput = z
  .object({
    groupId: id,
    topic: meetingFields.topic.default('Opioïden'),
    module: meetingFields.module.default('opioiden'),
    startsAt: meetingFields.startsAt.default(null),
    place: meetingFields.place,
    chair: meetingFields.chair,
    minuteTaker: meetingFields.minuteTaker,
    qualityConsultant: meetingFields.qualityConsultant,
    accreditationNumber: meetingFields.accreditationNumber,
    periodFrom: isoDate.optional(),
    periodTo: isoDate.optional(),
    compareFromYear: meetingFields.compareFromYear.default(null),
    anonymizePractices: z.boolean().default(false),
  })
  .refine((i) => (i.periodFrom === undefined) === (i.periodTo === undefined), {
    error: 'Vul zowel de begin- als de einddatum van de periode in.',
    path: ['periodTo'],
  })
  .refine(periodOrder, periodMessage);

/** A patch: only the fields given change (autosave of the planning form, field by field). */
export const meetingUpdateInput = z
  .object({
    id,
    topic: meetingFields.topic.optional(),
    module: meetingFields.module.optional(),
    startsAt: meetingFields.startsAt.optional(),
    place: patchText(200, 'De plaats'),
    chair: patchText(200, 'De voorzitter'),
    minuteTaker: patchText(200, 'De notulist'),
    qualityConsultant: patchText(200, 'De EKC'),
    accreditationNumber: patchText(60, 'Het accreditatienummer'),
    periodFrom: isoDate.optional(),
    periodTo: isoDate.optional(),
    compareFromYear: meetingFields.compareFromYear.optional(),
    anonymizePractices: z.boolean().optional(),
  })
  .refine(periodOrder, periodMessage);

export const person = z.object({
  id,
  groupId: id,
  name: z.string(),
  role: personRole,
  practiceId: id.nullable(),
  practiceName: z.string().nullable(),
  pharmacyId: id.nullable(),
  pharmacyName: z.string().nullable(),
  /** BIG or AGB number. */
  registration: z.string().nullable(),
  /** Members that left the group stay on old attendance lists but are not offered for new meetings. */
  active: z.boolean(),
  /** Set for a guest: the one meeting the person was a guest at. */
  guestOfMeetingId: id.nullable(),
});
export type Person = z.infer<typeof person>;

const personFields = z.object({
  name: z
    .string({ error: 'Vul een naam in.' })
    .trim()
    .min(1, { error: 'Vul een naam in.' })
    .max(200, { error: 'Een naam mag hoogstens 200 tekens lang zijn.' }),
  role: personRole,
  practiceId: id.nullable().default(null),
  pharmacyId: id.nullable().default(null),
  registration: optionalText(40, 'Het BIG- of AGB-nummer'),
});
const onePlace = (i: { practiceId?: number | null; pharmacyId?: number | null }) => !(i.practiceId && i.pharmacyId);
const onePlaceMessage = { error: 'Kies een praktijk óf een apotheek, niet allebei.', path: ['pharmacyId'] };

export const attendee = person.extend({ present: z.boolean(), guest: z.boolean() });

export const caseAnswer = z.object({
  id,
  meetingId: id,
  /** The module's id of the case question, e.g. 'casus-1'. */
  questionId: z.string(),
  /** null: the answer of the whole group. */
  practiceId: id.nullable(),
  practiceName: z.string().nullable(),
  text: z.string(),
  updatedAt: z.string(),
});

export const discussionNote = z.object({
  id,
  meetingId: id,
  /** The slide it was noted on; null: the meeting in general. */
  slideId: z.string().nullable(),
  text: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** What an autosave returns: enough for the UI to show "opgeslagen om ...". */
export const saved = z.object({ id, updatedAt: z.string() });

const longText = z.string().max(20_000, { error: 'De tekst mag hoogstens 20.000 tekens lang zijn.' });
const questionId = z.string({ error: 'Geef de vraag op.' }).trim().min(1, { error: 'Geef de vraag op.' }).max(100);
const slideId = z.string().trim().min(1).max(100).nullable();

/** A generated file for the UI to save (or the CLI to write). */
export const fileOutput = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });
export type FileOutput = z.infer<typeof fileOutput>;

export const meetingsContract = {
  /** Newest first. */
  'meetings.list': method(
    z.object({ groupId: id.optional(), status: meetingStatus.optional(), year: year.optional() }).default({}),
    z.array(meeting),
  ),
  'meetings.get': method(byId, meeting),
  'meetings.create': method(meetingCreateInput, meeting),
  'meetings.update': method(meetingUpdateInput, meeting),
  'meetings.deleteImpact': method(byId, deleteImpact),
  'meetings.delete': method(byId, z.null()),
  /** planned/ended -> running (a meeting ended by mistake can be resumed). */
  'meetings.start': method(byId, meeting),
  /** running/planned -> ended, with the time it ended. */
  'meetings.end': method(byId, meeting),

  /** The group's remembered members (guests not included); inactive ones only on request. */
  'members.list': method(z.object({ groupId: id, includeInactive: z.boolean().default(false) }), z.array(person)),
  'members.create': method(personFields.extend({ groupId: id }).refine(onePlace, onePlaceMessage), person),
  /** Also for guests (by their person id). */
  'members.update': method(personFields.extend({ id, active: z.boolean().default(true) }).refine(onePlace, onePlaceMessage), person),
  /** Refused for someone on an attendance list (make them inactive instead), so old lists stay whole. */
  'members.deleteImpact': method(byId, deleteImpact),
  'members.delete': method(byId, z.null()),

  /** Members (active ones, plus anyone already recorded for this meeting) and the meeting's guests. */
  'attendance.list': method(z.object({ meetingId: id }), z.array(attendee)),
  /** Ticks one or many people present/absent in one transaction. */
  'attendance.set': method(
    z.object({
      meetingId: id,
      entries: z.array(z.object({ personId: id, present: z.boolean() })).min(1, { error: 'Kies minstens één persoon.' }),
    }),
    z.object({ meetingId: id, presentCount: z.number().int() }),
  ),
  /** A guest of this meeting only; marked present at once. */
  'attendance.addGuest': method(personFields.extend({ meetingId: id }).refine(onePlace, onePlaceMessage), attendee),
  'attendance.removeGuest': method(byId, z.null()),

  'caseAnswers.list': method(z.object({ meetingId: id, questionId: questionId.optional() }), z.array(caseAnswer)),
  /** Autosave: one upsert per (meeting, question, practice or whole group). */
  'caseAnswers.save': method(z.object({ meetingId: id, questionId, practiceId: id.nullable().default(null), text: longText }), saved),

  'discussionNotes.list': method(z.object({ meetingId: id, slideId: z.string().optional() }), z.array(discussionNote)),
  'discussionNotes.add': method(z.object({ meetingId: id, slideId: slideId.default(null), text: longText.default('') }), discussionNote),
  /** Autosave of a note's text. */
  'discussionNotes.save': method(z.object({ id, text: longText }), saved),
  'discussionNotes.delete': method(byId, z.null()),

  /** The meeting report (verslag) as PDF or Word. */
  'meetings.exportReport': method(z.object({ id, format: z.enum(['pdf', 'docx']) }), fileOutput),
  /** The presentielijst (PDF) to sign at the door: the meeting's details and a row per expected attendee. */
  'meetings.exportAttendanceList': method(byId, fileOutput),
};
