/**
 * Spec v2 §3, §4 and §9 as pure functions: the dosing grammar (daily units U), strength, route and
 * oral morphine equivalents. No database, no Node: the import, the engine and the reference use them.
 */
import type { Fraction } from './fraction';
import { readDosing } from './grammar';
import type { Strength } from './strength';

export type { Fraction } from './fraction';
export { formatNumber, parseNumber, toNumber } from './fraction';
export { normaliseDosing } from './normalise';
export { readDosing, readNormalisedDosing, type DosingReading } from './grammar';
export { readRoute, readStrength, strengthOf, typedNumber, type Route, type Strength } from './strength';
export { dailyOme, OME_FACTOR_SOURCE, OME_FACTORS, omeFactor, type OmeFactorRow } from './ome';

/** §4 rule 2: quantity ÷ U (U > 0) rounded up to a whole day, at least 1; exact, so 10 patches at 1 per 3 days are 30. */
export function daysFromUnits(quantity: Fraction, dailyUnits: Fraction): number {
  const numerator = quantity.num * dailyUnits.den;
  const denominator = quantity.den * dailyUnits.num;
  const days = (numerator + denominator - 1n) / denominator;
  return days < 1n ? 1 : Number(days);
}

/**
 * §4.1 "Reading U": the daily units a dosing text allows (units, or ml for a liquid), exact; null when
 * the text is not understood. `strength` turns mg/µg amounts into units (§4.1 "an amount").
 */
export function readDailyUnits(text: string | null, strength: Strength | null): Fraction | null {
  return readDosing(text, strength).units;
}
