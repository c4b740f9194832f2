import { describe, expect, it } from 'vitest';
import { writeExport, type ExportDialect } from '../../db/demo/export';
import type { DispensingRecord } from '../../db/demo/generate';
import { analyzeFile, PARALLEL_FROM_BYTES, rememberedMappings } from '../../db/import/run';
import { importFile } from '../../db/import/import-file';
import { expectOk, tempCore } from '../helpers/temp';
import { addGroup, expectedLines, records, STORED_DISPENSINGS, storedLines, tableCounts } from './helpers';

const dialect: ExportDialect = { format: 'csv', headers: 'nl', delimiter: ';', encoding: 'utf-8', dates: 'dd-mm-yyyy' };
const file = (rows: DispensingRecord[], name = 'export.csv') => ({ name, bytes: writeExport(rows, dialect) });
const sum = (s: { imported: number; alreadyPresent: number; notOpioid: number; rejected: number; empty: number }) =>
  s.imported + s.alreadyPresent + s.notOpioid + s.rejected + s.empty;

describe('importing twice, overlapping exports, identical rows (spec §7)', () => {
  it('the same file twice adds nothing the second time', () => {
    const { db } = tempCore();
    const groupId = addGroup(db);
    const rows = records(500);
    const first = importFile(db, file(rows), { groupId }).summary;
    const before = tableCounts(db);
    const second = importFile(db, file(rows), { groupId }).summary;
    expect(second).toMatchObject({ imported: 0, alreadyPresent: first.imported, notOpioid: first.notOpioid });
    expect(sum(second)).toBe(second.read);
    expect(tableCounts(db)).toEqual({ ...before, import_batch: before.import_batch! + 1 });
  });

  it('an overlapping export adds only its new rows', () => {
    const { db } = tempCore();
    const groupId = addGroup(db);
    const rows = records(900);
    const january = rows.slice(0, 600);
    const february = rows.slice(400);
    importFile(db, file(january, 'jan.csv'), { groupId });
    const second = importFile(db, file(february, 'feb.csv'), { groupId }).summary;
    expect(second.alreadyPresent).toBe(expectedLines(rows.slice(400, 600)).length);
    expect(second.imported).toBe(expectedLines(rows.slice(600)).length);
    expect(storedLines(db)).toEqual(expectedLines(rows));
  });

  it('identical rows within one file are different dispensings (n = 1, 2), and stay so on a re-import', () => {
    const { db } = tempCore();
    const groupId = addGroup(db);
    const [row] = records(1).filter((r) => r.atc.startsWith('N02'));
    const rows = [row!, { ...row! }, { ...row! }];
    expect(importFile(db, file(rows), { groupId }).summary.imported).toBe(3);
    expect(importFile(db, file(rows), { groupId }).summary).toMatchObject({ imported: 0, alreadyPresent: 3 });
    // A later export with the row four times adds just the fourth.
    expect(importFile(db, file([...rows, { ...row! }]), { groupId }).summary).toMatchObject({ imported: 1, alreadyPresent: 3 });
  });

  it('the pharmacy is part of the identity, the dosing text is not', () => {
    const { db } = tempCore();
    const groupId = addGroup(db);
    const [row] = records(1);
    importFile(db, file([row!]), { groupId });
    expect(importFile(db, file([{ ...row!, pharmacy: 'Andere apotheek' }]), { groupId }).summary.imported).toBe(1);
    expect(importFile(db, file([{ ...row!, dosing: 'anders' }]), { groupId }).summary.alreadyPresent).toBe(1);
  });
});

