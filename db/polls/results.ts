import type { PollKind, PollResult } from '../contract/polls';

/** More distinct numbers than this are shown in ranges. */
const MAX_NUMBER_BARS = 10;
const NUMBER_RANGES = 8;
/** The word list shows the most frequent short texts. */
const MAX_TEXT_BARS = 30;

const dutchNumber = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 2 });

/** The same short text however it was typed: trimmed, single spaces, lower case. */
export function normalizeText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The distribution of a poll's answers (stored values: a choice's index, a number, or a text). */
export function pollDistribution(kind: PollKind, options: string[], values: string[]): PollResult {
  const count = values.length;
  if (kind === 'choice') {
    const counts = options.map(() => 0);
    for (const value of values) {
      const index = Number(value);
      if (counts[index] !== undefined) counts[index] += 1;
    }
    return { count, bars: options.map((label, index) => ({ label, count: counts[index] ?? 0 })), median: null };
  }
  if (kind === 'number') {
    const numbers = values
      .map(Number)
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    return { count, bars: numberBars(numbers), median: median(numbers) };
  }
  const texts = new Map<string, number>();
  for (const value of values) {
    const text = normalizeText(value);
    if (text) texts.set(text, (texts.get(text) ?? 0) + 1);
  }
  const bars = [...texts]
    .map(([label, n]) => ({ label, count: n }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'nl'))
    .slice(0, MAX_TEXT_BARS);
  return { count, bars, median: null };
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One bar per number while there are few distinct ones; otherwise equal ranges from the lowest to the highest. */
function numberBars(sorted: number[]): PollResult['bars'] {
  const distinct = [...new Set(sorted)];
  if (distinct.length <= MAX_NUMBER_BARS) {
    return distinct.map((value) => ({ label: dutchNumber(value), count: sorted.filter((n) => n === value).length }));
  }
  const low = sorted[0]!;
  const high = sorted[sorted.length - 1]!;
  const whole = sorted.every(Number.isInteger);
  const width = whole ? Math.ceil((high - low + 1) / NUMBER_RANGES) : (high - low) / NUMBER_RANGES;
  const bars = Array.from({ length: NUMBER_RANGES }, (_, i) => {
    const from = low + i * width;
    const to = whole ? from + width - 1 : from + width;
    return { from, to, label: `${dutchNumber(from)}–${dutchNumber(to)}`, count: 0 };
  });
  for (const n of sorted) {
    const index = Math.min(NUMBER_RANGES - 1, Math.floor((n - low) / width));
    bars[index]!.count += 1;
  }
  return bars.filter((bar) => bar.from <= high).map(({ label, count }) => ({ label, count }));
}

/** "Peiling: 20 antwoorden" and one line per bar (choices always, other bars when they have answers), for the report. */
export function distributionLines(kind: PollKind, result: PollResult) {
  const heading = `Peiling: ${result.count} ${result.count === 1 ? 'antwoord' : 'antwoorden'}`;
  const lines = result.bars
    .filter((bar) => kind === 'choice' || bar.count > 0)
    .map((bar) => {
      const share = result.count ? Math.round((100 * bar.count) / result.count) : 0;
      return { label: bar.label, count: bar.count, share, text: `${bar.label}: ${bar.count}${result.count ? ` (${share}%)` : ''}` };
    });
  const median = kind === 'number' && result.median !== null ? `Mediaan: ${dutchNumber(result.median)}` : null;
  return { heading, lines, median };
}
