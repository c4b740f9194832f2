/** §9: oral morphine equivalents (OME) of a dispensing. */
import { mul, parseNumber, toNumber, type Fraction } from './fraction';
import type { OmeFactorRow } from '../../slides/ome';
import type { Route, Strength } from './strength';

/** One row of the §9 table, as the deck and the sheets show it. */
export type { OmeFactorRow };

/** Where the factors come from; the app, the deck and the definitions sheet show it with the table. */
export const OME_FACTOR_SOURCE = 'Landelijke richtlijn Pijn bij patiënten met kanker (2019)';

export const OME_FACTORS: readonly OmeFactorRow[] = [
  { atc: ['N02AA01'], substance: 'morfine', oral: 1, parenteral: 3, transdermal: null },
  { atc: ['N02AA03'], substance: 'hydromorfon', oral: 5, parenteral: 15, transdermal: null },
  { atc: ['N02AA05', 'N02AA55'], substance: 'oxycodon', oral: 1.5, parenteral: 3, transdermal: null },
  { atc: ['N02AB02'], substance: 'pethidine', oral: 0.1, parenteral: 0.4, transdermal: null },
  { atc: ['N02AB03'], substance: 'fentanyl', oral: null, parenteral: null, transdermal: 2.4 },
  { atc: ['N02AE01'], substance: 'buprenorfine', oral: null, parenteral: null, transdermal: 1.8 },
  { atc: ['N02AX06'], substance: 'tapentadol', oral: 0.4, parenteral: null, transdermal: null },
];

const ROW_BY_ATC = new Map(OME_FACTORS.flatMap((row) => row.atc.map((atc) => [atc, row] as const)));

/** §9 factor for a (normalised) ATC code and route; null for a dash, a transmucosal route or another opioid. */
export function omeFactor(atc: string, route: Route): number | null {
  const row = ROW_BY_ATC.get(atc);
  if (!row || route === 'transmucosal') return null;
  return route === 'oral' ? row.oral : route === 'parenteral' ? row.parenteral : row.transdermal;
}

/**
 * §9 daily OME of one dispensing in mg a day; null when any part is unknown. `dailyUnits` is U:
 * quantity ÷ days supply when both are filled, else from the dosing text (or the user's table); a
 * patch needs none (one worn at a time).
 */
export function dailyOme(atc: string, route: Route, strength: Strength | null, dailyUnits: Fraction | null): number | null {
  const factor = omeFactor(atc, route);
  if (factor === null || !strength) return null;
  const exactFactor = parseNumber(String(factor))!;
  if (route === 'transdermal') return strength.unit === 'ug/h' ? toNumber(mul(strength.value, exactFactor)) : null;
  if (strength.unit === 'ug/h' || !dailyUnits) return null;
  return toNumber(mul(mul(dailyUnits, strength.value), exactFactor));
}
