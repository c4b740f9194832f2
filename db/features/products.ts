/**
 * The products seen in the dispensings, with what the rules made of them: short/long (spec §3), strength,
 * route and OME factor (§9), and the doses in mg/µg that could not be turned into units (§4.3).
 */
import type { z } from 'zod';
import type { product as productSchema } from '../contract/imports';
import { omeFactor, readDailyUnits, readStrength, type Fraction, type Strength } from '../dosing';
import { AppError } from '../errors';
import { longActingByText, opioidClass } from '../import/classify';
import { loadDoseTables, productDose, type DoseTables } from '../import/dose';
import type { Db } from '../open';
import { queryAll } from '../query';

export type Product = z.infer<typeof productSchema>;

interface ProductRow {
  product: string;
  atc: string;
  long_count: number;
  text_count: number;
  form_long: number;
  dispensings: number;
  override: number | null;
}

const ONE_MG: Strength = { value: { num: 1n, den: 1n }, unit: 'mg' };

/**
 * A text that gives a dose in mg or µg: it cannot be read without a strength and can with one.
 * TODO(dosing): switch to readDosing(text, strength).needsStrength once the dosing branch has landed.
 */
export function needsStrength(dosing: string): boolean {
  return readDailyUnits(dosing, null) === null && readDailyUnits(dosing, ONE_MG) !== null;
}

/** "12,5", "1/3": a fraction as the user would write it (decimal comma when it has a short decimal form). */
export function fractionText(value: Fraction): string {
  for (let places = 0; places <= 6; places++) {
    const scale = 10n ** BigInt(places);
    if ((value.num * scale) % value.den === 0n) {
      const scaled = (value.num * scale) / value.den;
      const whole = (scaled / scale).toString();
      return places === 0 ? whole : `${whole},${(scaled % scale).toString().padStart(places, '0')}`;
    }
  }
  return `${value.num}/${value.den}`;
}

const strengthOut = (strength: Strength | null) =>
  strength && { value: Number(strength.value.num) / Number(strength.value.den), text: fractionText(strength.value), unit: strength.unit };

export function requireProduct(db: Db, product: string): void {
  if (!db.prepare('SELECT 1 FROM dispensed_product WHERE product = ? LIMIT 1').get(product)) {
    throw new AppError('not_found', `Het product "${product}" komt in geen enkele uitgifte voor.`, 'product');
  }
}

/** Every product seen (or one), with what the rules decided and the user's own settings. */
export function productRows(db: Db, only: string | null, tables: DoseTables = loadDoseTables(db)): Product[] {
  const rows = queryAll<ProductRow>(
    db,
    `SELECT p.product, min(p.atc) AS atc, sum(p.long_acting_by_rule) AS long_count, sum(p.acting_rule = 'text') AS text_count,
         sum(p.acting_rule = 'form' AND p.long_acting_by_rule = 1) AS form_long, count(*) AS dispensings, pc.long_acting AS override
       FROM dispensing d JOIN dispensed_product p ON p.id = d.product_id LEFT JOIN product_class pc ON pc.product = p.product
       WHERE ? IS NULL OR p.product = ?
       GROUP BY p.product ORDER BY p.product`,
    only,
    only,
  );
  // Dosing texts per product, to find the mg/µg doses that its (missing) strength leaves unread.
  const texts = queryAll<{ product: string; dosing: string; n: number }>(
    db,
    `SELECT p.product, d.dosing, count(*) AS n FROM dispensing d JOIN dispensed_product p ON p.id = d.product_id
       WHERE d.dosing IS NOT NULL AND (? IS NULL OR p.product = ?) GROUP BY p.product, d.dosing`,
    only,
    only,
  );
  const unread = new Map<string, number>();
  for (const { product, dosing, n } of texts) {
    const { strength } = productDose(product, tables);
    if (strength === null && needsStrength(dosing)) unread.set(product, (unread.get(product) ?? 0) + n);
  }
  return rows.map((row) => {
    const byRule = row.long_count * 2 >= row.dispensings;
    const rule = row.text_count > 0 ? 'text' : 'form';
    const override = row.override === null ? null : row.override === 1;
    const own = tables.products.get(row.product);
    const strengthByText = readStrength(row.product);
    const { strength, route } = productDose(row.product, tables);
    const routeByText = productDose(row.product, { units: new Map(), products: new Map() }).route;
    return {
      product: row.product,
      atc: row.atc,
      opioidClass: opioidClass(row.atc) ?? 'strong',
      longActingByRule: byRule,
      rule,
      override,
      longActing: override ?? byRule,
      needsReview: rule === 'text' && override === null,
      formTextDisagree: row.form_long > 0 && !longActingByText(row.product),
      dispensings: row.dispensings,
      strength: strengthOut(strength),
      strengthByText: strengthOut(strengthByText),
      strengthByHand: Boolean(own?.strength),
      route,
      routeByText,
      routeByHand: Boolean(own?.route),
      omeFactor: omeFactor(row.atc, route),
      massDosesUnread: unread.get(row.product) ?? 0,
    };
  });
}
