/**
 * The numbers a dispensing row carries instead of texts that repeat on many rows: its patient's and its
 * product's. Each is found, or added on first sight, with the numbers already handed out kept in memory,
 * so a caller may ask once per row (the test worlds and the bench do). The import asks for a patient
 * once per key: the parser numbers the file's keys (DispensingRow.patientOrdinal).
 */
import type { Db } from '../open';
import { statement } from '../query';
import type { ActingDecision, OpioidClass } from './classify';

/** Patient keys compare exactly, as the indicators compare them. */
export function patientNumbers(db: Db): (key: string) => number {
  // Most keys of a new file are new: one statement adds them, and only a key already there is looked up.
  const insert = db.prepare('INSERT INTO patient (key) VALUES (?) ON CONFLICT (key) DO NOTHING');
  const find = statement<number>(db, 'SELECT id FROM patient WHERE key = ?').pluck();
  const known = new Map<string, number>();
  return (key) => {
    let id = known.get(key);
    if (id === undefined) {
      const added = insert.run(key);
      id = added.changes ? Number(added.lastInsertRowid) : find.get(key)!;
      known.set(key, id);
    }
    return id;
  };
}

/** A product as a dispensing names it, with its class by spec §3 (see dispensed_product). */
export interface DispensedProduct {
  atc: string;
  product: string;
  formCode: string | null;
  opioidClass: OpioidClass;
  longActing: 0 | 1;
  actingRule: ActingDecision['rule'];
}

/** The dispensed_product row with exactly these values; per product text the few variants are compared field by field. */
export function productNumbers(db: Db): (product: DispensedProduct) => number {
  const find = statement<number>(
    db,
    `SELECT id FROM dispensed_product WHERE atc = ? AND product = ? AND form_code IS ? AND opioid_class = ? AND long_acting_by_rule = ?
       AND acting_rule = ? ORDER BY id LIMIT 1`,
  ).pluck();
  const insert = db.prepare(
    'INSERT INTO dispensed_product (atc, product, form_code, opioid_class, long_acting_by_rule, acting_rule) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const known = new Map<string, (DispensedProduct & { id: number })[]>();
  return (p) => {
    let variants = known.get(p.product);
    if (!variants) known.set(p.product, (variants = []));
    for (const v of variants) {
      if (
        v.atc === p.atc &&
        v.formCode === p.formCode &&
        v.opioidClass === p.opioidClass &&
        v.longActing === p.longActing &&
        v.actingRule === p.actingRule
      ) {
        return v.id;
      }
    }
    const values = [p.atc, p.product, p.formCode, p.opioidClass, p.longActing, p.actingRule];
    const id = find.get(...values) ?? Number(insert.run(...values).lastInsertRowid);
    // Only the product's own fields: the argument may be a whole dispensing.
    variants.push({
      atc: p.atc,
      product: p.product,
      formCode: p.formCode,
      opioidClass: p.opioidClass,
      longActing: p.longActing,
      actingRule: p.actingRule,
      id,
    });
    return id;
  };
}
