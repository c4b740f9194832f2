import { describe, expect, it } from 'vitest';
import { writeExport } from '../../db/demo/export';
import { analyzeOffThread } from '../../db/import/pipeline';
import { importFile } from '../../db/import/import-file';
import { readTable } from '../../db/import/table';
import { MAX_ROW_CELLS } from '../../db/import/text';
import { expectOk, tempCore } from '../helpers/temp';
import { xlsxBomb } from '../helpers/zip-bomb';
import { addGroup, records, tableCounts } from './helpers';
import { IMPORT_WORKER_BESIDE } from '../../db/import/worker-url';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const realWorkbook = () => writeExport(records(50), { format: 'xlsx', headers: 'nl', dates: 'cell' });

describe('hostile files are refused before they can fill the memory (issue 12.1)', () => {
  it('a zip bomb .xlsx is refused with a Dutch message, by every door that reads spreadsheets', async () => {
    const bomb = await xlsxBomb(realWorkbook(), 500_000); // ~100 MB of sheet in a few hundred KB
    expect(bomb.length).toBeLessThan(2_000_000);
    const { core, db } = tempCore();
    const groupId = addGroup(db);
    const before = tableCounts(db);
    expect(() => importFile(db, { name: 'bom.xlsx', bytes: bomb }, { groupId, parallel: false })).toThrow(
      /bom\.xlsx is te groot als het wordt uitgepakt/,
    );
    const analysis = await core.call('imports.analyze', { name: 'bom.xlsx', contentBase64: b64(bomb) });
    expect(analysis).toMatchObject({
      ok: false,
      error: { code: 'import', message: expect.stringMatching(/te groot als het wordt uitgepakt/) },
    });
    const sheet = await core.call('agreements.importReviewSheet', { fileName: 'bom.xlsx', base64: b64(bomb), dryRun: true });
    expect(sheet).toMatchObject({ ok: false, error: { message: expect.stringMatching(/te groot als het wordt uitgepakt/) } });
    expect(tableCounts(db)).toEqual(before);
  });

  it('a bomb whose headers understate its size is caught by what it really unpacks to', async () => {
    const bomb = await xlsxBomb(realWorkbook(), 500_000, { lie: true });
    expect(() => readTable('leugen.xlsx', { bytes: bomb })).toThrow(/leugen\.xlsx is te groot als het wordt uitgepakt/);
  });

  it('a real workbook is still read', () => {
    const rows = [...readTable('echt.xlsx', { bytes: realWorkbook() }).rows];
    expect(rows.length).toBe(51);
  });

  it('a CSV line with millions of cells stops at the row-width limit', () => {
    const line = Buffer.from(`Patiëntnummer;Afleverdatum;ATC\r\n${'1;'.repeat(5_000_000)}\r\n`);
    expect(() => [...readTable('breed.csv', { bytes: line }).rows]).toThrow(
      new RegExp(`breed\\.csv, regel 2: deze regel heeft meer dan ${MAX_ROW_CELLS.toLocaleString('nl-NL').replace('.', '\\.')} kolommen`),
    );
  });

  it('a CSV line of many megabytes without a line end stops at the line-length limit', () => {
    const line = Buffer.from(`Patiëntnummer;Afleverdatum;ATC\r\n${'x'.repeat(12_000_000)}\r\n`);
    expect(() => [...readTable('lang.csv', { bytes: line }).rows]).toThrow(
      /lang\.csv, regel 2: deze regel is langer dan 2\.000\.000 tekens/,
    );
  });

  it('every spreadsheet, however small, is analysed off the calling thread', async () => {
    const small = realWorkbook();
    const pending = analyzeOffThread({ name: 'klein.xlsx', bytes: small }, {}, IMPORT_WORKER_BESIDE);
    expect(pending).toBeInstanceOf(Promise);
    expect((await pending).headerRow).toBe(1);
    const { core } = tempCore();
    expect(expectOk(await core.call('imports.analyze', { name: 'klein.xlsx', contentBase64: b64(small) })).headerRow).toBe(1);
  });
});
