import type { Migration } from './index';

/**
 * Every distinct patient key gets a number (the patient table), and each dispensing carries it, so the
 * indicators hand a million rows from SQLite to JavaScript as numbers instead of texts. The dispensing
 * table is rebuilt for a NOT NULL column; its rows, ids, checks and indexes stay as they were.
 * No foreign key: removing the patients an undone import leaves behind would then search the whole
 * dispensing table once per patient.
 */
export const migration: Migration = {
  version: 9,
  name: 'patients',
  sql: /* sql */ `
CREATE TABLE patient (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE -- as the export gives it (compared exactly, like the indicators do)
);
INSERT INTO patient (key) SELECT DISTINCT patient_key FROM dispensing;
CREATE TABLE dispensing_rebuilt (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
  -- A hash of the spec §7 identity (pharmacy, patient, date, ATC, product, prescriber key, quantity, n).
  identity INTEGER NOT NULL UNIQUE,
  pharmacy_key TEXT NOT NULL DEFAULT '',
  patient_key TEXT NOT NULL,
  -- The patient's number in the patient table: the indicators group a million rows by it without reading texts.
  patient_id INTEGER NOT NULL,
  dispense_date TEXT NOT NULL,       -- YYYY-MM-DD
  atc TEXT NOT NULL,
  product TEXT NOT NULL,
  opioid_class TEXT NOT NULL CHECK (opioid_class IN ('strong', 'weak')),
  -- Spec §3 rules 2-3 (form code, then product text); a row in product_class overrides it.
  long_acting_by_rule INTEGER NOT NULL CHECK (long_acting_by_rule IN (0, 1)),
  acting_rule TEXT NOT NULL CHECK (acting_rule IN ('form', 'text')),
  prescriber_key TEXT NOT NULL,
  prescriber_id INTEGER NOT NULL REFERENCES prescriber(id),
  quantity REAL,
  days_supply INTEGER,
  dosing TEXT,
  days_of_use INTEGER NOT NULL CHECK (days_of_use >= 1), -- spec §4
  own_gp_key TEXT,
  practice_name TEXT,
  form_code TEXT,
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
  (id, batch_id, identity, pharmacy_key, patient_key, patient_id, dispense_date, atc, product, opioid_class, long_acting_by_rule, acting_rule,
   prescriber_key, prescriber_id, quantity, days_supply, dosing, days_of_use, own_gp_key, practice_name, form_code,
   days_source, route, daily_ome, dose_class)
SELECT d.id, d.batch_id, d.identity, d.pharmacy_key, d.patient_key, p.id, d.dispense_date, d.atc, d.product, d.opioid_class,
   d.long_acting_by_rule, d.acting_rule, d.prescriber_key, d.prescriber_id, d.quantity, d.days_supply, d.dosing, d.days_of_use,
   d.own_gp_key, d.practice_name, d.form_code, d.days_source, d.route, d.daily_ome, d.dose_class
FROM dispensing d JOIN patient p ON p.key = d.patient_key ORDER BY d.id;
DROP TABLE dispensing;
ALTER TABLE dispensing_rebuilt RENAME TO dispensing;
CREATE INDEX dispensing_date ON dispensing(dispense_date);
CREATE INDEX dispensing_prescriber ON dispensing(prescriber_id);
`,
};