describe('prescribers, practices and pharmacies from the data', () => {
  it('a practice column assigns prescribers without a practice; an explicit assignment always wins', async () => {
    const { core, db } = tempCore();
    const groupId = addGroup(db);
    const group2 = expectOk(await core.call('groups.create', { name: 'Andere groep' }));
    const elsewhere = expectOk(await core.call('practices.create', { groupId: group2.id, name: 'Elders' }));
    // dr. A is assigned by hand elsewhere; dr. B is explicitly "no practice".
    const a = expectOk(await core.call('prescribers.create', { name: 'dr. A', agb: '01234567', practiceId: elsewhere.id }));
    const b = expectOk(await core.call('prescribers.create', { name: 'dr. B', agb: '' }));
    expectOk(await core.call('prescribers.update', { id: b.id, name: 'dr. B', agb: '', practiceId: elsewhere.id }));
    expectOk(await core.call('prescribers.update', { id: b.id, name: 'dr. B', agb: '', practiceId: null }));
    const template = records(1)[0]!;
    const rows: DispensingRecord[] = [
      { ...template, prescriberName: 'dr. A', prescriberAgb: '1234567', practice: 'Praktijk Noord' },
      { ...template, prescriberName: 'dr. B', prescriberAgb: null, practice: 'Praktijk Noord', patientKey: '2' },
      { ...template, prescriberName: 'dr.  C ', prescriberAgb: null, practice: 'Praktijk  Noord', patientKey: '3' },
      { ...template, prescriberName: 'dr. D', prescriberAgb: '7654321', practice: null, patientKey: '4' },
    ];
    importFile(db, file(rows), { groupId });
    const prescribers = expectOk(await core.call('prescribers.list', {}));
    const practices = expectOk(await core.call('practices.list', {}));
    const noord = practices.find((p) => p.name === 'Praktijk Noord')!;
    expect(noord.groupId).toBe(groupId);
    expect(prescribers.find((p) => p.id === a.id)).toMatchObject({ practiceId: elsewhere.id, practiceSource: 'manual' });
    expect(prescribers.find((p) => p.id === b.id)).toMatchObject({ practiceId: null, practiceSource: 'manual' });
    expect(prescribers.find((p) => p.key === 'dr. C')).toMatchObject({ practiceId: noord.id, practiceSource: 'data' });
    expect(prescribers.find((p) => p.key === '07654321')).toMatchObject({ name: 'dr. D', practiceId: null, practiceSource: null });
    expect(expectOk(await core.call('pharmacies.list', {})).map((p) => p.name)).toEqual([template.pharmacy]);
  });
});

describe('import history and undo', () => {
  it('lists every import and undoes one whole, with what it created and nothing the user made', async () => {
    const { core, db } = tempCore();
    const groupId = addGroup(db);
    const rows = records(300);
    const manual = expectOk(await core.call('prescribers.create', { name: rows[0]!.prescriberName, agb: rows[0]!.prescriberAgb ?? '' }));
    const first = importFile(db, file(rows.slice(0, 200), 'een.csv'), { groupId });
    const afterFirst = storedLines(db);
    const second = importFile(db, file(rows.slice(100), 'twee.csv'), { groupId });

    const list = expectOk(await core.call('imports.list', {}));
    expect(list.map((b) => [b.fileName, b.imported, b.dispensings])).toEqual([
      ['twee.csv', second.summary.imported, second.summary.imported],
      ['een.csv', first.summary.imported, first.summary.imported],
    ]);
    expect(expectOk(await core.call('imports.undoImpact', { id: second.batchId })).consequences[0]).toBe(
      `${second.summary.imported} uitgiften worden verwijderd`,
    );
    expect(expectOk(await core.call('imports.undo', { id: second.batchId }))).toEqual({ removedDispensings: second.summary.imported });
    expect(storedLines(db)).toEqual(afterFirst);
    // The undone file's own patients and products leave their tables; the first file's stay.
    const patientKeys = () => db.prepare('SELECT key FROM patient ORDER BY key').pluck().all();
    expect(patientKeys()).toEqual(db.prepare(`SELECT DISTINCT pt.key FROM ${STORED_DISPENSINGS} ORDER BY pt.key`).pluck().all());
    const productIds = () => db.prepare('SELECT id FROM dispensed_product ORDER BY id').pluck().all();
    expect(productIds()).toEqual(db.prepare('SELECT DISTINCT product_id FROM dispensing ORDER BY product_id').pluck().all());

    expectOk(await core.call('imports.undo', { id: first.batchId }));
    expect(tableCounts(db)).toMatchObject({ dispensing: 0, import_batch: 0, practice: 0, pharmacy: 0, prescriber: 1 });
    expect(patientKeys()).toEqual([]);
    expect(productIds()).toEqual([]);
    expect(expectOk(await core.call('prescribers.list', {})).map((p) => p.id)).toEqual([manual.id]);
    expect((await core.call('imports.undo', { id: first.batchId })).ok).toBe(false);
  });
});

