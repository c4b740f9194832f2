import { DEFAULT_SETTINGS, INDICATOR_NAMES, type IndicatorValues } from '../domain';
import type { Agreement, DeckData, FigureRow, PeriodFigures } from './data';

// Synthetic deck data of demo size (a group of five practices, five years), made by a seeded generator: the
// deck tests and the benchmark use it, so they never depend on real figures.

export const SAMPLE_GROUP = 'FTO Eemvallei';
export const SAMPLE_PRACTICES = [
  'Huisartsenpraktijk De Linde',
  'Gezondheidscentrum Het Anker',
  'Praktijk Van Dam',
  'Huisartsen Zuid',
  'Maatschap Oosterhof',
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function values(next: () => number, scale: number): IndicatorValues {
  const n = (max: number) => Math.round(next() * max * scale);
  const dispensingsShort = 20 + n(160);
  const dispensingsLong = 30 + n(220);
  const patientsShort = Math.round(dispensingsShort / (2 + next() * 2));
  const patientsLong = Math.round(dispensingsLong / (3 + next() * 3));
  const patientsAny = Math.round((patientsShort + patientsLong) * 0.85);
  const newUsers = Math.round(patientsAny * (0.3 + next() * 0.2));
  const newUsersOver3 = Math.round(newUsers * next() * 0.4);
  const starts = Math.round(newUsers * 1.1);
  return {
    dispensingsShort,
    dispensingsLong,
    patientsShort,
    patientsLong,
    patientsAny,
    chronicUsers: Math.round(patientsAny * (0.15 + next() * 0.2)),
    newUsers,
    newUsersOver3,
    newUsersLongStart: Math.round(newUsers * next() * 0.6),
    newUsersOtherStart: Math.round(newUsers * next() * 0.5),
    dispensingsWeak: 40 + n(300),
    starts,
    startsOverLimit: Math.round(starts * (0.2 + next() * 0.4)),
    patientsOxycodone: Math.round(patientsAny * (0.4 + next() * 0.3)),
    patientsMorphine: Math.round(patientsAny * (0.1 + next() * 0.2)),
    patientsFentanylRapid: Math.round(patientsAny * next() * 0.05),
    patientsWeak: 30 + n(200),
    highDoseUsers: Math.round(patientsAny * next() * 0.08),
    dispensingsOmeUnknown: Math.round((dispensingsShort + dispensingsLong) * next() * 0.05),
  };
}

function sum(rows: IndicatorValues[], patientShare = 1): IndicatorValues {
  const total = {} as IndicatorValues;
  for (const name of INDICATOR_NAMES) {
    const value = rows.reduce((acc, row) => acc + row[name], 0);
    // A patient seen by two practices counts once for the group: patient figures are a little below the sum.
    total[name] = name.startsWith('dispensings') ? value : Math.round(value * patientShare);
  }
  return total;
}

export function samplePeriod(
  year: number,
  options: { lookbackComplete?: boolean; practices?: string[]; group?: string; seed?: number } = {},
): PeriodFigures {
  const practices = options.practices ?? SAMPLE_PRACTICES;
  const group = options.group ?? SAMPLE_GROUP;
  const next = random((options.seed ?? 7) * 10_007 + year);
  const scale = 1 - (year - 2021) * 0.06;
  const practiceRows: FigureRow[] = practices.map((key, index) => ({
    level: 'practice',
    key,
    group,
    listSize: 2800 + index * 650,
    ...values(next, scale),
  }));
  const other: FigureRow = { level: 'practice', key: 'other', group: null, ...values(next, scale * 0.5) };
  const groupValues = sum(practiceRows, 0.96);
  const listSize = practiceRows.reduce((acc, row) => acc + (row.listSize ?? 0), 0);
  return {
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    lookbackComplete: options.lookbackComplete ?? true,
    settings: { ...DEFAULT_SETTINGS },
    rows: [
      ...practiceRows,
      other,
      { level: 'group', key: group, listSize, ...groupValues },
      { level: 'all', key: 'all', ...sum([groupValues, other, values(next, scale * 4)]) },
    ],
  };
}

/** A whole deck's data: five years (the first with an incomplete look-back), last year's review and this year's agreements. */
export function sampleDeckData(naming: DeckData['naming'] = 'names'): DeckData {
  const years = [2021, 2022, 2023, 2024, 2025].map((year) => samplePeriod(year, { lookbackComplete: year > 2021 }));
  const [a, b, c] = SAMPLE_PRACTICES as [string, string, string];
  const review: Agreement[] = [
    {
      party: a,
      text: 'Bij een eerste recept hoogstens 5 dagen, met indicatie en gebruiksduur',
      status: 'done',
      indicator: 'dispensingsShort',
      before: 120,
      now: 84,
    },
    {
      party: a,
      text: 'Elk jaar twee chronische gebruikers uitnodigen voor een gesprek',
      status: 'partly',
      indicator: 'chronicUsers',
      before: 31,
      now: 27,
    },
    { party: b, text: 'Herhaalrecept alleen na een telefonisch consult', status: 'not_done', indicator: null },
    {
      party: c,
      text: 'Overgebruik met de apotheek signaleren via het HIS',
      status: 'open',
      indicator: 'newUsersOver3',
      before: 9,
      now: 11,
    },
  ];
  const agreements: Agreement[] = [
    { party: a, text: 'Kortwerkend oxycodon alleen bij acute pijn, hoogstens 5 dagen', indicator: 'dispensingsShort', target: 'omlaag' },
    { party: b, text: 'Twee chronische gebruikers per jaar uitnodigen', indicator: 'chronicUsers', target: 'omlaag' },
    { party: 'Apotheek De Gaper', text: 'Bellen bij een eerste recept van meer dan een week', indicator: null, target: null },
  ];
  return {
    group: SAMPLE_GROUP,
    date: '2026-03-12',
    naming,
    current: years.at(-1)!,
    years,
    review: { meetingLabel: 'het FTO van 14 maart 2024', agreements: review },
    evaluation: { before: years[3]!, now: years[4]!, showRegion: true },
    agreements,
  };
}
