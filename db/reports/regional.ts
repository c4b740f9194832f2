/**
 * Spec §6 regional summary: the figures an FTO group may share outside itself. Aggregates only
 * (practice, group and all rows), practices anonymised unless the user names them, and every count
 * from 1 up to the threshold shown as "<10".
 */
import type { CellObject } from 'xlsx';
import { figureDefinitions, INDICATOR_LABELS } from '../../domain';
import { DEFAULT_SUPPRESSION_THRESHOLD, indicatorNames, type RegionalInput } from '../contract/indicators';
import type { FileOutput } from '../contract/meetings';
import { ALL_NAME, computeIndicators, OTHER_KEY, OTHER_NAME } from '../indicators/compute';
import { compareKeys } from '../indicators/engine';
import { regionalSummary, type RegionalRow, type SuppressedValue } from '../indicators/privacy';
import { dutchDate, today } from '../meetings/dates';
import type { Db } from '../open';
import { fileOf, sheetDate, slug } from './files';
import { OME_FACTOR_UNIT, omeFactorLines, omeFactorSource } from '../../slides/ome';
import { OME_FACTOR_SOURCE, OME_FACTORS } from '../dosing';

const OME_TABLE = { source: OME_FACTOR_SOURCE, rows: OME_FACTORS };

type Summary = ReturnType<typeof regionalSummary>;
type Cell = string | number | CellObject;

const LEVEL_NAMES = {
  prescriber: 'Voorschrijver',
  practice: 'Praktijk',
  group: 'FTO-groep',
  groupOther: 'Overige voorschrijvers (groep)',
  all: 'Totaal',
} as const;

/** The figures are read at once (in the call's transaction); the spreadsheet library is loaded after. */
export async function regionalExport(db: Db, input: RegionalInput): Promise<FileOutput> {
  const result = computeIndicators(db, input);
  const summary = regionalSummary(result, input.threshold);
  const groupName = input.groupId === undefined ? null : (result.rows.find((row) => row.level === 'group')?.key ?? null);
  const names = displayNames(summary.rows, input.practiceNames);
  const rows = orderRows(summary.rows, names);
  const withRates = rows.some((row) => row.rates !== null);
  const header = [
    'Niveau',
    'Naam',
    'FTO-groep',
    ...indicatorNames.map((name) => INDICATOR_LABELS[name]),
    ...(withRates ? indicatorNames.map((name) => `${INDICATOR_LABELS[name]} per 1.000 patiënten`) : []),
  ];
  const table = (rate: (value: number) => Cell): Cell[][] => [
    header,
    ...rows.map((row) => [
      LEVEL_NAMES[row.level],
      names.get(row)!,
      row.level === 'practice' && row.key === OTHER_KEY ? '' : (row.group ?? ''),
      ...indicatorNames.map((name) => row.values[name]),
      ...(withRates ? indicatorNames.map((name) => (row.rates?.[name] == null ? '' : rate(row.rates[name]!))) : []),
    ]),
  ];
  const notes = explanation(summary, groupName, input.practiceNames, result.rateYear, result.earliestDispensing);
  const base = `regionaal-overzicht-${groupName ? `${slug(groupName)}-` : ''}${summary.from}-${summary.to}`;
  const XLSX = await import('xlsx');

  if (input.format === 'csv') {
    // Dutch Excel reads `;` and a decimal comma; the explanation follows the table after an empty line.
    const sheet = XLSX.utils.aoa_to_sheet([
      ...table((value) => value.toLocaleString('nl-NL', { maximumFractionDigits: 2, useGrouping: false })),
      [],
      ...notes,
    ]);
    const text = `\uFEFF${XLSX.utils.sheet_to_csv(sheet, { FS: ';', RS: '\r\n', strip: true })}\r\n`;
    return fileOf(`${base}.csv`, 'csv', Buffer.from(text, 'utf8'));
  }
  const figures = XLSX.utils.aoa_to_sheet(table((value) => value));
  figures['!cols'] = header.map((_, i) => ({ wch: i === 1 ? 26 : i === 2 ? 18 : 14 }));
  const explained = XLSX.utils.aoa_to_sheet(notes);
  explained['!cols'] = [{ wch: 42 }, { wch: 110 }];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, figures, 'Cijfers');
  XLSX.utils.book_append_sheet(book, explained, 'Definities');
  return fileOf(`${base}.xlsx`, 'xlsx', XLSX.write(book, { type: 'base64', bookType: 'xlsx', compression: true }) as string);
}

