/** §4.1 "The parts" and "Reading U": the daily units a normalised dosing text allows. */
import { add, compare, div, fraction, isPositive, mul, parseNumber, whole, type Fraction } from './fraction';
import { normaliseDosing } from './normalise';
import type { Strength } from './strength';
import { COUNT_UNIT, NUMBER, QUANTITY, RANGE_SPLIT, UNIT, UNIT_WORDS, WB, WE } from './words';

const re = (source: string, flags = 'gu') => new RegExp(source, flags);

/** What reading a dosing text gives: U, and whether a mass amount lacked the product's strength (§4.3). */
export interface DosingReading {
  units: Fraction | null;
  needsStrength: boolean;
}

interface Context {
  strength: Strength | null;
  /** A mass amount was met that the product's strength could not turn into units. */
  needsStrength: boolean;
}

interface Span {
  start: number;
  end: number;
}

/** A number or a range in the text. */
interface Quantity extends Span {
  low: Fraction;
  high: Fraction;
}

// ---- quantities and amounts ----

function readQuantity(text: string): { low: Fraction; high: Fraction } | null {
  const m = RANGE_SPLIT.exec(text);
  const a = m && parseNumber(m[1]!);
  const b = m?.[2] === undefined ? a : parseNumber(m[2]);
  if (!a || !b) return null;
  return compare(a, b) <= 0 ? { low: a, high: b } : { low: b, high: a };
}

const QUANTITIES = re(QUANTITY);
function scanQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const m of text.matchAll(QUANTITIES)) {
    const q = readQuantity(m[0]);
    if (q) found.push({ start: m.index, end: m.index + m[0].length, ...q });
  }
  return found;
}

const UNIT_AFTER = re(` ?(${UNIT})`, 'uy');
const TIME_UNIT_AFTER = re(` ?(?:uur|minuten|min)${WE}`, 'uy');
const ONLY_SPACE = /^ ?$/;

function unitAfter(text: string, at: number): string | null {
  UNIT_AFTER.lastIndex = at;
  return UNIT_AFTER.exec(text)?.[1] ?? null;
}
function timeAfter(text: string, at: number): boolean {
  TIME_UNIT_AFTER.lastIndex = at;
  return TIME_UNIT_AFTER.test(text);
}

/** §4.1 "an amount" in units (or ml); null when it cannot be (drops, a mass without a strength). */
function toUnits(value: Fraction, unit: string | null, ctx: Context): Fraction | null {
  const word = unit === null ? null : UNIT_WORDS[unit]!;
  if (!word || word.kind === 'count' || word.kind === 'volume') return value;
  if (word.kind === 'drops') return null;
  const strength = ctx.strength;
  if (!strength) {
    ctx.needsStrength = true;
    return null;
  }
  const micrograms = mul(value, whole(word.micrograms!));
  // 1 mg = 1000 µg: per unit and per ml are in mg, a patch's per hour in µg.
  return strength.unit === 'ug/h' ? div(micrograms, strength.value) : div(micrograms, mul(strength.value, whole(1000)));
}

/** A number's value as an amount: in its unit when a unit word follows, else in units. */
const amountOf = (text: string, q: Quantity, ctx: Context) => toUnits(q.high, unitAfter(text, q.end), ctx);
/** An amount, or a bare number not followed by `uur`, `min` or `minuten`. */
const isAmountOrBare = (text: string, q: Quantity) => unitAfter(text, q.end) !== null || !timeAfter(text, q.end);

// ---- frequency forms ----

interface Form extends Span {
  perDay: Fraction | null;
  /** A code form (`dd`, `d.d.`, `d d`, the short code's `d`): a number right after it is the amount. */
  code: boolean;
}

const Q = `(${QUANTITY})`;
const W = '(?:x|maal|keer)';
const EVERY = `${WB}(?:elke|iedere|om ?de|per)`;
const high = (text: string) => readQuantity(text)?.high ?? null;
const low = (text: string) => readQuantity(text)?.low ?? null;
const ratio = (top: Fraction | null, bottom: Fraction | null) => (top && bottom ? div(top, bottom) : null);
const SEVEN = whole(7);
const DAY_HOURS = whole(24);

