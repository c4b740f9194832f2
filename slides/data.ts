// The figures a deck is made from, as plain data. Names follow spec/indicators.md §5/§8 exactly, so that the
// rows of `npx fto indicators --json` (or the indicators contract) can be passed in as they are.

// These name lists are the one source for the whole project (contract, engine, UI, deck): this file
// imports only types, so the page can use them without bundling the core.

import type { OmeFactorTable } from './ome';

/** Spec §5's strong-opioid indicators of version 1, in the spec's order. */
const USE_INDICATOR_NAMES = [
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
const DOSE_INDICATOR_NAMES = [
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
export type IndicatorValues = Record<IndicatorName, number>;

/** The new-user figures: only exact when the data reaches back far enough (spec §5, look-back completeness). */
export const LOOKBACK_INDICATORS: readonly IndicatorName[] = ['newUsers', 'newUsersOver3', 'newUsersLongStart', 'newUsersOtherStart', 'starts', 'startsOverLimit'];

/** Dutch names, as the deck, the tables and the definitions slide show them. */
export const INDICATOR_LABELS: Record<IndicatorName, string> = {
  dispensingsShort: 'Uitgiften kortwerkend',
  dispensingsLong: 'Uitgiften langwerkend',
  patientsShort: 'Patiënten kortwerkend',
  patientsLong: 'Patiënten langwerkend',
  patientsAny: 'Patiënten met een sterk opioïd',
  chronicUsers: 'Chronische gebruikers',
  newUsers: 'Nieuwe gebruikers',
  newUsersOver3: 'Nieuwe gebruikers met meer dan 3 uitgiften',
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

/** What each indicator counts, in plain Dutch (definitions slide and sheet, tooltips); settings are filled in. */
export function indicatorDefinition(name: IndicatorName, settings: IndicatorSettings): string {
  const definitions: Record<IndicatorName, string> = {
    dispensingsShort: 'Aantal uitgiften van kortwerkende sterke opioïden in de periode.',
    dispensingsLong: 'Aantal uitgiften van langwerkende sterke opioïden (gereguleerde afgifte en pleisters) in de periode.',
    patientsShort: 'Aantal verschillende patiënten met minstens één kortwerkende uitgifte.',
    patientsLong: 'Aantal verschillende patiënten met minstens één langwerkende uitgifte.',
    patientsAny: 'Aantal verschillende patiënten met minstens één uitgifte van een sterk opioïd.',
    chronicUsers: `Patiënten bij wie de uitgiften samen minstens ${settings.chronicDays} dagen van de periode dekken, bij welke voorschrijver ook.`,
    newUsers: `Patiënten van wie de eerste uitgifte in de periode geen uitgifte in de ${settings.lookbackDays} dagen ervoor had.`,
    newUsersOver3: `Nieuwe gebruikers die in de periode ${settings.newUserMinDispensings} of meer uitgiften kregen.`,
    newUsersLongStart: 'Nieuwe gebruikers van wie de eerste uitgifte langwerkend was.',
    newUsersOtherStart: 'Nieuwe gebruikers bij wie de eerste uitgifte kwam van een voorschrijver zonder praktijk.',
    dispensingsWeak: 'Aantal uitgiften van zwakke opioïden zoals tramadol en codeïne; alleen als achtergrond.',
    starts: 'Nieuwe gebruikers, geteld bij elke voorschrijver die op de eerste dag iets meegaf.',
    startsOverLimit: `Starts waarbij die voorschrijver op de eerste dag voor meer dan ${settings.startLimitDays} dagen meegaf (alleen uitgiften met een bekende gebruiksduur).`,
    patientsOxycodone: 'Aantal verschillende patiënten met minstens één uitgifte van oxycodon (ook met naloxon).',
    patientsMorphine: 'Aantal verschillende patiënten met minstens één uitgifte van morfine.',
    patientsFentanylRapid: 'Aantal verschillende patiënten met minstens één uitgifte van fentanyl via het mondslijmvlies of de neus.',
    patientsWeak: 'Aantal verschillende patiënten met minstens één uitgifte van een zwak opioïd; alleen als achtergrond.',
    highDoseUsers: `Patiënten die in de periode gemiddeld ${settings.highDoseOme} mg orale morfine-equivalenten per dag of meer gebruikten.`,
    dispensingsOmeUnknown: 'Uitgiften van sterke opioïden waarvan de dagdosis in morfine-equivalenten niet te bepalen is.',
  };
  return definitions[name];
}

/** The key of the practice row that holds every prescriber outside a practice (spec §5). */
export const OTHER_PRACTICE_KEY = 'other';
/** The level of a group's own "other" row: only its pharmacies' dispensings (spec §5 "Group scope"). */
export const GROUP_OTHER_LEVEL = 'groupOther';

export interface IndicatorSettings {
  chronicDays: number;
  lookbackDays: number;
  newUserMinDispensings: number;
  /** A start is over the limit when the first prescription covers more days than this (spec §5 v2, default 7). */
  startLimitDays: number;
  /** A patient is a high-dose user from this mean daily oral morphine equivalent in mg (default 90). */
  highDoseOme: number;
}

/** One row of spec §8. Rows of other levels (prescriber, all) may be passed and are ignored. */
export interface FigureRow extends IndicatorValues {
  level: string;
  key: string;
  /** The practice's FTO group; practice rows of another group than the deck's are ignored. */
  group?: string | null;
  /** Registered patients in the period, when known. */
  listSize?: number | null;
  /** Rates per 1,000 registered patients, when the list size is known. Computed from listSize when absent. */
  per1000?: Partial<Record<IndicatorName, number>> | null;
}

/** The figures of one period (by default a calendar year). */
export interface PeriodFigures {
  from: string;
  to: string;
  /** Shown on axes and in tables, e.g. "2024"; defaults to the year when the period is one calendar year. */
  label?: string;
  lookbackComplete: boolean;
  /** The data's end (spec §5 "Data end"); a period ending after it is marked "onvolledig". */
  dataEnd?: string | null;
  /** False for the first data year: dispensings before it that cover days in it may be missing. */
  chronicComplete?: boolean;
  settings: IndicatorSettings;
  rows: FigureRow[];
}

export type AgreementStatus = 'open' | 'done' | 'partly' | 'notDone' | 'dropped';

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  open: 'open',
  done: 'uitgevoerd',
  partly: 'deels uitgevoerd',
  notDone: 'niet uitgevoerd',
  dropped: 'vervallen',
};

export interface Agreement {
  /** Who made it: a practice key (shown anonymised when the deck hides names), or another party such as a pharmacy or "de hele groep". */
  party: string;
  text: string;
  status?: AgreementStatus;
  /** The indicator the agreement is measured by, with its value before the meeting and now. */
  indicator?: IndicatorName | null;
  before?: number | null;
  now?: number | null;
  /** A target or direction in words, e.g. "minder dan 10" or "omlaag". */
  target?: string | null;
  /** Whose figure is measured when it is not the party's own, e.g. "hele groep" for a pharmacy. */
  measuredOn?: string | null;
}

export type PracticeNaming = 'names' | 'letters';

export interface DeckData {
  /** The FTO group the deck is for: its practices are the rows whose `group` is this name. */
  group: string;
  /** The meeting date (ISO), shown on the title slide and used in file names. */
  date?: string | null;
  naming: PracticeNaming;
  /** The figures of the meeting's period. */
  current: PeriodFigures;
  /** The years side by side, oldest first; the current period may be one of them. */
  years?: PeriodFigures[];
  /** Last meeting's agreements with their status: "Hoe is het gegaan?". */
  review?: { meetingLabel: string; agreements: Agreement[] } | null;
  /**
   * Evaluation of the last meeting: its period against the latest one, per practice and for the group; with
   * `showRegion` (more than one group in the database) also against the region, the rows of level `all`.
   */
  evaluation?: { before: PeriodFigures; now: PeriodFigures; showRegion?: boolean } | null;
  /** This meeting's agreements: "Onze afspraken". */
  agreements?: Agreement[] | null;
  /** Spec §9's OME factors with their source, for the definitions slide (the dose figures use them). */
  omeFactors?: OmeFactorTable | null;
}
