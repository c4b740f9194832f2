import { describe, expect, it } from 'vitest';
import { rateYear } from '../../db/indicators/days';
import { expectOk } from '../helpers/temp';
import { compute, noordWorld, row } from './fixtures';

/** Small worlds whose figures are worked out by hand, one rule of spec §5 at a time. */

/** FTO Noord, and FTO Zuid with Zuiderhof (list size 4000) and its GP Zorg, and a GP post of no practice. */
function twoPractices() {
  const made = noordWorld();
  const w = made.world;
  w.practice('Zuiderhof', 'FTO Zuid', { 2024: 4000 });
  w.prescriber('Zorg', 'Zuiderhof', 'Huisarts Zorg');
  w.prescriber('apotheek', null, 'Huisartsenpost');
  return made;
}

describe('indicators: spec §5 by hand', () => {
  it('counts dispensings and patients per prescriber, and each patient once at each higher level', async () => {
    const { core, world: w } = twoPractices();
    w.dispense(
      { patient: 'p1', date: '2024-02-01', prescriber: '11111111' },
      { patient: 'p1', date: '2024-03-01', prescriber: '22222222', long: true },
      { patient: 'p1', date: '2024-04-01', prescriber: '33333333' },
      { patient: 'p2', date: '2024-02-01', prescriber: '11111111', long: true },
      { patient: 'p2', date: '2023-12-31', prescriber: '11111111' }, // outside the period
    );
    const result = await compute(core);
    expect(row(result, 'prescriber', '11111111')).toMatchObject({
      dispensingsShort: 1,
      dispensingsLong: 1,
      patientsShort: 1,
      patientsLong: 1,
      patientsAny: 2,
    });
    expect(row(result, 'prescriber', '22222222')).toMatchObject({
      dispensingsLong: 1,
      patientsLong: 1,
      patientsAny: 1,
      practice: 'De Linde',
      group: 'FTO Noord',
    });
    expect(row(result, 'practice', 'De Linde')).toMatchObject({
      dispensingsShort: 1,
      dispensingsLong: 2,
      patientsShort: 1,
      patientsLong: 2,
      patientsAny: 2,
    });
    expect(row(result, 'practice', 'Het Anker')).toMatchObject({ dispensingsShort: 1, patientsAny: 1 });
    expect(row(result, 'group', 'FTO Noord')).toMatchObject({
      dispensingsShort: 2,
      dispensingsLong: 2,
      patientsShort: 1,
      patientsLong: 2,
      patientsAny: 2,
    });
    expect(row(result, 'all', 'all')).toMatchObject({ patientsAny: 2, dispensingsShort: 2 });
    // Every practice and group has a row, zeros included; `other` only when one of its prescribers has one.
    expect(row(result, 'practice', 'Zuiderhof')).toMatchObject({ dispensingsShort: 0, patientsAny: 0, chronicUsers: 0 });
    expect(row(result, 'group', 'FTO Zuid').patientsAny).toBe(0);
    expect(result.rows.some((r) => r.key === 'other')).toBe(false);
    expect(
      result.rows
        .filter((r) => r.level === 'prescriber')
        .map((r) => r.key)
        .sort(),
    ).toEqual(['11111111', '22222222', '33333333']);
  });

  it('keeps weak opioids out of every strong count and shows them as context', async () => {
    const { core, world: w } = twoPractices();
    w.dispense(
      { patient: 'p1', date: '2024-02-01', prescriber: '11111111', strong: false, days: 200 },
      { patient: 'p1', date: '2024-03-01', prescriber: 'Chirurg', strong: false },
    );
    const result = await compute(core);
    expect(row(result, 'prescriber', '11111111')).toMatchObject({
      dispensingsWeak: 1,
      dispensingsShort: 0,
      patientsAny: 0,
      chronicUsers: 0,
      newUsers: 0,
    });
    expect(row(result, 'practice', 'other')).toMatchObject({ dispensingsWeak: 1, newUsers: 0 });
    expect(row(result, 'all', 'all')).toMatchObject({ dispensingsWeak: 2, patientsAny: 0, chronicUsers: 0, newUsers: 0 });
  });

  it('lets the user classification override the rule, both ways', async () => {
    const { core, world: w } = twoPractices();
    w.dispense(
      { patient: 'p1', date: '2024-02-01', prescriber: '11111111', long: true, product: 'MORFINE 10MG RETARD' },
      { patient: 'p2', date: '2024-02-01', prescriber: '11111111', long: false, product: 'FENTANYL 25 NEUSSPRAY' },
    );
    expect(row(await compute(core), 'prescriber', '11111111')).toMatchObject({ dispensingsShort: 1, dispensingsLong: 1 });
    w.override('MORFINE 10MG RETARD', false);
    expect(row(await compute(core), 'prescriber', '11111111')).toMatchObject({
      dispensingsShort: 2,
      dispensingsLong: 0,
      newUsersLongStart: 0,
    });
    w.override('FENTANYL 25 NEUSSPRAY', true).override('MORFINE 10MG RETARD', true);
    expect(row(await compute(core), 'prescriber', '11111111')).toMatchObject({
      dispensingsShort: 0,
      dispensingsLong: 2,
      newUsersLongStart: 2,
    });
  });

  it('gives a patient to the prescriber with most dispensings, then the latest, then the smallest key', async () => {
    const { core, world: w } = twoPractices();
    w.dispense(
      // p1: two each; 22222222 dispensed last.
      { patient: 'p1', date: '2024-01-05', prescriber: '11111111' },
      { patient: 'p1', date: '2024-02-05', prescriber: '22222222' },
      { patient: 'p1', date: '2024-03-05', prescriber: '11111111' },
      { patient: 'p1', date: '2024-04-05', prescriber: '22222222' },
      // p2: one each on the same day: the smallest key in code points ("Zorg" < "apotheek": capitals first).
      { patient: 'p2', date: '2024-05-01', prescriber: 'apotheek' },
      { patient: 'p2', date: '2024-05-01', prescriber: 'Zorg' },
      // p3: most dispensings wins over latest.
      { patient: 'p3', date: '2024-01-01', prescriber: '33333333' },
      { patient: 'p3', date: '2024-01-02', prescriber: '33333333' },
      { patient: 'p3', date: '2024-06-01', prescriber: '11111111' },
    );
    const result = await compute(core);
    expect(row(result, 'prescriber', '22222222').newUsers).toBe(1);
    expect(row(result, 'prescriber', '11111111').newUsers).toBe(0);
    expect(row(result, 'prescriber', 'Zorg').newUsers).toBe(1);
    expect(row(result, 'prescriber', 'apotheek').newUsers).toBe(0);
    expect(row(result, 'prescriber', '33333333').newUsers).toBe(1);
    expect(row(result, 'group', 'FTO Noord').newUsers).toBe(2);
    expect(row(result, 'group', 'FTO Zuid').newUsers).toBe(1);
  });

  it("follows the patient's own GP from the latest dispensing that names one, when that GP is known", async () => {
    const { core, world: w } = twoPractices();
    w.dispense(
      // p1: only the specialist prescribes; the rows name the GP, who thereby gets the patient and a row.
      { patient: 'p1', date: '2024-01-10', prescriber: 'Chirurg', ownGp: '11111111', days: 100 },
      // p2: the latest naming row names 33333333, an earlier one 11111111.
      { patient: 'p2', date: '2024-01-10', prescriber: 'Chirurg', ownGp: '11111111' },
      { patient: 'p2', date: '2024-02-10', prescriber: 'Chirurg', ownGp: '33333333' },
      { patient: 'p2', date: '2024-03-10', prescriber: 'Chirurg' },
      // p3: the latest naming row names an unknown GP: back to most dispensings (Zorg), despite the known GP earlier.
      { patient: 'p3', date: '2024-01-10', prescriber: 'Zorg', ownGp: '11111111' },
      { patient: 'p3', date: '2024-02-10', prescriber: 'Zorg', ownGp: 'Dokter Onbekend' },
      // p4: two GPs named on the same latest day: the smallest key.
      { patient: 'p4', date: '2024-05-10', prescriber: 'Chirurg', ownGp: '33333333' },
      { patient: 'p4', date: '2024-05-10', prescriber: 'Chirurg', ownGp: '22222222' },
    );
    const result = await compute(core);
    expect(row(result, 'prescriber', '11111111')).toMatchObject({
      dispensingsShort: 0,
      patientsAny: 0,
      chronicUsers: 1,
      newUsers: 1,
      newUsersOtherStart: 1,
    });
    expect(row(result, 'prescriber', '33333333')).toMatchObject({ newUsers: 1 });
    expect(row(result, 'prescriber', 'Zorg')).toMatchObject({ newUsers: 1 });
    expect(row(result, 'prescriber', '22222222')).toMatchObject({ newUsers: 1, dispensingsShort: 0 });
    expect(row(result, 'prescriber', 'Chirurg')).toMatchObject({ dispensingsShort: 6, patientsAny: 3, newUsers: 0 });
    expect(row(result, 'practice', 'other')).toMatchObject({ dispensingsShort: 6, newUsers: 0, newUsersOtherStart: 0 });
    expect(row(result, 'practice', 'De Linde')).toMatchObject({ newUsers: 2, newUsersOtherStart: 2, chronicUsers: 1 });
  });

  it('counts covered days as the union of coverage ranges, from any prescriber, clipped to the period', async () => {
    const { core, world: w } = twoPractices();
    const practiceId = row(await compute(core), 'practice', 'De Linde').id!;
    w.dispense(
      // p1: 2023-12-01 + 90 days reaches 2024-02-28: 59 days in 2024; 2024-12-15 + 30 days: 17 days in 2024.
      { patient: 'p1', date: '2023-12-01', prescriber: 'Chirurg', days: 90 },
      { patient: 'p1', date: '2024-12-15', prescriber: '11111111', days: 30 },
      // p2: overlapping ranges 1 March + 60 and 15 March + 60 (another prescriber): 1 March .. 13 May = 74 days.
      { patient: 'p2', date: '2024-03-01', prescriber: '11111111', days: 60 },
      { patient: 'p2', date: '2024-03-15', prescriber: '22222222', days: 60 },
      // p3: covered only by a dispensing before the period: no dispensing in P, so never chronic in P.
      { patient: 'p3', date: '2023-11-01', prescriber: '11111111', days: 200 },
    );
    const covered = async (chronicDays: number) =>
      Object.fromEntries(
        expectOk(await core.call('worklist.chronic', { practiceId, year: 2024, settings: { chronicDays } })).patients.map((p) => [
          p.patientKey,
          p.coveredDays,
        ]),
      );
    expect(await covered(1)).toEqual({ p1: 76, p2: 74 });
    expect(await covered(75)).toEqual({ p1: 76 });
    expect(await covered(77)).toEqual({});
    expect(row(await compute(core, { year: 2024, settings: { chronicDays: 74 } }), 'practice', 'De Linde').chronicUsers).toBe(2);
    expect(row(await compute(core), 'practice', 'De Linde').chronicUsers).toBe(0);
  });

  it('looks back exactly the look-back setting for new users, strong opioids only', async () => {
    const { core, world: w } = twoPractices();
    w.dispense(
      // p1: a dispensing exactly 365 days before the first in 2024: not new.
      { patient: 'p1', date: '2023-01-10', prescriber: '11111111' },
      { patient: 'p1', date: '2024-01-10', prescriber: '11111111' },
      // p2: 366 days before: new.
      { patient: 'p2', date: '2023-01-09', prescriber: '22222222' },
      { patient: 'p2', date: '2024-01-10', prescriber: '22222222' },
      // p3: only a weak opioid in the look-back: new.
      { patient: 'p3', date: '2023-06-01', prescriber: '33333333', strong: false },
      { patient: 'p3', date: '2024-01-10', prescriber: '33333333' },
    );
    const result = await compute(core);
    expect(row(result, 'prescriber', '11111111').newUsers).toBe(0);
    expect(row(result, 'prescriber', '22222222').newUsers).toBe(1);
    expect(row(result, 'prescriber', '33333333').newUsers).toBe(1);
    expect(result.lookbackComplete).toBe(false); // earliest 2023-01-09 is after 2024-01-01 - 365 days
    const shorter = await compute(core, { year: 2024, settings: { lookbackDays: 300 } });
    expect(row(shorter, 'prescriber', '11111111').newUsers).toBe(1);
    expect(shorter.lookbackComplete).toBe(true); // 2023-01-09 is before 2024-01-01 minus 300 days
  });

  it('reads the first day of a new user: any long-acting, the smallest key as starter', async () => {
    const { core, world: w } = twoPractices();
    w.dispense(
      // p1: first day short by 11111111 and long by Chirurg; the digits key is the smaller, a GP: no other start.
      { patient: 'p1', date: '2024-03-01', prescriber: '11111111' },
      { patient: 'p1', date: '2024-03-01', prescriber: 'Chirurg', long: true },
      { patient: 'p1', date: '2024-03-20', prescriber: '11111111' },
      // p2: first day by Chirurg and Zorg: "Chirurg" < "Zorg", so started by a non-GP, though Zorg has most dispensings.
      { patient: 'p2', date: '2024-04-01', prescriber: 'Zorg' },
      { patient: 'p2', date: '2024-04-01', prescriber: 'Chirurg' },
      { patient: 'p2', date: '2024-05-01', prescriber: 'Zorg' },
      { patient: 'p2', date: '2024-06-01', prescriber: 'Zorg' },
    );
    const result = await compute(core);
    expect(row(result, 'prescriber', '11111111')).toMatchObject({
      newUsers: 1,
      newUsersLongStart: 1,
      newUsersOtherStart: 0,
      newUsersOver3: 0,
    });
    expect(row(result, 'prescriber', 'Zorg')).toMatchObject({ newUsers: 1, newUsersLongStart: 0, newUsersOtherStart: 1, newUsersOver3: 1 });
    expect(row(result, 'practice', 'other')).toMatchObject({ newUsers: 0, newUsersOtherStart: 0, dispensingsShort: 1, dispensingsLong: 1 });
    expect(row(result, 'all', 'all')).toMatchObject({ newUsers: 2, newUsersLongStart: 1, newUsersOtherStart: 1, newUsersOver3: 1 });
    // "More than 3" is a setting: at 3 dispensings p1 counts too.
    expect(row(await compute(core, { year: 2024, settings: { newUserMinDispensings: 3 } }), 'all', 'all').newUsersOver3).toBe(2);
  });
});

