// The indicators of spec/indicators.md §5 (version 2): their names, Dutch labels and units. Names follow
// spec §5/§8 exactly, so rows of `npx fto indicators --json` (or the indicators contract) fit as they are.

/** Spec §5's strong-opioid indicators of version 1, in the spec's order. */
export const USE_INDICATOR_NAMES = [
  'dispensingsShort',
  'dispensingsLong',
  'patientsShort',
  'patientsLong',
  'patientsAny',
  'chronicUsers',
  'newUsers',
  'newUsersOver3',
  'newUsersLongStart',
  'newUsersOtherStart',
] as const;

/** Spec §5 (version 2) "Dose and agreement indicators": what the module's working agreements are measured by. */
export const DOSE_INDICATOR_NAMES = [
  'starts',
  'startsOverLimit',
  'patientsOxycodone',
  'patientsMorphine',
  'patientsFentanylRapid',
  'highDoseUsers',
  'dispensingsOmeUnknown',
] as const;

/** Every strong-opioid indicator: the ones an agreement can be measured by (weak opioids are context only). */
export const STRONG_INDICATOR_NAMES = [...USE_INDICATOR_NAMES, ...DOSE_INDICATOR_NAMES] as const;

/** Every spec §5 indicator, in the order of spec §8's rows. */
export const INDICATOR_NAMES = [
  ...USE_INDICATOR_NAMES,
  'dispensingsWeak',
  'starts',
  'startsOverLimit',
  'patientsOxycodone',
  'patientsMorphine',
  'patientsFentanylRapid',
  'patientsWeak',
  'highDoseUsers',
  'dispensingsOmeUnknown',
] as const;

/** The context figures about weak opioids: shown, never part of an agreement or the strong counts. */
export const WEAK_INDICATOR_NAMES = ['dispensingsWeak', 'patientsWeak'] as const;

export type IndicatorName = (typeof INDICATOR_NAMES)[number];
export type StrongIndicatorName = (typeof STRONG_INDICATOR_NAMES)[number];
export type IndicatorValues = Record<IndicatorName, number>;

/** The new-user figures: only exact when the data reaches back far enough (spec §5, look-back completeness). */
export const LOOKBACK_INDICATORS: readonly IndicatorName[] = [
  'newUsers',
  'newUsersOver3',
  'newUsersLongStart',
  'newUsersOtherStart',
  'starts',
  'startsOverLimit',
];

/**
 * Whether a period's figure is "onvolledig" because the data does not reach far enough before the period:
 * the look-back for new users and starts, the 90 days before it for chronic users (unknown counts as reached).
 */
export function figureIncomplete(name: string, period: { lookbackComplete: boolean; chronicComplete?: boolean }): boolean {
  if (name === 'chronicUsers') return period.chronicComplete === false;
  return !period.lookbackComplete && (LOOKBACK_INDICATORS as readonly string[]).includes(name);
}

/** A part as a percentage of its whole (starts over the limit of all starts); null when the whole is 0. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}

/**
 * Dutch names, as the deck, the tables, the reports and the app show them. `{over}` (newUsersOver3: the
 * setting newUserMinDispensings − 1) is filled in by `indicatorLabel`; the app's nl.json holds the same text.
 */
export const INDICATOR_LABEL_TEMPLATES: Record<IndicatorName, string> = {
  dispensingsShort: 'Uitgiften kortwerkend',
  dispensingsLong: 'Uitgiften langwerkend',
  patientsShort: 'Patiënten kortwerkend',
  patientsLong: 'Patiënten langwerkend',
  patientsAny: 'Patiënten met een sterk opioïd',
  chronicUsers: 'Chronische gebruikers',
  newUsers: 'Nieuwe gebruikers',
  newUsersOver3: 'Nieuwe gebruikers met meer dan {over} uitgiften',
  newUsersLongStart: 'Nieuwe gebruikers gestart met langwerkend',
  newUsersOtherStart: 'Nieuwe gebruikers gestart door een andere voorschrijver',
  dispensingsWeak: 'Uitgiften zwakke opioïden',
  starts: 'Starts',
  startsOverLimit: 'Starts langer dan de startduur',
  patientsOxycodone: 'Patiënten met oxycodon',
  patientsMorphine: 'Patiënten met morfine',
  patientsFentanylRapid: 'Patiënten met snelwerkend fentanyl',
  patientsWeak: 'Patiënten met een zwak opioïd',
  highDoseUsers: 'Patiënten met een hoge dosis',
  dispensingsOmeUnknown: 'Uitgiften zonder bekende dosis',
};

