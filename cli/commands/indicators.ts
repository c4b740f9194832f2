import path from 'node:path';
import { DEFAULT_SUPPRESSION_THRESHOLD, indicatorNames, type IndicatorResult, type IndicatorSettings } from '../../db/contract/indicators';
import { createCore } from '../../db/core';
import { AppError } from '../../db/errors';
import { dutchDate } from '../../db/meetings/dates';
import { OTHER_NAME, specJson } from '../../db/indicators/compute';
import { openDatabase } from '../../db/open';
import { requireOption, unwrap, writeOutputFile, type Command } from '../command';
import { nodeServices } from '../../db/services';
import { fillLabel, INDICATOR_TERMINAL_LABEL_TEMPLATES } from '../../domain';

const LEVEL_NAMES = {
  prescriber: 'Voorschrijver',
  practice: 'Praktijk',
  group: 'FTO-groep',
  groupOther: 'Overige (groep)',
  all: 'Totaal',
} as const;

const SETTING_FLAGS = {
  'chronic-days': 'chronicDays',
  'lookback-days': 'lookbackDays',
  'new-user-min-dispensings': 'newUserMinDispensings',
  'start-limit-days': 'startLimitDays',
  'high-dose-ome': 'highDoseOme',
} as const;

export const indicatorsCommand: Command = {
  name: 'indicators',
  usage:
    'fto indicators --db BESTAND [--year JAAR | --from JJJJ-MM-DD --to JJJJ-MM-DD] [--group NAAM] [--chronic-days 90] [--lookback-days 365] [--new-user-min-dispensings 4] [--start-limit-days 7] [--high-dose-ome 90] [--json] ' +
    '[--regional overzicht.xlsx|.csv [--threshold 10 [--confirm-lower-threshold]] [--practice-names]]',
  options: {
    db: { type: 'string' },
    year: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    group: { type: 'string' },
    json: { type: 'boolean' },
    'chronic-days': { type: 'string' },
    'lookback-days': { type: 'string' },
    'new-user-min-dispensings': { type: 'string' },
    'start-limit-days': { type: 'string' },
    'high-dose-ome': { type: 'string' },
    regional: { type: 'string' },
    threshold: { type: 'string' },
    'confirm-lower-threshold': { type: 'boolean' },
    'practice-names': { type: 'boolean' },
  },
  async run({ values }, io) {
    const file = requireOption(values, 'db', this);
    const regional = regionalOptions(values);
    const settings: Partial<IndicatorSettings> = {};
    for (const [flag, name] of Object.entries(SETTING_FLAGS)) {
      const value = values[flag];
      if (typeof value === 'string') settings[name] = wholeNumber(value, flag);
    }
    const db = openDatabase(file, { mustExist: true });
    try {
      const core = createCore({ db, file, ...nodeServices() });
      let groupId: number | undefined;
      if (typeof values.group === 'string') {
        const groups = unwrap(await core.call('groups.list', {}));
        const group = groups.find((g) => g.name.toLocaleLowerCase('nl') === (values.group as string).trim().toLocaleLowerCase('nl'));
        if (!group) throw new AppError('not_found', `De FTO-groep "${values.group}" bestaat niet in ${file}.`);
        groupId = group.id;
      }
      // Without a period: spec §5's default, the last complete year before today.
      const noPeriod = values.year === undefined && values.from === undefined && values.to === undefined;
      const defaultYear = noPeriod
        ? unwrap(await core.call('indicators.dataRange', groupId !== undefined ? { groupId } : {})).defaultYear
        : null;
      const input = {
        ...(typeof values.year === 'string'
          ? { year: wholeNumber(values.year, 'year') }
          : defaultYear !== null
            ? { year: defaultYear }
            : {}),
        ...(typeof values.from === 'string' ? { from: values.from } : {}),
        ...(typeof values.to === 'string' ? { to: values.to } : {}),
        ...(groupId !== undefined ? { groupId } : {}),
        settings,
      };
      if (regional) {
        const exported = await core.call('indicators.exportRegional', { ...input, ...regional.input });
        if (!exported.ok && exported.error.field === 'confirmLowerThreshold') {
          throw new AppError('validation', `${exported.error.message} Voeg daarvoor --confirm-lower-threshold toe.`);
        }
        const bytes = Buffer.from(unwrap(exported).base64, 'base64');
        writeOutputFile(regional.out, bytes, 'Het regionale overzicht');
        const { threshold } = regional.input;
        io.out(
          values.json
            ? JSON.stringify({
                file: regional.out,
                format: regional.input.format,
                threshold,
                practiceNames: regional.input.practiceNames,
                bytes: bytes.length,
              })
            : `Regionaal overzicht geschreven naar ${regional.out}: alleen praktijken, FTO-groepen en totaal; ` +
                (threshold > 1
                  ? `aantallen van 1 tot en met ${threshold - 1} staan er als "<${threshold}".`
                  : 'de drempel staat op 1: niets verborgen.'),
        );
        return;
      }
      const result = unwrap(await core.call('indicators.compute', input));
      io.out(values.json ? JSON.stringify(specJson(result), null, 2) : readableTable(result));
    } finally {
      db.close();
    }
  },
};