describe('indicators: output, settings, rates and periods', () => {
  it('stores the settings, echoes them, and applies per-call overrides without storing them', async () => {
    const { core } = twoPractices();
    expect(expectOk(await core.call('indicators.settings.get', {}))).toEqual({
      chronicDays: 90,
      lookbackDays: 365,
      newUserMinDispensings: 4,
      startLimitDays: 7,
      highDoseOme: 90,
    });
    expect(expectOk(await core.call('indicators.settings.set', { chronicDays: 120 }))).toEqual({
      chronicDays: 120,
      lookbackDays: 365,
      newUserMinDispensings: 4,
      startLimitDays: 7,
      highDoseOme: 90,
    });
    expect((await compute(core)).settings).toEqual({
      chronicDays: 120,
      lookbackDays: 365,
      newUserMinDispensings: 4,
      startLimitDays: 7,
      highDoseOme: 90,
    });
    expect((await compute(core, { year: 2024, settings: { lookbackDays: 730 } })).settings.lookbackDays).toBe(730);
    expect(expectOk(await core.call('indicators.settings.get', {})).lookbackDays).toBe(365);
    const bad = await core.call('indicators.settings.set', { chronicDays: 0 });
    expect(bad.ok || bad.error).toMatchObject({ code: 'validation', field: 'chronicDays', message: 'Kies minstens 1 dag.' });
    expect(expectOk(await core.call('indicators.settings.get', {})).chronicDays).toBe(120);
  });

  it('refuses a period that is not one, in Dutch', async () => {
    const { core } = twoPractices();
    const cases: [object, string, string][] = [
      [{}, 'from', 'Kies een jaar of vul een begindatum in.'],
      [{ year: 2024, from: '2024-01-01' }, 'year', 'Kies een jaar óf een begin- en einddatum, niet allebei.'],
      [{ from: '2024-02-30', to: '2024-12-31' }, 'from', '2024-02-30 is geen bestaande datum.'],
      [{ from: '2024-05-01', to: '2024-04-30' }, 'to', 'De einddatum ligt vóór de begindatum.'],
      [{ year: 2024, groupId: 999 }, 'groupId', 'Deze FTO-groep bestaat niet (meer).'],
    ];
    for (const [input, field, message] of cases) {
      const result = await core.call('indicators.compute', input);
      expect(result.ok || result.error).toMatchObject({ field, message });
    }
  });

  it('gives rates per 1,000 where list sizes are known, picking the year that holds most of the period', async () => {
    const { core, world: w } = twoPractices();
    w.dispense(
      { patient: 'p1', date: '2024-02-01', prescriber: '11111111' },
      { patient: 'p2', date: '2024-02-01', prescriber: '11111111' },
      { patient: 'p3', date: '2024-02-01', prescriber: 'Zorg' },
    );
    const result = await compute(core);
    expect(result.rateYear).toBe(2024);
    expect(row(result, 'practice', 'De Linde')).toMatchObject({
      listSize: 2000,
      rates: expect.objectContaining({ patientsAny: 1, dispensingsShort: 1 }),
    });
    expect(row(result, 'practice', 'Het Anker')).toMatchObject({ listSize: null, rates: null });
    expect(row(result, 'group', 'FTO Zuid')).toMatchObject({ listSize: 4000, rates: expect.objectContaining({ patientsAny: 0.25 }) });
    // One practice of FTO Noord has no list size: no group rate rather than a wrong one.
    expect(row(result, 'group', 'FTO Noord')).toMatchObject({ listSize: null, rates: null });
    expect(row(result, 'prescriber', '11111111').rates).toBeNull();

    expect(rateYear('2024-07-01', '2025-06-30')).toBe(2024); // 184 days in 2024, 181 in 2025
    expect(rateYear('2024-10-01', '2025-09-30')).toBe(2025);
    expect(rateYear('2023-07-02', '2024-07-01')).toBe(2024); // 183 each: the later year
    const twelveMonths = await compute(core, { from: '2024-07-01', to: '2025-06-30' });
    expect(twelveMonths).toMatchObject({ from: '2024-07-01', to: '2025-06-30', rateYear: 2024 });
    expect(row(twelveMonths, 'practice', 'De Linde').listSize).toBe(2000);
  });

  it('reports whether the data reaches back a full look-back, weak opioids included', async () => {
    const { core, world: w } = twoPractices();
    expect((await compute(core)).lookbackComplete).toBe(false);
    w.dispense({ patient: 'p1', date: '2023-01-02', prescriber: '11111111', strong: false });
    expect((await compute(core)).lookbackComplete).toBe(false);
    w.dispense({ patient: 'p1', date: '2023-01-01', prescriber: '11111111', strong: false }); // 2024-01-01 minus 365 days
    expect((await compute(core)).lookbackComplete).toBe(true);
    expect((await compute(core, { year: 2023 })).lookbackComplete).toBe(false);
  });

  it('filters on one FTO group and puts the years side by side', async () => {
    const { core, world: w, db } = twoPractices();
    w.dispense(
      { patient: 'p1', date: '2022-03-01', prescriber: '11111111', days: 100 },
      { patient: 'p1', date: '2023-03-02', prescriber: '11111111' },
      { patient: 'p2', date: '2024-03-01', prescriber: 'Zorg' },
      { patient: 'p3', date: '2024-03-01', prescriber: 'Chirurg' },
    );
    const zuid = (db.prepare("SELECT id FROM fto_group WHERE name = 'FTO Zuid'").get() as { id: number }).id;
    const filtered = await compute(core, { year: 2024, groupId: zuid });
    expect(filtered.rows.map((r) => `${r.level}/${r.key}`).sort()).toEqual([
      'group/FTO Zuid',
      'groupOther/FTO Zuid',
      'practice/Zuiderhof',
      'prescriber/Zorg',
    ]);

    const years = expectOk(await core.call('indicators.years', { fromYear: 2022, toYear: 2024 }));
    expect(years.years.map((y) => [y.year, y.lookbackComplete])).toEqual([
      [2022, false],
      [2023, false],
      [2024, true],
    ]);
    const linde = years.rows.find((r) => r.key === 'De Linde')!;
    expect(linde.years.map((y) => [y.year, y.dispensingsShort, y.chronicUsers, y.newUsers])).toEqual([
      [2022, 1, 1, 1],
      [2023, 1, 0, 1],
      [2024, 0, 0, 0],
    ]);
    expect(linde.years.map((y) => y.listSize)).toEqual([null, null, 2000]);
    const other = years.rows.find((r) => r.key === 'other')!;
    expect(other.years.map((y) => y.dispensingsShort)).toEqual([0, 0, 1]);
    expect(new Set(years.rows.map((r) => r.level))).toEqual(new Set(['practice', 'group', 'groupOther', 'all']));
    const zuidYears = expectOk(await core.call('indicators.years', { fromYear: 2022, toYear: 2024, groupId: zuid }));
    expect(zuidYears.rows.map((r) => `${r.level}/${r.key}`).sort()).toEqual([
      'group/FTO Zuid',
      'groupOther/FTO Zuid',
      'practice/Zuiderhof',
    ]);
    // The years view gives the same figures as one period at a time.
    const single2023 = await compute(core, { year: 2023 });
    expect(linde.years[1]).toMatchObject({
      dispensingsShort: row(single2023, 'practice', 'De Linde').dispensingsShort,
      newUsers: row(single2023, 'practice', 'De Linde').newUsers,
    });
  });
});
