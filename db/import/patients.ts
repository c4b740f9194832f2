import type { Db } from '../open';
import { statement } from '../query';

/**
 * Gives each patient key its number in the patient table (found, or added on first sight), with the
 * numbers already handed out kept in memory: an import asks once per row. Keys compare exactly, as the
 * indicators compare them.
 */
export function patientNumbers(db: Db): (key: string) => number {
  // Most keys of a new file are new: one statement adds them, and only a key already there is looked up.
  const insert = db.prepare('INSERT INTO patient (key) VALUES (?) ON CONFLICT (key) DO NOTHING');
  const find = statement<number>(db, 'SELECT id FROM patient WHERE key = ?').pluck();
  const known = new Map<string, number>();
  return (key) => {
    let id = known.get(key);
    if (id === undefined) {
      const added = insert.run(key);
      id = added.changes ? Number(added.lastInsertRowid) : find.get(key)!;
      known.set(key, id);
    }
    return id;
  };
}
