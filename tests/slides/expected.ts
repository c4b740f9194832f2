import { LOOKBACK_INDICATORS } from '../../domain';
import type { DeckData, FigureRow, PeriodFigures } from '../../slides/data';
import national from '../../slides/modules/opioiden/landelijke-gebruikers.json';

// The test's own reading of the fixture: which number a table cell (row label, indicator, period) must show.
// Written independently of slides/figures.ts, so that a wrong lookup there cannot pass unnoticed.

export const dutch = (value: number, decimals = 0) =>
  value.toLocaleString('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });

export interface Figure {
  row: string;
  indicator: string;
  period: string;
}

function periodsOf(data: DeckData): PeriodFigures[] {
  return [data.current, ...(data.years ?? []), ...(data.evaluation ? [data.evaluation.before, data.evaluation.now] : [])];
}

/** Practice label → key, as the deck must name them: by name, or A, B, C... in sorted key order. */
export function practiceLabels(data: DeckData): Map<string, string> {
  const keys = new Set<string>();
  for (const period of periodsOf(data))
    for (const row of period.rows) if (row.level === 'practice' && row.key !== 'other') keys.add(row.key);
  const sorted = [...keys].sort();
  return new Map(sorted.map((key, index) => [data.naming === 'letters' ? `Praktijk ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[index]}` : key, key]));
}

function rowFor(data: DeckData, period: PeriodFigures, label: string): FigureRow | undefined {
  if (label === 'Totaal groep') return period.rows.find((row) => row.level === 'group' && row.key === data.group);
  if (label === 'Regio (alle groepen)') return period.rows.find((row) => row.level === 'all');
  if (label === 'Overige voorschrijvers') return period.rows.find((row) => row.level === 'practice' && row.key === 'other');
  const key = practiceLabels(data).get(label);
  return period.rows.find((row) => row.level === 'practice' && row.key === key);
}

/** The expected value and its decimals, or undefined when the fixture has no such figure. */
export function expectedFigure(
  data: DeckData,
  figure: Figure,
): { value: number | null; decimals: number; incomplete: boolean } | undefined {
  if (figure.indicator === 'users') {
    const substance = national.substances.find((s) => s.name === figure.row);
    const index = national.years.indexOf(Number(figure.period));
    return substance && index >= 0 ? { value: substance.users[index]!, decimals: 0, incomplete: false } : undefined;
  }
  if (figure.period === 'toen' || figure.period === 'nu') {
    const labels = practiceLabels(data);
    const agreement = data.review?.agreements.find(
      (a) => (labels.get(figure.row) ?? figure.row) === a.party && a.indicator === figure.indicator,
    );
    if (!agreement) return undefined;
    return { value: (figure.period === 'toen' ? agreement.before : agreement.now) ?? null, decimals: 0, incomplete: false };
  }
  const period = periodsOf(data).find((p) => p.from.slice(0, 4) === figure.period && p.to === `${figure.period}-12-31`);
  if (!period) return undefined;
  const row = rowFor(data, period, figure.row);
  if (!row) return undefined;
  const rate = figure.indicator.endsWith('Per1000');
  // A share: starts over the limit as a percentage of all starts.
  const share = figure.indicator.endsWith('Share');
  const indicator = figure.indicator.replace(/(Per1000|Share)$/, '') as keyof FigureRow;
  const count = row[indicator];
  if (typeof count !== 'number') return undefined;
  const incomplete = !period.lookbackComplete && (LOOKBACK_INDICATORS as readonly string[]).includes(String(indicator));
  if (share)
    return indicator === 'startsOverLimit'
      ? { value: row.starts > 0 ? (count / row.starts) * 100 : null, decimals: 0, incomplete }
      : undefined;
  if (!rate) return { value: count, decimals: 0, incomplete };
  return { value: row.listSize ? (count * 1000) / row.listSize : null, decimals: 1, incomplete };
}

/** The text a cell must show for the expected figure: Dutch digits, "*" when onvolledig. */
export function expectedText(expected: { value: number | null; decimals: number; incomplete: boolean }): string {
  return (expected.value === null ? '–' : dutch(expected.value, expected.decimals)) + (expected.incomplete ? '*' : '');
}