/** The table of frequency forms, in its order. */
const FORMS: { pattern: RegExp; read: (m: RegExpExecArray) => { perDay: Fraction | null; code: boolean } }[] = [
  {
    pattern: re(
      `${Q} ?(?:${W} ?)?(?:dd|d\\.d\\.?|d d)${WE}` +
        `|${Q} ?${W} ?(?:daags|per ?dag|per ?etmaal|per ?24 ?uur)${WE}` +
        `|${Q} ?d${WE} ?(?=\\d)`,
    ),
    read: (m) => ({ perDay: high((m[1] ?? m[2] ?? m[3])!), code: m[2] === undefined }),
  },
  // "per M dagen"; "per 2 dag" is read the same (a pharmacist would), as the `elke` row allows both.
  { pattern: re(`${Q} ?${W} ?per ?${Q} ?(?:dagen|dag)${WE}`), read: (m) => ({ perDay: ratio(high(m[1]!), low(m[2]!)), code: false }) },
  {
    pattern: re(`${Q} ?${W} ?per ?${Q} ?uur${WE}`),
    read: (m) => ({ perDay: ratio(mul(high(m[1]!)!, DAY_HOURS), low(m[2]!)), code: false }),
  },
  {
    pattern: re(`${Q} ?${W} ?per ?(?:week|${Q} ?weken)${WE}`),
    read: (m) => ({ perDay: ratio(high(m[1]!), m[2] === undefined ? SEVEN : mul(low(m[2])!, SEVEN)), code: false }),
  },
  { pattern: re(`${EVERY} ?${Q} ?uur${WE}`), read: (m) => ({ perDay: ratio(DAY_HOURS, low(m[1]!)), code: false }) },
  { pattern: re(`${EVERY} ?${Q} ?(?:dagen|dag)${WE}`), read: (m) => ({ perDay: ratio(whole(1), low(m[1]!)), code: false }) },
  { pattern: re(`${WB}om ?de ?(?:andere ?)?dag${WE}`), read: () => ({ perDay: fraction(1n, 2n), code: false }) },
  { pattern: re(`${WB}(?:per ?week|elke ?week|iedere ?week|wekelijks)${WE}`), read: () => ({ perDay: fraction(1n, 7n), code: false }) },
  {
    pattern: re(`${WB}(?:per ?dag|per ?etmaal|daags|dagelijks|elke ?dag|iedere ?dag)${WE}`),
    read: () => ({ perDay: whole(1), code: false }),
  },
];

/** The first form in the table's order that occurs at or after `from`, at its first occurrence. */
function findForm(text: string, from = 0): Form | null {
  for (const { pattern, read } of FORMS) {
    pattern.lastIndex = from;
    const m = pattern.exec(text);
    if (m) return { start: m.index, end: m.index + m[0].length, ...read(m) };
  }
  return null;
}

const COUNT_WORD = re(`${WB}${COUNT_UNIT}`, 'u');

/** §4.1 "the amount A" that goes with a frequency form (or with none: clock times, weekdays, moments). */
function amountA(text: string, form: Form | null, quantities: Quantity[], ctx: Context): Fraction | null {
  if (form?.code) {
    const next = quantities.find((q) => q.start >= form.end && ONLY_SPACE.test(text.slice(form.end, q.start)));
    if (next && !timeAfter(text, next.end)) return amountOf(text, next, ctx);
  }
  const amount = quantities.find((q) => unitAfter(text, q.end) !== null);
  if (amount) return amountOf(text, amount, ctx);
  const bare = quantities.find((q) => (!form || q.end <= form.start || q.start >= form.end) && !timeAfter(text, q.end));
  if (bare) return bare.high;
  return COUNT_WORD.test(text) ? whole(1) : null;
}

// ---- clock times, weekdays, moments ----

const CLOCK = re(
  String.raw`(?<![\d.\/:])(2[0-3]|[01]?\d):([0-5]\d)(?!\d)` +
    String.raw`|(?<![\d.\/:])(2[0-3]|[01]?\d)[ .]([0-5]\d)(?![\d\/:])(?!\.\d)(?! ?${UNIT})` +
    `|${WB}om (2[0-3]|[01]?\\d) ?uur${WE}`,
);
const OM = re(`${WB}om${WE}`, 'u');
const WEEKDAY = re(`${WB}(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)${WE}`);
const MOMENTS: Record<string, string> = {
  's ochtends': 'morning',
  's morgens': 'morning',
  'in de ochtend': 'morning',
  ochtend: 'morning',
  's middags': 'midday',
  'in de middag': 'midday',
  middag: 'midday',
  's avonds': 'evening',
  'in de avond': 'evening',
  avond: 'evening',
  'voor de nacht': 'night',
  'voor het slapen': 'night',
};
const MOMENT = re(
  `${WB}(?:${Object.keys(MOMENTS)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, ' ?'))
    .join('|')})${WE}`,
);
/** The spaces in a moment are optional ("sochtends"): look it up without them. */
const MOMENT_KIND = new Map(Object.entries(MOMENTS).map(([words, kind]) => [words.replace(/ /g, ''), kind]));
const momentKind = (written: string) => MOMENT_KIND.get(written.replace(/ /g, ''))!;

