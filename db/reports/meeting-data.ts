import { figureDefinitions, INDICATOR_LABELS, type Definition } from '../../domain';
import type { Agreement, AgreementIndicator, Evaluation } from '../contract/agreements';
import type { IndicatorSettings } from '../contract/indicators';
import type { Meeting } from '../contract/meetings';
import { formatDay, incompleteEndMark } from '../../slides/format';
import { OME_FACTOR_SOURCE } from '../dosing';
import { computeIndicators, OTHER_NAME } from '../indicators/compute';
import { listAgreements } from '../meetings/agreements';
import { dutchDate, fullPeriod, sameDayNextYear, today } from '../meetings/dates';
import { earlierAgreements } from '../meetings/earlier';
import { moduleObjectives, moduleQuestions } from '../meetings/module-questions';
import { getMeeting, listAttendees, listCaseAnswers, listNotes, type Attendee } from '../meetings/store';
import { distributionLines } from '../polls/results';
import { listPollRows, pollResultOf } from '../polls/store';
import type { Db } from '../open';

/** The indicators the report's table shows (the full set is in the deck and the exports). */
export const reportIndicators: AgreementIndicator[] = [
  'dispensingsShort',
  'dispensingsLong',
  'patientsAny',
  'chronicUsers',
  'newUsers',
  'newUsersOver3',
];

export interface ReportData {
  meeting: Meeting;
  present: Attendee[];
  absent: Attendee[];
  sources: string[];
  /** The module's learning objectives. */
  objectives: string[];
  figures: {
    /** "1 januari 2024 t/m 31 december 2024", with "onvolledig (gegevens tot ...)" when the data ends before it does. */
    period: string;
    lookbackComplete: boolean;
    settings: IndicatorSettings;
    /** What the figures count (domain/definitions.ts), with the settings they were computed with. */
    definitions: Definition[];
    columns: { indicator: AgreementIndicator; label: string }[];
    /** Per row: the counts, and per 1,000 registered patients when the list size is known (else null). */
    rows: { name: string; isGroup: boolean; values: number[]; rates: (number | null)[] | null }[];
    /** The calendar year whose list sizes give the rates. */
    rateYear: number;
  };
  cases: { questionId: string; question: string; answers: { who: string; text: string }[]; polls: ReportPoll[] }[];
  /** Polls on a question of the chair's own (not one of the module's case questions). */
  polls: ReportPoll[];
  notes: string[];
  agreements: { scope: string; items: Agreement[] }[];
  earlier: { meetingLabel: string | null; items: (Agreement & { evaluation: Evaluation | null })[] };
  nextEvaluation: string;
}

/** One run of a poll: "Peiling: n antwoorden" and the distribution. */
export interface ReportPoll {
  question: string;
  heading: string;
  lines: { label: string; count: number; share: number; text: string }[];
  median: string | null;
  open: boolean;
}

export function groupByScope<T extends Agreement>(agreements: T[]): { scope: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const agreement of agreements) groups.set(agreement.scopeName, [...(groups.get(agreement.scopeName) ?? []), agreement]);
  return [...groups].map(([scope, items]) => ({ scope, items }));
}

