/**
 * Spec v2 §3, §4 and §9 as pure functions: the dosing grammar (daily units U), strength, route and
 * oral morphine equivalents. No database, no Node: the import, the engine and the reference use them.
 *
 * INTERFACE STUB: the signatures are fixed; the implementation is being written (issue 9).
 */
import type { Decimal } from '../import/parse';
import { dailyUnits } from '../import/parse';

/** An exact non-negative fraction (den > 0). */
export type Fraction = Decimal;

/** The strength of one unit of a product (§9): mg per unit, mg per ml (a liquid) or µg per hour (a patch). */
export interface Strength {
  value: Fraction;
  unit: 'mg' | 'mg/ml' | 'ug/h';
}

export type Route = 'oral' | 'transdermal' | 'transmucosal' | 'parenteral';

/** §4.1 normalisation (steps 1-5): the key of the user's table of dosing texts (§4.4). */
export function normaliseDosing(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * §4.1 "Reading U": the daily units a dosing text allows (units, or ml for a liquid), exact; null when
 * the text is not understood. `strength` turns mg/µg amounts into units (§4.1 "an amount").
 */
export function readDailyUnits(text: string | null, strength: Strength | null): Fraction | null {
  void strength;
  return text ? dailyUnits(text) : null;
}

/** §9 strength of one unit, read from the product text; null when unknown. */
export function readStrength(product: string): Strength | null {
  void product;
  return null;
}

/** §9 route from the product text (and its strength: per hour means transdermal). */
export function readRoute(product: string, strength: Strength | null): Route {
  void product;
  void strength;
  return 'oral';
}

/** §9 factor: mg oral morphine per mg (or per µg/h for a patch); null where the table has none. */
export function omeFactor(atc: string, route: Route): number | null {
  void atc;
  void route;
  return null;
}

/**
 * §9 daily OME of one dispensing in mg a day; null when any part is unknown. `dailyUnits` is U:
 * quantity ÷ days supply when both are filled, else from the dosing text (or the user's table).
 */
export function dailyOme(atc: string, route: Route, strength: Strength | null, dailyUnits: Fraction | null): number | null {
  void atc;
  void route;
  void strength;
  void dailyUnits;
  return null;
}
