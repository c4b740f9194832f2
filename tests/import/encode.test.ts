/**
 * The parser and the writer exchange rows as batches of typed arrays (encode.ts): every field must
 * come back out of its own place, also for the values a real export holds at its edges, and also after
 * the batch crossed to another thread (its buffers transferred, as postMessage does).
 */
import { describe, expect, it } from 'vitest';
import { outcomeBatches, type RowPlan } from '../../db/import/batches';
import { fromData } from '../../db/import/dose';
import {
  batchBuffers,
  BatchEncoder,
  DispensingCursor,
  NUMBER,
  TEXT,
  type Batch,
  type DispensingRow,
  type Rejected,
} from '../../db/import/encode';

const ordinary: DispensingRow = {
  identity: -3960541746211462569n,
  pharmacy: 'Apotheek De Brug',
  patientKey: 'P000123',
  patientOrdinal: 0,
  date: '2024-03-01',
  atc: 'N02AA05',
  product: 'OXYCODON HCL 10MG TABLET MGA',
  opioidClass: 'strong',
  longActing: 1,
  actingRule: 'text',
  prescriberKey: '01234567',
  prescriberName: 'Dr. A. de Vries',
  prescriberAgb: '01234567',
  quantity: 56,
  daysSupply: 28,
  dosing: '2dd1',
  daysOfUse: 28,
  ownGp: '07654321',
  practice: 'Huisartsenpraktijk Noord',
  formCode: '310',
  daysSource: 1,
  route: 'oral',
  dailyOme: 30,
  doseClass: 2,
};

const edges: DispensingRow = {
  identity: -(2n ** 63n),
  pharmacy: null,
  patientKey: '',
  patientOrdinal: 2 ** 31,
  date: '1980-01-01',
  atc: 'N02AB03',
  product: 'FENTANYL 12µG/UUR PLEISTER — “matrix” 💊 ÀÉÎÕÜ ß ĳ',
  opioidClass: 'weak',
  longActing: 0,
  actingRule: 'form',
  prescriberKey: 'ğ ü Ω 中文',
  prescriberName: 'Ö'.repeat(10_000),
  prescriberAgb: null,
  quantity: 0,
  daysSupply: null,
  dosing: 'x'.repeat(9_999) + '\n',
  daysOfUse: 0,
  ownGp: null,
  practice: '',
  formCode: null,
  daysSource: 3,
  route: 'transmucosal',
  dailyOme: -0.001,
  doseClass: 0,
};

const negative: DispensingRow = {
  ...ordinary,
  identity: 2n ** 63n - 1n,
  quantity: -1.5,
  daysSupply: -7,
  daysOfUse: -1,
  dailyOme: null,
  doseClass: 15,
};

const fields = Object.keys(ordinary) as (keyof DispensingRow)[];

/** The batch's dispensings as plain rows, read through the writer's cursor. */
function dispensings(batch: Batch): DispensingRow[] {
  const rows: DispensingRow[] = [];
  for (const cursor = new DispensingCursor(batch); cursor.next();) {
    rows.push(Object.fromEntries(fields.map((field) => [field, cursor[field]])) as unknown as DispensingRow);
  }
  return rows;
}

/** The batch as another thread receives it: its buffers handed over, the rest cloned. */
function crossed(batch: Batch): Batch {
  return structuredClone(batch, { transfer: batchBuffers(batch) });
}

