-- user_version = 10

CREATE TABLE agreement (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  practice_id INTEGER REFERENCES practice(id) ON DELETE CASCADE,
  pharmacy_id INTEGER REFERENCES pharmacy(id) ON DELETE CASCADE,
  text TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT 'praktijk' CHECK (kind IN ('praktijk', 'apotheek', 'ziekenhuis', 'regionaal')),
  owner TEXT,
  indicator TEXT,                      -- a spec §5 indicator name, e.g. chronicUsers
  direction TEXT CHECK (direction IN ('down', 'up')),
  target REAL,
  evaluation_date TEXT,                -- YYYY-MM-DD
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (practice_id IS NULL OR pharmacy_id IS NULL)
);

CREATE TABLE agreement_review (
  id INTEGER PRIMARY KEY,
  agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('open', 'done', 'partly', 'not_done', 'dropped')),
  note TEXT NOT NULL DEFAULT '',
  set_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  source TEXT NOT NULL DEFAULT 'app' CHECK (source IN ('app', 'sheet'))
);

CREATE TABLE attendance (
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  present INTEGER NOT NULL CHECK (present IN (0, 1)),
  PRIMARY KEY (meeting_id, person_id)
) WITHOUT ROWID;

CREATE TABLE case_answer (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  question_id TEXT NOT NULL,
  practice_id INTEGER REFERENCES practice(id) ON DELETE SET NULL,
  text TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE column_mapping (
  header_signature TEXT PRIMARY KEY,
  mapping TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;

CREATE TABLE deck_slide (
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  slide_id TEXT NOT NULL,
  position REAL,
  hidden INTEGER CHECK (hidden IN (0, 1)),
  kind TEXT CHECK (kind IN ('title', 'text', 'image')),
  title TEXT,
  body TEXT,
  notes TEXT,
  image TEXT,                          -- data: URL of an own slide's image
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (meeting_id, slide_id)
) WITHOUT ROWID;

CREATE TABLE discussion_note (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  slide_id TEXT,
  text TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

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

CREATE TABLE "dispensing" (
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

CREATE TABLE dosing_units (
  text TEXT PRIMARY KEY CHECK (length(text) > 0),
  units_num INTEGER NOT NULL CHECK (units_num > 0),
  units_den INTEGER NOT NULL CHECK (units_den > 0),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;

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
, note TEXT);

CREATE TABLE meeting (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES fto_group(id) ON DELETE CASCADE,
  topic TEXT NOT NULL CHECK (length(trim(topic)) > 0),
  module TEXT NOT NULL DEFAULT 'opioiden',
  starts_at TEXT,                      -- local date and time, YYYY-MM-DDTHH:MM
  place TEXT,
  chair TEXT,
  minute_taker TEXT,
  quality_consultant TEXT,             -- the group's EKC
  accreditation_number TEXT,
  period_from TEXT NOT NULL,           -- the figures' period, YYYY-MM-DD
  period_to TEXT NOT NULL,
  compare_from_year INTEGER,           -- first year of the "years side by side" slides
  anonymize_practices INTEGER NOT NULL DEFAULT 0 CHECK (anonymize_practices IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'running', 'ended')),
  ended_at TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), period_manual INTEGER NOT NULL DEFAULT 0 CHECK (period_manual IN (0, 1)),
  CHECK (period_from <= period_to)
);

CREATE TABLE patient (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE -- as the export gives it (compared exactly, like the indicators do)
);

CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES fto_group(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role TEXT NOT NULL CHECK (role IN ('huisarts', 'apotheker', 'poh', 'aios', 'anders')),
  practice_id INTEGER REFERENCES practice(id) ON DELETE SET NULL,
  pharmacy_id INTEGER REFERENCES pharmacy(id) ON DELETE SET NULL,
  registration TEXT,                   -- BIG or AGB number
  guest_of_meeting_id INTEGER REFERENCES meeting(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
, active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)));

CREATE TABLE pharmacy (
  id INTEGER PRIMARY KEY,
  group_id INTEGER REFERENCES fto_group(id) ON DELETE SET NULL,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  agb TEXT UNIQUE CHECK (agb IS NULL OR (length(agb) = 8 AND agb NOT GLOB '*[^0-9]*')),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
, import_batch_id INTEGER REFERENCES import_batch(id) ON DELETE SET NULL);

CREATE TABLE poll (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  slide_id TEXT,                       -- the slide it was started on
  question_id TEXT,                    -- the module's case question, e.g. 'casus-1'; NULL: a question of its own
  kind TEXT NOT NULL CHECK (kind IN ('choice', 'number', 'text')),
  question TEXT NOT NULL,
  options TEXT NOT NULL DEFAULT '[]',  -- JSON array of the choices (kind choice)
  code TEXT NOT NULL,                  -- the random code in the phones' address
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  results_hidden INTEGER NOT NULL DEFAULT 0 CHECK (results_hidden IN (0, 1)),
  result TEXT,                         -- JSON distribution, set when closed
  opened_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  closed_at TEXT
);

CREATE TABLE poll_answer (
  poll_id INTEGER NOT NULL REFERENCES poll(id) ON DELETE CASCADE,
  device TEXT NOT NULL,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (poll_id, device)
) WITHOUT ROWID;

CREATE TABLE practice (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES fto_group(id) ON DELETE CASCADE,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  agb TEXT UNIQUE CHECK (agb IS NULL OR (length(agb) = 8 AND agb NOT GLOB '*[^0-9]*')),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
, import_batch_id INTEGER REFERENCES import_batch(id) ON DELETE SET NULL);

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
, import_batch_id INTEGER REFERENCES import_batch(id) ON DELETE SET NULL, practice_batch_id INTEGER REFERENCES import_batch(id) ON DELETE SET NULL);

