import type { Db } from './open';
import { queryAll } from './query';

/** The schema as text (tables, indexes, triggers, views), stable across runs, for the snapshot test. */
export function dumpSchema(db: Db): string {
  const rows = queryAll<{ type: string; name: string; sql: string }>(
    db,
    "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type DESC, name",
  );
  const version = db.pragma('user_version', { simple: true }) as number;
  return [`-- user_version = ${version}`, ...rows.map((row) => `${row.sql.trim()};`)].join('\n\n') + '\n';
}
