import {
  AGREEMENT_STATUS_LABELS,
  INDICATOR_LABELS,
  LOOKBACK_INDICATORS,
  OTHER_PRACTICE_KEY,
  type Agreement,
  type AgreementStatus,
  type DeckData,
  type FigureRow,
  type IndicatorName,
  type PeriodFigures,
} from './data';
import { formatDate, formatNumber, periodLabel } from './format';
import type { ChartSeries, DataContent, SeriesRole, Slide, TableCell, TableSpec } from './model';
import type { GeneratedBlock } from './module';
import national from './modules/opioiden/landelijke-gebruikers.json';

// The generated slides: the group's own figures, the national context, the agreements. Each table cell that
// shows a figure says where it comes from (row, indicator, period), so the figures can be traced and tested.

export const GROUP_ROW_LABEL = 'Totaal groep';
export const OTHER_ROW_LABEL = 'Overige voorschrijvers';
export const REGION_ROW_LABEL = 'Regio (alle groepen)';
const INCOMPLETE_NOTE = '* onvolledig: de gegevens reiken niet ver genoeg terug om nieuwe gebruikers zeker te herkennen.';
/** Agreements per slide, so that a long list never runs off the slide. */
const AGREEMENTS_PER_SLIDE = 5;

/** How practices are named in this deck: by name, or as Praktijk A, B, C... in the order of their keys. */
export function practiceNamer(data: DeckData): (key: string) => string {
  const periods = [data.current, ...(data.years ?? []), ...(data.evaluation ? [data.evaluation.before, data.evaluation.now] : [])];
  const keys = [...new Set(periods.flatMap((period) => groupPractices(period, data.group).map((row) => row.key)))].sort(byCodePoint);
  const letters = new Map(keys.map((key, index) => [key, `Praktijk ${letterCode(index)}`]));
  return (key) => {
    if (key === OTHER_PRACTICE_KEY) return OTHER_ROW_LABEL;
    return data.naming === 'letters' ? (letters.get(key) ?? key) : key;
  };
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A, B, ... Z, AA, AB, ... */
function letterCode(index: number): string {
  let code = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) code = String.fromCharCode(65 + ((n - 1) % 26)) + code;
  return code;
}

/** The group's practices in a period, in key order (without the "other" row). */
function groupPractices(period: PeriodFigures, group: string): FigureRow[] {
  return period.rows
    .filter((row) => row.level === 'practice' && row.key !== OTHER_PRACTICE_KEY && (row.group == null || row.group === group))
    .sort((a, b) => byCodePoint(a.key, b.key));
}

function groupRow(period: PeriodFigures, group: string): FigureRow | undefined {
  return period.rows.find((row) => row.level === 'group' && row.key === group) ?? period.rows.find((row) => row.level === 'group');
}

function otherRow(period: PeriodFigures): FigureRow | undefined {
  return period.rows.find((row) => row.level === 'practice' && row.key === OTHER_PRACTICE_KEY);
}

function regionRow(period: PeriodFigures): FigureRow | undefined {
  return period.rows.find((row) => row.level === 'all');
}

export function ratePer1000(row: FigureRow, indicator: IndicatorName): number | null {
  const given = row.per1000?.[indicator];
  if (typeof given === 'number') return given;
  return row.listSize ? (row[indicator] / row.listSize) * 1000 : null;
}

function incompleteFor(period: PeriodFigures, indicator: string): boolean {
  return !period.lookbackComplete && (LOOKBACK_INDICATORS as readonly string[]).includes(indicator);
}

function figureCell(row: string, indicator: string, period: PeriodFigures, value: number | null, decimals = 0): TableCell {
  const incomplete = incompleteFor(period, indicator);
  return {
    text: formatNumber(value, decimals) + (incomplete ? '*' : ''),
    figure: { row, indicator, period: periodLabel(period), value, ...(incomplete ? { incomplete } : {}) },
  };
}

function periodNote(period: PeriodFigures): string {
  return `Periode: ${periodLabel(period)} (${formatDate(period.from)} t/m ${formatDate(period.to)}). Bron: uitgiftes van sterke opioïden door de apotheken.`;
}

function footnotes(period: PeriodFigures, incomplete: boolean, ...extra: string[]): string[] {
  return [periodNote(period), ...extra, ...(incomplete ? [INCOMPLETE_NOTE] : [])];
}

