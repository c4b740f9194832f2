import { describe, expect, it } from 'vitest';
import { writeExport } from '../../db/demo/export';
import { passesBsnTest } from '../../db/import/columns';
import { importFile } from '../../db/import/import-file';
import { expectOk, tempCore } from '../helpers/temp';
import { addGroup, records, STORED_COLUMNS, STORED_DISPENSINGS, tableCounts } from './helpers';

const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const HEADER = 'Patiëntnummer;Afleverdatum;ATC;Artikelomschrijving;Voorschrijver;Aantal;Dosering';
const ROW = '1000001;02-01-2024;N02AA05;OXYCODON 5MG CAPSULE;dr. A. Appelboom;20;3 dd 1';

/** Nine-digit numbers that pass the eleven-test, as fake BSNs (made here, not anyone's). */
function fakeBsns(count: number): string[] {
  const found: string[] = [];
  for (let n = 100_000_000; found.length < count; n += 7) if (passesBsnTest(String(n))) found.push(String(n));
  return found;
}

function setup() {
  const { core, db } = tempCore();
  const groupId = addGroup(db);
  // Something already in the database, so "nothing changed" is checked against real content.
  importFile(db, { name: 'ok.csv', bytes: csv([HEADER, ROW]) }, { groupId });
  return { core, db, groupId, before: tableCounts(db) };
}

