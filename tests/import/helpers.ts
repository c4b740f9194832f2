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

/** One line per stored dispensing, sorted: what the database holds of the fields that identify it. */
export function storedLines(db: Db): string[] {
  return (
    db.prepare('SELECT patient_key, dispense_date, atc, product, prescriber_key, quantity, pharmacy_key FROM dispensing').all() as Record<
      string,
      unknown
    >[]
  )
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