function dataSlide(id: string, title: string, data: DataContent, notes: string): Slide {
  return { id, kind: 'data', origin: 'generated', title, body: '', notes, hidden: false, data };
}

/** The rows one per-practice slide shows: the practices, then optionally "other", then the group total. */
interface LabelledRow {
  label: string;
  row: FigureRow;
  total?: boolean;
}

function practiceRows(period: PeriodFigures, data: DeckData, name: (key: string) => string, withOther: boolean): LabelledRow[] {
  const rows: LabelledRow[] = groupPractices(period, data.group).map((row) => ({ label: name(row.key), row }));
  const other = withOther ? otherRow(period) : undefined;
  if (other) rows.push({ label: OTHER_ROW_LABEL, row: other });
  const group = groupRow(period, data.group);
  if (group) rows.push({ label: GROUP_ROW_LABEL, row: group, total: true });
  return rows;
}

interface Column {
  label: string;
  indicator: IndicatorName;
  role: SeriesRole;
  /** Shown per 1,000 registered patients instead of as a count. */
  rate?: boolean;
}

/** A chart of the practices (the group total only in the table, where it does not dwarf the bars) and a table. */
function perPracticeContent(period: PeriodFigures, rows: LabelledRow[], columns: Column[], chartColumns: Column[], stacked = false): DataContent {
  const practices = rows.filter((r) => !r.total);
  const value = (row: FigureRow, column: Column) => (column.rate ? ratePer1000(row, column.indicator) : row[column.indicator]);
  const incomplete = columns.some((column) => incompleteFor(period, column.indicator));
  const table: TableSpec = {
    columns: [{ label: 'Praktijk' }, ...columns.map((column) => ({ label: column.label + (incompleteFor(period, column.indicator) ? '*' : ''), numeric: true }))],
    rows: rows.map((r) => ({
      ...(r.total ? { total: true } : {}),
      cells: [
        { text: r.label },
        ...columns.map((column) =>
          figureCell(r.label, column.rate ? `${column.indicator}Per1000` : column.indicator, period, value(r.row, column), column.rate ? 1 : 0),
        ),
      ],
    })),
  };
  const series: ChartSeries[] = chartColumns.map((column) => ({
    name: column.label + (incompleteFor(period, column.indicator) ? ' (onvolledig)' : ''),
    role: column.role,
    values: practices.map((r) => value(r.row, column)),
  }));
  return {
    chart: { type: 'bar', horizontal: true, stacked, categories: practices.map((r) => r.label), series, decimals: chartColumns.some((c) => c.rate) ? 1 : 0 },
    table,
    footnotes: [],
    incomplete,
  };
}

const SHORT: Column = { label: 'Kortwerkend', indicator: 'dispensingsShort', role: 'short' };
const LONG: Column = { label: 'Langwerkend', indicator: 'dispensingsLong', role: 'long' };

