import type { Migration } from './index';

export const migration: Migration = {
  version: 1,
  name: 'foundation',
  sql: /* sql */ `
CREATE TABLE fto_group (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE practice (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES fto_group(id) ON DELETE CASCADE,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  agb TEXT UNIQUE CHECK (agb IS NULL OR (length(agb) = 8 AND agb NOT GLOB '*[^0-9]*')),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX practice_group ON practice(group_id);

-- Registered patients per practice and calendar year, for rates per 1,000 patients.
CREATE TABLE practice_list_size (
  practice_id INTEGER NOT NULL REFERENCES practice(id) ON DELETE CASCADE,
  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
  size INTEGER NOT NULL CHECK (size > 0),
  PRIMARY KEY (practice_id, year)
) WITHOUT ROWID;

-- key: the AGB code when known, otherwise the name as written (trimmed, single spaces); see spec §5.
-- practice_source: 'manual' (set in the app or by 'fto assign') always wins over 'data' (a practice column in an import).
CREATE TABLE prescriber (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  agb TEXT UNIQUE CHECK (agb IS NULL OR (length(agb) = 8 AND agb NOT GLOB '*[^0-9]*')),
  practice_id INTEGER REFERENCES practice(id) ON DELETE SET NULL,
  practice_source TEXT CHECK (practice_source IN ('manual', 'data')),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX prescriber_practice ON prescriber(practice_id);

CREATE TABLE pharmacy (
  id INTEGER PRIMARY KEY,
  group_id INTEGER REFERENCES fto_group(id) ON DELETE SET NULL,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  agb TEXT UNIQUE CHECK (agb IS NULL OR (length(agb) = 8 AND agb NOT GLOB '*[^0-9]*')),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Application settings (indicator settings, UI preferences) as JSON values.
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`,
};
