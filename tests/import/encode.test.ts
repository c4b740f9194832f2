/**
 * The parser and the writer exchange rows as flat lists (encode.ts): every field must come back out
 * of its own place, also for the values a real export holds at its edges, and also after the list
 * crossed to another thread (structured clone, as postMessage does).
 */
import { describe, expect, it } from 'vitest';
import { outcomeBatches, type RowPlan } from '../../db/import/batches';
import { fromData } from '../../db/import/dose';
import { decodeRejection, decodeRow, encodeRejection, encodeRow, REJECTION, ROW, TAG, type DispensingRow } from '../../db/import/encode';

const ordinary: DispensingRow = {
  identity: -3960541746211462569n,
  pharmacy: 'Apotheek De Brug',
  patientKey: 'P000123',
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

describe('the rows between parser and writer', () => {
  it('have one offset per field, each used once', () => {
    const offsets = Object.entries(ROW)
      .filter(([name]) => name !== 'width')
      .map(([, offset]) => offset);
    expect([...offsets].sort((a, b) => a - b)).toEqual(Array.from({ length: ROW.width }, (_, i) => i));
    expect(Object.keys(ordinary).sort()).toEqual(
      Object.keys(ROW)
        .filter((name) => name !== 'width')
        .sort(),
    );
  });

  it('come back as they went in, edge values too, after crossing to another thread', () => {
    const rows = [ordinary, edges, negative];
    const items: unknown[] = [];
    items.push(TAG.empty);
    encodeRow(items, ordinary);
    items.push(TAG.notOpioid);
    encodeRejection(items, { row: 12, field: 'dispenseDate', reason: '"31-02-2024" is geen geldige datum.' });
    encodeRow(items, edges);
    encodeRejection(items, { row: 1_048_576, field: null, reason: '' });
    encodeRow(items, negative);
    expect(items).toHaveLength(2 + 3 * (1 + ROW.width) + 2 * (1 + REJECTION.width));
    // A packed list: every value was appended in order, none skipped.
    expect(Object.keys(items)).toHaveLength(items.length);

    const crossed = structuredClone(items);
    const decoded: unknown[] = [];
    for (let i = 0; i < crossed.length;) {
      const tag = crossed[i++];
      if (tag === TAG.dispensing) {
        decoded.push(decodeRow(crossed, i));
        i += ROW.width;
      } else if (tag === TAG.rejected) {
        decoded.push(decodeRejection(crossed, i));
        i += REJECTION.width;
      } else decoded.push(tag);
    }
    expect(decoded).toEqual([
      TAG.empty,
      rows[0],
      TAG.notOpioid,
      { row: 12, field: 'dispenseDate', reason: '"31-02-2024" is geen geldige datum.' },
      rows[1],
      { row: 1_048_576, field: null, reason: '' },
      rows[2],
    ]);
    expect(Object.is((decoded[4] as DispensingRow).quantity, 0)).toBe(true);
  });

  it('send a text that repeats within a batch once, and each batch decodes on its own', () => {
    const first: unknown[] = [];
    encodeRow(first, ordinary);
    encodeRow(first, { ...ordinary, patientKey: 'P000124', product: 'MORFINE 10MG TABLET', prescriberAgb: null });
    const strings = (items: unknown[]) => items.filter((value) => typeof value === 'string').length;
    // The second row adds only its own patient and product; its other texts point at the first row's.
    expect(strings(first)).toBe(strings(first.slice(0, 1 + ROW.width)) + 2);
    const second: unknown[] = [];
    encodeRow(second, ordinary);
    expect(second).toEqual(first.slice(0, 1 + ROW.width));
    const crossed = structuredClone(first);
    expect(decodeRow(crossed, 1)).toEqual(ordinary);
    expect(decodeRow(crossed, 2 + ROW.width)).toEqual({
      ...ordinary,
      patientKey: 'P000124',
      product: 'MORFINE 10MG TABLET',
      prescriberAgb: null,
    });
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
    const [batch] = [...outcomeBatches(false, { fraction: 0 }, rows, plan, fromData({ units: [], products: [] }))];
    const items = batch!.items;
    expect(items[0]).toBe(TAG.dispensing);
    const row = decodeRow(items, 1);
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
    expect(typeof row.identity).toBe('bigint');
    const rest = items.slice(1 + ROW.width);
    expect(rest.slice(0, 2)).toEqual([TAG.empty, TAG.notOpioid]);
    expect(rest[2]).toBe(TAG.rejected);
    expect(decodeRejection(rest, 3)).toMatchObject({ row: 5, field: 'dispenseDate' });
    expect(rest).toHaveLength(3 + REJECTION.width);
  });
});