describe('products: short/long-acting check with overrides', () => {
  it('lists products with the rule that decided, marks the text rule for review, and applies overrides', async () => {
    const { core, db } = tempCore();
    const groupId = addGroup(db);
    const template = records(1)[0]!;
    const rows: DispensingRecord[] = [
      { ...template, atc: 'N02AA05', product: 'OXYCODON 10MG TABLET MGA', formCode: '310' },
      { ...template, atc: 'N02AA05', product: 'OXYCODON 5MG CAPSULE', formCode: null, patientKey: '2' },
      { ...template, atc: 'N02AB03', product: 'FENTANYL 12MCG/UUR', formCode: null, patientKey: '3' },
      { ...template, atc: 'N02AX02', product: 'TRAMADOL 50MG', formCode: '200', patientKey: '4' },
    ];
    importFile(db, file(rows), { groupId });
    const products = expectOk(await core.call('products.list', {}));
    expect(products.map((p) => [p.product, p.opioidClass, p.rule, p.longActingByRule, p.needsReview, p.longActing])).toEqual([
      ['FENTANYL 12MCG/UUR', 'strong', 'text', true, true, true],
      ['OXYCODON 10MG TABLET MGA', 'strong', 'form', true, false, true],
      ['OXYCODON 5MG CAPSULE', 'strong', 'text', false, true, false],
      ['TRAMADOL 50MG', 'weak', 'text', false, true, false], // code 200 decides nothing (§3 v2)
    ]);
    const overridden = expectOk(await core.call('products.setOverride', { product: 'OXYCODON 5MG CAPSULE', longActing: true }));
    expect(overridden).toMatchObject({ override: true, longActing: true, longActingByRule: false, needsReview: false });
    expect(db.prepare('SELECT long_acting FROM product_class').all()).toEqual([{ long_acting: 1 }]);
    expect(expectOk(await core.call('products.clearOverride', { product: 'OXYCODON 5MG CAPSULE' }))).toMatchObject({
      override: null,
      needsReview: true,
    });
    expect(await core.call('products.setOverride', { product: 'ONBEKEND', longActing: true })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('import jobs run in a worker thread', () => {
  it('report progress and per-file summaries, one transaction per file', async () => {
    const { core, db } = tempCore();
    const groupId = addGroup(db);
    const rows = records(3000);
    const good = writeExport(rows, { ...dialect, format: 'xlsx', dates: 'cell' });
    const bad = Buffer.from('geen;kopregel\n1;2\n');
    // Large enough for a parser thread, which takes over the worker's copy of the bytes.
    const more = records(40_000, 21);
    const big = writeExport(more, dialect);
    expect(big.length).toBeGreaterThan(PARALLEL_FROM_BYTES);
    const { jobId } = expectOk(
      await core.call('imports.start', {
        groupId,
        files: [
          { name: 'goed.xlsx', contentBase64: good.toString('base64') },
          { name: 'fout.csv', contentBase64: bad.toString('base64') },
          { name: 'groot.csv', contentBase64: big.toString('base64') },
        ],
      }),
    );
    const seen: number[] = [];
    let progress = expectOk(await core.call('imports.progress', { jobId }));
    while (!progress.done) {
      seen.push(progress.fraction);
      // The main connection keeps answering while the worker writes.
      expectOk(await core.call('groups.list', {}));
      await new Promise((resolve) => setTimeout(resolve, 10));
      progress = expectOk(await core.call('imports.progress', { jobId }));
    }
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    expect(progress.fraction).toBe(1);
    expect(progress.files.map((f) => f.status)).toEqual(['done', 'failed', 'done']);
    expect(progress.files[2]).toMatchObject({ imported: expectedLines(more).length, alreadyPresent: 0 });
    expect(progress.files[0]).toMatchObject({ file: 'goed.xlsx', imported: expectedLines(rows).length, batchId: expect.any(Number) });
    expect(progress.files[1]!.error).toMatch(/fout\.csv is geen kopregel gevonden|In fout\.csv is geen kopregel gevonden/);
    expect(storedLines(db)).toEqual([...expectedLines(rows), ...expectedLines(more)].sort());
    expect(await core.call('imports.progress', { jobId: 'bestaat-niet' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('large files are read in a parser thread', () => {
  it('with the same outcome as reading them in this thread, refusals included', () => {
    const rows = records(20_000, 9);
    const bytes = writeExport(rows, {
      format: 'csv',
      headers: 'nl',
      delimiter: ';',
      encoding: 'windows-1252',
      dates: 'd-m-yyyy',
      totalsRow: true,
      titleRows: ['Overzicht'],
    });
    const outcomes = [true, false].map((parallel) => {
      const { db } = tempCore();
      const groupId = addGroup(db);
      const { summary } = importFile(db, { name: 'groot.csv', bytes }, { groupId, parallel });
      const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'dispensing' ORDER BY name").all();
      return {
        summary,
        lines: storedLines(db),
        indexes,
        prescribers: db.prepare('SELECT key, name, practice_id FROM prescriber ORDER BY key').all(),
      };
    });
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect(outcomes[0]!.lines).toEqual(expectedLines(rows));

    const { db } = tempCore();
    const groupId = addGroup(db);
    const before = tableCounts(db);
    const broken = Buffer.concat([bytes, Buffer.from(`1;1-1-2024;N02AA05;X;dr. A;;1;;${'x'.repeat(20_000)}\r\n`)]);
    expect(() => importFile(db, { name: 'groot.csv', bytes: broken }, { groupId, parallel: true })).toThrow(
      /groot\.csv, regel \d+, kolom "Dosering": een cel van 20\.000 tekens is te lang/,
    );
    expect(tableCounts(db)).toEqual(before);
  });
});

describe('imports.analyze', () => {
  it('analyses a large file in a worker thread, with the same answer as in this thread', async () => {
    const { core, db } = tempCore();
    const rows = records(40_000, 17);
    const bytes = writeExport(rows, { ...dialect, titleRows: ['Overzicht'] });
    expect(bytes.length).toBeGreaterThan(PARALLEL_FROM_BYTES);
    const analysis = expectOk(await core.call('imports.analyze', { name: 'groot.csv', contentBase64: bytes.toString('base64') }));
    expect(analysis).toEqual(analyzeFile({ name: 'groot.csv', bytes }, rememberedMappings(db)));
    expect(analysis).toMatchObject({ headerRow: 3, dataRows: rows.length, needsMapping: false });

    const broken = Buffer.concat([bytes, Buffer.from(`1;1-1-2024;N02AA05;X;dr. A;;1;;${'x'.repeat(20_000)}\r\n`)]);
    expect(await core.call('imports.analyze', { name: 'groot.csv', contentBase64: broken.toString('base64') })).toMatchObject({
      ok: false,
      error: {
        code: 'import',
        message: expect.stringMatching(/^groot\.csv, regel \d+, kolom "Dosering": een cel van 20\.000 tekens is te lang/),
      },
    });
  });
});
