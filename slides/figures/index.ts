import {
  AGREEMENT_STATUS_LABELS,
  INDICATOR_LABELS,
  LOOKBACK_INDICATORS,
  GROUP_OTHER_LEVEL,
  OTHER_PRACTICE_KEY,
  type Agreement,
  type AgreementStatus,
  type DeckData,
  type FigureRow,
  type IndicatorName,
  type PeriodFigures,
} from '../data';
import { formatDate, formatDay, formatNumber, periodLabel } from '../format';
import type { ChartSeries, DataContent, SeriesRole, Slide, TableCell, TableSpec } from '../model';
import type { GeneratedBlock } from '../module';
import { OME_FACTOR_UNIT, omeFactorLines, omeFactorSource } from '../ome';
import national from '../modules/opioiden/landelijke-gebruikers.json';

// The generated slides: the group's own figures, the national context, the agreements. Each table cell that
// shows a figure says where it comes from (row, indicator, period), so the figures can be traced and tested.

export const GROUP_ROW_LABEL = 'Totaal groep';
export const OTHER_ROW_LABEL = 'Overige voorschrijvers';
export const REGION_ROW_LABEL = 'Regio (alle groepen)';
const INCOMPLETE_NOTE = '* onvolledig: de gegevens reiken niet ver genoeg terug om nieuwe gebruikers zeker te herkennen.';
const CHRONIC_INCOMPLETE_NOTE = '* onvolledig: de gegevens beginnen kort vóór deze periode; uitgiften van daarvoor die nog doorlopen kunnen ontbreken.';
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

/** The group's own "other" row (its pharmacies only) when the figures have one, else v1's `other`. */
function otherRow(period: PeriodFigures, group: string): FigureRow | undefined {
  return (
    period.rows.find((row) => row.level === GROUP_OTHER_LEVEL && row.key === group) ??
    period.rows.find((row) => row.level === 'practice' && row.key === OTHER_PRACTICE_KEY)
  );
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
  if (indicator === 'chronicUsers' && period.chronicComplete === false) return true;
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
  return `Periode: ${periodLabel(period)} (${formatDate(period.from)} t/m ${formatDate(period.to)}). Bron: uitgiften van sterke opioïden door de apotheken.`;
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
  const other = withOther ? otherRow(period, data.group) : undefined;
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
  /** Shown as a percentage of this indicator (e.g. starts over the limit of all starts). */
  shareOf?: IndicatorName;
}

/** The cell's indicator name: the count's own, or with "Per1000" / "Share" for a derived figure (the deck test traces both). */
function cellIndicator(column: Column): string {
  return column.rate ? `${column.indicator}Per1000` : column.shareOf ? `${column.indicator}Share` : column.indicator;
}

/** A column's figure for one row: the count, its rate per 1,000, or its share in percent (none when the whole is 0). */
function columnValue(row: FigureRow, column: Column): number | null {
  if (column.rate) return ratePer1000(row, column.indicator);
  if (column.shareOf) return row[column.shareOf] > 0 ? (row[column.indicator] / row[column.shareOf]) * 100 : null;
  return row[column.indicator];
}

