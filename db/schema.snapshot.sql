-- user_version = 2

CREATE TABLE column_mapping (
  header_signature TEXT PRIMARY KEY,
  mapping TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;

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

CREATE TABLE fto_group (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

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

CREATE TABLE pharmacy (
  id INTEGER PRIMARY KEY,
  group_id INTEGER REFERENCES fto_group(id) ON DELETE SET NULL,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  agb TEXT UNIQUE CHECK (agb IS NULL OR (length(agb) = 8 AND agb NOT GLOB '*[^0-9]*')),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE practice (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES fto_group(id) ON DELETE CASCADE,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  agb TEXT UNIQUE CHECK (agb IS NULL OR (length(agb) = 8 AND agb NOT GLOB '*[^0-9]*')),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE practice_list_size (
  practice_id INTEGER NOT NULL REFERENCES practice(id) ON DELETE CASCADE,
  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
  size INTEGER NOT NULL CHECK (size > 0),
  PRIMARY KEY (practice_id, year)
) WITHOUT ROWID;

CREATE TABLE prescriber (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  agb TEXT UNIQUE CHECK (agb IS NULL OR (length(agb) = 8 AND agb NOT GLOB '*[^0-9]*')),
  practice_id INTEGER REFERENCES practice(id) ON DELETE SET NULL,
  practice_source TEXT CHECK (practice_source IN ('manual', 'data')),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE product_class (
  product TEXT PRIMARY KEY,
  long_acting INTEGER NOT NULL CHECK (long_acting IN (0, 1)),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;

CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX dispensing_batch ON dispensing(batch_id);

CREATE INDEX dispensing_date ON dispensing(dispense_date);

CREATE INDEX dispensing_prescriber ON dispensing(prescriber_id);

CREATE INDEX practice_group ON practice(group_id);

CREATE INDEX prescriber_practice ON prescriber(practice_id);
