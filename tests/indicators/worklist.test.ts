import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { loadDemo } from '../../db/demo/load';
import { computeIndicators, specJson } from '../../db/indicators/compute';
import { regionalSummary, suppressCount } from '../../db/indicators/privacy';
import { expectOk, tempCore } from '../helpers/temp';
import { world } from './fixtures';
import { byLevelAndKey, referenceIndicators } from './reference';

function chronicWorld() {
  const made = world();
  const w = made.world;
  w.practice('De Linde', 'FTO Noord');
  w.practice('Het Anker', 'FTO Noord');
  w.prescriber('11111111', 'De Linde', 'A. de Vries');
  w.prescriber('22222222', 'Het Anker', 'B. Bakker');
  w.dispense(
    // p-chronisch: 4 x 30 days by the GP and one by a specialist: chronic, attributed to De Linde.
    ...['2024-01-05', '2024-02-04', '2024-03-05', '2024-04-04'].map((date) => ({
      patient: 'P-001',
      date,
      prescriber: '11111111',
      days: 30,
      product: 'OXYCODON 10MG TABLET MGA',
      ome: 30,
    })),
    {
      patient: 'P-001',
      date: '2024-05-04',
      prescriber: 'Pijnpoli',
      days: 30,
      product: 'FENTANYL 25MCG/UUR PLEISTER',
      atc: 'N02AB03',
      ome: 60,
    },
    // Chronic too, but at Het Anker: not on De Linde's list.
    { patient: 'P-002', date: '2024-01-05', prescriber: '22222222', days: 120 },
    // Not chronic.
    { patient: 'P-003', date: '2024-01-05', prescriber: '11111111', days: 20 },
  );
  return made;
}

