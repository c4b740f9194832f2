import { describe, expect, it } from 'vitest';
import { loadDoseTables, recomputeDispensings } from '../../db/import/dose';
import { expectOk } from '../helpers/temp';
import { world } from '../indicators/fixtures';

/** Gegevens → Doseringen (spec §4.3, §4.4) and a product's strength and route by hand (§9), through the core. */

function withTexts() {
  const made = world();
  const w = made.world;
  w.prescriber('11111111');
  w.dispense(
    { patient: 'p1', date: '2024-01-01', prescriber: '11111111', quantity: 10, dosing: 'Volgens schema' },
    { patient: 'p2', date: '2024-01-01', prescriber: '11111111', quantity: 10, dosing: 'volgens  schema' },
    { patient: 'p3', date: '2024-01-01', prescriber: '11111111', quantity: 10, daysSupply: 5, dosing: 'volgens schema' },
    { patient: 'p4', date: '2024-01-01', prescriber: '11111111', quantity: 56, dosing: '2dd1' },
  );
  recomputeDispensings(made.db, loadDoseTables(made.db));
  return made;
}

const daysOf = (db: ReturnType<typeof world>['db']) =>
  db
    .prepare(
      'SELECT pt.key AS patient, days_of_use AS days, days_source AS source FROM dispensing d JOIN patient pt ON pt.id = d.patient_id ORDER BY pt.key',
    )
    .all();

describe('the user table of dosing texts', () => {
  it('lists texts not understood with their dispensings and the 14-day guesses, and settles them exactly', async () => {
    const { core, db } = withTexts();
    const unread = expectOk(await core.call('dosing.unread', {}));
    const schema = unread.find((u) => u.dispensings === 3)!;
    // Three spellings, one dispensing each: the tie goes to the smallest text.
    expect(schema).toMatchObject({ example: 'Volgens schema', dispensings: 3, guessed: 2 });
    expect(unread.some((u) => u.example === '2dd1')).toBe(false);
    expect(daysOf(db)).toEqual([
      { patient: 'p1', days: 14, source: 3 },
      { patient: 'p2', days: 14, source: 3 },
      { patient: 'p3', days: 5, source: 1 },
      { patient: 'p4', days: 28, source: 2 },
    ]);

    // 10 units at 1/3 a day: exactly 30 days, not 31; the days supply still wins for p3.
    const set = expectOk(await core.call('dosing.set', { text: 'Volgens Schema', units: '1/3' }));
    expect(set).toMatchObject({ dispensings: 3, changedDaysOfUse: 2, entry: { units: { num: 1, den: 3 }, dispensings: 3 } });
    expect(daysOf(db).slice(0, 3)).toEqual([
      { patient: 'p1', days: 30, source: 2 },
      { patient: 'p2', days: 30, source: 2 },
      { patient: 'p3', days: 5, source: 1 },
    ]);
    expect(expectOk(await core.call('dosing.unread', {})).some((u) => u.text === schema.text)).toBe(false);
    expect(expectOk(await core.call('dosing.list', {}))).toEqual([
      expect.objectContaining({ text: schema.text, units: { num: 1, den: 3 } }),
    ]);

    // A decimal comma, kept exact: 2,5 a day is 5/2; 10 ÷ 2,5 = 4 days.
    expect(expectOk(await core.call('dosing.set', { text: schema.text, units: '2,5' })).entry.units).toEqual({ num: 5, den: 2 });
    expect(daysOf(db)[0]).toEqual({ patient: 'p1', days: 4, source: 2 });

    expect(expectOk(await core.call('dosing.remove', { text: schema.text }))).toMatchObject({ dispensings: 3, changedDaysOfUse: 2 });
    expect(daysOf(db)[0]).toEqual({ patient: 'p1', days: 14, source: 3 });
    expect(expectOk(await core.call('dosing.list', {}))).toEqual([]);
  });

  it('refuses what is no positive number, in Dutch, and changes nothing', async () => {
    const { core, db } = withTexts();
    for (const [units, message] of [
      ['0', 'Het aantal eenheden per dag moet groter dan 0 zijn.'],
      ['twee', '"twee" is geen getal; schrijf bijvoorbeeld 2, 1,5 of 1/3.'],
      ['', 'Vul het aantal eenheden per dag in.'],
      ['1/0', '"1/0" is geen getal; schrijf bijvoorbeeld 2, 1,5 of 1/3.'],
    ] as const) {
      const result = await core.call('dosing.set', { text: 'volgens schema', units });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ field: 'units', message });
    }
    const missing = await core.call('dosing.remove', { text: 'elke dag een beetje' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toBe('"elke dag een beetje" staat niet in uw tabel met doseringen.');
    expect(db.prepare('SELECT count(*) FROM dosing_units').pluck().get()).toBe(0);
  });
});

