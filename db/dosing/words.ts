/**
 * The words and number shapes of §4.1, as regular-expression sources (used with the `u` flag).
 * A word matches whole words only: a letter next to it blocks a match, a digit does not.
 */

/** Start and end of a whole word. */
export const WB = String.raw`(?<!\p{L})`;
export const WE = String.raw`(?!\p{L})`;

/** One number: "1 1/2", "1/2", "0.5", "12" (the mixed form first, so "1 1/2" is one number). */
export const NUMBER = String.raw`(?:\d+ \d+\/\d+|\d+(?:\.\d+)?(?:\/\d+(?:\.\d+)?)?)`;
/** Not inside another number or a clock time ("8:00"). */
const NUMBER_START = String.raw`(?<![\d\/:])(?<!\d\.)`;
const NUMBER_END = String.raw`(?![\d\/:])(?!\.\d)`;
/** A range joiner: `-`, `à`, `a`, `tot`, `of`. */
const RANGE_JOIN = String.raw`(?: ?- ?| ?(?:à|a|tot|of)${WE} ?)`;
/** A number or a range `N-M`, as one whole. */
export const QUANTITY = String.raw`${NUMBER_START}${NUMBER}(?:${RANGE_JOIN}${NUMBER})?${NUMBER_END}`;
/** Splits a matched QUANTITY into its ends. */
export const RANGE_SPLIT = new RegExp(String.raw`^(${NUMBER})(?:${RANGE_JOIN}(${NUMBER}))?$`, 'u');

export type UnitKind = 'count' | 'mass' | 'volume' | 'drops';

/** §4.1 "an amount": the unit words, longest first. Masses map to their size in µg. */
export const UNIT_WORDS: Record<string, { kind: UnitKind; micrograms?: bigint }> = {
  tabletten: { kind: 'count' },
  tablet: { kind: 'count' },
  tabl: { kind: 'count' },
  tab: { kind: 'count' },
  capsules: { kind: 'count' },
  capsule: { kind: 'count' },
  caps: { kind: 'count' },
  cap: { kind: 'count' },
  pleisters: { kind: 'count' },
  pleister: { kind: 'count' },
  stuks: { kind: 'count' },
  stuk: { kind: 'count' },
  zetpillen: { kind: 'count' },
  zetpil: { kind: 'count' },
  sachets: { kind: 'count' },
  sachet: { kind: 'count' },
  zakjes: { kind: 'count' },
  zakje: { kind: 'count' },
  dosis: { kind: 'count' },
  doses: { kind: 'count' },
  sprays: { kind: 'count' },
  spray: { kind: 'count' },
  pufjes: { kind: 'count' },
  pufje: { kind: 'count' },
  milligram: { kind: 'mass', micrograms: 1000n },
  mg: { kind: 'mass', micrograms: 1000n },
  microgram: { kind: 'mass', micrograms: 1n },
  mcg: { kind: 'mass', micrograms: 1n },
  µg: { kind: 'mass', micrograms: 1n },
  ug: { kind: 'mass', micrograms: 1n },
  milliliter: { kind: 'volume' },
  ml: { kind: 'volume' },
  druppels: { kind: 'drops' },
  druppel: { kind: 'drops' },
  dr: { kind: 'drops' },
  gtt: { kind: 'drops' },
};
const byLength = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
export const UNIT = `(?:${byLength(Object.keys(UNIT_WORDS))})${WE}`;
export const COUNT_UNIT = `(?:${byLength(Object.keys(UNIT_WORDS).filter((w) => UNIT_WORDS[w]!.kind === 'count'))})${WE}`;
export const MASS_UNIT = `(?:${byLength(Object.keys(UNIT_WORDS).filter((w) => UNIT_WORDS[w]!.kind === 'mass'))})${WE}`;

/** An hour of the day 0-23 as a whole number. */
export const HOUR = String.raw`(?:2[0-3]|[01]?\d)(?!\d)(?!\.\d)`;