/** Short Dutch names for table columns and legends; `{over}` and `{limit}` come from the settings. */
export const INDICATOR_SHORT_LABEL_TEMPLATES: Record<IndicatorName, string> = {
  dispensingsShort: 'Uitgiften kort',
  dispensingsLong: 'Uitgiften lang',
  patientsShort: 'Patiënten kort',
  patientsLong: 'Patiënten lang',
  patientsAny: 'Patiënten totaal',
  chronicUsers: 'Chronisch',
  newUsers: 'Nieuw',
  newUsersOver3: 'Nieuw, > {over} uitgiften',
  newUsersLongStart: 'Nieuw, start lang',
  newUsersOtherStart: 'Nieuw, start overige',
  dispensingsWeak: 'Uitgiften zwak',
  starts: 'Starts',
  startsOverLimit: 'Start > {limit} dagen',
  patientsOxycodone: 'Oxycodon',
  patientsMorphine: 'Morfine',
  patientsFentanylRapid: 'Fentanyl snel',
  patientsWeak: 'Patiënten zwak',
  highDoseUsers: 'Hoge dosis',
  dispensingsOmeUnknown: 'Dosis onbekend',
};

/** The shortest names, for the columns of the CLI's terminal table (its legend spells the abbreviations out). */
export const INDICATOR_TERMINAL_LABEL_TEMPLATES: Record<IndicatorName, string> = {
  dispensingsShort: 'Uitg kort',
  dispensingsLong: 'Uitg lang',
  patientsShort: 'Pat kort',
  patientsLong: 'Pat lang',
  patientsAny: 'Patiënten',
  chronicUsers: 'Chronisch',
  newUsers: 'Nieuw',
  newUsersOver3: 'Nieuw > {over}',
  newUsersLongStart: 'Start lang',
  newUsersOtherStart: 'Start overig',
  dispensingsWeak: 'Uitg zwak',
  starts: 'Starts',
  startsOverLimit: 'Start > {limit} d',
  patientsOxycodone: 'Oxycodon',
  patientsMorphine: 'Morfine',
  patientsFentanylRapid: 'Fent snel',
  patientsWeak: 'Pat zwak',
  highDoseUsers: 'Hoge dosis',
  dispensingsOmeUnknown: 'Dosis ?',
};

/** The settings that labels mention, as placeholders: `{over}` (more than …), `{limit}` (start days). */
export interface LabelSettings {
  newUserMinDispensings: number;
  startLimitDays: number;
}

/** Fills `{over}` and `{limit}` in a label template. */
export function fillLabel(template: string, settings: LabelSettings): string {
  return template.replace('{over}', String(settings.newUserMinDispensings - 1)).replace('{limit}', String(settings.startLimitDays));
}

/** The spec's default "more than 3": the labels as written where no period's settings are at hand. */
const DEFAULT_LABEL_SETTINGS: LabelSettings = { newUserMinDispensings: 4, startLimitDays: 7 };

/** The Dutch name of an indicator with the settings filled in (by default spec §5's). */
export function indicatorLabel(name: IndicatorName, settings: LabelSettings = DEFAULT_LABEL_SETTINGS): string {
  return fillLabel(INDICATOR_LABEL_TEMPLATES[name], settings);
}

/** The short Dutch name of an indicator (table columns, legends) with the settings filled in. */
export function indicatorShortLabel(name: IndicatorName, settings: LabelSettings = DEFAULT_LABEL_SETTINGS): string {
  return fillLabel(INDICATOR_SHORT_LABEL_TEMPLATES[name], settings);
}

/** Every indicator's Dutch name with the default settings: "Nieuwe gebruikers met meer dan 3 uitgiften". */
export const INDICATOR_LABELS = Object.fromEntries(INDICATOR_NAMES.map((name) => [name, indicatorLabel(name)])) as Record<
  IndicatorName,
  string
>;

/** The unit of a rate (spec §5: per 1,000 registered patients), as axes and reports write it. */
export const RATE_UNIT = 'per 1.000 ingeschreven patiënten';

/** The key of the practice row that holds every prescriber outside a practice (spec §5). */
export const OTHER_PRACTICE_KEY = 'other';
/** The level of a group's own "other" row: only its pharmacies' dispensings (spec §5 "Group scope"). */
export const GROUP_OTHER_LEVEL = 'groupOther';