CREATE TABLE prescriber_merge (
  from_id INTEGER PRIMARY KEY REFERENCES prescriber(id) ON DELETE CASCADE,
  into_id INTEGER NOT NULL REFERENCES prescriber(id) ON DELETE CASCADE,
  merged_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (from_id <> into_id)
);

CREATE TABLE prescriber_merge_dismissal (
  from_id INTEGER NOT NULL REFERENCES prescriber(id) ON DELETE CASCADE,
  into_id INTEGER NOT NULL REFERENCES prescriber(id) ON DELETE CASCADE,
  PRIMARY KEY (from_id, into_id)
) WITHOUT ROWID;

CREATE TABLE product_class (
  product TEXT PRIMARY KEY,
  long_acting INTEGER NOT NULL CHECK (long_acting IN (0, 1)),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;

CREATE TABLE product_dose (
  product TEXT PRIMARY KEY,
  strength_num INTEGER CHECK (strength_num IS NULL OR strength_num > 0),
  strength_den INTEGER CHECK (strength_den IS NULL OR strength_den > 0),
  strength_unit TEXT CHECK (strength_unit IN ('mg', 'mg/ml', 'ug/h')),
  route TEXT CHECK (route IN ('oral', 'transdermal', 'transmucosal', 'parenteral')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK ((strength_num IS NULL) = (strength_den IS NULL) AND (strength_num IS NULL) = (strength_unit IS NULL)),
  CHECK (strength_num IS NOT NULL OR route IS NOT NULL)
) WITHOUT ROWID;

CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX agreement_evaluation ON agreement(evaluation_date);

CREATE INDEX agreement_meeting ON agreement(meeting_id);

CREATE INDEX agreement_practice ON agreement(practice_id);

CREATE INDEX agreement_review_agreement ON agreement_review(agreement_id, set_at);

CREATE UNIQUE INDEX case_answer_once ON case_answer(meeting_id, question_id, ifnull(practice_id, 0));

CREATE INDEX discussion_note_meeting ON discussion_note(meeting_id);

CREATE INDEX dispensed_product_text ON dispensed_product(product);

CREATE INDEX dispensing_date ON dispensing(dispense_date);

CREATE INDEX dispensing_prescriber ON dispensing(prescriber_id);

CREATE INDEX meeting_group ON meeting(group_id, starts_at);

CREATE INDEX person_group ON person(group_id);

CREATE INDEX pharmacy_group ON pharmacy(group_id);

CREATE INDEX poll_meeting ON poll(meeting_id);

CREATE UNIQUE INDEX poll_open_code ON poll(code) WHERE status = 'open';

CREATE INDEX practice_group ON practice(group_id);

CREATE INDEX prescriber_merge_into ON prescriber_merge(into_id);

CREATE INDEX prescriber_practice ON prescriber(practice_id);
