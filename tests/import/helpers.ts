import type { DispensingRecord } from '../../db/demo/generate';
import { generateDispensings } from '../../db/demo/generate';
import { opioidClass } from '../../db/import/classify';
import type { Db } from '../../db/open';

export function records(count: number, seed = 7): DispensingRecord[] {
  return [...generateDispensings({ count, seed })];
}

/** Row counts of every table an import touches: "nothing changed" means these stay equal. */
export function tableCounts(db: Db): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of ['dispensing', 'import_batch', 'prescriber', 'practice', 'pharmacy', 'fto_group', 'column_mapping']) {
    counts[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  return counts;
}

export function addGroup(db: Db, name = 'FTO Test'): number {
  return Number(db.prepare('INSERT INTO fto_group (name) VALUES (?)').run(name).lastInsertRowid);
}

/** The dispensings with their patient's key, product and prescriber key, as the export named them (SQL: FROM ...). */
export const STORED_DISPENSINGS = `dispensing d JOIN patient pt ON pt.id = d.patient_id JOIN dispensed_product p ON p.id = d.product_id
  JOIN prescriber r ON r.id = d.prescriber_id`;
/** The stored dispensings' columns under their names before migration 10. */
export const STORED_COLUMNS = `pt.key AS patient_key, d.dispense_date, p.atc, p.product, r.key AS prescriber_key, d.quantity, d.pharmacy_key,
  p.opioid_class, p.long_acting_by_rule, p.acting_rule, p.form_code, d.dosing, d.days_supply, d.days_of_use, d.own_gp_key, d.practice_name,
  d.days_source, d.route, d.daily_ome, d.dose_class`;

/** One line per stored dispensing, sorted: what the database holds of the fields that identify it. */
export function storedLines(db: Db): string[] {
  return (db.prepare(`SELECT ${STORED_COLUMNS} FROM ${STORED_DISPENSINGS}`).all() as Record<string, unknown>[])
    .map((r) => [r.patient_key, r.dispense_date, r.atc, r.product, r.prescriber_key, r.quantity, r.pharmacy_key].join('|'))
    .sort();
}

/** The same lines expected from generated records: only opioids, AGB as key when there is one. */
export function expectedLines(rows: DispensingRecord[], options: { withAgb?: boolean; withPharmacy?: boolean } = {}): string[] {
  return rows
    .filter((r) => opioidClass(r.atc))
    .map((r) =>
      [
        r.patientKey,
        r.dispenseDate,
        r.atc,
        r.product,
        (options.withAgb ?? true) ? (r.prescriberAgb ?? r.prescriberName) : r.prescriberName,
        r.quantity,
        (options.withPharmacy ?? true) ? r.pharmacy : '',
      ].join('|'),
    )
    .sort();
}
