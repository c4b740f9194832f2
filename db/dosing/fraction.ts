/** Exact fractions for the dosing grammar: days of use must not suffer from floating point (§4). */

/** An exact non-negative fraction num/den, den > 0 (kept reduced by the functions here). */
export interface Fraction {
  num: bigint;
  den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/** num/den reduced; null when den is 0 (a text like "1/0" holds no number). */
export function fraction(num: bigint, den: bigint): Fraction | null {
  if (den === 0n) return null;
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g };
}

export const whole = (n: number | bigint): Fraction => ({ num: BigInt(n), den: 1n });
export const add = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.den + b.num * a.den, a.den * b.den)!;
export const mul = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.num, a.den * b.den)!;
/** a ÷ b; null when b is 0. */
export const div = (a: Fraction, b: Fraction): Fraction | null => fraction(a.num * b.den, a.den * b.num);
export const compare = (a: Fraction, b: Fraction): number => {
  const d = a.num * b.den - b.num * a.den;
  return d > 0n ? 1 : d < 0n ? -1 : 0;
};
export const isPositive = (a: Fraction): boolean => a.num > 0n;
export const toNumber = (a: Fraction): number => Number(a.num) / Number(a.den);

/** "12", "0.5", "1/2", "1 1/2" (= 1.5); null when not one of these or a denominator is 0. */
export function parseNumber(text: string): Fraction | null {
  const mixed = /^(\d+) (\d+(?:\.\d+)?\/\d+(?:\.\d+)?)$/.exec(text);
  if (mixed) {
    const part = parseNumber(mixed[2]!);
    return part && add(whole(BigInt(mixed[1]!)), part);
  }
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const top = parseDecimal(text.slice(0, slash));
    const bottom = parseDecimal(text.slice(slash + 1));
    return top && bottom ? div(top, bottom) : null;
  }
  return parseDecimal(text);
}

function parseDecimal(text: string): Fraction | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const decimals = m[2] ?? '';
  return fraction(BigInt(m[1]! + decimals), 10n ** BigInt(decimals.length));
}

/** Back to text the grammar reads again: a decimal when it terminates ("7.5"), else "5/3". */
export function formatNumber(a: Fraction): string {
  let den = a.den;
  let twos = 0;
  let fives = 0;
  while (den % 2n === 0n) [den, twos] = [den / 2n, twos + 1];
  while (den % 5n === 0n) [den, fives] = [den / 5n, fives + 1];
  if (den !== 1n) return `${a.num}/${a.den}`;
  const places = Math.max(twos, fives);
  if (places === 0) return String(a.num);
  const scaled = String((a.num * 10n ** BigInt(places)) / a.den).padStart(places + 1, '0');
  return `${scaled.slice(0, -places)}.${scaled.slice(-places)}`;
}
