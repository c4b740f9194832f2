import type { Migration } from './index';

export const migration: Migration = {
  version: 2,
  name: 'dispensings',
  sql: /* sql */ `
-- One imported file. Dispensings point here so that an import can be undone whole.
CREATE TABLE import_batch (
  id INTEGER PRIMARY KEY,
  group_id INTEGER REFERENCES fto_group(id) ON DELETE SET NULL,
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  mapping TEXT NOT NULL,            -- JSON: field name -> header used
  read_rows INTEGER NOT NULL,
  imported_rows INTEGER NOT NULL,
  already_present_rows INTEGER NOT NULL,
  not_opioid_rows INTEGER NOT NULL,
  rejected_rows INTEGER NOT NULL,
  empty_rows INTEGER NOT NULL,
  rejections TEXT NOT NULL DEFAULT '[]' -- JSON: [{ row, field, reason }]
);

-- Only opioid dispensings (strong or weak) are kept; other rows are only counted in the batch.
CREATE TABLE dispensing (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
  -- A hash of the spec §7 identity (pharmacy, patient, date, ATC, product, prescriber key, quantity, n).
  identity INTEGER NOT NULL UNIQUE,
  pharmacy_key TEXT NOT NULL DEFAULT '',
  patient_key TEXT NOT NULL,
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
  form_code TEXT
);
CREATE INDEX dispensing_date ON dispensing(dispense_date);
-- No index on batch_id: it would slow every import, and only undo and the import history read by batch.
CREATE INDEX dispensing_prescriber ON dispensing(prescriber_id);

-- The user's own short/long-acting decisions per product text (spec §3 rule 1).
CREATE TABLE product_class (
  product TEXT PRIMARY KEY,
  long_acting INTEGER NOT NULL CHECK (long_acting IN (0, 1)),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;

-- What an import created, so that undoing it removes what is then unused (never what the user set up).
ALTER TABLE prescriber ADD COLUMN import_batch_id INTEGER REFERENCES import_batch(id) ON DELETE SET NULL;
ALTER TABLE practice ADD COLUMN import_batch_id INTEGER REFERENCES import_batch(id) ON DELETE SET NULL;
ALTER TABLE pharmacy ADD COLUMN import_batch_id INTEGER REFERENCES import_batch(id) ON DELETE SET NULL;
-- The import whose practice column assigned this prescriber (practice_source 'data'), so undo can take it back.
ALTER TABLE prescriber ADD COLUMN practice_batch_id INTEGER REFERENCES import_batch(id) ON DELETE SET NULL;

-- Column mappings that worked, per set of headers, reused for the next file with the same headers.
CREATE TABLE column_mapping (
  header_signature TEXT PRIMARY KEY,
  mapping TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;
`,
};