export function collectReport(db: Db, meetingId: number): ReportData {
  const meeting = getMeeting(db, meetingId);
  const attendees = listAttendees(db, meetingId);
  const result = computeIndicators(db, { from: meeting.periodFrom, to: meeting.periodTo, groupId: meeting.groupId });
  const practiceRows = result.rows.filter((r) => r.level === 'practice').sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const groupRow = result.rows.find((r) => r.level === 'group' && r.id === meeting.groupId);
  // The group's own "Overige voorschrijvers": only what its pharmacies delivered (spec §5 "Group scope").
  const otherRow = result.rows.find((r) => r.level === 'groupOther' && r.id === meeting.groupId && r.patientsAny + r.dispensingsWeak > 0);
  const letter = (index: number) => `Praktijk ${String.fromCharCode(65 + (index % 26))}${index >= 26 ? Math.floor(index / 26) : ''}`;
  const rates = (row: (typeof result.rows)[number]) => (row.rates ? reportIndicators.map((i) => row.rates![i] ?? null) : null);
  const rows = [
    ...practiceRows.map((row, index) => ({
      name: meeting.anonymizePractices ? letter(index) : row.name,
      isGroup: false,
      values: reportIndicators.map((i) => row[i]),
      rates: rates(row),
    })),
    ...(otherRow ? [{ name: OTHER_NAME, isGroup: false, values: reportIndicators.map((i) => otherRow[i]), rates: rates(otherRow) }] : []),
    ...(groupRow
      ? [{ name: `Groep ${meeting.groupName}`, isGroup: true, values: reportIndicators.map((i) => groupRow[i]), rates: rates(groupRow) }]
      : []),
  ];

  const questions = moduleQuestions(meeting.module);
  const cases = new Map<string, ReportData['cases'][number]>();
  const caseOf = (questionId: string) => {
    if (!cases.has(questionId))
      cases.set(questionId, { questionId, question: questions.get(questionId) ?? questionId, answers: [], polls: [] });
    return cases.get(questionId)!;
  };
  for (const answer of listCaseAnswers(db, meetingId)) {
    if (answer.text.trim() === '') continue;
    caseOf(answer.questionId).answers.push({ who: answer.practiceName ?? 'De groep', text: answer.text.trim() });
  }
  const otherPolls: ReportPoll[] = [];
  for (const row of listPollRows(db, meetingId)) {
    const result = pollResultOf(db, row);
    const { heading, lines, median } = distributionLines(row.kind, result);
    const poll = { question: row.question, heading, lines, median, open: row.status === 'open' };
    if (row.question_id) caseOf(row.question_id).polls.push(poll);
    else otherPolls.push(poll);
  }

  const agreements = listAgreements(db, { meetingId }).filter((a) => a.text.trim() !== '');
  const earlier = earlierAgreements(db, meetingId);
  const dates = agreements.map((a) => a.evaluationDate).sort();
  return {
    meeting,
    present: attendees.filter((a) => a.present),
    absent: attendees.filter((a) => !a.present && !a.guest),
    sources: [
      `Uitgiftegegevens van de apotheken over ${fullPeriod(meeting.periodFrom, meeting.periodTo)}${result.dataEnd ? ` (gegevens tot ${formatDay(result.dataEnd)})` : ''}, bewerkt met de FTO Toolkit.`,
      'NHG-Standaard Pijn (aanbevelingen over starten, duur en afbouwen van opioïden).',
      'Het FTO-programma Opioïden van de regio en de landelijke actie-agenda verantwoord gebruik opioïden.',
    ],
    objectives: moduleObjectives(meeting.module),
    figures: {
      period: [fullPeriod(meeting.periodFrom, meeting.periodTo), incompleteEndMark({ to: result.to, dataEnd: result.dataEnd })]
        .filter(Boolean)
        .join(', '),
      rateYear: result.rateYear,
      lookbackComplete: result.lookbackComplete,
      settings: result.settings,
      definitions: figureDefinitions(result.settings, OME_FACTOR_SOURCE),
      columns: reportIndicators.map((indicator) => ({ indicator, label: INDICATOR_LABELS[indicator] })),
      rows,
    },
    cases: [...cases.values()],
    polls: otherPolls,
    notes: listNotes(db, meetingId)
      .map((n) => n.text.trim())
      .filter(Boolean),
    agreements: groupByScope(agreements),
    earlier: {
      meetingLabel: earlier.previousMeeting
        ? `${earlier.previousMeeting.topic} (${earlier.previousMeeting.startsAt ? dutchDate(earlier.previousMeeting.startsAt.slice(0, 10)) : 'zonder datum'})`
        : null,
      items: earlier.agreements,
    },
    nextEvaluation: dates[0] ?? sameDayNextYear((meeting.startsAt ?? today()).slice(0, 10)),
  };
}