function figureSlides(data: DeckData, name: (key: string) => string): Slide[] {
  const period = data.current;
  const label = periodLabel(period);
  const { chronicDays, newUserMinDispensings } = period.settings;
  const withOther = practiceRows(period, data, name, true);
  const own = practiceRows(period, data, name, false);
  const slides: Slide[] = [];

  const dispensings = perPracticeContent(period, withOther, [SHORT, LONG], [SHORT, LONG]);
  dispensings.footnotes = footnotes(period, false, 'Elke uitgifte telt bij de praktijk van de voorschrijver. Overige voorschrijvers (specialisten, waarnemers, huisartsenpost) tellen niet mee in het groepstotaal.');
  slides.push(dataSlide('cijfers-uitgiftes', `Uitgiftes kortwerkend en langwerkend, ${label}`, dispensings, 'Vergelijk de verhouding kort- en langwerkend tussen de praktijken. Kortwerkend is alleen bedoeld voor doorbraakpijn bij kanker.'));

  const patientColumns: Column[] = [
    { label: 'Kortwerkend', indicator: 'patientsShort', role: 'short' },
    { label: 'Langwerkend', indicator: 'patientsLong', role: 'long' },
  ];
  const patients = perPracticeContent(period, withOther, [...patientColumns, { label: 'Totaal', indicator: 'patientsAny', role: 'neutral' }], patientColumns);
  patients.footnotes = footnotes(period, false, 'Patiënten met minstens één uitgifte; wie beide kreeg, telt in beide kolommen mee.');
  slides.push(dataSlide('cijfers-patienten', `Patiënten met een sterk opioïd, ${label}`, patients, 'Hoeveel verschillende patiënten kregen minstens één keer kortwerkend of langwerkend?'));

  const chronic: Column = { label: 'Chronische gebruikers', indicator: 'chronicUsers', role: 'chronic' };
  const chronicRate: Column = { ...chronic, label: 'Per 1.000 patiënten', rate: true };
  const hasRates = own.some((r) => ratePer1000(r.row, 'chronicUsers') !== null);
  const chronicContent = perPracticeContent(period, own, hasRates ? [chronic, chronicRate] : [chronic], [hasRates ? chronicRate : chronic]);
  if (hasRates && chronicContent.chart) chronicContent.chart.unit = 'per 1.000 ingeschreven patiënten';
  chronicContent.footnotes = footnotes(period, false, `Chronisch gebruik: samen ten minste ${chronicDays} dagen gebruik in de periode. De patiënt telt bij de eigen huisarts.`);
  slides.push(dataSlide('cijfers-chronisch', `Chronische gebruikers per praktijk, ${label}`, chronicContent, 'Stap 1 van de aanpak: elke praktijk kan de eigen werklijst chronische gebruikers maken (die lijst komt niet in deze presentatie).'));

  const newUsers: Column = { label: 'Nieuwe gebruikers', indicator: 'newUsers', role: 'newUsers' };
  const over3: Column = { label: `Meer dan ${newUserMinDispensings - 1} uitgiftes`, indicator: 'newUsersOver3', role: 'over3' };
  const longStart: Column = { label: 'Gestart met langwerkend', indicator: 'newUsersLongStart', role: 'long' };
  const newContent = perPracticeContent(period, own, [newUsers, over3, longStart], [newUsers, over3]);
  newContent.footnotes = footnotes(period, newContent.incomplete ?? false, `Nieuw: geen uitgifte in de ${period.settings.lookbackDays} dagen vóór de eerste uitgifte in de periode.`);
  slides.push(dataSlide('cijfers-nieuwe-gebruikers', `Nieuwe gebruikers, ${label}`, newContent, 'Hoeveel nieuwe gebruikers kregen meer dan drie uitgiftes? Dat zijn de patiënten die op weg zijn naar langdurig gebruik.'));

  const otherStart: Column = { label: 'Gestart door andere voorschrijver', indicator: 'newUsersOtherStart', role: 'other' };
  const starters = perPracticeContent(period, own, [newUsers, otherStart], []);
  const practices = own.filter((r) => !r.total);
  starters.chart = {
    type: 'bar',
    horizontal: true,
    stacked: true,
    categories: practices.map((r) => r.label),
    series: [
      { name: 'Huisarts' + (period.lookbackComplete ? '' : ' (onvolledig)'), role: 'ownGp', values: practices.map((r) => r.row.newUsers - r.row.newUsersOtherStart) },
      { name: 'Andere voorschrijver' + (period.lookbackComplete ? '' : ' (onvolledig)'), role: 'other', values: practices.map((r) => r.row.newUsersOtherStart) },
    ],
  };
  starters.footnotes = footnotes(period, starters.incomplete ?? false, 'Andere voorschrijver: de eerste uitgifte kwam van een voorschrijver buiten de huisartsenpraktijken (specialist, waarnemer, huisartsenpost).');
  slides.push(dataSlide('cijfers-starters', `Wie startte de nieuwe gebruikers? ${label}`, starters, 'Start een groot deel bij de specialist of de huisartsenpost, bespreek dan de werkafspraken over eigenaarschap en overdracht.'));

  slides.push(...yearSlides(data, name));
  slides.push(definitionsSlide(data));
  return slides;
}

