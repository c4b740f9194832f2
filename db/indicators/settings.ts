import { DEFAULT_SETTINGS, type IndicatorSettings } from '../../domain';
import { indicatorSettings } from '../contract/indicators';
import type { Db } from '../open';
import { queryOne } from '../query';

const SETTING_KEY = 'indicators';

export function readSettings(db: Db): IndicatorSettings {
  const row = queryOne<{ value: string }>(db, 'SELECT value FROM setting WHERE key = ?', SETTING_KEY);
  if (!row) return { ...DEFAULT_SETTINGS };
  // A stored value that no longer parses (hand-edited file) falls back to the defaults field by field.
  let value: unknown = null;
  try {
    value = JSON.parse(row.value);
  } catch {
    // keep the defaults
  }
  const stored = indicatorSettings.partial().safeParse(value);
  return { ...DEFAULT_SETTINGS, ...(stored.success ? stored.data : {}) };
}

export function writeSettings(db: Db, changes: Partial<IndicatorSettings>): IndicatorSettings {
  const next = { ...readSettings(db), ...changes };
  db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    SETTING_KEY,
    JSON.stringify(next),
  );
  return next;
}

/** The stored settings with this calculation's overrides on top. */
export function effectiveSettings(db: Db, overrides: Partial<IndicatorSettings> | undefined): IndicatorSettings {
  return { ...readSettings(db), ...(overrides ?? {}) };
}
