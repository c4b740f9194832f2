/** One measured figure of `npm run bench`. */
export interface BenchFigure {
  /** What was measured, e.g. "CSV-import, 1.000.000 rijen". */
  name: string;
  value: number;
  unit: string;
  /** The target from the issue, when there is one, e.g. "≤ 10 s". */
  target?: string;
  /** Whether the target was met (undefined: no target). */
  met?: boolean;
}

export type Bench = () => Promise<BenchFigure[]>;

/** Peak resident memory of this process so far, in MB. */
export function peakMemoryMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function printFigures(figures: BenchFigure[]): void {
  const rows = figures.map((f) => [
    f.name,
    `${f.value.toLocaleString('nl-NL', { maximumFractionDigits: 2 })} ${f.unit}`,
    f.target ?? '',
    f.met === undefined ? '' : f.met ? 'gehaald' : 'NIET gehaald',
  ]);
  const header = ['meting', 'waarde', 'doel', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
