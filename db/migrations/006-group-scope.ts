import type { Migration } from './index';

export const migration: Migration = {
  version: 6,
  name: 'group-scope',
  sql: /* sql */ `
-- A confirmed merge of two prescriber records that are one person (spec §5: one prescriber key).
-- The dispensings keep their own prescriber; the indicators read them as the target's, so deleting
-- the row undoes the merge.
CREATE TABLE prescriber_merge (
  from_id INTEGER PRIMARY KEY REFERENCES prescriber(id) ON DELETE CASCADE,
  into_id INTEGER NOT NULL REFERENCES prescriber(id) ON DELETE CASCADE,
  merged_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (from_id <> into_id)
);
CREATE INDEX prescriber_merge_into ON prescriber_merge(into_id);

-- A proposed merge the preparer said no to: not proposed again.
CREATE TABLE prescriber_merge_dismissal (
  from_id INTEGER NOT NULL REFERENCES prescriber(id) ON DELETE CASCADE,
  into_id INTEGER NOT NULL REFERENCES prescriber(id) ON DELETE CASCADE,
  PRIMARY KEY (from_id, into_id)
) WITHOUT ROWID;

-- A meeting's period follows its date (the last complete year before it) until it is set by hand.
ALTER TABLE meeting ADD COLUMN period_manual INTEGER NOT NULL DEFAULT 0 CHECK (period_manual IN (0, 1));
UPDATE meeting SET period_manual = 1;

-- Dispensings without a pharmacy column belong to their import's group.
CREATE INDEX pharmacy_group ON pharmacy(group_id);
`,
};
