import { openDatabase, schemaVersion } from '../../db/open';
import { requireOption, type Command } from '../command';

export const initCommand: Command = {
  name: 'init',
  summary: 'Maakt een nieuwe, lege database (of werkt een bestaande bij naar het nieuwste schema).',
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
