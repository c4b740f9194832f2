import fs from 'node:fs';
import { AppError } from '../../db/errors';
import { assignMany, readMappingFile } from '../../db/indicators/assign';
import { openDatabase } from '../../db/open';
import { requireOption, type Command } from '../command';

export const assignCommand: Command = {
  name: 'assign',
  usage: 'fto assign --db BESTAND --file KOPPELING.csv [--json]',
  options: { db: { type: 'string' }, file: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    const file = requireOption(values, 'db', this);
    const mappingFile = requireOption(values, 'file', this);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(mappingFile);
    } catch {
      throw new AppError('not_found', `Het bestand ${mappingFile} kan niet worden gelezen.`);
    }
    const rows = await readMappingFile(mappingFile, bytes);
    const db = openDatabase(file, { mustExist: true });
    try {
      const { prescriberIds: _ids, ...counts } = assignMany(db, rows, (i) => `${mappingFile}, regel ${rows[i]!.line}`);
      if (values.json) io.out(JSON.stringify({ file: mappingFile, ...counts }, null, 2));
      else {
        io.out(`${counts.assigned} ${counts.assigned === 1 ? 'voorschrijver' : 'voorschrijvers'} toegewezen uit ${mappingFile}.`);
        const created = [
          [counts.createdPrescribers, 'voorschrijver', 'voorschrijvers'],
          [counts.createdPractices, 'praktijk', 'praktijken'],
          [counts.createdGroups, 'FTO-groep', 'FTO-groepen'],
        ].filter(([n]) => (n as number) > 0);
        if (created.length) io.out(`Nieuw aangemaakt: ${created.map(([n, one, many]) => `${n} ${n === 1 ? one : many}`).join(', ')}.`);
      }
    } finally {
      db.close();
    }
  },
};