function yearSlides(data: DeckData, name: (key: string) => string): Slide[] {
  const years = data.years ?? [];
  if (years.length < 2) return [];
  const first = years[0]!;
  const last = years.at(-1)!;
  const span = `${periodLabel(first)}–${periodLabel(last)}`;
  const yearLabel = (period: PeriodFigures, indicator?: IndicatorName) => periodLabel(period) + (indicator && incompleteFor(period, indicator) ? '*' : '');
  const anyIncomplete = years.some((period) => !period.lookbackComplete);
  const rangeNote = `Periodes: ${years.map((period) => periodLabel(period)).join(', ')}. Bron: uitgiftes van sterke opioïden door de apotheken.`;
  const notesFor = (incomplete: boolean, ...extra: string[]) => [rangeNote, ...extra, ...(incomplete ? [INCOMPLETE_NOTE] : [])];

  const groupRows = years.map((period) => ({ period, row: groupRow(period, data.group) }));
  const groupColumns: [IndicatorName, string][] = [
    ['dispensingsShort', 'Uitgiftes kort'],
    ['dispensingsLong', 'Uitgiftes lang'],
    ['chronicUsers', 'Chronisch'],
    ['newUsers', 'Nieuw'],
    ['newUsersOver3', `Nieuw, >${first.settings.newUserMinDispensings - 1} uitgiftes`],
  ];
  const groupTable: TableSpec = {
    columns: [{ label: 'Jaar' }, ...groupColumns.map(([, label]) => ({ label, numeric: true }))],
    rows: groupRows.map(({ period, row }) => ({
      cells: [{ text: yearLabel(period) }, ...groupColumns.map(([indicator]) => figureCell(GROUP_ROW_LABEL, indicator, period, row ? row[indicator] : null))],
    })),
  };
  const slides: Slide[] = [
    dataSlide(
      'cijfers-jaren-groep',
      `De groep door de jaren, ${span}`,
      {
        chart: {
          type: 'bar',
          categories: years.map((period) => yearLabel(period)),
          series: [
            { name: 'Kortwerkend', role: 'short', values: groupRows.map(({ row }) => row?.dispensingsShort ?? null) },
            { name: 'Langwerkend', role: 'long', values: groupRows.map(({ row }) => row?.dispensingsLong ?? null) },
          ],
        },
        table: groupTable,
        footnotes: notesFor(anyIncomplete, 'De grafiek toont de uitgiftes; de tabel ook de gebruikers.'),
        incomplete: anyIncomplete,
      },
      'Gaat de groep de goede kant op? Let vooral op kortwerkend en op het aantal chronische gebruikers.',
    ),
  ];

  const keys = [...new Set(years.flatMap((period) => groupPractices(period, data.group).map((row) => row.key)))].sort(byCodePoint);
  const perPractice = (id: string, title: string, indicator: IndicatorName, role: SeriesRole, notes: string): Slide => {
    const value = (period: PeriodFigures, key: string) => groupPractices(period, data.group).find((row) => row.key === key)?.[indicator] ?? null;
    return dataSlide(
      id,
      title,
      {
        chart: {
          type: 'bar',
          categories: keys.map(name),
          series: years.map((period, index) => ({
            name: yearLabel(period, indicator),
            role,
            shade: years.length - 1 - index,
            values: keys.map((key) => value(period, key)),
          })),
        },
        table: {
          columns: [{ label: 'Praktijk' }, ...years.map((period) => ({ label: yearLabel(period, indicator), numeric: true }))],
          rows: keys.map((key) => ({ cells: [{ text: name(key) }, ...years.map((period) => figureCell(name(key), indicator, period, value(period, key)))] })),
        },
        footnotes: notesFor(false),
      },
      notes,
    );
  };
  slides.push(
    perPractice('cijfers-jaren-kortwerkend', `Uitgiftes kortwerkend per praktijk, ${span}`, 'dispensingsShort', 'short', 'Het laatste jaar is de donkerste kleur.'),
    perPractice('cijfers-jaren-langwerkend', `Uitgiftes langwerkend per praktijk, ${span}`, 'dispensingsLong', 'long', 'Het laatste jaar is de donkerste kleur.'),
    perPractice('cijfers-jaren-chronisch', `Chronische gebruikers per praktijk, ${span}`, 'chronicUsers', 'chronic', 'Het laatste jaar is de donkerste kleur.'),
  );
  return slides;
}

