/** §4.1 "Normalising", steps 1-5, in the spec's order. */
import { formatNumber, mul, parseNumber, whole } from './fraction';
import { HOUR, MASS_UNIT, NUMBER, QUANTITY, RANGE_SPLIT, WB, WE } from './words';

const re = (source: string, flags = 'gu') => new RegExp(source, flags);

/** Multiplies a number or range written in the text ("0.5", "1-2") and writes it back. */
function scaleQuantity(text: string, factor: bigint): string {
  const m = RANGE_SPLIT.exec(text);
  const scale = (n: string) => {
    const value = parseNumber(n);
    return value ? formatNumber(mul(value, whole(factor))) : n;
  };
  if (!m) return text;
  return m[2] === undefined ? scale(m[1]!) : `${scale(m[1]!)}-${scale(m[2])}`;
}

// ---- step 1 ----
const VULGAR: Record<string, string> = { '½': ' 1/2', '¼': ' 1/4', '¾': ' 3/4' };
const OTHER_CHARACTERS = /[^\p{L}\d\s\/.\-]+/gu;

/**
 * Step 1 (also what §9 applies to product texts, with step 2). Accents are composed first (NFC), so
 * that "één" is one word however it was stored; Greek mu (μ, what upper-casing µ and lower-casing it
 * again gives) is read as the micro sign: a pharmacist means the same.
 */
