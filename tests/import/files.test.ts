import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { writeExport, type ExportDialect } from '../../db/demo/export';
import { importFile } from '../../db/import/import-file';
import { openDatabase } from '../../db/open';
import { tempDir } from '../helpers/temp';
import { addGroup, expectedLines, records, STORED_DISPENSINGS, storedLines } from './helpers';

function freshDb() {
  const db = openDatabase(path.join(tempDir(), 'fto.sqlite'));
  return { db, groupId: addGroup(db) };
}

const rows = records(400, 11);
const opioidRows = expectedLines(rows).length;

const dialects: [string, string, ExportDialect][] = [
  ['CSV ; UTF-8, dd-mm-jjjj', 'a.csv', { format: 'csv', headers: 'nl', delimiter: ';', encoding: 'utf-8', dates: 'dd-mm-yyyy' }],
  [
    'CSV ; UTF-8 met BOM, d-m-jjjj, titel- en totaalregels',
    'b.csv',
    {
      format: 'csv',
      headers: 'nl',
      delimiter: ';',
      encoding: 'utf-8-bom',
      dates: 'd-m-yyyy',
      titleRows: ['Uitgiften opioïden', 'Periode 2021-2025'],
      totalsRow: true,
    },
  ],
  [
    'CSV ; Windows-1252 (Patiëntnummer), jjjj-mm-dd',
    'c.csv',
    { format: 'csv', headers: 'nl', delimiter: ';', encoding: 'windows-1252', dates: 'yyyy-mm-dd' },
  ],
  ['CSV , Engelse kolomnamen', 'd.csv', { format: 'csv', headers: 'en', delimiter: ',', encoding: 'utf-8', dates: 'yyyy-mm-dd' }],
  [
    'tab, dd/mm/jjjj, .txt',
    'e.txt',
    { format: 'csv', headers: 'nl', delimiter: '\t', encoding: 'utf-8', dates: 'dd/mm/yyyy', totalsRow: true },
  ],
  [
    'xlsx met echte datumcellen en AGB als getal',
    'f.xlsx',
    { format: 'xlsx', headers: 'nl', dates: 'cell', agbAsNumber: true, titleRows: ['Export'], totalsRow: true },
  ],
  ['xlsx in het 1904-datumsysteem', 'g.xlsx', { format: 'xlsx', headers: 'nl', dates: 'cell', date1904: true }],
  ['xlsx met datums als tekst', 'h.xlsx', { format: 'xlsx', headers: 'en', dates: 'dd-mm-yyyy' }],
  ['ods', 'i.ods', { format: 'ods', headers: 'nl', dates: 'cell', agbAsNumber: true }],
  ['xls (BIFF8)', 'j.xls', { format: 'xls', headers: 'nl', dates: 'cell' }],
];

describe('every export dialect lands the same dispensings', () => {
  for (const [label, name, dialect] of dialects) {
    it(label, () => {
      const { db, groupId } = freshDb();
      const { summary } = importFile(db, { name, bytes: writeExport(rows, dialect) }, { groupId });
      expect(summary.imported).toBe(opioidRows);
      expect(summary.notOpioid).toBe(rows.length - opioidRows);
      expect(summary.rejected).toBe(dialect.totalsRow ? 1 : 0); // the totals row, reported with its row number
      expect(summary.read).toBe(summary.imported + summary.alreadyPresent + summary.notOpioid + summary.rejected + summary.empty);
      expect(storedLines(db)).toEqual(expectedLines(rows));
    });
  }

  it('a 1904 workbook really is one, and its dates are not shifted by four years', () => {
    const bytes = writeExport(rows.slice(0, 20), { format: 'xlsx', headers: 'nl', dates: 'cell', date1904: true });
    const workbook = XLSX.read(bytes, { type: 'buffer' });
    expect(workbook.Workbook?.WBProps?.date1904).toBe(true);
    const { db, groupId } = freshDb();
    importFile(db, { name: 'x.xlsx', bytes }, { groupId });
    expect(storedLines(db)).toEqual(expectedLines(rows.slice(0, 20)));
  });

  it('AGB codes stored as numbers get their leading zero back', () => {
    const { db, groupId } = freshDb();
    importFile(
      db,
      { name: 'f.xlsx', bytes: writeExport(rows, { format: 'xlsx', headers: 'nl', dates: 'cell', agbAsNumber: true }) },
      { groupId },
    );
    const keys = (db.prepare('SELECT key FROM prescriber WHERE agb IS NOT NULL').all() as { key: string }[]).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).toMatch(/^0\d{7}$/);
    const gps = (db.prepare('SELECT DISTINCT own_gp_key AS k FROM dispensing WHERE own_gp_key IS NOT NULL').all() as { k: string }[]).map(
      (r) => r.k,
    );
    for (const gp of gps) expect(gp).toMatch(/^0\d{7}$/);
  });
});

describe('files written by LibreOffice', () => {
  // LibreOffice is a test requirement (.ci/run installs it): missing, this fails rather than skips.
  it('reads .xlsx and .ods that LibreOffice made from a CSV (dates typed as dates, AGB codes as numbers)', () => {
    const dir = tempDir();
    const sample = rows.slice(0, 120);
    fs.writeFileSync(
      path.join(dir, 'export.csv'),
      writeExport(sample, { format: 'csv', headers: 'en', delimiter: ',', encoding: 'utf-8', dates: 'yyyy-mm-dd' }),
    );
    for (const target of ['xlsx', 'ods']) {
      execFileSync(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${dir}/profile`,
          '--infilter=CSV:44,34,76,1',
          '--convert-to',
          target,
          '--outdir',
          dir,
          path.join(dir, 'export.csv'),
        ],
        {
          stdio: 'ignore',
          timeout: 120_000,
        },
      );
      const bytes = fs.readFileSync(path.join(dir, `export.${target}`));
      // LibreOffice really typed them: the AGB code is a number without its zero, the date a date cell.
      const workbook = XLSX.read(bytes, { type: 'buffer', cellNF: true });
      const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
      expect(sheet.F2?.t).toBe('n');
      expect(XLSX.SSF.is_date(String(sheet.B2?.z))).toBe(true);
      const { db, groupId } = freshDb();
      const { summary } = importFile(db, { name: `export.${target}`, bytes }, { groupId });
      expect(summary.rejected).toBe(0);
      expect(storedLines(db)).toEqual(expectedLines(sample));
    }
  });
});

describe('text files read from disk in pieces', () => {
  it('detects Windows-1252 by a character near the end of a large file, and keeps characters across pieces', () => {
    const dir = tempDir();
    const many = records(60_000, 4);
    const last = { ...many.find((r) => r.atc === 'N02AA05')!, product: 'OXYCODON CAPSULE (€ ëï)', patientKey: '9999999' };
    const file = path.join(dir, 'groot.csv');
    fs.writeFileSync(
      file,
      writeExport([...many, last], { format: 'csv', headers: 'en', delimiter: ',', encoding: 'windows-1252', dates: 'yyyy-mm-dd' }),
    );
    expect(fs.statSync(file).size).toBeGreaterThan(8 << 20);
    for (const parallel of [false, true]) {
      const { db, groupId } = freshDb();
      const { summary } = importFile(db, { name: 'groot.csv', path: file }, { groupId, parallel });
      expect(summary.rejected).toBe(0);
      expect(db.prepare(`SELECT product FROM ${STORED_DISPENSINGS} WHERE pt.key = '9999999'`).get()).toEqual({
        product: 'OXYCODON CAPSULE (€ ëï)',
      });
      expect(storedLines(db)).toEqual(expectedLines([...many, last]));
    }
  });
});
