import { z } from 'zod';
import { INDICATOR_NAMES, type IndicatorName, type IndicatorSettings } from '../../domain';
import { id, isoDate, method } from './common';
import { fileOutput } from './meetings';

export type { IndicatorName, IndicatorSettings };

/** Spec §5 indicator names, in the order the spec lists them (tables and exports keep this order). */
export const indicatorNames = INDICATOR_NAMES;

const count = z.number().int().nonnegative();
export const indicatorValues = z.object(
  Object.fromEntries(indicatorNames.map((name) => [name, count])) as Record<IndicatorName, typeof count>,
);
export type IndicatorValues = z.infer<typeof indicatorValues>;

/** Per 1,000 registered patients, rounded to 2 decimals; null where the list size is unknown. */
export const indicatorRates = z.object(
  Object.fromEntries(indicatorNames.map((name) => [name, z.number().nonnegative()])) as Record<IndicatorName, z.ZodNumber>,
);

/** A whole number of days or dispensings from 1 to max, with Dutch messages that name the unit. */
const wholeNumber = (many: string, one: string, max: number) =>
  z
    .number({ error: `Vul een aantal ${many} in.` })
    .int({ error: `Vul een heel aantal ${many} in.` })
    .min(1, { error: `Kies minstens 1 ${one}.` })
    .max(max, { error: `Kies hoogstens ${max} ${many}.` });

/** The settings (domain/settings.ts) with the bounds and messages of their input. */
export const indicatorSettings = z.object({
  chronicDays: wholeNumber('dagen', 'dag', 3660),
  lookbackDays: wholeNumber('dagen', 'dag', 3650),
  newUserMinDispensings: wholeNumber('uitgiften', 'uitgifte', 1000),
  startLimitDays: wholeNumber('dagen', 'dag', 365),
  highDoseOme: z
    .number({ error: 'Vul een aantal mg morfine-equivalent per dag in.' })
    .int({ error: 'Vul een heel aantal mg in.' })
    .min(1, { error: 'Kies minstens 1 mg per dag.' })
    .max(10000, { error: 'Kies hoogstens 10.000 mg per dag.' }),
}) satisfies z.ZodType<IndicatorSettings>;
type MustBeNever<T extends never> = T;
/** `satisfies` refuses a setting the schema leaves out; this refuses one that domain/settings.ts does not know. */
export type SettingsUnknownToDomain = MustBeNever<Exclude<keyof z.infer<typeof indicatorSettings>, keyof IndicatorSettings>>;

/** groupOther: one group's "Overige voorschrijvers", over that group's pharmacies only (spec §5 "Group scope"). */
export const indicatorLevel = z.enum(['prescriber', 'practice', 'group', 'groupOther', 'all']);
export type IndicatorLevel = z.infer<typeof indicatorLevel>;

const year = z
  .number({ error: 'Vul een jaar in.' })
  .int({ error: 'Vul een heel jaar in.' })
  .min(1990, { error: 'Kies een jaar vanaf 1990.' })
  .max(2100, { error: 'Kies een jaar tot 2100.' });

/** A period: a calendar year, or from/to (both included), e.g. 12 months up to a date. */
const period = z.object({
  year: year.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Overrides the stored settings for this calculation only. */
  settings: indicatorSettings.partial().optional(),
});

function checkPeriod(input: z.infer<typeof period>, ctx: z.RefinementCtx): void {
  if (input.year !== undefined) {
    if (input.from !== undefined || input.to !== undefined)
      ctx.addIssue({ code: 'custom', message: 'Kies een jaar óf een begin- en einddatum, niet allebei.', path: ['year'] });
    return;
  }
  if (input.from === undefined) ctx.addIssue({ code: 'custom', message: 'Kies een jaar of vul een begindatum in.', path: ['from'] });
  if (input.to === undefined) ctx.addIssue({ code: 'custom', message: 'Vul een einddatum in.', path: ['to'] });
  for (const field of ['from', 'to'] as const) {
    const value = input[field];
    if (value !== undefined && !isRealDate(value))
      ctx.addIssue({ code: 'custom', message: `${value} is geen bestaande datum.`, path: [field] });
  }
  if (input.from && input.to && input.from > input.to)
    ctx.addIssue({ code: 'custom', message: 'De einddatum ligt vóór de begindatum.', path: ['to'] });
}