/** A chart of the practices (the group total only in the table, where it does not dwarf the bars) and a table. */
function perPracticeContent(period: PeriodFigures, rows: LabelledRow[], columns: Column[], chartColumns: Column[], stacked = false): DataContent {
  const practices = rows.filter((r) => !r.total);
  const value = columnValue;
  const incomplete = columns.some((column) => incompleteFor(period, column.indicator));
  const table: TableSpec = {
    columns: [{ label: 'Praktijk' }, ...columns.map((column) => ({ label: column.label + (incompleteFor(period, column.indicator) ? '*' : ''), numeric: true }))],
    rows: rows.map((r) => ({
      ...(r.total ? { total: true } : {}),
      cells: [
        { text: r.label },
        ...columns.map((column) =>
          figureCell(r.label, cellIndicator(column), period, value(r.row, column), column.rate ? 1 : 0),
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
  slides.push(dataSlide('cijfers-uitgiftes', `Uitgiften kortwerkend en langwerkend, ${label}`, dispensings, 'Vergelijk de verhouding kort- en langwerkend tussen de praktijken. Kortwerkend hoort bij acute pijn, bij het instellen en in de palliatieve zorg; palliatieve patiënten tellen mee, dus een praktijk met veel palliatieve zorg heeft meer kortwerkend zonder dat daar iets mis is.'));

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
  chronicContent.footnotes = footnotes(period, false, ...(period.chronicComplete === false ? [CHRONIC_INCOMPLETE_NOTE] : []), `Chronisch gebruik: samen ten minste ${chronicDays} dagen gebruik in de periode. De patiënt telt bij de eigen huisarts.`);
  slides.push(dataSlide('cijfers-chronisch', `Chronische gebruikers per praktijk, ${label}`, chronicContent, 'Stap 1 van de aanpak: elke praktijk kan de eigen werklijst chronische gebruikers maken (die lijst komt niet in deze presentatie).'));

  const newUsers: Column = { label: 'Nieuwe gebruikers', indicator: 'newUsers', role: 'newUsers' };
  const over3: Column = { label: `Nieuw, > ${newUserMinDispensings - 1} uitgiften`, indicator: 'newUsersOver3', role: 'over3' };
  const longStart: Column = { label: 'Nieuw, start lang', indicator: 'newUsersLongStart', role: 'long' };
  const newContent = perPracticeContent(period, own, [newUsers, over3, longStart], [newUsers, over3]);
  newContent.footnotes = footnotes(period, newContent.incomplete ?? false, `Nieuw: geen uitgifte in de ${period.settings.lookbackDays} dagen vóór de eerste uitgifte in de periode.`);
  slides.push(dataSlide('cijfers-nieuwe-gebruikers', `Nieuwe gebruikers, ${label}`, newContent, 'Hoeveel nieuwe gebruikers kregen meer dan drie uitgiften? Dat zijn de patiënten die op weg zijn naar langdurig gebruik.'));

  const otherStart: Column = { label: 'Nieuw, start overige', indicator: 'newUsersOtherStart', role: 'other' };
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

  slides.push(...doseSlides(period, own, withOther));
  slides.push(...yearSlides(data, name));
  slides.push(definitionsSlide(data));
  return slides;
}

/**
 * The module's working agreements measured (spec §5 v2, "Dose and agreement indicators"): each slide names the
 * agreement beside the figure that measures it.
 */
function doseSlides(period: PeriodFigures, own: LabelledRow[], withOther: LabelledRow[]): Slide[] {
  const label = periodLabel(period);
  const { startLimitDays, highDoseOme } = period.settings;
  const hasRates = (indicator: IndicatorName) => own.some((r) => !r.total && ratePer1000(r.row, indicator) !== null);
  const slides: Slide[] = [];

  const starts: Column = { label: 'Starts', indicator: 'starts', role: 'newUsers' };
  const over: Column = { label: `Langer dan ${formatNumber(startLimitDays)} dagen`, indicator: 'startsOverLimit', role: 'over3' };
  const share: Column = { label: '% langer', indicator: 'startsOverLimit', role: 'over3', shareOf: 'starts' };
  const startContent = perPracticeContent(period, own, [starts, over, share], [share]);
  if (startContent.chart) startContent.chart.unit = '% van de starts';
  startContent.footnotes = footnotes(
    period,
    startContent.incomplete ?? false,
    `Regionale afspraak: een eerste recept voor een sterk opioïd dekt hoogstens een week. Langer: minstens één uitgifte op de startdag voor meer dan ${formatNumber(startLimitDays)} dagen, volgens de gebruiksduur of de dosering (nooit de standaard van 14 dagen). Een start telt bij elke voorschrijver die op die dag iets meegaf.`,
  );
  slides.push(
    dataSlide(
      'cijfers-starts',
      `Starten: hoe lang was het eerste recept? ${label}`,
      startContent,
      'Hoe vaak kreeg een nieuwe gebruiker meteen meer dan een week mee? Een korte eerste voorschrift maakt het makkelijker om na een week samen te kijken of het opioïd nog nodig is.',
    ),
  );

  const oxycodone: Column = { label: 'Oxycodon', indicator: 'patientsOxycodone', role: 'oxycodone' };
  const morphine: Column = { label: 'Morfine', indicator: 'patientsMorphine', role: 'morphine' };
  const substances = perPracticeContent(period, withOther, [oxycodone, morphine], [oxycodone, morphine]);
  substances.footnotes = footnotes(
    period,
    false,
    'Werkafspraak: is een sterk opioïd nodig, dan eerst morfine, niet oxycodon. Patiënten met minstens één uitgifte (oxycodon ook met naloxon); wie beide kreeg, telt in beide kolommen mee.',
  );
  slides.push(
    dataSlide(
      'cijfers-oxycodon-morfine',
      `Oxycodon en morfine, ${label}`,
      substances,
      'Krijgen meer patiënten oxycodon dan morfine? Vraag de praktijken waarom ze voor oxycodon kozen.',
    ),
  );

  const highDose: Column = { label: `${formatNumber(highDoseOme)} mg OME of meer`, indicator: 'highDoseUsers', role: 'highDose' };
  const highDoseRate: Column = { ...highDose, label: 'Per 1.000 patiënten', rate: true };
  const unknown: Column = { label: 'Uitgiften zonder dosis', indicator: 'dispensingsOmeUnknown', role: 'other' };
  const rates = hasRates('highDoseUsers');
  const doses = perPracticeContent(period, own, rates ? [highDose, highDoseRate, unknown] : [highDose, unknown], [rates ? highDoseRate : highDose]);
  if (rates && doses.chart) doses.chart.unit = 'per 1.000 ingeschreven patiënten';
  doses.footnotes = footnotes(
    period,
    false,
    `Werkafspraak: blijf onder ${formatNumber(highDoseOme)} mg orale morfine-equivalenten (OME) per dag. Geteld: patiënten met gemiddeld zoveel of meer over de periode, bij hun eigen huisarts. Uitgiften zonder dosis (geen sterkte, geen factor of een onleesbare dosering) tellen niet mee in het gemiddelde.`,
  );
  slides.push(
    dataSlide(
      'cijfers-hoge-dosis',
      `Hoge doseringen: ${formatNumber(highDoseOme)} mg OME per dag of meer, ${label}`,
      doses,
      'Boven 90 mg OME per dag neemt het risico toe zonder dat de pijn beter wordt. De werklijst van elke praktijk markeert deze patiënten; begin daar met afbouwen.',
    ),
  );

  const fentanyl: Column = { label: 'Snelwerkend fentanyl', indicator: 'patientsFentanylRapid', role: 'fentanyl' };
  const rapid = perPracticeContent(period, withOther, [fentanyl], [fentanyl]);
  rapid.footnotes = footnotes(
    period,
    false,
    'Werkafspraak: snelwerkend fentanyl (neusspray, zuig- of smelttablet) alleen bij doorbraakpijn bij kanker. Patiënten met minstens één uitgifte.',
  );
  slides.push(
    dataSlide(
      'cijfers-fentanyl',
      `Snelwerkend fentanyl, ${label}`,
      rapid,
      'Snelwerkend fentanyl hoort alleen bij doorbraakpijn bij kanker. Staat het bij een praktijk vaak op de lijst, vraag dan naar de indicatie.',
    ),
  );
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
  const rangeNote = `Periodes: ${years.map((period) => periodLabel(period)).join(', ')}. Bron: uitgiften van sterke opioïden door de apotheken.`;
  const chronicNote = years.some((period) => period.chronicComplete === false) ? [CHRONIC_INCOMPLETE_NOTE] : [];
  const notesFor = (incomplete: boolean, ...extra: string[]) => [rangeNote, ...extra, ...(incomplete ? [INCOMPLETE_NOTE] : [])];

  const groupRows = years.map((period) => ({ period, row: groupRow(period, data.group) }));
  const groupColumns: [IndicatorName, string][] = [
    ['dispensingsShort', 'Uitgiften kort'],
    ['dispensingsLong', 'Uitgiften lang'],
    ['chronicUsers', 'Chronisch'],
    ['newUsers', 'Nieuw'],
    ['newUsersOver3', `Nieuw, > ${first.settings.newUserMinDispensings - 1} uitgiften`],
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
        footnotes: notesFor(anyIncomplete, 'De grafiek toont de uitgiften; de tabel ook de gebruikers.', ...chronicNote),
        incomplete: anyIncomplete,
      },
      'Gaat de groep de goede kant op? Let vooral op kortwerkend en op het aantal chronische gebruikers.',
    ),
  ];

  const substanceColumns: [IndicatorName, string, SeriesRole][] = [
    ['patientsOxycodone', 'Oxycodon', 'oxycodone'],
    ['patientsMorphine', 'Morfine', 'morphine'],
  ];
  slides.push(
    dataSlide(
      'cijfers-jaren-oxycodon-morfine',
      `Oxycodon en morfine door de jaren, ${span}`,
      {
        chart: {
          type: 'bar',
          categories: years.map((period) => yearLabel(period)),
          series: substanceColumns.map(([indicator, label, role]) => ({ name: label, role, values: groupRows.map(({ row }) => row?.[indicator] ?? null) })),
        },
        table: {
          columns: [{ label: 'Jaar' }, ...substanceColumns.map(([, label]) => ({ label: `Patiënten ${label.toLowerCase()}`, numeric: true }))],
          rows: groupRows.map(({ period, row }) => ({
            cells: [{ text: yearLabel(period) }, ...substanceColumns.map(([indicator]) => figureCell(GROUP_ROW_LABEL, indicator, period, row ? row[indicator] : null))],
          })),
        },
        footnotes: notesFor(false, 'Patiënten van de groep met minstens één uitgifte in het jaar. Werkafspraak: morfine eerst, niet oxycodon.'),
      },
      'Schuift de groep van oxycodon naar morfine? Vergelijk met de landelijke lijn.',
    ),
  );

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
        footnotes: notesFor(false, ...(indicator === 'chronicUsers' ? chronicNote : [])),
      },
      notes,
    );
  };
  slides.push(
    perPractice('cijfers-jaren-kortwerkend', `Uitgiften kortwerkend per praktijk, ${span}`, 'dispensingsShort', 'short', 'Het laatste jaar is de donkerste kleur.'),
    perPractice('cijfers-jaren-langwerkend', `Uitgiften langwerkend per praktijk, ${span}`, 'dispensingsLong', 'long', 'Het laatste jaar is de donkerste kleur.'),
    perPractice('cijfers-jaren-chronisch', `Chronische gebruikers per praktijk, ${span}`, 'chronicUsers', 'chronic', 'Het laatste jaar is de donkerste kleur.'),
  );
  return slides;
}

function definitionsSlide(data: DeckData): Slide {
  const period = data.current;
  const { chronicDays, lookbackDays, newUserMinDispensings, startLimitDays, highDoseOme } = period.settings;
  const listSizes = groupPractices(period, data.group).some((row) => ratePer1000(row, 'chronicUsers') !== null);
  const body = [
    `- **Periode**: ${periodLabel(period)}, ${formatDate(period.from)} t/m ${formatDate(period.to)}`,
    period.dataEnd ? `- **Gegevens tot**: ${formatDay(period.dataEnd)} (de laatste uitgifte van een opioïd door de apotheken van de groep)` : '',
    '- **Sterke opioïden**: morfine, hydromorfon, nicomorfine, oxycodon (ook met naloxon), pethidine, fentanyl, pentazocine, buprenorfine, nalbufine, tapentadol; tramadol en codeïne tellen niet mee',
    '- **Langwerkend**: tabletten en capsules met gereguleerde afgifte en pleisters; al het andere is kortwerkend',
    `- **Chronische gebruiker**: samen ten minste ${formatNumber(chronicDays)} dagen gebruik in de periode, ongeacht de voorschrijver`,
    `- **Nieuwe gebruiker**: geen uitgifte in de ${formatNumber(lookbackDays)} dagen vóór de eerste uitgifte in de periode; **meer dan ${newUserMinDispensings - 1} uitgiften**: ten minste ${newUserMinDispensings} in de periode`,
    '- **Toerekening**: uitgiften en patiënten bij de praktijk van de voorschrijver; chronische en nieuwe gebruikers bij de eigen huisarts van de patiënt',
    `- **Start langer dan ${formatNumber(startLimitDays)} dagen**: op de startdag een uitgifte voor meer dan ${formatNumber(startLimitDays)} dagen (gebruiksduur of dosering, niet de standaard van 14 dagen)`,
    `- **Hoge dosis**: gemiddeld ${formatNumber(highDoseOme)} mg orale morfine-equivalenten (OME) per dag of meer in de periode`,
    ...(data.omeFactors
      ? [`- **OME-factoren**, ${OME_FACTOR_UNIT}: ${omeFactorLines(data.omeFactors).join('; ')}. ${omeFactorSource(data.omeFactors)}`]
      : []),
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
      'Oxycodon steeg tot 2018 en daalt sindsdien. Voor de stijging van morfine zijn twee verklaringen mogelijk: in de palliatieve zorg wordt morfine veel via een pomp of infuus gegeven, en door de aandacht voor de risico\'s van oxycodon zijn voorschrijvers mogelijk overgestapt op morfine. Fentanyl blijft vrij stabiel: het gaat vaak om langdurig gebruik waarvoor geen goed alternatief is.',
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
  const footnote = `Toen: ${beforeLabel}, het jaar van het vorige overleg. Nu: ${nowLabel}. Bron: uitgiften van sterke opioïden door de apotheken.`;

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
      `Uitgiften toen en nu: ${beforeLabel} en ${nowLabel}`,
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
