// Then and now: the year of the previous meeting beside the latest year, per practice.
import type { IndicatorName } from '../../domain';
import type { DeckData, FigureRow, PeriodFigures } from '../data';
import { periodLabel } from '../format';
import type { SeriesRole, Slide, TableSpec } from '../model';
import { dataSlide, figureCell, indicatorColumn } from './content';
import { byCodePoint, GROUP_ROW_LABEL, groupPractices, groupRow, REGION_ROW_LABEL, regionRow } from './rows';

export function evaluationSlides(data: DeckData, name: (key: string) => string): Slide[] {
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

  const compare = (
    id: string,
    title: string,
    parts: { label: string; indicator: IndicatorName; role: SeriesRole }[],
    notes: string,
  ): Slide => {
    const table: TableSpec = {
      columns: [
        { label: 'Praktijk' },
        ...parts.flatMap((part) => [
          { label: `${part.label} ${beforeLabel}`, numeric: true },
          { label: `${part.label} ${nowLabel}`, numeric: true },
        ]),
      ],
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
            {
              name: `${part.label} ${beforeLabel}`,
              role: part.role,
              shade: 2,
              values: beforeRows.slice(0, practices).map((r) => r.row?.[part.indicator] ?? null),
            },
            {
              name: `${part.label} ${nowLabel}`,
              role: part.role,
              values: nowRows.slice(0, practices).map((r) => r.row?.[part.indicator] ?? null),
            },
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
      [indicatorColumn('dispensingsShort', 'short', now.settings), indicatorColumn('dispensingsLong', 'long', now.settings)],
      'De lichte kleur is het jaar van het vorige overleg, de donkere het laatste jaar.',
    ),
    compare(
      'evaluatie-chronisch',
      `Chronische gebruikers toen en nu: ${beforeLabel} en ${nowLabel}`,
      [indicatorColumn('chronicUsers', 'chronic', now.settings)],
      'Is het aantal chronische gebruikers gedaald in de praktijken die daar afspraken over maakten?',
    ),
  ];
}