function definitionsSlide(data: DeckData): Slide {
  const period = data.current;
  const { chronicDays, lookbackDays, newUserMinDispensings } = period.settings;
  const listSizes = groupPractices(period, data.group).some((row) => ratePer1000(row, 'chronicUsers') !== null);
  const body = [
    `- **Periode**: ${periodLabel(period)}, ${formatDate(period.from)} t/m ${formatDate(period.to)}`,
    '- **Sterke opioïden**: morfine, hydromorfon, nicomorfine, oxycodon (ook met naloxon), pethidine, fentanyl, pentazocine, buprenorfine, nalbufine, tapentadol; tramadol en codeïne tellen niet mee',
    '- **Langwerkend**: tabletten en capsules met gereguleerde afgifte en pleisters; al het andere is kortwerkend',
    `- **Chronische gebruiker**: samen ten minste ${formatNumber(chronicDays)} dagen gebruik in de periode, ongeacht de voorschrijver`,
    `- **Nieuwe gebruiker**: geen uitgifte in de ${formatNumber(lookbackDays)} dagen vóór de eerste uitgifte in de periode; **meer dan ${newUserMinDispensings - 1} uitgiftes**: ten minste ${newUserMinDispensings} in de periode`,
    '- **Toerekening**: uitgiftes en patiënten bij de praktijk van de voorschrijver; chronische en nieuwe gebruikers bij de eigen huisarts van de patiënt',
    period.lookbackComplete
      ? '- **Terugkijken**: de gegevens reiken ver genoeg terug; de cijfers over nieuwe gebruikers zijn volledig'
      : `- **Terugkijken**: de gegevens reiken minder dan ${formatNumber(lookbackDays)} dagen terug; cijfers over nieuwe gebruikers zijn **onvolledig**`,
    listSizes ? '- **Per 1.000 patiënten**: naar het aantal ingeschreven patiënten van de praktijk in de periode' : '',
    data.naming === 'letters' ? '- Praktijken staan zonder naam, als praktijk A, B, C ...' : '',
  ].filter(Boolean);
  return {
    id: 'cijfers-definities',
    kind: 'text',
    origin: 'generated',
    title: 'Definities bij deze cijfers',
    body: body.join('\n'),
    notes: 'Deze instellingen kunnen per groep anders zijn; ze staan ook in elke export van de cijfers.',
    hidden: false,
  };
}

function nationalSlides(): Slide[] {
  const years = national.years.map(String);
  const palette = ['#B2182B', '#4D9221', '#762A83', '#8C6D31'];
  return [
    dataSlide(
      'landelijk-gebruikers',
      national.title,
      {
        chart: {
          type: 'line',
          categories: years,
          unit: 'gebruikers',
          series: national.substances.map((substance, index) => ({ name: substance.name, role: 'neutral', color: palette[index % palette.length]!, values: substance.users })),
        },
        table: {
          columns: [{ label: 'Middel' }, ...years.map((year) => ({ label: year, numeric: true }))],
          rows: national.substances.map((substance) => ({
            cells: [
              { text: substance.name },
              ...substance.users.map((users, index) => ({ text: formatNumber(users), figure: { row: substance.name, indicator: 'users', period: years[index]!, value: users } })),
            ],
          })),
        },
        footnotes: [`Bron: ${national.source}.`, national.note],
      },
      'Oxycodon steeg tot 2018 en daalt sindsdien; morfine stijgt, mogelijk doordat voorschrijvers van oxycodon overstapten.',
    ),
  ];
}

const STATUS_TONES: Partial<Record<AgreementStatus, TableCell['tone']>> = { done: 'good', partly: 'warn', notDone: 'bad', dropped: 'muted' };

const indicatorText = (agreement: Agreement) =>
  agreement.indicator ? `${INDICATOR_LABELS[agreement.indicator]}${agreement.measuredOn ? ` (${agreement.measuredOn})` : ''}` : '';