export const periodInput = period
  .extend({
    /** Only the rows of this FTO group (its prescribers, practices and the group itself). */
    groupId: id.optional(),
  })
  .superRefine(checkPeriod);

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * One row of the spec §8 object. `practice` and `group` are the keys (names) the row belongs to; the
 * extra fields (`id`, `name`, `listSize`, `rates`) are for the app and are left out of the CLI's JSON.
 */
export const indicatorRow = indicatorValues.extend({
  level: indicatorLevel,
  /** Prescriber key (AGB or name), practice name or `other`, group name, or `all`. */
  key: z.string(),
  /** The database id of the prescriber, practice or group; null for `other` and `all`. */
  id: id.nullable(),
  /** What to show: the prescriber's name, "Overige voorschrijvers", the practice or group name, "Alle gegevens". */
  name: z.string(),
  practice: z.string().nullable(),
  group: z.string().nullable(),
  /** Registered patients used for the rates (practice and group rows only). */
  listSize: z.number().int().positive().nullable(),
  rates: indicatorRates.nullable(),
});
export type IndicatorRow = z.infer<typeof indicatorRow>;

export const indicatorResult = z.object({
  from: z.string(),
  to: z.string(),
  lookbackComplete: z.boolean(),
  /** Spec §5 "Data end": the latest opioid dispensing (of the group's pharmacies with groupId); null: no data. */
  dataEnd: z.string().nullable(),
  /** False when the period ends after the data end: its figures are "onvolledig". */
  periodComplete: z.boolean(),
  /** False when the data starts less than 90 days before the period: earlier dispensings that cover it may be missing. */
  chronicComplete: z.boolean(),
  settings: indicatorSettings,
  /** The date of the earliest opioid dispensing in the database (null: none). */
  earliestDispensing: z.string().nullable(),
  /** The calendar year whose list sizes give the rates: the year holding most days of the period. */
  rateYear: z.number().int(),
  rows: z.array(indicatorRow),
  /** With groupId: the prescribers without a practice behind the group's groupOther row (its pharmacies only); not in the CLI's JSON. */
  groupOtherPrescribers: z.array(indicatorRow),
});
export type IndicatorResult = z.infer<typeof indicatorResult>;

/** One practice, `other`, group or `all` over several calendar years side by side. */
export const yearsRow = z.object({
  level: z.enum(['practice', 'group', 'groupOther', 'all']),
  key: z.string(),
  id: id.nullable(),
  name: z.string(),
  group: z.string().nullable(),
  years: z.array(
    indicatorValues.extend({ year: z.number().int(), listSize: z.number().int().positive().nullable(), rates: indicatorRates.nullable() }),
  ),
});

export const yearsResult = z.object({
  fromYear: z.number().int(),
  toYear: z.number().int(),
  dataEnd: z.string().nullable(),
  settings: indicatorSettings,
  /** Only years that hold data (spec §5 "Data end"). */
  years: z.array(
    z.object({
      year: z.number().int(),
      from: z.string(),
      to: z.string(),
      lookbackComplete: z.boolean(),
      periodComplete: z.boolean(),
      chronicComplete: z.boolean(),
    }),
  ),
  rows: z.array(yearsRow),
});
export type YearsResult = z.infer<typeof yearsResult>;

export const unassignedPrescriber = z.object({
  id,
  key: z.string(),
  name: z.string(),
  agb: z.string().nullable(),
  /** All opioid dispensings (strong and weak) in the database by this prescriber. */
  dispensings: z.number().int(),
  strongDispensings: z.number().int(),
  lastDispensing: z.string().nullable(),
});

