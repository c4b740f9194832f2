// The figures a deck is made from, as plain data. Names follow spec/indicators.md §5/§8 exactly, so that the
// rows of `npx fto indicators --json` (or the indicators contract) can be passed in as they are. The words
// themselves (indicator names and labels, settings, statuses) are domain/'s.

import type { AgreementStatus, IndicatorName, IndicatorSettings, IndicatorValues } from '../domain';
import type { OmeFactorTable } from './ome';

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