function agreementTable(party: string, agreements: Agreement[], withReview: boolean): TableSpec {
  const valueCell = (agreement: Agreement, period: 'toen' | 'nu'): TableCell => {
    if (!agreement.indicator) return { text: '' };
    const value = (period === 'toen' ? agreement.before : agreement.now) ?? null;
    return { text: formatNumber(value), figure: { row: party, indicator: agreement.indicator, period, value } };
  };
  return {
    columns: withReview
      ? [{ label: 'Afspraak' }, { label: 'Status' }, { label: 'Gemeten met' }, { label: 'Doel' }, { label: 'Toen', numeric: true }, { label: 'Nu', numeric: true }]
      : [{ label: 'Afspraak' }, { label: 'Gemeten met' }, { label: 'Doel' }],
    rows: agreements.map((agreement) => ({
      cells: withReview
        ? [
            { text: agreement.text },
            { text: AGREEMENT_STATUS_LABELS[agreement.status ?? 'open'], ...(agreement.status && STATUS_TONES[agreement.status] ? { tone: STATUS_TONES[agreement.status] } : {}) },
            { text: indicatorText(agreement) },
            { text: agreement.target ?? '' },
            valueCell(agreement, 'toen'),
            valueCell(agreement, 'nu'),
          ]
        : [{ text: agreement.text }, { text: indicatorText(agreement) }, { text: agreement.target ?? '' }],
    })),
  };
}

/** One slide per party (split when long), parties in the order of their names as shown. */
function agreementSlides(
  idPrefix: string,
  title: (party: string) => string,
  agreements: Agreement[],
  name: (key: string) => string,
  withReview: boolean,
  footnote: string,
  notes: string,
): Slide[] {
  const byParty = new Map<string, Agreement[]>();
  for (const agreement of agreements) {
    const party = name(agreement.party);
    byParty.set(party, [...(byParty.get(party) ?? []), agreement]);
  }
  const parties = [...byParty.keys()].sort((a, b) => a.localeCompare(b, 'nl'));
  return parties.flatMap((party, index) => {
    const list = byParty.get(party)!;
    const pages = Math.ceil(list.length / AGREEMENTS_PER_SLIDE);
    return Array.from({ length: pages }, (_, page): Slide => ({
      id: `${idPrefix}-${index + 1}${pages > 1 ? `-${page + 1}` : ''}`,
      kind: 'agreements',
      origin: 'generated',
      title: `${title(party)}${pages > 1 ? ` (${page + 1}/${pages})` : ''}`,
      body: '',
      notes,
      hidden: false,
      data: { table: agreementTable(party, list.slice(page * AGREEMENTS_PER_SLIDE, (page + 1) * AGREEMENTS_PER_SLIDE), withReview), footnotes: [footnote] },
    }));
  });
}

/** Every agreement of the meeting, party by party, as the last slides: what the group agreed, on the big screen. */
function allAgreementSlides(agreements: Agreement[], name: (key: string) => string): Slide[] {
  const listed = agreements.filter((a) => a.text.trim() !== '').map((a) => ({ ...a, party: name(a.party) }));
  listed.sort((a, b) => a.party.localeCompare(b.party, 'nl'));
  const pages = Math.ceil(listed.length / AGREEMENTS_PER_SLIDE);
  return Array.from({ length: pages }, (_, page): Slide => ({
    id: `alle-afspraken${pages > 1 ? `-${page + 1}` : ''}`,
    kind: 'agreements',
    origin: 'generated',
    title: `Alle afspraken van deze bijeenkomst${pages > 1 ? ` (${page + 1}/${pages})` : ''}`,
    body: '',
    notes: 'Loop de lijst samen langs: klopt elke afspraak, weet iedereen wie wat doet?',
    hidden: false,
    data: {
      table: {
        columns: [{ label: 'Voor' }, { label: 'Afspraak' }, { label: 'Gemeten met' }, { label: 'Doel' }],
        rows: listed.slice(page * AGREEMENTS_PER_SLIDE, (page + 1) * AGREEMENTS_PER_SLIDE).map((a) => ({
          cells: [{ text: a.party }, { text: a.text }, { text: indicatorText(a) }, { text: a.target ?? '' }],
        })),
      },
      footnotes: ['Deze lijst volgt de afspraken zoals ze tijdens de bijeenkomst worden vastgelegd.'],
    },
  }));
}

