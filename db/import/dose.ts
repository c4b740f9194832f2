/**
 * What spec v2 derives from one dispensing's raw columns: days of use and where they came from (§4),
 * the route and the daily oral morphine equivalent (§9), and short/long-acting (§3 rules 2-3). Used by
 * the import (per distinct combination of columns), by migration 5 and whenever the user's table of
 * dosing texts or a product's strength or route changes (recomputeDispensings).
 */
import { dailyOme, normaliseDosing, readDailyUnits, readRoute, readStrength, type Fraction, type Route, type Strength } from '../dosing';
import type { Db } from '../open';
import { actingByRule } from './classify';
import { DEFAULT_DAYS_OF_USE, parseDecimal, type Decimal } from './parse';
import { queryAll, queryValue } from '../query';

/** §4 rule that gave the days of use: 1 the days-supply field, 2 quantity ÷ daily units, 3 the 14-day default. */
export type DaysSource = 1 | 2 | 3;
export const DAYS_FROM_SUPPLY = 1;
export const DAYS_FROM_UNITS = 2;
export const DAYS_DEFAULT = 3;

/** The user's own settings that the rules read: daily units per normalised dosing text (§4.4), strength and route per product (§9). */
export interface DoseTables {
  units: Map<string, Fraction>;
  products: Map<string, { strength: Strength | null; route: Route | null }>;
}

/** The same as plain strings, to hand to a parser thread. */
export interface DoseTablesData {
  units: [string, string, string][];
  products: [string, string | null, string | null, Strength['unit'] | null, Route | null][];
}

export function loadDoseTables(db: Db): DoseTables {
  const units = queryAll<{ text: string; units_num: number; units_den: number }>(db, 'SELECT text, units_num, units_den FROM dosing_units');
  const products = queryAll<{
    product: string;
    strength_num: number | null;
    strength_den: number | null;
    strength_unit: Strength['unit'] | null;
    route: Route | null;
  }>(db, 'SELECT product, strength_num, strength_den, strength_unit, route FROM product_dose');
  return fromData({
    units: units.map((u) => [u.text, String(u.units_num), String(u.units_den)]),
    products: products.map((p) => [
      p.product,
      p.strength_num === null ? null : String(p.strength_num),
      p.strength_den === null ? null : String(p.strength_den),
      p.strength_unit,
      p.route,
    ]),
  });
}

export function toData(tables: DoseTables): DoseTablesData {
  return {
    units: [...tables.units].map(([text, u]) => [text, String(u.num), String(u.den)]),
    products: [...tables.products].map(([product, p]) => [
      product,
      p.strength ? String(p.strength.value.num) : null,
      p.strength ? String(p.strength.value.den) : null,
      p.strength?.unit ?? null,
      p.route,
    ]),
  };
}

export function fromData(data: DoseTablesData): DoseTables {
  return {
    units: new Map(data.units.map(([text, num, den]) => [text, { num: BigInt(num), den: BigInt(den) }])),
    products: new Map(
      data.products.map(([product, num, den, unit, route]) => [
        product,
        { strength: num !== null && den !== null && unit !== null ? { value: { num: BigInt(num), den: BigInt(den) }, unit } : null, route },
      ]),
    ),
  };
}

/** The strength and route that count for a product: the user's (§9 "that wins"), else read from the text. */
export function productDose(product: string, tables: DoseTables): { strength: Strength | null; route: Route } {
  const own = tables.products.get(product);
  const strength = own?.strength ?? readStrength(product);
  return { strength, route: own?.route ?? readRoute(product, strength) };
}

/** Daily units for a dosing text: the user's table first (§4.4), else the grammar (§4.1); null when not understood. */
export function textUnits(dosing: string | null, strength: Strength | null, tables: DoseTables): Fraction | null {
  if (dosing === null || dosing.trim() === '') return null;
  const units = tables.units.get(normaliseDosing(dosing)) ?? readDailyUnits(dosing, strength);
  return units && units.num > 0n && units.den > 0n ? units : null;
}