/**
 * Every marker's own amount: after it (up to the next marker) when every marker has one there, else
 * before it (back to the previous marker) when every marker has one there; summed in units.
 * Undefined when neither holds.
 */
function ownAmounts(text: string, markers: Span[], quantities: Quantity[], ctx: Context): Fraction | null | undefined {
  const eligible = quantities.filter((q) => isAmountOrBare(text, q));
  const after = markers.map((m, i) => eligible.find((q) => q.start >= m.end && q.end <= (markers[i + 1]?.start ?? text.length)));
  const before = markers.map((m, i) => eligible.findLast((q) => q.start >= (markers[i - 1]?.end ?? 0) && q.end <= m.start));
  const own = after.every(Boolean) ? after : before.every(Boolean) ? before : null;
  if (!own) return undefined;
  let sum = whole(0);
  for (const q of own) {
    const units = amountOf(text, q!, ctx);
    if (!units) return null;
    sum = add(sum, units);
  }
  return sum;
}

/** The quantities that overlap none of the spans (both in text order): one pass over both. */
function outside(quantities: Quantity[], spans: Span[]): Quantity[] {
  let i = 0;
  return quantities.filter((q) => {
    while (i < spans.length && spans[i]!.end <= q.start) i++;
    return !(i < spans.length && spans[i]!.start < q.end);
  });
}

/** Rule 5 without a frequency form: clock times, weekdays, moments of the day. */
function withoutForm(text: string, quantities: Quantity[], ctx: Context): Fraction | null {
  const clocks = [...text.matchAll(CLOCK)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    minute:
      m[1] !== undefined ? Number(m[1]) * 60 + Number(m[2]) : m[3] !== undefined ? Number(m[3]) * 60 + Number(m[4]) : Number(m[5]) * 60,
  }));
  const differentTimes = new Set(clocks.map((c) => c.minute)).size;
  if (differentTimes >= 2 || (differentTimes === 1 && OM.test(text))) {
    const rest = outside(quantities, clocks);
    const own = ownAmounts(text, clocks, rest, ctx);
    if (own !== undefined) return own;
    const a = amountA(text, null, rest, ctx);
    return a && mul(whole(differentTimes), a);
  }
  const weekdays = new Set([...text.matchAll(WEEKDAY)].map((m) => m[0]));
  if (weekdays.size > 0) {
    const a = amountA(text, null, quantities, ctx);
    return a && mul(fraction(BigInt(weekdays.size), 7n)!, a);
  }
  // Moment words with only spaces between are one moment ("s avonds voor het slapen"); moments are
  // different when they name different kinds (the morning however it is written).
  const groups: (Span & { kind: string })[] = [];
  for (const m of text.matchAll(MOMENT)) {
    const last = groups.at(-1);
    const kind = momentKind(m[0]);
    if (last && ONLY_SPACE.test(text.slice(last.end, m.index)))
      Object.assign(last, { end: m.index + m[0].length, kind: `${last.kind}+${kind}` });
    else groups.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  if (groups.length > 0) {
    const own = ownAmounts(text, groups, quantities, ctx);
    if (own !== undefined) return own;
    const a = amountA(text, null, quantities, ctx);
    return a && mul(whole(new Set(groups.map((g) => g.kind)).size), a);
  }
  return null;
}

/** Rule 5, the general reading. */
function general(text: string, ctx: Context): Fraction | null {
  const quantities = scanQuantities(text);
  const form = findForm(text);
  if (!form) return withoutForm(text, quantities, ctx);
  const a = form.perDay && amountA(text, form, quantities, ctx);
  return a && mul(form.perDay!, a);
}

// ---- the rules of "Reading U" ----

const SCHEDULE = re(
  String.raw`${WB}(?:volgens ?schema|volgens ?voorschrift|zie ?schema|v\.v\.|afbouwschema|zie ?etiket|daarna|afbouwen)${WE}`,
  'u',
);
const NOT_EVERY = String.raw`(?<!${WB}(?:per|elke|iedere|om ?de) ?)`;
const NUMBERED_WEEK = re(String.raw`${NOT_EVERY}${WB}week ?\d`);
const NUMBERED_DAY = re(String.raw`${NOT_EVERY}${WB}dag ?\d`);
const count = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].length;

/** Rule 1: a tapering or a schedule. */
const isSchedule = (text: string) =>
  SCHEDULE.test(text) ||
  (text.includes('week') && count(text, NUMBERED_WEEK) >= 2) ||
  (text.includes('dag') && count(text, NUMBERED_DAY) >= 2);