function evaluationSlides(data: DeckData, name: (key: string) => string): Slide[] {
  const evaluation = data.evaluation;
  if (!evaluation) return [];
  const { before, now } = evaluation;
  const beforeLabel = periodLabel(before);
  const nowLabel = periodLabel(now);
  const keys = [...new Set([before, now].flatMap((period) => groupPractices(period, data.group).map((row) => row.key)))].sort(byCodePoint);
  const rowsFor = (period: PeriodFigures): { label: string; row: FigureRow | undefined; total?: boolean }[] => {
    const practices = new Map(groupPractices(period, data.group).map((row) => [row.key, row]));
    return [
      ...keys.map((key) => ({ label: name(key), row: practices.get(key) })),
      { label: GROUP_ROW_LABEL, row: groupRow(period, data.group), total: true },
      ...(evaluation.showRegion ? [{ label: REGION_ROW_LABEL, row: regionRow(period), total: true }] : []),
    ];
  };
  const beforeRows = rowsFor(before);
  const nowRows = rowsFor(now);
  const footnote = `Toen: ${beforeLabel}, het jaar van het vorige overleg. Nu: ${nowLabel}. Bron: uitgiftes van sterke opioïden door de apotheken.`;

  const compare = (id: string, title: string, parts: { label: string; indicator: IndicatorName; role: SeriesRole }[], notes: string): Slide => {
    const table: TableSpec = {
      columns: [{ label: 'Praktijk' }, ...parts.flatMap((part) => [{ label: `${part.label} ${beforeLabel}`, numeric: true }, { label: `${part.label} ${nowLabel}`, numeric: true }])],
      rows: beforeRows.map((r, index) => ({
        ...(r.total ? { total: true } : {}),
        cells: [
          { text: r.label },
          ...parts.flatMap((part) => [
            figureCell(r.label, part.indicator, before, r.row ? r.row[part.indicator] : null),
            figureCell(r.label, part.indicator, now, nowRows[index]?.row?.[part.indicator] ?? null),
          ]),
        ],
      })),
    };
    const practices = keys.length;
    return dataSlide(
      id,
      title,
      {
        chart: {
          type: 'bar',
          // One indicator: its table fits beside the chart, where long practice names read best down the side.
          horizontal: parts.length === 1,
          categories: beforeRows.slice(0, practices).map((r) => r.label),
          series: parts.flatMap((part) => [
            { name: `${part.label} ${beforeLabel}`, role: part.role, shade: 2, values: beforeRows.slice(0, practices).map((r) => r.row?.[part.indicator] ?? null) },
            { name: `${part.label} ${nowLabel}`, role: part.role, values: nowRows.slice(0, practices).map((r) => r.row?.[part.indicator] ?? null) },
          ]),
        },
        table,
        footnotes: [footnote],
      },
      notes,
    );
  };
  return [
    compare(
      'evaluatie-uitgiftes',
      `Uitgiftes toen en nu: ${beforeLabel} en ${nowLabel}`,
      [
        { label: 'Kort', indicator: 'dispensingsShort', role: 'short' },
        { label: 'Lang', indicator: 'dispensingsLong', role: 'long' },
      ],
      'De lichte kleur is het jaar van het vorige overleg, de donkere het laatste jaar.',
    ),
    compare(
      'evaluatie-chronisch',
      `Chronische gebruikers toen en nu: ${beforeLabel} en ${nowLabel}`,
      [{ label: 'Chronisch', indicator: 'chronicUsers', role: 'chronic' }],
      'Is het aantal chronische gebruikers gedaald in de praktijken die daar afspraken over maakten?',
    ),
  ];
}

/** Every generated block of slides for this data; blocks without data are empty. */
export function generatedBlocks(data: DeckData): Record<GeneratedBlock, Slide[]> {
  const name = practiceNamer(data);
  return {
    review: data.review
      ? agreementSlides(
          'terugblik',
          (party) => `Hoe ging het bij ${party}?`,
          data.review.agreements,
          name,
          true,
          `Afspraken van ${data.review.meetingLabel}, met het cijfer van toen en van nu.`,
          'Laat de praktijk zelf vertellen wat er van elke afspraak terechtkwam.',
        )
      : [],
    evaluation: evaluationSlides(data, name),
    national: nationalSlides(),
    figures: figureSlides(data, name),
    agreements: data.agreements?.length
      ? agreementSlides('afspraken', (party) => `Onze afspraken: ${party}`, data.agreements, name, false, 'Over een jaar kijken we samen of deze afspraken gelukt zijn.', 'Lees de afspraken hardop voor, zodat iedereen weet wat er is afgesproken.')
      : [],
    allAgreements: data.agreements?.length ? allAgreementSlides(data.agreements, name) : [],
  };
}
