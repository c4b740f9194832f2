import { loadDemo } from '../../db/demo/load';
import { openDatabase } from '../../db/open';
import { requireOption, type Command } from '../command';
import { summaryLines } from './import';

export const demoCommand: Command = {
  name: 'demo',
  usage: 'fto demo --db BESTAND [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    const db = openDatabase(requireOption(values, 'db', this));
    try {
      const result = loadDemo(db);
      if (values.json) io.out(JSON.stringify(result, null, 2));
      else {
        io.out(`Demo-groep "${result.groupName}" geladen.`);
        for (const summary of result.files) io.out(summaryLines(summary).join('\n'));
      }
    } finally {
      db.close();
    }
  },
};