/** Imports through the worker job, as the app does, and returns the one file's outcome. */
async function importViaJob(
  core: ReturnType<typeof setup>['core'],
  groupId: number,
  name: string,
  bytes: Uint8Array,
  mapping?: Record<string, string | null>,
) {
  const { jobId } = expectOk(
    await core.call('imports.start', { groupId, files: [{ name, contentBase64: b64(bytes), ...(mapping ? { mapping } : {}) }] }),
  );
  for (;;) {
    const progress = expectOk(await core.call('imports.progress', { jobId }));
    if (progress.done) return progress.files[0]!;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('files that cannot be imported change nothing and say why, in Dutch', () => {
  const cases: [string, string, () => Uint8Array, RegExp][] = [
    ['an empty file', 'leeg.csv', () => new Uint8Array(0), /leeg\.csv is leeg/],
    ['a file of blank lines', 'wit.csv', () => csv(['', '   ', '']), /is leeg/],
    ['a text file renamed .xlsx', 'tekst.xlsx', () => csv([HEADER, ROW]), /geen echt \.xlsx-bestand.*tekstbestand/],
    [
      'a truncated .xlsx',
      'kapot.xlsx',
      () => {
        const full = writeExport(records(200), { format: 'xlsx', headers: 'nl', dates: 'cell' });
        return full.subarray(0, Math.floor(full.length / 2));
      },
      /kapot\.xlsx is beschadigd of onvolledig/,
    ],
    [
      'a cell of a megabyte',
      'groot.csv',
      () => csv([HEADER, ROW, `${ROW.replace('3 dd 1', 'x'.repeat(1024 * 1024))}`]),
      /groot\.csv, regel 3, kolom "Dosering": een cel van 1\.048\.576 tekens is te lang/,
    ],
    ['an unknown extension', 'export.pdf', () => csv([HEADER, ROW]), /onbekend type \(\.pdf\)/],
    ['no header row', 'geen-kop.csv', () => csv(['a;b;c', '1;2;3']), /geen kopregel gevonden/],
  ];
  for (const [label, name, bytes, message] of cases) {
    it(label, async () => {
      const { core, db, groupId, before } = setup();
      const file = await importViaJob(core, groupId, name, bytes());
      expect(file.status).toBe('failed');
      expect(file.error).toMatch(message);
      expect(tableCounts(db)).toEqual(before);
      const analysis = await core.call('imports.analyze', { name, contentBase64: b64(bytes()) });
      // Unreadable files are an error; a file without a header row is a problem for the mapping screen.
      const text = analysis.ok ? analysis.value.problems.map((p) => p.message).join(' ') : analysis.error.message;
      expect(text).toMatch(message);
    });
  }
});

describe('columns', () => {
  it('a missing required column stops the import, names the field and changes nothing', async () => {
    const { core, db, groupId, before } = setup();
    const bytes = csv([
      'Patiëntnummer;Afleverdatum;Artikelomschrijving;Voorschrijver;Code',
      '1000001;02-01-2024;OXYCODON 5MG CAPSULE;dr. A;N02AA05',
    ]);
    const analysis = expectOk(await core.call('imports.analyze', { name: 'x.csv', contentBase64: b64(bytes) }));
    expect(analysis.needsMapping).toBe(true);
    expect(analysis.problems).toEqual([
      { field: 'atc', message: expect.stringMatching(/geen kolom gevonden voor ATC-code \(verplicht\)\. Kies een van: "Code"/) },
    ]);
    const failed = await importViaJob(core, groupId, 'x.csv', bytes);
    expect(failed.error).toMatch(/ATC-code/);
    expect(tableCounts(db)).toEqual(before);

    // The user picks the column; it works and is remembered for the next file with these headers.
    const done = await importViaJob(core, groupId, 'x.csv', bytes, { atc: 'Code' });
    expect(done).toMatchObject({ status: 'done', imported: 1 });
    const again = expectOk(await core.call('imports.analyze', { name: 'y.csv', contentBase64: b64(bytes) }));
    expect(again).toMatchObject({ rememberedMapping: true, needsMapping: false });
    expect(again.matched).toContainEqual({ field: 'atc', header: 'Code', column: 4 });
  });

  it('two columns for one field stop the import until the user picks one', async () => {
    const { core, db, groupId, before } = setup();
    const bytes = csv([
      'Patiëntnummer;Datum;Afleverdatum;ATC;Product;Arts',
      '1000002;01-01-2024;03-01-2024;N02AA05;OXYCODON 5MG CAPSULE;dr. B',
    ]);
    const analysis = expectOk(await core.call('imports.analyze', { name: 'x.csv', contentBase64: b64(bytes) }));
    expect(analysis.problems).toEqual([
      { field: 'dispenseDate', message: 'Twee kolommen passen bij Afleverdatum: "Datum" en "Afleverdatum". Kies welke kolom bedoeld is.' },
    ]);
    expect((await importViaJob(core, groupId, 'x.csv', bytes)).status).toBe('failed');
    expect(tableCounts(db)).toEqual(before);
    expect(await importViaJob(core, groupId, 'x.csv', bytes, { dispenseDate: 'Afleverdatum' })).toMatchObject({
      status: 'done',
      imported: 1,
    });
    expect(db.prepare(`SELECT dispense_date FROM ${STORED_DISPENSINGS} WHERE pt.key = '1000002'`).get()).toEqual({
      dispense_date: '2024-01-03',
    });
  });

  it('headers may carry a unit, accents and other spellings', async () => {
    const { core } = tempCore();
    const bytes = csv([
      'PATIENT-NR;Datum aflevering;atc code;Etiketnaam;Naam Voorschrijver;Gebruiksduur (dagen);Aantal (st)',
      '1;01-01-2024;N02AA05;X;dr. C;7;10',
    ]);
    const analysis = expectOk(await core.call('imports.analyze', { name: 'x.csv', contentBase64: b64(bytes) }));
    expect(analysis.problems).toEqual([]);
    expect(analysis.matched.map((m) => m.field)).toEqual([
      'patientKey',
      'dispenseDate',
      'atc',
      'product',
      'prescriberName',
      'daysSupply',
      'quantity',
    ]);
  });
});

describe('privacy: columns that identify patients are refused (spec §6)', () => {
  it('a column of BSNs and columns headed name, birth date or address are never read or stored', async () => {
    const { core, db, groupId } = setup();
    const bsns = fakeBsns(5);
    const bytes = csv([
      `${HEADER};Nummer;Naam;Geboortedatum;Adres`,
      ...bsns.map(
        (bsn, k) =>
          `${2000000 + k};02-01-2024;N02AA05;OXYCODON 5MG CAPSULE;dr. A. Appelboom;20;3 dd 1;${bsn};Jan Voorbeeld;01-01-1950;Dorpsstraat 1`,
      ),
    ]);
    const analysis = expectOk(await core.call('imports.analyze', { name: 'x.csv', contentBase64: b64(bytes) }));
    expect(analysis.refused).toEqual([
      { header: 'Nummer', column: 7, reason: 'de waarden zijn burgerservicenummers (BSN: ze doorstaan de elfproef)' },
      { header: 'Naam', column: 8, reason: 'de kolomnaam wijst op de naam van een persoon' },
      { header: 'Geboortedatum', column: 9, reason: 'de kolomnaam wijst op een geboortedatum' },
      { header: 'Adres', column: 10, reason: 'de kolomnaam wijst op een adres' },
    ]);
    expect(analysis.preview[0]!.slice(7)).toEqual(['', '', '', '']);
    // A refused column cannot be brought in by a mapping either.
    const mapped = expectOk(await core.call('imports.analyze', { name: 'x.csv', contentBase64: b64(bytes), mapping: { ownGp: 'Naam' } }));
    expect(mapped.problems[0]!.message).toMatch(/"Naam" is geweigerd/);

    expect(await importViaJob(core, groupId, 'x.csv', bytes)).toMatchObject({ status: 'done', imported: 5 });
    const everything =
      JSON.stringify(db.prepare(`SELECT ${STORED_COLUMNS} FROM ${STORED_DISPENSINGS}`).all()) +
      JSON.stringify(db.prepare('SELECT * FROM import_batch').all());
    for (const secret of [...bsns, 'Voorbeeld', '1950', 'Dorpsstraat']) expect(everything).not.toContain(secret);
  });

  it('a patient-number column that holds BSNs stops the import and says why', async () => {
    const { core, db, groupId, before } = setup();
    const bytes = csv([HEADER, ...fakeBsns(4).map((bsn) => `${bsn};02-01-2024;N02AA05;OXYCODON 5MG CAPSULE;dr. A;20;3 dd 1`)]);
    const failed = await importViaJob(core, groupId, 'x.csv', bytes);
    expect(failed.error).toMatch(/De kolom "Patiëntnummer" voor Patiëntnummer is geweigerd: de waarden zijn burgerservicenummers/);
    expect(tableCounts(db)).toEqual(before);
  });
});

describe('rows that fail validation are reported by row number, field and reason', () => {
  it('and everything else lands', async () => {
    const { core, db, groupId } = setup();
    const bytes = csv([
      'Overzicht', // row 1: a title
      HEADER, // row 2
      ';02-01-2024;N02AA05;OXYCODON 5MG CAPSULE;dr. A;20;3 dd 1',
      '1000003;31-02-2024;N02AA05;OXYCODON 5MG CAPSULE;dr. A;20;3 dd 1',
      '1000003;02-01-2024;;OXYCODON 5MG CAPSULE;dr. A;20;3 dd 1',
      '1000003;02-01-2024;N02AA05;;dr. A;20;3 dd 1',
      '1000003;02-01-2024;N02AA05;OXYCODON 5MG CAPSULE;;20;3 dd 1',
      '1000003;02-01-2024;N02AA05;OXYCODON 5MG CAPSULE;dr. A;twintig;3 dd 1',
      '1000003;02-01-2024;N02AA05;OXYCODON 5MG CAPSULE;dr. A;-20;3 dd 1',
      ';;;;;;',
      '1000003;02-01-2024;N02BE01;PARACETAMOL 500MG;dr. A;20;3 dd 1',
      '1000003;02-01-2024;n02aa05;OXYCODON 5MG CAPSULE;dr. A;1,5;3 dd 0,5',
      'Totaal;;;;;;61,5',
    ]);
    const file = await importViaJob(core, groupId, 'x.csv', bytes);
    expect(file).toMatchObject({ status: 'done', read: 11, imported: 1, alreadyPresent: 0, notOpioid: 1, rejected: 8, empty: 1 });
    expect(file.rejectedRows).toEqual([
      { row: 3, field: 'patientKey', reason: 'Het patiëntnummer ontbreekt.' },
      {
        row: 4,
        field: 'dispenseDate',
        reason: '"31-02-2024" is geen geldige datum (verwacht: dd-mm-jjjj of jjjj-mm-dd, tussen 1980 en 2100).',
      },
      { row: 5, field: 'atc', reason: 'De ATC-code ontbreekt.' },
      { row: 6, field: 'product', reason: 'De artikelomschrijving ontbreekt.' },
      { row: 7, field: 'prescriberName', reason: 'De voorschrijver ontbreekt (geen naam en geen AGB-code).' },
      { row: 8, field: 'quantity', reason: '"twintig" is geen getal.' },
      { row: 9, field: 'quantity', reason: 'Het aantal moet groter dan 0 zijn (hier -20).' },
      { row: 13, field: null, reason: 'Dit is een totaalregel, geen uitgifte.' },
    ]);
    const batchId = file.batchId!;
    expect(expectOk(await core.call('imports.rejections', { id: batchId }))).toEqual({ fileName: 'x.csv', rows: file.rejectedRows });
    expect(db.prepare(`SELECT atc, quantity, days_of_use FROM ${STORED_DISPENSINGS} WHERE pt.key = '1000003'`).get()).toEqual({
      atc: 'N02AA05',
      quantity: 1.5,
      days_of_use: 1,
    });
  });
});
