/** §9: the strength of one unit and the route, read from the product text. */
import { div, parseNumber, type Fraction } from './fraction';
import { normaliseCharacters, normaliseWords } from './normalise';
import { WE } from './words';

/** The strength of one unit of a product (§9): mg per unit, mg per ml (a liquid) or µg per hour (a patch). */
export interface Strength {
  value: Fraction;
  unit: 'mg' | 'mg/ml' | 'ug/h';
}

export type Route = 'oral' | 'transdermal' | 'transmucosal' | 'parenteral';

const N = String.raw`(?<![\d.])(\d+(?:\.\d+)?)`;
const MICRO = '(?:mcg|µg|ug|microgram)';
const MASS = `(?:mg|${MICRO})`;
const PER_HOUR_STRENGTH = new RegExp(String.raw`${N} ?${MICRO} ?\/ ?(?:uur|u|h)${WE}`, 'u');
const PER_ML = new RegExp(String.raw`${N} ?mg ?\/ ?(?:(\d+(?:\.\d+)?) ?)?ml${WE}`, 'u');
const COMBINATION = new RegExp(String.raw`${N}(?: ?\/ ?\d+(?:\.\d+)?)+ ?(${MASS})${WE}`, 'u');
const SINGLE = new RegExp(String.raw`${N} ?(${MASS})${WE}`, 'u');

const THOUSAND: Fraction = { num: 1000n, den: 1n };
const inMg = (value: Fraction, unit: string): Fraction => (unit === 'mg' ? value : div(value, THOUSAND)!);

/** §9 patterns 1-4, first that occurs, on the product text after normalisation steps 1 and 2; null when unknown (or 0). */
export function readStrength(product: string): Strength | null {
  const strength = strengthInText(normaliseWords(normaliseCharacters(product)));
  return strength && strength.value.num > 0n ? strength : null;
}

function strengthInText(text: string): Strength | null {
  let m = PER_HOUR_STRENGTH.exec(text);
  if (m) return { value: parseNumber(m[1]!)!, unit: 'ug/h' };
  if ((m = PER_ML.exec(text))) {
    const perMl = m[2] === undefined ? parseNumber(m[1]!) : div(parseNumber(m[1]!)!, parseNumber(m[2])!);
    return perMl && { value: perMl, unit: 'mg/ml' };
  }
  if ((m = COMBINATION.exec(text) ?? SINGLE.exec(text))) return { value: inMg(parseNumber(m[1]!)!, m[2]!), unit: 'mg' };
  return null;
}

const TRANSDERMAL = new Set(['pleister', 'matrixpleister', 'tts', 'transdermaal']);
const TRANSMUCOSAL = new Set(['neusspray', 'nasaal', 'sublinguaal', 'sublinguale', 'buccaal', 'buccale', 'zuigtablet']);
const PARENTERAL = new Set(['inj', 'injectie', 'injvlst', 'injectievloeistof', 'ampul', 'infuus', 'infvlst']);

/** §9 route from the product text's tokens (§3 rule 3); a strength per hour means a patch. */
export function readRoute(product: string, strength: Strength | null): Route {
  const tokens = product.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  if (strength?.unit === 'ug/h' || tokens.some((t) => TRANSDERMAL.has(t))) return 'transdermal';
  if (tokens.some((t) => TRANSMUCOSAL.has(t))) return 'transmucosal';
  if (tokens.some((t) => PARENTERAL.has(t))) return 'parenteral';
  return 'oral';
}

/** A positive number the user typed ("12,5", "1/3", "1 1/2"), exact; null when it is none. */
export function typedNumber(text: string): Fraction | null {
  const value = parseNumber(normaliseCharacters(text));
  return value && value.num > 0n ? value : null;
}

/** A strength the user typed (mg per unit, mg per ml, µg per hour); null when not a positive number. */
export function strengthOf(value: string, unit: Strength['unit']): Strength | null {
  const parsed = typedNumber(value);
  return parsed && { value: parsed, unit };
}