/** --regional and its options: the file, its format by extension, and the threshold as asked for. */
function regionalOptions(values: Record<string, unknown>) {
  const out = values.regional;
  if (typeof out !== 'string') {
    const stray = ['threshold', 'confirm-lower-threshold', 'practice-names'].find((flag) => values[flag] !== undefined);
    if (stray) throw new AppError('validation', `De optie --${stray} hoort bij --regional BESTAND.`);
    return null;
  }
  if (out.trim() === '') throw new AppError('validation', 'Geef bij --regional een bestandsnaam op die op .xlsx of .csv eindigt.');
  const format = path.extname(out).toLowerCase().slice(1);
  if (format !== 'xlsx' && format !== 'csv')
    throw new AppError('validation', `Het bestand bij --regional moet op .xlsx of .csv eindigen: ${out}`);
  return {
    out,
    input: {
      format,
      threshold: typeof values.threshold === 'string' ? wholeNumber(values.threshold, 'threshold') : DEFAULT_SUPPRESSION_THRESHOLD,
      confirmLowerThreshold: values['confirm-lower-threshold'] === true,
      practiceNames: values['practice-names'] === true,
    },
  } as const;
}

function wholeNumber(value: string, flag: string): number {
  if (!/^\d+$/.test(value.trim())) throw new AppError('validation', `De optie --${flag} verwacht een heel getal, niet "${value}".`);
  return Number(value);
}

const ORDER = { all: 0, group: 1, practice: 2, groupOther: 2, prescriber: 3 } as const;

/** A readable Dutch table: totals first, then groups, practices (with their rates) and prescribers. */
export function readableTable(result: IndicatorResult): string {
  const { settings } = result;
  const rows = [...result.rows].sort(
    (a, b) =>
      ORDER[a.level] - ORDER[b.level] || (a.key === 'other' ? 1 : 0) - (b.key === 'other' ? 1 : 0) || a.name.localeCompare(b.name, 'nl'),
  );
  const table: string[][] = [
    ['Niveau', 'Naam', 'Praktijk', ...indicatorNames.map((n) => fillLabel(INDICATOR_TERMINAL_LABEL_TEMPLATES[n], settings))],
  ];
  for (const row of rows) {
    table.push([
      LEVEL_NAMES[row.level],
      row.name,
      row.level === 'prescriber' ? (row.practice ?? OTHER_NAME) : '',
      ...indicatorNames.map((n) => String(row[n])),
    ]);
    if (row.rates)
      table.push(['', `  per 1.000 patiënten (${row.listSize} ingeschreven)`, '', ...indicatorNames.map((n) => formatRate(row.rates![n]))]);
  }
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  const lines = table.map((r) =>
    r
      .map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
  return [
    `Indicatoren sterke opioïden, ${dutchDate(result.from)} t/m ${dutchDate(result.to)}`,
    `Instellingen: chronisch bij ≥ ${settings.chronicDays} gedekte dagen; terugkijkperiode ${settings.lookbackDays} dagen; "meer dan 3" = ≥ ${settings.newUserMinDispensings} uitgiften; start te lang bij > ${settings.startLimitDays} dagen; hoge dosis vanaf ${settings.highDoseOme} mg morfine-equivalent per dag.`,
    result.lookbackComplete
      ? 'Terugkijkperiode: volledig.'
      : `Terugkijkperiode: onvolledig (gegevens vanaf ${result.earliestDispensing ? dutchDate(result.earliestDispensing) : 'geen'}); de cijfers over nieuwe gebruikers zijn te hoog.`,
    result.periodComplete
      ? `Gegevens tot ${dutchDay(result.dataEnd)}.`
      : `Onvolledig (gegevens tot ${dutchDay(result.dataEnd)}): de periode loopt door na de laatste uitgifte.`,
    `Praktijkgrootte voor de cijfers per 1.000 patiënten: ${result.rateYear}.`,
    '',
    lines[0]!,
    lines[0]!.replace(/./g, '-'),
    ...lines.slice(1),
    '',
    `Uitg = uitgiften, Pat = patiënten, kort/lang = kort-/langwerkend, zwak = zwakke opioïden (alleen ter vergelijking); Nieuw > ${settings.newUserMinDispensings - 1} = nieuwe gebruikers met meer dan ${settings.newUserMinDispensings - 1} uitgiften; Start lang/overig = nieuwe gebruikers die begonnen met langwerkend / bij een voorschrijver zonder praktijk; Start > ${settings.startLimitDays} d = starts langer dan ${settings.startLimitDays} dagen; Fent snel = patiënten met snelwerkend fentanyl; Dosis ? = uitgiften zonder bekende dagdosis in morfine-equivalenten.`,
  ].join('\n');
}

/** dd-mm-jjjj, as the app writes the data end. */
function dutchDay(iso: string | null): string {
  return iso ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : 'geen gegevens';
}

function formatRate(value: number): string {
  return value.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