export const prescriberBrief = z.object({
  id,
  key: z.string(),
  name: z.string(),
  agb: z.string().nullable(),
  practice: z.string().nullable(),
  dispensings: z.number().int(),
});
export const mergeProposal = z.object({ from: prescriberBrief, into: prescriberBrief, reason: z.string() });

const worklistInput = period.extend({ practiceId: id }).superRefine(checkPeriod);

export const chronicUser = z.object({
  patientKey: z.string(),
  responsibleKey: z.string(),
  responsibleName: z.string(),
  /** Days covered by strong-opioid dispensings (any prescriber) within the period. */
  coveredDays: z.number().int(),
  dispensings: z.number().int(),
  /** The distinct strong-opioid products dispensed in the period, alphabetically. */
  products: z.array(z.string()),
  lastDispensing: z.string(),
  lastProduct: z.string(),
  /** Mean daily oral morphine equivalent in mg over the period (spec §9); null when no dispensing has a known dose. */
  meanDailyOme: z.number().nonnegative().nullable(),
  /** At or above the high-dose threshold (settings.highDoseOme). */
  highDose: z.boolean(),
});

export const worklist = z.object({
  practiceId: id,
  practice: z.string(),
  from: z.string(),
  to: z.string(),
  settings: indicatorSettings,
  patients: z.array(chronicUser),
});
export type Worklist = z.infer<typeof worklist>;

/** A prescriber, practice and group as written in a mapping file or typed in the app. */
export const assignment = z.object({
  /** The prescriber's key (AGB code) or name. */
  prescriber: z.string().trim().min(1, { error: 'Vul de voorschrijver in.' }),
  /** Empty: the prescriber belongs to no practice (specialist, locum, out-of-hours post). */
  practice: z.string().trim().default(''),
  /** Needed only when the practice does not exist yet. */
  group: z.string().trim().default(''),
});

/** Spec §6: a regional summary hides counts from 1 up to this threshold unless the user lowers it knowingly. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 10;

const regionalInput = period
  .extend({
    groupId: id.optional(),
    threshold: z
      .number({ error: 'Vul een drempel in.' })
      .int({ error: 'Vul een hele drempel in.' })
      .min(1, { error: 'Kies een drempel van minstens 1.' })
      .max(1000, { error: 'Kies een drempel van hoogstens 1000.' })
      .default(DEFAULT_SUPPRESSION_THRESHOLD),
    /** Needed for a threshold below the default: small counts can point to patients. */
    confirmLowerThreshold: z.boolean().default(false),
    /** Practices are "Praktijk A, B, ..." unless the user chooses to name them. */
    practiceNames: z.boolean().default(false),
    format: z.enum(['xlsx', 'csv']).default('xlsx'),
  })
  .superRefine(checkPeriod)
  .superRefine((input, ctx) => {
    if (input.threshold < DEFAULT_SUPPRESSION_THRESHOLD && !input.confirmLowerThreshold) {
      ctx.addIssue({
        code: 'custom',
        message: `Een drempel onder ${DEFAULT_SUPPRESSION_THRESHOLD} laat kleine aantallen zien die naar patiënten kunnen wijzen; bevestig eerst dat u dat bewust wilt.`,
        path: ['confirmLowerThreshold'],
      });
    }
  });
export type RegionalInput = z.infer<typeof regionalInput>;

