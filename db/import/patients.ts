import type { Db } from '../open';
import { statement } from '../query';

/**
 * Gives each patient key its number in the patient table (found, or added on first sight), with the
 * numbers already handed out kept in memory: an import asks once per row. Keys compare exactly, as the
 * indicators compare them.
 */
export function patientNumbers(db: Db): (key: string) => number {
  const find = statement<number>(db, 'SELECT id FROM patient WHERE key = ?').pluck();
  const insert = db.prepare('INSERT INTO patient (key) VALUES (?)');
  const known = new Map<string, number>();
  return (key) => {
    let id = known.get(key);
    if (id === undefined) {
      id = find.get(key) ?? Number(insert.run(key).lastInsertRowid);
      known.set(key, id);
    }
    return id;
  };
}
