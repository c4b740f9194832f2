// What every data slide is made of: figure cells that say where they come from (row, indicator,
// period), footnotes, and the per-practice chart with its table.
import { figureIncomplete, indicatorLabel, indicatorShortLabel, percentOf, type IndicatorName, type LabelSettings } from '../../domain';
import type { FigureRow, PeriodFigures } from '../data';
import { formatDate, formatNumber, periodLabel } from '../format';
import type { ChartSeries, DataContent, SeriesRole, Slide, TableCell, TableSpec } from '../model';
import { ratePer1000, type LabelledRow } from './rows';

export const INCOMPLETE_NOTE = '* onvolledig: de gegevens reiken niet ver genoeg terug om nieuwe gebruikers zeker te herkennen.';
export const CHRONIC_INCOMPLETE_NOTE =
  '* onvolledig: de gegevens beginnen kort vóór deze periode; uitgiften van daarvoor die nog doorlopen kunnen ontbreken.';

export function figureCell(row: string, indicator: string, period: PeriodFigures, value: number | null, decimals = 0): TableCell {
  const incomplete = figureIncomplete(indicator, period);
  return {
    text: formatNumber(value, decimals) + (incomplete ? '*' : ''),
    figure: { row, indicator, period: periodLabel(period), value, ...(incomplete ? { incomplete } : {}) },
  };
}

function periodNote(period: PeriodFigures): string {
  return `Periode: ${periodLabel(period)} (${formatDate(period.from)} t/m ${formatDate(period.to)}). Bron: uitgiften van sterke opioïden door de apotheken.`;
}

export function footnotes(period: PeriodFigures, incomplete: boolean, ...extra: string[]): string[] {
  return [periodNote(period), ...extra, ...(incomplete ? [INCOMPLETE_NOTE] : [])];
}

export function dataSlide(id: string, title: string, data: DataContent, notes: string): Slide {
  return { id, kind: 'data', origin: 'generated', title, body: '', notes, hidden: false, data };
}

export interface Column {
  label: string;
  indicator: IndicatorName;
  role: SeriesRole;
  /** Shown per 1,000 registered patients instead of as a count. */
  rate?: boolean;
  /** Shown as a percentage of this indicator (e.g. starts over the limit of all starts). */
  shareOf?: IndicatorName;
}

/** A column of one indicator under its name from domain/: the short one in a table of several, else the full one. */
export function indicatorColumn(
  indicator: IndicatorName,
  role: SeriesRole,
  settings: LabelSettings,
  name: 'short' | 'full' = 'short',
): Column {
  return { label: name === 'short' ? indicatorShortLabel(indicator, settings) : indicatorLabel(indicator, settings), indicator, role };
}

/** The cell's indicator name: the count's own, or with "Per1000" / "Share" for a derived figure (the deck test traces both). */
function cellIndicator(column: Column): string {
  return column.rate ? `${column.indicator}Per1000` : column.shareOf ? `${column.indicator}Share` : column.indicator;
}

/** A column's figure for one row: the count, its rate per 1,000, or its share in percent (none when the whole is 0). */
function columnValue(row: FigureRow, column: Column): number | null {
  if (column.rate) return ratePer1000(row, column.indicator);
  if (column.shareOf) return percentOf(row[column.indicator], row[column.shareOf]);
  return row[column.indicator];
}

/** A chart of the practices (the group total only in the table, where it does not dwarf the bars) and a table. */
export function perPracticeContent(
  period: PeriodFigures,
  rows: LabelledRow[],
  columns: Column[],
  chartColumns: Column[],
  stacked = false,
): DataContent {
  const practices = rows.filter((r) => !r.total);
  const value = columnValue;
  const incomplete = columns.some((column) => figureIncomplete(column.indicator, period));
  const table: TableSpec = {
    columns: [
      { label: 'Praktijk' },
      ...columns.map((column) => ({ label: column.label + (figureIncomplete(column.indicator, period) ? '*' : ''), numeric: true })),
    ],
    rows: rows.map((r) => ({
      ...(r.total ? { total: true } : {}),
      cells: [
        { text: r.label },
        ...columns.map((column) => figureCell(r.label, cellIndicator(column), period, value(r.row, column), column.rate ? 1 : 0)),
      ],
    })),
  };
  const series: ChartSeries[] = chartColumns.map((column) => ({
    name: column.label + (figureIncomplete(column.indicator, period) ? ' (onvolledig)' : ''),
    role: column.role,
    values: practices.map((r) => value(r.row, column)),
  }));
  return {
    chart: {
      type: 'bar',
      horizontal: true,
      stacked,
      categories: practices.map((r) => r.label),
      series,
      decimals: chartColumns.some((c) => c.rate) ? 1 : 0,
    },
    table,
    footnotes: [],
    incomplete,
  };
}
