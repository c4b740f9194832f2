import type { Migration } from './index';

/** "Herberekend met de regels van versie 2 op 01-12-2026": what the import history shows. */
export function recalculationNote(now: Date): string {
  const [year, month, day] = now.toISOString().slice(0, 10).split('-');
  return `Herberekend met de regels van versie 2 op ${day}-${month}-${year}`;
}

export const migration: Migration = {
  version: 5,
  name: 'dose',
  sql: /* sql */ `
-- Spec v2 §4: which rule gave days_of_use (1 days supply, 2 quantity ÷ daily units, 3 the 14-day default);
-- §9: the route (the user's choice or the product text) and the daily oral morphine equivalent in mg (NULL: unknown).
ALTER TABLE dispensing ADD COLUMN days_source INTEGER NOT NULL DEFAULT 3 CHECK (days_source IN (1, 2, 3));
ALTER TABLE dispensing ADD COLUMN route TEXT NOT NULL DEFAULT 'oral' CHECK (route IN ('oral', 'transdermal', 'transmucosal', 'parenteral'));
ALTER TABLE dispensing ADD COLUMN daily_ome REAL CHECK (daily_ome IS NULL OR daily_ome >= 0);
-- Derived from days_source, atc and route, kept so the indicators classify a million rows in one integer
-- (bits: 1 days from the 14-day default, 2 oxycodone, 4 morphine, 8 rapid-onset fentanyl; see db/import/dose.ts).
ALTER TABLE dispensing ADD COLUMN dose_class INTEGER NOT NULL DEFAULT 1 CHECK (dose_class BETWEEN 0 AND 15);

-- Spec §4.4: the user's daily units for a dosing text (matched on the normalised text), an exact fraction.
CREATE TABLE dosing_units (
  text TEXT PRIMARY KEY CHECK (length(text) > 0),
  units_num INTEGER NOT NULL CHECK (units_num > 0),
  units_den INTEGER NOT NULL CHECK (units_den > 0),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;

-- Spec §9: a product's strength of one unit and its route set by hand; they win over the product text.
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

-- Shown in the import history when the stored dispensings were recomputed with newer rules.
ALTER TABLE import_batch ADD COLUMN note TEXT;
`,
  // The imports so far get their days of use and short/long with the rules of version 2. The recompute
  // itself runs in migration 10: it uses today's code, which reads today's table, not this version's.
  run(db) {
    db.prepare('UPDATE import_batch SET note = ?').run(recalculationNote(new Date()));
  },
};