export interface DoseInput {
  atc: string;
  product: string;
  dosing: string | null;
  quantity: Decimal | null;
  daysSupply: number | null;
}

/**
 * What the indicators need to classify a dispensing fast, stored with it (dispensing.dose_class): bits
 * for days from the 14-day default, oxycodone (N02AA05, N02AA55), morphine (N02AA01) and rapid-onset
 * fentanyl (N02AB03 with a transmucosal route, spec §5 and §9).
 */
export const DOSE_CLASS = { daysGuessed: 1, oxycodone: 2, morphine: 4, fentanylRapid: 8 } as const;
/** One above the largest dose_class value. */
export const DOSE_CLASS_SPAN = 16;

export function doseClass(atc: string, route: Route, daysSource: DaysSource): number {
  return (
    (daysSource === DAYS_DEFAULT ? DOSE_CLASS.daysGuessed : 0) +
    (atc === 'N02AA05' || atc === 'N02AA55' ? DOSE_CLASS.oxycodone : 0) +
    (atc === 'N02AA01' ? DOSE_CLASS.morphine : 0) +
    (atc === 'N02AB03' && route === 'transmucosal' ? DOSE_CLASS.fentanylRapid : 0)
  );
}

export interface Dose {
  daysOfUse: number;
  daysSource: DaysSource;
  /** See DOSE_CLASS. */
  doseClass: number;
  route: Route;
  /** mg a day, rounded to 0.001 mg so that comparisons with the high-dose threshold are exact; null when unknown. */
  dailyOme: number | null;
}

/** Spec §4 (days of use) and §9 (daily OME) for one dispensing, exactly. */
export function dispensingDose(input: DoseInput, tables: DoseTables): Dose {
  const { strength, route } = productDose(input.product, tables);
  const units = textUnits(input.dosing, strength, tables);
  const { quantity, daysSupply } = input;
  let daysOfUse = DEFAULT_DAYS_OF_USE;
  let daysSource: DaysSource = DAYS_DEFAULT;
  if (daysSupply !== null && daysSupply > 0) {
    daysOfUse = daysSupply;
    daysSource = DAYS_FROM_SUPPLY;
  } else if (quantity && quantity.num > 0n && units) {
    // ceil(quantity / units) = ceil((q.num * u.den) / (q.den * u.num)), at least 1.
    const numerator = quantity.num * units.den;
    const denominator = quantity.den * units.num;
    const days = (numerator + denominator - 1n) / denominator;
    daysOfUse = days < 1n ? 1 : Number(days);
    daysSource = DAYS_FROM_UNITS;
  }
  // §9: U is quantity ÷ days supply when both are filled, else the text's (or the user's) daily units.
  const dailyUnits =
    quantity && daysSupply !== null && daysSupply > 0 ? { num: quantity.num, den: quantity.den * BigInt(daysSupply) } : units;
  const ome = dailyOme(input.atc, route, strength, dailyUnits);
  return {
    daysOfUse,
    daysSource,
    doseClass: doseClass(input.atc, route, daysSource),
    route,
    dailyOme: ome === null || !Number.isFinite(ome) ? null : roundOme(ome),
  };
}

