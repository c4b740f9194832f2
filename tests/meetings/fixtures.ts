import type { Core } from '../../db/core';
import type { Db } from '../../db/open';
import { patientNumbers, productNumbers } from '../../db/import/numbers';
import { expectOk } from '../helpers/temp';

let nextAgb = 1;

/** A synthetic FTO group: three practices with one GP each, a pharmacy, and members. */
export async function seedGroup(core: Core, name = 'FTO Testdorp') {
  const group = expectOk(await core.call('groups.create', { name }));
  const practices = [];
  for (const practiceName of ['Praktijk De Linde', 'Praktijk Het Anker', 'Praktijk Zuid']) {
    practices.push(expectOk(await core.call('practices.create', { groupId: group.id, name: `${practiceName} ${name}`, listSizes: [] })));
  }
  const prescribers = [];
  for (const [index, practice] of practices.entries()) {
    prescribers.push(
      expectOk(
        await core.call('prescribers.create', {
          name: `Dokter ${index + 1} ${name}`,
          agb: String(10_000_000 + nextAgb++),
          practiceId: practice.id,
        }),
      ),
    );
  }
  const pharmacy = expectOk(await core.call('pharmacies.create', { groupId: group.id, name: `Apotheek Centrum ${name}` }));
  return { group, practices, prescribers, pharmacy };
}

let identity = 1;

/** Strong-opioid dispensings written straight into the tables, as an import would leave them. */
export function addDispensings(
  db: Db,
  rows: { prescriberId: number; patient: string; date: string; long?: boolean; days?: number }[],
): void {
  const batch = db
    .prepare(
      `INSERT INTO import_batch (file_name, file_sha256, mapping, read_rows, imported_rows, already_present_rows, not_opioid_rows, rejected_rows, empty_rows)
       VALUES ('test.xlsx', ?, '{}', ?, ?, 0, 0, 0, 0)`,
    )
    .run(`sha-${identity}`, rows.length, rows.length).lastInsertRowid;
  const patientId = patientNumbers(db);
  const productId = productNumbers(db);
  const insert = db.prepare(
    `INSERT INTO dispensing (batch_id, identity, patient_id, dispense_date, product_id, prescriber_id, quantity, days_supply, days_of_use)
     VALUES (?, ?, ?, ?, ?, ?, 30, ?, ?)`,
  );
  db.transaction(() => {
    for (const row of rows) {
      const days = row.days ?? 14;
      insert.run(
        batch,
        identity++,
        patientId(row.patient),
        row.date,
        productId({
          atc: 'N02AA05',
          product: row.long ? 'OXYCODON HCL 10MG TABLET MGA' : 'OXYCODON HCL 5MG CAPSULE',
          formCode: null,
          opioidClass: 'strong',
          longActing: row.long ? 1 : 0,
          actingRule: 'text',
        }),
        row.prescriberId,
        days,
        days,
      );
    }
  })();
}