const DAY_SCHEME = re(String.raw`^(${NUMBER}) ?- ?(${NUMBER}) ?- ?(${NUMBER})(?: ?- ?(${NUMBER}))?(?![\d\/:])(?!\.\d)(?! ?- ?\d)`, 'u');

/** Rule 2: "1-0-1" at the start; undefined when there is none. */
function dayScheme(text: string, ctx: Context): Fraction | null | undefined {
  const m = DAY_SCHEME.exec(text);
  if (!m) return undefined;
  let sum = whole(0);
  for (const part of m.slice(1)) {
    if (part === undefined) continue;
    const value = parseNumber(part);
    if (!value) return null;
    sum = add(sum, value);
  }
  return toUnits(sum, unitAfter(text, m[0].length), ctx);
}

const MAX_WORD = String.raw`${WB}(?:max${WE}\.?|maximaal${WE}|niet ?meer ?dan${WE})`;
const STATED_MAX = re(`${MAX_WORD}[ .]*${Q}[ .]*(?:(${UNIT})[ .]*)?(?:per ?dag|per ?etmaal|per ?24 ?uur|daags)${WE}`, 'u');
const MAX_WORDS = re(MAX_WORD);

/** Rule 3: a stated maximum; undefined when the text states none. */
function statedMaximum(text: string, ctx: Context): Fraction | null | undefined {
  if (!text.includes('max') && !text.includes('meer')) return undefined;
  const m = STATED_MAX.exec(text);
  if (m) return toUnits(high(m[1]!)!, m[2] ?? null, ctx);
  // "the F of the first such form after it": the frequency form read from the text after the word,
  // in the table's order as everywhere else ("max 1 per 4 uur, 3 x per dag" is 3 × 1, the daily cap).
  for (const word of text.matchAll(MAX_WORDS)) {
    const form = findForm(text, word.index + word[0].length);
    if (!form) continue;
    const a = form.perDay && amountA(text, form, scanQuantities(text), ctx);
    return a && mul(form.perDay!, a);
  }
  return undefined;
}

/** `z.n.` also without its last dot, as `zn` is without both. */
const AS_NEEDED = re(String.raw`${WB}(?:zo ?nodig|z\.n\.?|zn|indien ?nodig|bij ?pijn)${WE}`);
const EXTRA = re(`${WB}extra${WE}`, 'u');

/** Rule 4: as needed after a fixed dose; undefined when no frequency form follows the as-needed word. */
function asNeeded(text: string, ctx: Context): Fraction | null | undefined {
  if (!/z|nodig|pijn/.test(text)) return undefined;
  for (const word of text.matchAll(AS_NEEDED)) {
    const end = word.index + word[0].length;
    if (!findForm(text, end)) continue;
    const after = text.slice(end).trim();
    const own = general(after, ctx);
    if (!own) return general(text, ctx);
    // "plus the U of the text before the as-needed word, if that text gives one": read by rules 2
    // and 5 (rule 3 would have applied to the whole text); only when the part after gave U itself.
    const before = EXTRA.test(after) ? schemeOrGeneral(text.slice(0, word.index).trim(), ctx) : null;
    return before ? add(own, before) : own;
  }
  return undefined;
}

const schemeOrGeneral = (text: string, ctx: Context) => {
  const scheme = dayScheme(text, ctx);
  return scheme === undefined ? general(text, ctx) : scheme;
};

const NOSTRILS = re(`${WB}(?:in ?elk ?neusgat|in ?beide ?neusgaten)${WE}`, 'u');

/** Reading U on a text already normalised (§4.1 steps 1-5). */
export function readNormalisedDosing(text: string, strength: Strength | null): DosingReading {
  const ctx: Context = { strength, needsStrength: false };
  let units: Fraction | null = null;
  if (text !== '' && !isSchedule(text)) {
    // Each rule gives undefined when it does not apply, null when it applies but cannot read U.
    let ruled = dayScheme(text, ctx);
    if (ruled === undefined) ruled = statedMaximum(text, ctx);
    if (ruled === undefined) ruled = asNeeded(text, ctx);
    units = ruled === undefined ? general(text, ctx) : ruled;
    if (units && text.includes('neusgat') && NOSTRILS.test(text)) units = mul(units, whole(2));
  }
  if (units && !isPositive(units)) units = null;
  return { units, needsStrength: units === null && ctx.needsStrength };
}

/** §4.1: the daily units a dosing text allows (units, or ml for a liquid), exact; null when not understood. */
export function readDosing(text: string | null, strength: Strength | null): DosingReading {
  return readNormalisedDosing(normaliseDosing(text ?? ''), strength);
}
