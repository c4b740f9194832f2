import { loadDoseTables, recomputeDispensings } from '../import/dose';
import type { Migration } from './index';

/**
 * Narrower dispensing rows, so a million of them import and scan faster. The product as the export names
 * it (ATC code, text, form code) and its class by spec §3 rules 2-3 repeat on almost every row: they move
 * to dispensed_product, and each dispensing carries that row's number. The patient and prescriber keys
 * were copies of patient.key and prescriber.key (the rows already carry both numbers) and are dropped.
 * The table is rebuilt as in migration 9: same rows, ids, checks and indexes.
 */
export const migration: Migration = {
  version: 10,
  name: 'dispensed products',
  sql: /* sql */ `
CREATE TABLE dispensed_product (
  id INTEGER PRIMARY KEY,
  atc TEXT NOT NULL,
  product TEXT NOT NULL,
  form_code TEXT,
  opioid_class TEXT NOT NULL CHECK (opioid_class IN ('strong', 'weak')),
  -- Spec §3 rules 2-3 (form code, then product text); a row in product_class overrides it.
  long_acting_by_rule INTEGER NOT NULL CHECK (long_acting_by_rule IN (0, 1)),
  acting_rule TEXT NOT NULL CHECK (acting_rule IN ('form', 'text'))
);
CREATE INDEX dispensed_product_text ON dispensed_product(product);
INSERT INTO dispensed_product (atc, product, form_code, opioid_class, long_acting_by_rule, acting_rule)
  SELECT DISTINCT atc, product, form_code, opioid_class, long_acting_by_rule, acting_rule FROM dispensing ORDER BY product, atc, form_code;
CREATE TABLE dispensing_rebuilt (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
  -- A hash of the spec §7 identity (pharmacy, patient, date, ATC, product, prescriber key, quantity, n).
  identity INTEGER NOT NULL UNIQUE,
  pharmacy_key TEXT NOT NULL DEFAULT '',
  -- The patient's number in the patient table (which holds the key as the export gives it).
  patient_id INTEGER NOT NULL,
  dispense_date TEXT NOT NULL,       -- YYYY-MM-DD
  -- No foreign key (like patient_id): removing the products an undone import leaves behind stays one pass.
  product_id INTEGER NOT NULL,
  prescriber_id INTEGER NOT NULL REFERENCES prescriber(id),
  quantity REAL,
  days_supply INTEGER,
  dosing TEXT,
  days_of_use INTEGER NOT NULL CHECK (days_of_use >= 1), -- spec §4
  own_gp_key TEXT,
  practice_name TEXT,
  -- Spec v2 §4: which rule gave days_of_use (1 days supply, 2 quantity ÷ daily units, 3 the 14-day default).
  days_source INTEGER NOT NULL DEFAULT 3 CHECK (days_source BETWEEN 1 AND 3),
  -- §9: the route (the user's choice or the product text); written as ORs, which cost no lookup table per row.
  route TEXT NOT NULL DEFAULT 'oral'
    CHECK (route = 'oral' OR route = 'transdermal' OR route = 'transmucosal' OR route = 'parenteral'),
  -- §9: the daily oral morphine equivalent in mg (NULL: unknown).
  daily_ome REAL CHECK (daily_ome IS NULL OR daily_ome >= 0),
  -- Bits: 1 days from the 14-day default, 2 oxycodone, 4 morphine, 8 rapid-onset fentanyl (db/import/dose.ts).
  dose_class INTEGER NOT NULL DEFAULT 1 CHECK (dose_class BETWEEN 0 AND 15)
);
INSERT INTO dispensing_rebuilt
  (id, batch_id, identity, pharmacy_key, patient_id, dispense_date, product_id, prescriber_id, quantity, days_supply, dosing, days_of_use,
   own_gp_key, practice_name, days_source, route, daily_ome, dose_class)
SELECT d.id, d.batch_id, d.identity, d.pharmacy_key, d.patient_id, d.dispense_date, p.id, d.prescriber_id, d.quantity, d.days_supply,
   d.dosing, d.days_of_use, d.own_gp_key, d.practice_name, d.days_source, d.route, d.daily_ome, d.dose_class
FROM dispensing d JOIN dispensed_product p ON p.product = d.product AND p.atc = d.atc AND p.form_code IS d.form_code
   AND p.opioid_class = d.opioid_class AND p.long_acting_by_rule = d.long_acting_by_rule AND p.acting_rule = d.acting_rule
ORDER BY d.id;
DROP TABLE dispensing;
ALTER TABLE dispensing_rebuilt RENAME TO dispensing;
CREATE INDEX dispensing_date ON dispensing(dispense_date);
CREATE INDEX dispensing_prescriber ON dispensing(prescriber_id);
`,
  // Days of use, route, daily OME and short/long by rule with today's rules (once more for a database
  // already at version 5 or later, which changes nothing; the import history's note is migration 5's).
  run(db) {
    recomputeDispensings(db, loadDoseTables(db), {}, false);
  },
};
