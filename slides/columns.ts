import type { TableSpec } from './model';

// Table column widths for the exports (PowerPoint, Word) that, unlike a browser, do not size columns to their
// content: no word is ever split over two lines.

/** Average character widths in em: Arial about 0.55, bold a bit more. */
const ARIAL = { normal: 0.55, bold: 0.6 };

export interface ColumnOptions {
  /** The smallest font size (pt) to shrink to. */
  minSize?: number;
  /** Average character widths in em; wider for a document that may be shown in a fallback font. */
  em?: { normal: number; bold: number };
}
/** Cell margins left and right (3 pt each) and a little room, in inches. */
const CELL_PADDING = (2 * 3) / 72 + 0.04;

/**
 * Column widths that never split a word: every column is at least as wide as its longest word (header in bold),
 * and the width left over goes to the columns whose text would otherwise wrap. When even the longest words do
 * not fit, the font gets smaller instead.
 */
export function columnWidths(
  table: Pick<TableSpec, 'columns' | 'rows'>,
  w: number,
  fontSize: number,
  { minSize = 9, em = ARIAL }: ColumnOptions = {},
): { widths: number[]; size: number } {
  // Rough width of a word in inches at a font size.
  const wordWidth = (word: string, size: number, bold: boolean) => (word.length * size * (bold ? em.bold : em.normal)) / 72;
  const words = (text: string, size: number, bold: boolean) => text.split(/\s+/).map((word) => wordWidth(word, size, bold));
  const measure = (size: number) =>
    table.columns.map((column, index) => {
      const header = Math.max(0, ...words(column.label, size, true));
      const cells = table.rows.map((row) => words(row.cells[index]?.text ?? '', size, !!row.total));
      const space = wordWidth(' ', size, false);
      return {
        min: Math.max(header, ...cells.map((cell) => Math.max(0, ...cell))) + CELL_PADDING,
        natural: Math.max(header, ...cells.map((cell) => cell.reduce((a, b) => a + b + space, -space))) + CELL_PADDING,
      };
    });
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  let size = fontSize;
  let columns = measure(size);
  while (sum(columns.map((c) => c.min)) > w && size > minSize) columns = measure((size = Math.max(minSize, size - 0.5)));
  const naturals = columns.map((c) => c.natural);
  if (sum(naturals) <= w) return { widths: naturals.map((n) => (n * w) / sum(naturals)), size };
  const mins = columns.map((c) => c.min);
  const wanted = columns.map((c) => c.natural - c.min);
  const spare = Math.max(0, w - sum(mins));
  const widths = mins.map((min, index) => min + (spare * wanted[index]!) / (sum(wanted) || 1));
  return { widths: widths.map((width) => (width * w) / sum(widths)), size };
}