/** Practices become "Praktijk A", "Praktijk B", ... in key order, unless the user chose to show names. */
function displayNames(rows: RegionalRow[], practiceNames: boolean): Map<RegionalRow, string> {
  const names = new Map<RegionalRow, string>();
  const practices = rows.filter((row) => row.level === 'practice' && row.key !== OTHER_KEY).sort((a, b) => compareKeys(a.key, b.key));
  practices.forEach((row, i) => names.set(row, practiceNames ? row.key : `Praktijk ${letters(i)}`));
  for (const row of rows) {
    if (row.level === 'all') names.set(row, ALL_NAME);
    else if (row.key === OTHER_KEY && row.level === 'practice') names.set(row, `${OTHER_NAME} (zonder praktijk)`);
    else if (!names.has(row)) names.set(row, row.key);
  }
  return names;
}

/** 0 -> A, 25 -> Z, 26 -> AA: enough letters for any region. */
function letters(index: number): string {
  let text = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

/** The total first, then each group followed by its practices, and the prescribers outside a practice last. */
function orderRows(rows: RegionalRow[], names: Map<RegionalRow, string>): RegionalRow[] {
  const rank = (row: RegionalRow) => (row.level === 'all' ? 0 : row.key === OTHER_KEY && row.level === 'practice' ? 2 : 1);
  return [...rows].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      compareKeys(a.group ?? '', b.group ?? '') ||
      (a.level === 'group' ? 0 : 1) - (b.level === 'group' ? 0 : 1) ||
      compareKeys(names.get(a)!, names.get(b)!),
  );
}

/** The "Definities" sheet: what was counted, over which period, with which settings, and what is hidden. */
function explanation(
  summary: Summary,
  groupName: string | null,
  practiceNames: boolean,
  rateYear: number,
  earliest: string | null,
): Cell[][] {
  const { threshold, settings } = summary;
  const hidden: SuppressedValue = `<${threshold}`;
  return [
    ['Regionaal overzicht sterke opioïden'],
    ['Periode', `${dutchDate(summary.from)} t/m ${dutchDate(summary.to)}`],
    ['FTO-groep', groupName ?? 'alle FTO-groepen in de database'],
    ['Gemaakt op', sheetDate(today())],
    ['Inhoud', 'Alleen totalen per praktijk, per FTO-groep en voor alle gegevens samen: geen voorschrijvers en geen patiëntnummers.'],
    [
      'Kleine aantallen',
      threshold === 1
        ? 'Niet verborgen: de gebruiker heeft de drempel bewust op 1 gezet, dus ook aantallen van 1 tot en met 9 staan erin.'
        : `Aantallen van 1 tot en met ${threshold - 1} zijn verborgen en staan er als "${hidden}"; 0 staat er gewoon.` +
          (threshold < DEFAULT_SUPPRESSION_THRESHOLD
            ? ` De gebruiker heeft de drempel bewust verlaagd van ${DEFAULT_SUPPRESSION_THRESHOLD} naar ${threshold}.`
            : ''),
    ],
    ['Drempel', threshold],
    [
      'Praktijken',
      practiceNames ? 'Met hun naam, op verzoek van de gebruiker.' : 'Zonder naam: elke praktijk heeft een letter (Praktijk A, B, ...).',
    ],
    [
      OTHER_NAME,
      'Voorschrijvers die bij geen praktijk horen (specialisten, waarnemers, huisartsenpost); zij tellen alleen mee in het totaal.',
    ],
    ['Per 1.000 patiënten', `Volgens de praktijkgrootte van ${rateYear}; leeg waar die onbekend is of waar het aantal zelf verborgen is.`],
    // In a cell of its own the definition starts a sentence.
    ...figureDefinitions(settings).map(({ term, text }) => [term, text.charAt(0).toUpperCase() + text.slice(1)]),
    ['OME-factoren', `${OME_FACTOR_UNIT}. ${omeFactorSource(OME_TABLE)}`],
    ...omeFactorLines(OME_TABLE).map((line) => ['', line]),
    [
      'Terugkijken',
      summary.lookbackComplete
        ? 'Volledig: de gegevens gaan ver genoeg terug.'
        : `Onvolledig: de gegevens beginnen op ${earliest ? dutchDate(earliest) : '(geen)'}, te kort om ${settings.lookbackDays} dagen terug te kijken; deze cijfers zijn te hoog.`,
    ],
  ];
}