export const indicatorsContract = {
  'indicators.compute': method(periodInput, indicatorResult),
  'indicators.years': method(
    z
      .object({ fromYear: year, toYear: year, groupId: id.optional(), settings: indicatorSettings.partial().optional() })
      .refine((i) => i.fromYear <= i.toYear, { error: 'Het laatste jaar ligt vóór het eerste jaar.', path: ['toYear'] })
      .refine((i) => i.toYear - i.fromYear < 25, { error: 'Kies hoogstens 25 jaren.', path: ['toYear'] }),
    yearsResult,
  ),
  'indicators.settings.get': method(z.object({}).default({}), indicatorSettings),
  /** Stores the given settings (the others stay as they are) and returns all of them. */
  'indicators.settings.set': method(indicatorSettings.partial(), indicatorSettings),

  /** With groupId: only dispensings of that group's pharmacies (spec §5 "Group scope"). */
  'prescribers.unassigned': method(z.object({ groupId: id.optional() }).default({}), z.array(unassignedPrescriber)),
  /** What prescribers.assignMany would change, row by row, without changing anything. */
  'prescribers.assignPreview': method(
    z.object({ rows: z.array(assignment).min(1, { error: 'Het bestand bevat geen toewijzingen.' }) }),
    z.object({
      assigned: z.number().int(),
      createdPrescribers: z.number().int(),
      createdPractices: z.number().int(),
      createdGroups: z.number().int(),
      rows: z.array(
        z.object({
          row: z.number().int(),
          prescriber: z.string(),
          newPrescriber: z.boolean(),
          before: z.string().nullable(),
          after: z.string().nullable(),
          /** False when the prescriber already has this practice by an explicit choice. */
          changes: z.boolean(),
        }),
      ),
    }),
  ),
  /** Reads a prescriber→practice file (the one `npx fto assign` takes) into rows for assignPreview/assignMany. */
  'prescribers.readMappingFile': method(
    z.object({ name: z.string().min(1), base64: z.string() }),
    z.array(assignment.extend({ line: z.number().int() })),
  ),

  /** Proposed merges of prescriber records that are evidently one person. */
  'prescribers.mergeProposals': method(z.object({}).default({}), z.array(mergeProposal)),
  'prescribers.merges': method(
    z.object({}).default({}),
    z.array(z.object({ from: prescriberBrief, into: prescriberBrief, mergedAt: z.string() })),
  ),
  /** From now on every dispensing of fromId counts as intoId's (spec §5 prescriber key). */
  'prescribers.merge': method(z.object({ fromId: id, intoId: id }), z.object({ fromId: id, intoId: id })),
  'prescribers.unmerge': method(z.object({ fromId: id }), z.object({ fromId: id })),
  /** Two different people: the pair is not proposed again. */
  'prescribers.dismissMerge': method(z.object({ fromId: id, intoId: id }), z.object({ fromId: id, intoId: id })),

  /** Spec §5 "Data end": how far the data reaches, the years that hold data and the default year. */
  'indicators.dataRange': method(
    z.object({ groupId: id.optional(), today: isoDate.optional() }).default({}),
    z.object({
      dataStart: z.string().nullable(),
      dataEnd: z.string().nullable(),
      years: z.array(z.number().int()),
      defaultYear: z.number().int(),
    }),
  ),
  /** An explicit assignment (practiceId null: no practice); it wins over any practice column in later imports. */
  'prescribers.assign': method(
    z.object({ prescriberId: id, practiceId: id.nullable() }),
    z.object({ prescriberId: id, practiceId: id.nullable() }),
  ),
  /** Several explicit assignments at once (a mapping file), creating prescribers, practices and groups that do not exist. */
  'prescribers.assignMany': method(
    z.object({ rows: z.array(assignment).min(1, { error: 'Het bestand bevat geen toewijzingen.' }) }),
    z.object({
      assigned: z.number().int(),
      createdPrescribers: z.number().int(),
      createdPractices: z.number().int(),
      createdGroups: z.number().int(),
    }),
  ),

  /** The chronic users of one practice (spec §5 attribution): patient keys, for that practice only. */
  'worklist.chronic': method(worklistInput, worklist),
  /** The same worklist as an .xlsx file (base64), for the UI to save. */
  'worklist.exportXlsx': method(worklistInput, z.object({ fileName: z.string(), base64: z.string() })),
  /** Spec §6 regional summary: practice, group and all rows only, small counts hidden; a file to save. */
  'indicators.exportRegional': method(regionalInput, fileOutput),
};
