/**
 * Fills an empty database with the fictional demo group: the group and its practices (with list
 * sizes), then the four pharmacies' exports, each written in its own dialect and read by the real
 * importer, just as a user's files would be.
 */
import type { z } from 'zod';
import type { importSummary } from '../contract/imports';
import { AppError } from '../errors';
import { importFile } from '../import/import-file';
import type { Db } from '../open';
import { writeExport, type ExportDialect } from './export';
import { DEMO_GROUP, DEMO_PHARMACIES, DEMO_PRACTICES, generateDispensings, type DispensingRecord } from './generate';
import { queryValue } from '../query';

/** One dialect per pharmacy: the kinds of exports an FTO preparer receives. */
export const DEMO_DIALECTS: { file: string; dialect: ExportDialect }[] = [
  {
    file: 'vijzel-uitgiften.csv',
    dialect: {
      format: 'csv',
      headers: 'nl',
      delimiter: ';',
      encoding: 'utf-8-bom',
      dates: 'dd-mm-yyyy',
      totalsRow: true,
      titleRows: ['Uitgifteoverzicht opioïden', 'Demo-apotheek De Vijzel, 2021-2025'],
    },
  },
  {
    file: 'mortier-export.csv',
    dialect: {
      format: 'csv',
      headers: 'en',
      delimiter: ',',
      encoding: 'windows-1252',
      dates: 'yyyy-mm-dd',
      fields: [
        'patientKey',
        'dispenseDate',
        'atc',
        'product',
        'prescriberName',
        'prescriberAgb',
        'quantity',
        'dosing',
        'ownGp',
        'practice',
        'pharmacy',
      ],
    },
  },
  {
    file: 'retort-uitgiften.xlsx',
    dialect: { format: 'xlsx', headers: 'nl', dates: 'cell', agbAsNumber: true, titleRows: ['Export Demo-apotheek De Retort'] },
  },
  {
    file: 'spatel-uitgiften.txt',
    dialect: { format: 'csv', headers: 'nl', delimiter: '\t', encoding: 'utf-8', dates: 'd-m-yyyy', totalsRow: true },
  },
];

export function loadDemo(db: Db): z.infer<typeof importSummary> {
  if (queryValue<number>(db, 'SELECT count(*) AS n FROM fto_group') > 0) {
    throw new AppError('conflict', 'De demo-groep kan alleen in een lege database worden geladen.');
  }
  // One transaction around it all (the imports nest as savepoints): the demo lands whole or not at all.
  return db.transaction(() => {
    const groupId = Number(db.prepare('INSERT INTO fto_group (name) VALUES (?)').run(DEMO_GROUP).lastInsertRowid);
    const insertPractice = db.prepare('INSERT INTO practice (group_id, name) VALUES (?, ?)');
    const insertSize = db.prepare('INSERT INTO practice_list_size (practice_id, year, size) VALUES (?, ?, ?)');
    for (const practice of DEMO_PRACTICES) {
      const practiceId = insertPractice.run(groupId, practice.name).lastInsertRowid;
      for (const { year, size } of practice.listSizes) insertSize.run(practiceId, year, size);
    }
    const byPharmacy = new Map<string, DispensingRecord[]>(DEMO_PHARMACIES.map((p) => [p, []]));
    for (const record of generateDispensings()) byPharmacy.get(record.pharmacy)!.push(record);
    const files = DEMO_DIALECTS.map(({ file, dialect }, k) => {
      const bytes = writeExport(byPharmacy.get(DEMO_PHARMACIES[k]!)!, dialect);
      return importFile(db, { name: file, bytes }, { groupId }).summary;
    });
    return { groupId, groupName: DEMO_GROUP, files };
  })();
}