describe('a product strength and route by hand', () => {
  it('wins over the text, recomputes its dispensings and can be cleared again', async () => {
    const made = world();
    const { core, db } = made;
    made.world.prescriber('11111111');
    made.world.dispense({
      patient: 'p1',
      date: '2024-01-01',
      prescriber: '11111111',
      atc: 'N02AB03',
      product: 'FENTANYL NEUSSPRAY X',
      quantity: 10,
      dosing: '2dd1',
    });
    const product = 'FENTANYL NEUSSPRAY X';
    const set = expectOk(await core.call('products.setDose', { product, strength: { value: '0,05', unit: 'mg' }, route: 'transmucosal' }));
    expect(set.product).toMatchObject({
      strengthByHand: true,
      routeByHand: true,
      route: 'transmucosal',
      strength: { value: 0.05, text: '0,05', unit: 'mg' },
      omeFactor: null,
    });
    expect(db.prepare('SELECT route FROM dispensing').pluck().get()).toBe('transmucosal');
    const result = expectOk(await core.call('indicators.compute', { year: 2024 }));
    expect(result.rows.find((r) => r.level === 'all')!.patientsFentanylRapid).toBe(1);

    // Clearing only the route keeps the strength.
    expect(expectOk(await core.call('products.setDose', { product, route: null })).product).toMatchObject({
      routeByHand: false,
      strengthByHand: true,
    });
    expect(expectOk(await core.call('products.setDose', { product, strength: null })).product).toMatchObject({ strengthByHand: false });
    expect(db.prepare('SELECT count(*) FROM product_dose').pluck().get()).toBe(0);

    const bad = await core.call('products.setDose', { product, strength: { value: '-1', unit: 'mg' } });
    expect(bad.ok).toBe(false);
    const unknown = await core.call('products.setDose', { product: 'BESTAAT NIET', route: 'oral' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.message).toBe('Het product "BESTAAT NIET" komt in geen enkele uitgifte voor.');
    expect(expectOk(await core.call('products.list', {}))[0]).toMatchObject({ product, formTextDisagree: false, massDosesUnread: 0 });
  });
});

describe('the import and the recomputation agree', () => {
  it('store the same days, rule, route, OME and dose class, in this thread and in a parser thread, with the user table read', async () => {
    const { writeExport } = await import('../../db/demo/export');
    const { importFile } = await import('../../db/import/import-file');
    const { records, addGroup } = await import('./helpers');
    const rows = records(3000, 11);
    const bytes = writeExport(rows, { format: 'csv', headers: 'nl', delimiter: ';', encoding: 'utf-8', dates: 'dd-mm-yyyy' });
    const columns = `SELECT identity, days_of_use, days_source, route, daily_ome, dose_class, long_acting_by_rule, acting_rule
       FROM dispensing d JOIN dispensed_product p ON p.id = d.product_id ORDER BY identity`;
    const stored: unknown[][] = [];
    for (const parallel of [false, true]) {
      const { db } = world();
      // The user's table is read by the import: "volgens schema" becomes 1 unit a day.
      db.prepare("INSERT INTO dosing_units (text, units_num, units_den) VALUES ('volgens schema', 1, 1)").run();
      importFile(db, { name: 'apotheek.csv', bytes }, { groupId: addGroup(db), parallel });
      const imported = db.prepare(columns).all();
      expect(
        db
          .prepare("SELECT count(*) FROM dispensing WHERE dosing = 'volgens schema' AND days_supply IS NULL AND days_source <> 2")
          .pluck()
          .get(),
      ).toBe(0);
      expect(db.prepare("SELECT count(*) FROM dispensing WHERE dosing = 'volgens schema'").pluck().get()).toBeGreaterThan(0);
      const again = db.transaction(() => recomputeDispensings(db, loadDoseTables(db)))();
      expect(again.changedDaysOfUse).toBe(0);
      expect(db.prepare(columns).all()).toEqual(imported);
      stored.push(imported);
    }
    expect(stored[1]).toEqual(stored[0]);
  });
});
