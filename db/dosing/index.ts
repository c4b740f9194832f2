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
export { readRoute, readStrength, strengthOf, type Route, type Strength } from './strength';
export { dailyOme, OME_FACTOR_SOURCE, OME_FACTORS, omeFactor, type OmeFactorRow } from './ome';

/**
 * §4.1 "Reading U": the daily units a dosing text allows (units, or ml for a liquid), exact; null when
 * the text is not understood. `strength` turns mg/µg amounts into units (§4.1 "an amount").
 */
export function readDailyUnits(text: string | null, strength: Strength | null): Fraction | null {
  return readDosing(text, strength).units;
}
