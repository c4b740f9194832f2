import { openDatabase, schemaVersion } from '../../db/open';
import { requireOption, type Command } from '../command';

export const initCommand: Command = {
  name: 'init',
  usage: 'fto init --db BESTAND',
  options: { db: { type: 'string' } },
  async run({ values }, io) {
    const file = requireOption(values, 'db', this);
    const db = openDatabase(file);
    try {
      io.out(`Database klaar: ${file} (schema ${schemaVersion(db)})`);
    } finally {
      db.close();
    }
  },
};