export function normaliseCharacters(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/μ/g, 'µ')
    .replace(/[½¼¾]/g, (c) => VULGAR[c]!)
    .replace(/[–—]/g, '-')
    .replace(/['’]s/g, 's')
    .replace(/(?<=\d),(?=\d)/g, '.')
    .replace(OTHER_CHARACTERS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// ---- step 2 ----
const WORD_NUMBERS: Record<string, string> = {
  'een half': '0.5',
  'een halve': '0.5',
  een: '1',
  één: '1',
  eén: '1',
  twee: '2',
  drie: '3',
  vier: '4',
  vijf: '5',
  zes: '6',
  zeven: '7',
  acht: '8',
  half: '0.5',
  halve: '0.5',
  anderhalf: '1.5',
  anderhalve: '1.5',
  eenmaal: '1 maal',
  tweemaal: '2 maal',
  driemaal: '3 maal',
  viermaal: '4 maal',
  derde: '3e',
  vierde: '4e',
  dgn: 'dagen',
  dgs: 'daags',
};
// Longest first, so "een half" wins over "een" where both could start.
const WORD_NUMBER = re(
  `${WB}(?:${Object.keys(WORD_NUMBERS)
    .sort((a, b) => b.length - a.length)
    .join('|')})${WE}`,
);

/** Step 2: number words and abbreviations of day words. */
export function normaliseWords(text: string): string {
  return text.replace(WORD_NUMBER, (w) => WORD_NUMBERS[w]!);
}

// ---- step 3 ----
const SHORTHANDS: Record<string, string> = {
  'a.n.': 'voor de nacht',
  bid: '2 dd',
  tid: '3 dd',
  qid: '4 dd',
  prn: 'zo nodig',
  'p/d': 'per dag',
  pd: 'per dag',
};
const SHORTHAND = re(String.raw`${WB}(?:a\.n\.|(?:bid|tid|qid|prn|p\/d|pd|q ?(\d+) ?h)${WE})`);

/** Step 3: shorthand, in one pass. */
const normaliseShorthand = (text: string) =>
  text.replace(SHORTHAND, (all: string, hours: string | undefined) => ` ${hours === undefined ? SHORTHANDS[all]! : `elke ${hours} uur`} `);

// ---- step 4 ----
const HOURS_LETTER = re(String.raw`(\d) ?[uh]${WE}`);
const SLASH_PER = re(String.raw` ?\/ ?(?=(?:\d+(?:\.\d+)? ?)?(?:dagen|dag|week|uur|u|h)${WE})`);
const PER_HOUR = re(String.raw`${WB}per [uh]${WE}`);
const ORDINAL_DAY = re(String.raw`(?<![\d.])(\d+)e ?(?=dag${WE})`);
const COMBINATION = re(String.raw`(?<![\d.\/])(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)(?= ?${MASS_UNIT})`);
const SPOONS = re(String.raw`(${QUANTITY}) ?(theelepels?|eetlepels?)${WE}`);

// ---- step 5 ----
const PUMP = re(String.raw`(${QUANTITY}) ?ml ?per ?uur${WE}`);
const TIMES = re(String.raw`(?<![\d.\/:])(${NUMBER}) ?x ?(?=${QUANTITY}(?! ?(?:dagen|dag|weken|week|uur)${WE}))`);
/**
 * A run of hours joined by `en`, `-` or a space (what a comma left); followed by `uur`, a candidate
 * for step 5's clock times. Matched as whole runs and checked for `uur` after, so that a long run
 * without `uur` costs linear time, not quadratic.
 */
const HOUR_RUN = re(String.raw`(?<![\d.\/:])${HOUR}(?:(?: ?- ?| en | )${HOUR})+`);
const UUR_AFTER = re(` ?uur${WE}`, 'uy');
const CHAIN_PART = /(\d+)|( ?- ?| en | )/g;
const NOT_CLOCK_BEFORE = re(String.raw`${WB}(?:elke|iedere|om ?de|per|maal|keer|x) ?$`, 'u');
const OM_BEFORE = re(String.raw`${WB}om $`, 'u');

/**
 * Step 5's clock times: the leftmost hours of the chain that qualify. A space between two hours (what
 * a comma becomes in step 1: "om 8, 14 en 20 uur") joins them only right after `om`, so that the
 * dose of "2dd1 (7-19u)" stays a dose.
 */
function clockTimes(run: string, offset: number, text: string): string {
  const hours: string[] = [];
  const starts: number[] = [];
  let lastSpaceJoin = -1; // the index of the hour after the last joining space
  for (const m of run.matchAll(CHAIN_PART)) {
    if (m[1] !== undefined) {
      hours.push(m[1]);
      starts.push(m.index);
    } else if (m[2] === ' ') lastSpaceJoin = hours.length;
  }
  for (let first = 0; first < hours.length - 1; first++) {
    // the words that may stand before: a few characters are enough to see them
    const before = text.slice(Math.max(0, offset + starts[first]! - 12), offset + starts[first]!);
    const spaced = lastSpaceJoin > first;
    if (NOT_CLOCK_BEFORE.test(before) || (spaced && !OM_BEFORE.test(before))) continue;
    // Written as "om H uur", which §4.1 reads as a clock time and never as an amount; normalising
    // it again changes nothing.
    const times = hours
      .slice(first)
      .map((h) => `om ${Number(h)} uur`)
      .join(' ');
    const kept = run.slice(0, starts[first]);
    return OM_BEFORE.test(before) && kept === '' ? times.slice(3) : `${kept}${times}`;
  }
  return run;
}

/** Step 5's clock times, in one pass over the runs of hours. */
function replaceClockTimes(text: string): string {
  let out = '';
  let done = 0;
  for (const m of text.matchAll(HOUR_RUN)) {
    UUR_AFTER.lastIndex = m.index + m[0].length;
    if (m.index < done || !UUR_AFTER.test(text)) continue;
    const replaced = clockTimes(m[0], m.index, text);
    if (replaced === m[0]) continue;
    out += text.slice(done, m.index) + replaced;
    done = UUR_AFTER.lastIndex;
  }
  return out + text.slice(done);
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** §4.1 normalising, steps 1-5: the text the grammar reads and the key of the user's table (§4.4). */
export function normaliseDosing(text: string): string {
  // Steps 4 and 5 write single spaces; only step 3 needs runs of spaces made one again.
  let t = collapse(normaliseShorthand(normaliseWords(normaliseCharacters(text))));
  t = t.replace(HOURS_LETTER, '$1 uur');
  if (t.includes('/')) t = t.replace(SLASH_PER, ' per ').replace(COMBINATION, combinationStrength);
  t = t.replace(PER_HOUR, 'per uur').replace(ORDINAL_DAY, '$1 ');
  if (t.includes('lepel'))
    t = t.replace(SPOONS, (_, n: string, spoon: string) => `${scaleQuantity(n, spoon.startsWith('thee') ? 5n : 15n)} ml`);
  if (t.includes('ml')) t = t.replace(PUMP, (_, n: string) => `${scaleQuantity(n, 24n)} ml per dag`);
  if (t.includes('x')) t = t.replace(TIMES, '$1 dd ');
  if (t.includes('uur')) t = replaceClockTimes(t);
  return collapse(t);
}

/** Step 4: "A/B" before a mass unit is A when A ≥ B (a combination's strength: "10/5 mg" is 10 mg). */
function combinationStrength(all: string, a: string, b: string): string {
  const [first, second] = [parseNumber(a)!, parseNumber(b)!];
  return first.num * second.den >= second.num * first.den ? a : all;
}
