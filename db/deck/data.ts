import type { Agreement as DeckAgreement, DeckData, FigureRow, PeriodFigures } from '../../slides';
import type { Agreement } from '../contract/agreements';
import type { IndicatorResult, YearsResult } from '../contract/indicators';
import { OME_FACTOR_SOURCE, OME_FACTORS } from '../dosing';
import { computeIndicators, computeYears, pickValues } from '../indicators/compute';
import { dataSpan } from '../indicators/scope';
import { listAgreements } from '../meetings/agreements';
import { dutchDate } from '../meetings/dates';
import { earlierAgreements } from '../meetings/earlier';
import { getMeeting } from '../meetings/store';
import type { Db } from '../open';
import { queryOne, queryValue } from '../query';

/** How many calendar years the "years side by side" slides show when the meeting does not say. */
const DEFAULT_YEARS_SHOWN = 5;

/** What a deck is made for: a group and a period, and the meeting it belongs to when there is one. */
export interface DeckSpec {
  groupName: string;
  from: string;
  to: string;
  /** First year of the "years side by side" slides; null: the last five years. */
  compareFromYear: number | null;
  anonymizePractices: boolean;
  /** The meeting date (YYYY-MM-DD), on the title slide and in file names. */
  date: string | null;
  /** Without a meeting there are no agreements to show. */
  meetingId: number | null;
}

export function meetingDeckSpec(db: Db, meetingId: number): DeckSpec {
  const meeting = getMeeting(db, meetingId);
  return {
    groupName: meeting.groupName,
    from: meeting.periodFrom,
    to: meeting.periodTo,
    compareFromYear: meeting.compareFromYear,
    anonymizePractices: meeting.anonymizePractices,
    date: meeting.startsAt?.slice(0, 10) ?? null,
    meetingId,
  };
}

/** Everything a deck shows, gathered from the database as plain data for slides/. */
export function deckData(db: Db, spec: DeckSpec): DeckData {
  // The whole database's rows (the region row for the evaluation), with the data end of the deck's group.
  const groupId = queryOne<{ id: number }>(db, 'SELECT id FROM fto_group WHERE name = ?', spec.groupName)?.id ?? null;
  const dataEnd = dataSpan(db, groupId).end;
  const current = periodFigures(computeIndicators(db, { from: spec.from, to: spec.to }), dataEnd);
  const lastYear = Number(spec.to.slice(0, 4));
  const fromYear = Math.min(spec.compareFromYear ?? lastYear - DEFAULT_YEARS_SHOWN + 1, lastYear);
  // indicators.years leaves out years without data, so no column of zeros before the data starts.
  const years = yearFigures(computeYears(db, { fromYear, toYear: lastYear }), dataEnd);
  const base: DeckData = {
    group: spec.groupName,
    date: spec.date,
    naming: spec.anonymizePractices ? 'letters' : 'names',
    current,
    years,
    omeFactors: { source: OME_FACTOR_SOURCE, rows: OME_FACTORS },
  };
  if (spec.meetingId === null) return base;

  const earlier = earlierAgreements(db, spec.meetingId);
  const previous = earlier.previousMeeting;
  const groupCount = queryValue<number>(db, 'SELECT count(*) AS n FROM fto_group');
  return {
    ...base,
    review: previous
      ? {
          meetingLabel: [previous.topic, previous.startsAt ? dutchDate(previous.startsAt.slice(0, 10)) : null].filter(Boolean).join(', '),
          agreements: earlier.agreements.map((agreement) =>
            deckAgreement(agreement, agreement.evaluation?.before.value ?? null, agreement.evaluation?.now?.value ?? null),
          ),
        }
      : null,
    evaluation:
      previous && previous.periodTo < spec.from
        ? {
            before: periodFigures(computeIndicators(db, { from: previous.periodFrom, to: previous.periodTo }), dataEnd),
            now: current,
            showRegion: groupCount > 1,
          }
        : null,
    agreements: listAgreements(db, { meetingId: spec.meetingId }).map((agreement) => deckAgreement(agreement, null, null)),
  };
}

function deckAgreement(agreement: Agreement, before: number | null, now: number | null): DeckAgreement {
  return {
    party: agreement.practiceName ?? agreement.scopeName,
    text: agreement.text,
    status: agreement.status,
    indicator: agreement.indicator,
    before,
    now,
    target: agreement.goal,
    // A pharmacy has no patient list of its own: its agreements (and the group's) are measured on the group.
    measuredOn: agreement.indicator && agreement.practiceId === null ? `cijfer van de hele groep` : null,
  };
}

function figureRow(row: IndicatorResult['rows'][number]): FigureRow {
  return { ...pickValues(row), level: row.level, key: row.key, group: row.group, listSize: row.listSize, per1000: row.rates };
}

export function periodFigures(result: IndicatorResult, dataEnd: string | null): PeriodFigures {
  return {
    from: result.from,
    to: result.to,
    lookbackComplete: result.lookbackComplete,
    dataEnd,
    chronicComplete: result.chronicComplete,
    settings: result.settings,
    rows: result.rows.filter((row) => row.level !== 'prescriber').map(figureRow),
  };
}

function yearFigures(result: YearsResult, dataEnd: string | null): PeriodFigures[] {
  return result.years.map((year, index) => ({
    from: year.from,
    to: year.to,
    label: String(year.year),
    lookbackComplete: year.lookbackComplete,
    dataEnd,
    chronicComplete: year.chronicComplete,
    settings: result.settings,
    rows: result.rows.map((row) => {
      const values = row.years[index]!;
      return { ...pickValues(values), level: row.level, key: row.key, group: row.group, listSize: values.listSize, per1000: values.rates };
    }),
  }));
}