/** Daily OME is kept to 0.001 mg: 1.5 × 60 and 0.4 × 225 are both exactly 90 (no floating-point crumbs). */
export function roundOme(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A stored quantity (REAL) back to an exact decimal: "1.5" is 3/2, as it was in the file. */
export function quantityOf(value: number | null): Decimal | null {
  if (value === null) return null;
  return parseDecimal(String(value))?.value ?? null;
}

/** The columns one combination is keyed on, in SQL over dispensing `d`: equal keys give equal results. */
const COMBINATION_KEY = `d.product_id || char(1) || ifnull(d.dosing, char(2)) || char(1) || ifnull(quote(d.quantity), '')
  || char(1) || ifnull(d.days_supply, '')`;

export interface RecomputeFilter {
  /** Only dispensings of these product texts. */
  products?: string[];
  /** Only dispensings with these dosing texts (as stored). */
  dosings?: string[];
}

/**
 * Recomputes short/long by rule of the stored products, and days of use, their source, route and daily OME
 * of the stored dispensings (all, or those of the filter) with the current rules and the user's tables.
 * Works per distinct combination of the columns they depend on, so a million rows take seconds. Call
 * inside a transaction.
 */
export function recomputeDispensings(
  db: Db,
  tables: DoseTables,
  filter: RecomputeFilter = {},
  countChanges = true,
): { dispensings: number; changedDaysOfUse: number } {
  // Short/long by rule depends on the product's text and form code alone: every product, whatever the filter.
  const setActing = db.prepare('UPDATE dispensed_product SET long_acting_by_rule = ?, acting_rule = ? WHERE id = ?');
  for (const p of queryAll<{ id: number; product: string; form_code: string | null }>(
    db,
    'SELECT id, product, form_code FROM dispensed_product',
  )) {
    const acting = actingByRule(p.product, p.form_code);
    setActing.run(acting.longActing ? 1 : 0, acting.rule, p.id);
  }

  const conditions: string[] = [];
  const params: string[] = [];
  if (filter.products) {
    conditions.push('d.product_id IN (SELECT id FROM dispensed_product WHERE product IN (SELECT value FROM json_each(?)))');
    params.push(JSON.stringify(filter.products));
  }
  if (filter.dosings) {
    conditions.push('d.dosing IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.dosings));
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const combinations = queryAll<{
    key: string;
    product: string;
    atc: string;
    dosing: string | null;
    quantity: number | null;
    days_supply: number | null;
  }>(
    db,
    `SELECT c.key, p.product, p.atc, c.dosing, c.quantity, c.days_supply
       FROM (SELECT DISTINCT ${COMBINATION_KEY} AS key, d.product_id, d.dosing, d.quantity, d.days_supply FROM dispensing d ${where}) c
       JOIN dispensed_product p ON p.id = c.product_id`,
    ...params,
  );
  if (combinations.length === 0) return { dispensings: 0, changedDaysOfUse: 0 };

  db.exec(`CREATE TEMP TABLE IF NOT EXISTS dose_combination (
    key TEXT PRIMARY KEY, days_of_use INTEGER, days_source INTEGER, dose_class INTEGER, route TEXT, daily_ome REAL) WITHOUT ROWID`);
  db.exec('DELETE FROM temp.dose_combination');
  const insert = db.prepare('INSERT INTO temp.dose_combination VALUES (?, ?, ?, ?, ?, ?)');
  for (const c of combinations) {
    const dose = dispensingDose(
      { atc: c.atc, product: c.product, dosing: c.dosing, quantity: quantityOf(c.quantity), daysSupply: c.days_supply },
      tables,
    );
    insert.run(c.key, dose.daysOfUse, dose.daysSource, dose.doseClass, dose.route, dose.dailyOme);
  }
  const joined = `FROM temp.dose_combination c WHERE c.key = ${COMBINATION_KEY}${conditions.length > 0 ? ` AND ${conditions.join(' AND ')}` : ''}`;
  const changedDaysOfUse = countChanges
    ? queryValue<number>(
        db,
        `SELECT count(*) AS n FROM dispensing d, temp.dose_combination c WHERE c.key = ${COMBINATION_KEY} AND d.days_of_use <> c.days_of_use${conditions.length > 0 ? ` AND ${conditions.join(' AND ')}` : ''}`,
        ...params,
      )
    : 0;
  const { changes } = db
    .prepare(
      `UPDATE dispensing AS d SET days_of_use = c.days_of_use, days_source = c.days_source, dose_class = c.dose_class, route = c.route,
         daily_ome = c.daily_ome ${joined}`,
    )
    .run(...params);
  db.exec('DELETE FROM temp.dose_combination');
  return { dispensings: changes, changedDaysOfUse };
}
