import { z } from 'zod';
import { method, noInput } from './common';

export const databaseInfo = z.object({
  path: z.string(),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
  isEmpty: z.boolean(),
  /** Set when files of this database were readable by others and have been made private on opening. */
  permissionsNotice: z.string().nullable(),
});

/** Operations on the database file itself; the host (Electron or the browser shell) implements them. */
export const databaseContract = {
  'database.info': method(noInput, databaseInfo),
  /** Writes a consistent copy; without a path, into the backups folder beside the database. */
  'database.backup': method(z.object({ path: z.string().trim().min(1).optional() }).default({}), z.object({ path: z.string() })),
  /** Switches to another database file (created when missing). */
  'database.open': method(z.object({ path: z.string().trim().min(1, { error: 'Vul het pad van een databasebestand in.' }) }), databaseInfo),
};
