// The group and its practices over the years (when the deck has two years or more).
import { figureIncomplete, indicatorShortLabel, type IndicatorName } from '../../domain';
import type { DeckData, PeriodFigures } from '../data';
import { periodLabel } from '../format';
import type { SeriesRole, Slide, TableSpec } from '../model';
import { CHRONIC_INCOMPLETE_NOTE, dataSlide, figureCell, INCOMPLETE_NOTE } from './content';
import { byCodePoint, GROUP_ROW_LABEL, groupPractices, groupRow } from './rows';

export function yearSlides(data: DeckData, name: (key: string) => string): Slide[] {
  const years = data.years ?? [];
  if (years.length < 2) return [];
  const first = years[0]!;
  const last = years.at(-1)!;
  const span = `${periodLabel(first)}–${periodLabel(last)}`;
  const yearLabel = (period: PeriodFigures, indicator?: IndicatorName) =>
    periodLabel(period) + (indicator && figureIncomplete(indicator, period) ? '*' : '');
  const anyIncomplete = years.some((period) => !period.lookbackComplete);
  const rangeNote = `Periodes: ${years.map((period) => periodLabel(period)).join(', ')}. Bron: uitgiften van sterke opioïden door de apotheken.`;
  const chronicNote = years.some((period) => period.chronicComplete === false) ? [CHRONIC_INCOMPLETE_NOTE] : [];
  const notesFor = (incomplete: boolean, ...extra: string[]) => [rangeNote, ...extra, ...(incomplete ? [INCOMPLETE_NOTE] : [])];

  const groupRows = years.map((period) => ({ period, row: groupRow(period, data.group) }));
  const shortLabel = (indicator: IndicatorName) => indicatorShortLabel(indicator, first.settings);
  const groupColumns = (['dispensingsShort', 'dispensingsLong', 'chronicUsers', 'newUsers', 'newUsersOver3'] as const).map(
    (indicator) => [indicator, shortLabel(indicator)] as const,
  );
  const groupTable: TableSpec = {
    columns: [{ label: 'Jaar' }, ...groupColumns.map(([, label]) => ({ label, numeric: true }))],
    rows: groupRows.map(({ period, row }) => ({
      cells: [
        { text: yearLabel(period) },
        ...groupColumns.map(([indicator]) => figureCell(GROUP_ROW_LABEL, indicator, period, row ? row[indicator] : null)),
      ],
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
            { name: shortLabel('dispensingsShort'), role: 'short', values: groupRows.map(({ row }) => row?.dispensingsShort ?? null) },
            { name: shortLabel('dispensingsLong'), role: 'long', values: groupRows.map(({ row }) => row?.dispensingsLong ?? null) },
          ],
        },
        table: groupTable,
        footnotes: notesFor(anyIncomplete, 'De grafiek toont de uitgiften; de tabel ook de gebruikers.', ...chronicNote),
        incomplete: anyIncomplete,
      },
      'Gaat de groep de goede kant op? Let vooral op kortwerkend en op het aantal chronische gebruikers.',
    ),
  ];

  const substanceColumns = [
    ['patientsOxycodone', shortLabel('patientsOxycodone'), 'oxycodone'],
    ['patientsMorphine', shortLabel('patientsMorphine'), 'morphine'],
  ] as const satisfies readonly (readonly [IndicatorName, string, SeriesRole])[];
  slides.push(
    dataSlide(
      'cijfers-jaren-oxycodon-morfine',
      `Oxycodon en morfine door de jaren, ${span}`,
      {
        chart: {
          type: 'bar',
          categories: years.map((period) => yearLabel(period)),
          series: substanceColumns.map(([indicator, label, role]) => ({
            name: label,
            role,
            values: groupRows.map(({ row }) => row?.[indicator] ?? null),
          })),
        },
        table: {
          columns: [
            { label: 'Jaar' },
            ...substanceColumns.map(([, label]) => ({ label: `Patiënten ${label.toLowerCase()}`, numeric: true })),
          ],
          rows: groupRows.map(({ period, row }) => ({
            cells: [
              { text: yearLabel(period) },
              ...substanceColumns.map(([indicator]) => figureCell(GROUP_ROW_LABEL, indicator, period, row ? row[indicator] : null)),
            ],
          })),
        },
        footnotes: notesFor(
          false,
          'Patiënten van de groep met minstens één uitgifte in het jaar. Werkafspraak: morfine eerst, niet oxycodon.',
        ),
      },
      'Schuift de groep van oxycodon naar morfine? Vergelijk met de landelijke lijn.',
    ),
  );

  const keys = [...new Set(years.flatMap((period) => groupPractices(period, data.group).map((row) => row.key)))].sort(byCodePoint);
  const perPractice = (id: string, title: string, indicator: IndicatorName, role: SeriesRole, notes: string): Slide => {
    const value = (period: PeriodFigures, key: string) =>
      groupPractices(period, data.group).find((row) => row.key === key)?.[indicator] ?? null;
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
          rows: keys.map((key) => ({
            cells: [{ text: name(key) }, ...years.map((period) => figureCell(name(key), indicator, period, value(period, key)))],
          })),
        },
        footnotes: notesFor(false, ...(indicator === 'chronicUsers' ? chronicNote : [])),
      },
      notes,
    );
  };
  slides.push(
    perPractice(
      'cijfers-jaren-kortwerkend',
      `Uitgiften kortwerkend per praktijk, ${span}`,
      'dispensingsShort',
      'short',
      'Het laatste jaar is de donkerste kleur.',
    ),
    perPractice(
      'cijfers-jaren-langwerkend',
      `Uitgiften langwerkend per praktijk, ${span}`,
      'dispensingsLong',
      'long',
      'Het laatste jaar is de donkerste kleur.',
    ),
    perPractice(
      'cijfers-jaren-chronisch',
      `Chronische gebruikers per praktijk, ${span}`,
      'chronicUsers',
      'chronic',
      'Het laatste jaar is de donkerste kleur.',
    ),
  );
  return slides;
}