describe('chronic-user worklist', () => {
  it("lists only the practice's own chronic users, with the details the practice needs", async () => {
    const { core, db } = chronicWorld();
    const linde = (db.prepare("SELECT id FROM practice WHERE name = 'De Linde'").get() as { id: number }).id;
    const list = expectOk(await core.call('worklist.chronic', { practiceId: linde, year: 2024 }));
    expect(list).toMatchObject({ practice: 'De Linde', from: '2024-01-01', to: '2024-12-31', settings: { chronicDays: 90 } });
    expect(list.patients).toEqual([
      {
        patientKey: 'P-001',
        responsibleKey: '11111111',
        responsibleName: 'A. de Vries',
        coveredDays: 150,
        dispensings: 5,
        products: ['FENTANYL 25MCG/UUR PLEISTER', 'OXYCODON 10MG TABLET MGA'],
        lastDispensing: '2024-05-04',
        lastProduct: 'FENTANYL 25MCG/UUR PLEISTER',
        // (30 mg × 120 days + 60 mg × 30 days) ÷ 150 days.
        meanDailyOme: 36,
        highDose: false,
      },
    ]);
    const lower = expectOk(await core.call('worklist.chronic', { practiceId: linde, year: 2024, settings: { highDoseOme: 36 } }));
    expect(lower.patients[0]).toMatchObject({ meanDailyOme: 36, highDose: true });
    const missing = await core.call('worklist.chronic', { practiceId: 999, year: 2024 });
    expect(missing.ok || missing.error).toMatchObject({ code: 'not_found', field: 'practiceId' });
  });

  it('exports the same list as a real .xlsx with the definitions, for that practice only', async () => {
    const { core, db } = chronicWorld();
    const linde = (db.prepare("SELECT id FROM practice WHERE name = 'De Linde'").get() as { id: number }).id;
    const file = expectOk(await core.call('worklist.exportXlsx', { practiceId: linde, from: '2024-01-01', to: '2024-12-31' }));
    expect(file.fileName).toBe('werklijst-chronisch-De-Linde-2024-01-01-2024-12-31.xlsx');
    const book = XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer' });
    expect(book.SheetNames).toEqual(['Chronische gebruikers', 'Definities']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Chronische gebruikers']!, { header: 1 });
    expect(rows).toEqual([
      [
        'Patiëntnummer',
        'Verantwoordelijke voorschrijver',
        'Code voorschrijver',
        'Gedekte dagen',
        'Uitgiften in periode',
        'Gemiddeld mg OME per dag',
        'Hoge dosis',
        'Middelen',
        'Laatste uitgifte',
        'Laatste middel',
      ],
      [
        'P-001',
        'A. de Vries',
        '11111111',
        150,
        5,
        36,
        'nee',
        'FENTANYL 25MCG/UUR PLEISTER; OXYCODON 10MG TABLET MGA',
        45416,
        'FENTANYL 25MCG/UUR PLEISTER',
      ], // a real date cell: 4 May 2024
    ]);
    const definitions = XLSX.utils.sheet_to_json<string[]>(book.Sheets['Definities']!, { header: 1 });
    expect(definitions.find((r) => r[0] === 'Chronisch gebruik')?.[1]).toContain('minstens 90 dagen');
    expect(JSON.stringify(rows)).not.toContain('P-002');
  });
});

describe('assigning prescribers', () => {
  it('lists unassigned prescribers with their dispensings, and an explicit assignment moves their figures', async () => {
    const { core, db, world: w } = world();
    w.practice('De Linde', 'FTO Noord');
    w.prescriber('11111111', 'De Linde');
    w.dispense(
      { patient: 'p1', date: '2024-01-05', prescriber: 'Waarnemer Jansen' },
      { patient: 'p2', date: '2024-03-05', prescriber: 'Waarnemer Jansen', strong: false },
      { patient: 'p3', date: '2024-01-05', prescriber: 'Chirurg' },
      { patient: 'p4', date: '2024-01-05', prescriber: '11111111' },
    );
    expect(expectOk(await core.call('prescribers.unassigned', {}))).toEqual([
      expect.objectContaining({ key: 'Waarnemer Jansen', dispensings: 2, strongDispensings: 1, lastDispensing: '2024-03-05' }),
      expect.objectContaining({ key: 'Chirurg', dispensings: 1, strongDispensings: 1 }),
    ]);
    const jansen = (db.prepare("SELECT id FROM prescriber WHERE key = 'Waarnemer Jansen'").get() as { id: number }).id;
    const linde = (db.prepare("SELECT id FROM practice WHERE name = 'De Linde'").get() as { id: number }).id;
    expect(expectOk(await core.call('prescribers.assign', { prescriberId: jansen, practiceId: linde }))).toEqual({
      prescriberId: jansen,
      practiceId: linde,
    });
    expect(db.prepare('SELECT practice_source FROM prescriber WHERE id = ?').pluck().get(jansen)).toBe('manual');
    expect(expectOk(await core.call('prescribers.unassigned', {})).map((p) => p.key)).toEqual(['Chirurg']);
    const figures = expectOk(await core.call('indicators.compute', { year: 2024 }));
    expect(figures.rows.find((r) => r.key === 'De Linde')).toMatchObject({ dispensingsShort: 2, dispensingsWeak: 1, patientsAny: 2 });
    const bad = await core.call('prescribers.assign', { prescriberId: jansen, practiceId: 999 });
    expect(bad.ok || bad.error).toMatchObject({ code: 'validation', field: 'practiceId', message: 'Kies een bestaande praktijk.' });
  });

  it('applies a mapping through the contract, all or nothing', async () => {
    const { core, db } = tempCore();
    const result = expectOk(
      await core.call('prescribers.assignMany', {
        rows: [
          { prescriber: '12345678', practice: 'De Linde', group: 'FTO Noord' },
          { prescriber: 'Waarnemer Jansen', practice: '' },
        ],
      }),
    );
    expect(result).toEqual({ assigned: 2, createdPrescribers: 2, createdPractices: 1, createdGroups: 1 });
    const before = db.prepare('SELECT * FROM prescriber ORDER BY id').all();
    const refused = await core.call('prescribers.assignMany', {
      rows: [
        { prescriber: 'Nieuwe Arts', practice: 'Het Anker', group: 'FTO Zuid' },
        { prescriber: '123456789', practice: 'De Linde' },
      ],
    });
    expect(refused.ok || refused.error).toMatchObject({
      message: 'Toewijzing 2, kolom prescriber: "123456789" is geen AGB-code (8 cijfers).',
    });
    expect(db.prepare('SELECT * FROM prescriber ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM practice').pluck().get()).toBe(1);
  });
});

describe('privacy of regional exports', () => {
  it('shows counts from 1 to 9 as "<10", keeps 0 and 10+, drops prescribers and revealing rates', async () => {
    const { core, db, world: w } = world();
    w.practice('De Linde', 'FTO Noord', { 2024: 1000 });
    w.prescriber('11111111', 'De Linde');
    w.dispense(
      ...Array.from({ length: 12 }, (_, i) => ({ patient: `p${i % 3}`, date: `2024-0${1 + (i % 9)}-10`, prescriber: '11111111' })),
    );
    const result = expectOk(await core.call('indicators.compute', { year: 2024 }));
    const summary = regionalSummary(result);
    expect(summary.rows.map((r) => r.level)).toEqual(['practice', 'group', 'all']);
    expect(summary.rows[0]!.values).toMatchObject({ dispensingsShort: 12, patientsAny: '<10', dispensingsLong: 0 });
    expect(summary.rows[0]!.rates).toMatchObject({ dispensingsShort: 12, patientsAny: null, dispensingsLong: 0 });
    expect(JSON.stringify(summary)).not.toMatch(/p[0-2]"/);
    expect(regionalSummary(result, 3).rows[0]!.values.patientsAny).toBe(3);
    expect([0, 1, 9, 10].map((n) => suppressCount(n))).toEqual([0, '<10', '<10', 10]);
    expect(() => regionalSummary(result, 0)).toThrow();
    db.close();
  });
});

describe('on the demo data, through the real importer', () => {
  it('agrees with the naive transcription for every year', () => {
    const { db } = tempCore();
    loadDemo(db);
    for (const year of [2021, 2023, 2025]) {
      const period = { from: `${year}-01-01`, to: `${year}-12-31` };
      const settings = { chronicDays: 90, lookbackDays: 365, newUserMinDispensings: 4, startLimitDays: 7, highDoseOme: 90 };
      const fast = specJson(computeIndicators(db, { year }));
      const { patients: _, days: __, ...slow } = referenceIndicators(db, period.from, period.to, settings);
      expect({ ...fast, rows: byLevelAndKey(fast.rows) }).toEqual({ ...slow, rows: byLevelAndKey(slow.rows) });
      expect(fast.rows.find((r) => r.level === 'all')!.chronicUsers).toBeGreaterThan(0);
    }
  }, 180_000);
});
