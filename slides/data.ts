// The figures a deck is made from, as plain data. Names follow spec/indicators.md §5/§8 exactly, so that the
// rows of `npx fto indicators --json` (or the indicators contract) can be passed in as they are.

// These name lists are the one source for the whole project (contract, engine, UI, deck): this file
// imports nothing, so the page can use them without bundling the core.

/** Spec §5's strong-opioid indicators, in the spec's order. */
export const STRONG_INDICATOR_NAMES = [
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

/** Every spec §5 indicator: the strong ones, then the weak-opioid context figure. */
export const INDICATOR_NAMES = [...STRONG_INDICATOR_NAMES, 'dispensingsWeak'] as const;

export type IndicatorName = (typeof INDICATOR_NAMES)[number];
export type IndicatorValues = Record<IndicatorName, number>;

/** The new-user figures: only exact when the data reaches back far enough (spec §5, look-back completeness). */
export const LOOKBACK_INDICATORS: readonly IndicatorName[] = ['newUsers', 'newUsersOver3', 'newUsersLongStart', 'newUsersOtherStart'];

/** Dutch names, as the deck, the tables and the definitions slide show them. */
export const INDICATOR_LABELS: Record<IndicatorName, string> = {
  dispensingsShort: 'Uitgiftes kortwerkend',
  dispensingsLong: 'Uitgiftes langwerkend',
  patientsShort: 'Patiënten kortwerkend',
  patientsLong: 'Patiënten langwerkend',
  patientsAny: 'Patiënten met een sterk opioïd',
  chronicUsers: 'Chronische gebruikers',
  newUsers: 'Nieuwe gebruikers',
  newUsersOver3: 'Nieuwe gebruikers met meer dan 3 uitgiftes',
  newUsersLongStart: 'Nieuwe gebruikers gestart met langwerkend',
  newUsersOtherStart: 'Nieuwe gebruikers gestart door een andere voorschrijver',
  dispensingsWeak: 'Uitgiftes zwakwerkende opioïden',
};

/** The key of the practice row that holds every prescriber outside a practice (spec §5). */
export const OTHER_PRACTICE_KEY = 'other';

export interface IndicatorSettings {
  chronicDays: number;
  lookbackDays: number;
  newUserMinDispensings: number;
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
  settings: IndicatorSettings;
  rows: FigureRow[];
}

export type AgreementStatus = 'open' | 'done' | 'partly' | 'notDone' | 'dropped';

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  open: 'open',
  done: 'gedaan',
  partly: 'deels gedaan',
  notDone: 'niet gedaan',
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
}