describe('the rows between parser and writer', () => {
  it('have one place per field, each used once', () => {
    for (const layout of [TEXT, NUMBER]) {
      const offsets = Object.entries(layout)
        .filter(([name]) => name !== 'width')
        .map(([, offset]) => offset);
      expect([...offsets].sort((a, b) => a - b)).toEqual(Array.from({ length: layout.width }, (_, i) => i));
    }
    const placed = ['identity', ...Object.keys(TEXT), ...Object.keys(NUMBER)].filter((name) => name !== 'width');
    expect(placed.sort()).toEqual([...fields].sort());
  });

  it('come back as they went in, edge values too, after crossing to another thread', () => {
    const rejections: Rejected[] = [
      { row: 12, field: 'dispenseDate', reason: '"31-02-2024" is geen geldige datum.' },
      { row: 1_048_576, field: null, reason: '' },
    ];
    const encoder = new BatchEncoder(8);
    encoder.addEmpty();
    encoder.addDispensing(ordinary);
    encoder.addNotOpioid();
    encoder.addRejection(rejections[0]!);
    encoder.addDispensing(edges);
    encoder.addRejection(rejections[1]!);
    encoder.addDispensing(negative);
    expect(encoder.rows).toBe(7);
    const sent = encoder.finish(0.5);
    const received = crossed(sent);
    // Handed over, not copied: the parser's arrays are empty now.
    expect(sent.numbers.byteLength).toBe(0);
    expect(received).toMatchObject({ empty: 1, notOpioid: 1, rejections, fraction: 0.5 });
    expect(dispensings(received)).toEqual([ordinary, edges, negative]);
    expect(Object.is(dispensings(received)[1]!.quantity, 0)).toBe(true);
  });

  it('send a text that repeats within a batch once, and each batch decodes on its own', () => {
    const other = { ...ordinary, patientKey: 'P000124', product: 'MORFINE 10MG TABLET', prescriberAgb: null };
    const first = new BatchEncoder(2);
    first.addDispensing(ordinary);
    const distinct = new Set(fields.map((field) => ordinary[field]).filter((value) => typeof value === 'string')).size;
    first.addDispensing(other);
    const batch = first.finish(1);
    // The second row adds only its own patient and product; its other texts point at the first row's.
    expect(batch.texts).toHaveLength(distinct + 2);
    const second = new BatchEncoder(2);
    second.addDispensing(ordinary);
    expect(second.finish(1).texts).toEqual(batch.texts.slice(0, distinct));
    expect(dispensings(crossed(batch))).toEqual([ordinary, other]);
  });

  it('carry each cell of an export row to the field it belongs to', () => {
    const headers = [
      'Apotheek',
      'Patiëntnummer',
      'Afleverdatum',
      'ATC',
      'Artikelomschrijving',
      'Voorschrijver',
      'AGB',
      'Aantal',
      'Dagen',
      'Dosering',
      'Eigen huisarts',
      'Praktijk',
      'Farmaceutische vorm',
    ];
    const plan: RowPlan = {
      name: 'export.csv',
      headers,
      headerRow: 1,
      columns: {
        pharmacy: 0,
        patientKey: 1,
        dispenseDate: 2,
        atc: 3,
        product: 4,
        prescriberName: 5,
        prescriberAgb: 6,
        quantity: 7,
        daysSupply: 8,
        dosing: 9,
        ownGp: 10,
        practice: 11,
        formCode: 12,
      },
    };
    const cells = [
      ' Apotheek  Zuid ',
      'P-7',
      '01-03-2024',
      'n02aa05',
      'OXYCODON 10MG TABLET MGA',
      'Dr.  Jansen',
      '1234567',
      '56',
      '28',
      '2dd1',
      '7654321',
      'Praktijk Oost',
      '310',
    ];
    const rows = [
      { row: 2, cells },
      { row: 3, cells: cells.map(() => ' ') },
      { row: 4, cells: cells.map((cell, c) => (c === 3 ? 'N02BE01' : cell)) },
      { row: 5, cells: cells.map((cell, c) => (c === 2 ? '31-02-2024' : cell)) },
    ];
    const tables = fromData({ units: [], products: [] });
    const [batch] = [...outcomeBatches(false, { fraction: 0 }, rows, plan, tables)];
    const [row] = dispensings(batch!);
    expect(row).toMatchObject({
      pharmacy: 'Apotheek Zuid',
      patientKey: 'P-7',
      date: '2024-03-01',
      atc: 'N02AA05',
      product: 'OXYCODON 10MG TABLET MGA',
      opioidClass: 'strong',
      longActing: 1,
      actingRule: 'form',
      prescriberName: 'Dr. Jansen',
      prescriberAgb: '01234567',
      quantity: 56,
      daysSupply: 28,
      dosing: '2dd1',
      daysOfUse: 28,
      ownGp: '07654321',
      practice: 'Praktijk Oost',
      formCode: '310',
      daysSource: 1,
    });
    expect(typeof row!.identity).toBe('bigint');
    expect(batch).toMatchObject({ empty: 1, notOpioid: 1, rejections: [{ row: 5, field: 'dispenseDate' }] });
    expect(batch!.identities).toHaveLength(1);

    // Enough rows for several full batches: none lost at a batch's edge, all in their order.
    const many = Array.from({ length: 10_000 }, (_, k) => ({
      row: k + 2,
      cells: rows[k % 4]!.cells.map((cell, c) => (c === 1 && k % 4 !== 1 ? `P-${k}` : cell)),
    }));
    const batches = [...outcomeBatches(false, { fraction: 0 }, many, plan, tables)];
    expect(batches.length).toBeGreaterThan(2);
    const every = (kind: number) => many.filter((_, k) => k % 4 === kind);
    expect(batches.flatMap(dispensings).map((r) => r.patientKey)).toEqual(every(0).map((r) => r.cells[1]));
    expect(batches.flatMap((b) => b.rejections.map((r) => r.row))).toEqual(every(3).map((r) => r.row));
    expect(batches.reduce((n, b) => n + b.empty, 0)).toBe(every(1).length);
    expect(batches.reduce((n, b) => n + b.notOpioid, 0)).toBe(every(2).length);
  });
});
