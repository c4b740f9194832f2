import { describe, expect, it } from 'vitest';
import { expectOk } from '../helpers/temp';
import { compute, noordWorld, row, world } from './fixtures';

/** Spec §5 (version 2) "Dose and agreement indicators", one by one, in small worlds worked out by hand. */

describe('starts and starts over the limit', () => {
  it('count a new user at every prescriber of the start day, once per level', async () => {
    const { core, world: w } = noordWorld();
    w.dispense(
      // p1 starts with two prescribers of De Linde and the surgeon on one day; A's is 10 days, B's 5.
      { patient: 'p1', date: '2024-03-01', prescriber: '11111111', days: 10 },
      { patient: 'p1', date: '2024-03-01', prescriber: '22222222', days: 5 },
      { patient: 'p1', date: '2024-03-01', prescriber: 'Chirurg', days: 7 },
      { patient: 'p1', date: '2024-03-20', prescriber: '33333333', days: 30 }, // not the start day
      // p2 is no new user: a dispensing 100 days before the period's first.
      { patient: 'p2', date: '2023-11-01', prescriber: '33333333' },
      { patient: 'p2', date: '2024-02-09', prescriber: '33333333', days: 30 },
    );
    const result = await compute(core);
    expect(row(result, 'prescriber', '11111111')).toMatchObject({ starts: 1, startsOverLimit: 1 });
    expect(row(result, 'prescriber', '22222222')).toMatchObject({ starts: 1, startsOverLimit: 0 });
    expect(row(result, 'prescriber', 'Chirurg')).toMatchObject({ starts: 1, startsOverLimit: 0 }); // 7 days is not above 7
    expect(row(result, 'prescriber', '33333333')).toMatchObject({ starts: 0, startsOverLimit: 0 });
    // De Linde: one new user, over the limit because one of its prescribers' starts is.
    expect(row(result, 'practice', 'De Linde')).toMatchObject({ starts: 1, startsOverLimit: 1 });
    expect(row(result, 'practice', 'other')).toMatchObject({ starts: 1, startsOverLimit: 0 });
    expect(row(result, 'group', 'FTO Noord')).toMatchObject({ starts: 1, startsOverLimit: 1 });
    expect(row(result, 'all', 'all')).toMatchObject({ starts: 1, startsOverLimit: 1, newUsers: 1 });
    // The setting moves the limit.
    const longer = await compute(core, { year: 2024, settings: { startLimitDays: 10 } });
    expect(row(longer, 'all', 'all')).toMatchObject({ starts: 1, startsOverLimit: 0 });
    expect(longer.settings.startLimitDays).toBe(10);
  });

  it('never counts days from the 14-day default as over the limit, but does count quantity ÷ daily units', async () => {
    const { core, world: w } = noordWorld();
    w.dispense(
      { patient: 'p1', date: '2024-03-01', prescriber: '11111111', days: 14, daysSource: 3 },
      { patient: 'p2', date: '2024-03-01', prescriber: '11111111', days: 14, daysSource: 2 },
    );
    const result = await compute(core);
    expect(row(result, 'prescriber', '11111111')).toMatchObject({ starts: 2, startsOverLimit: 1 });
  });
});

describe('patients per substance', () => {
  it('count oxycodone (with naloxone), morphine, rapid-onset fentanyl and weak opioids at each dispensing prescriber', async () => {
    const { core, world: w } = noordWorld();
    w.dispense(
      { patient: 'p1', date: '2024-01-10', prescriber: '11111111', atc: 'N02AA05' },
      { patient: 'p1', date: '2024-02-10', prescriber: '22222222', atc: 'N02AA55' },
      { patient: 'p2', date: '2024-01-10', prescriber: '11111111', atc: 'N02AA55' },
      { patient: 'p2', date: '2024-03-10', prescriber: '33333333', atc: 'N02AA01' },
      { patient: 'p3', date: '2024-01-10', prescriber: 'Chirurg', atc: 'N02AB03', route: 'transmucosal' },
      { patient: 'p4', date: '2024-01-10', prescriber: '33333333', atc: 'N02AB03', route: 'transdermal' }, // a patch is not rapid-onset
      { patient: 'p4', date: '2024-01-12', prescriber: '33333333', strong: false },
      { patient: 'p4', date: '2024-02-12', prescriber: '11111111', strong: false },
      { patient: 'p5', date: '2024-02-12', prescriber: '11111111', strong: false },
      { patient: 'p1', date: '2023-12-31', prescriber: '11111111', atc: 'N02AA01' }, // before the period
    );
    const result = await compute(core);
    expect(row(result, 'prescriber', '11111111')).toMatchObject({ patientsOxycodone: 2, patientsMorphine: 0, patientsWeak: 2 });
    expect(row(result, 'prescriber', '22222222')).toMatchObject({ patientsOxycodone: 1 });
    expect(row(result, 'practice', 'De Linde')).toMatchObject({ patientsOxycodone: 2, patientsWeak: 2 });
    expect(row(result, 'practice', 'Het Anker')).toMatchObject({ patientsMorphine: 1, patientsFentanylRapid: 0, patientsWeak: 1 });
    expect(row(result, 'practice', 'other')).toMatchObject({ patientsFentanylRapid: 1 });
    expect(row(result, 'group', 'FTO Noord')).toMatchObject({ patientsOxycodone: 2, patientsMorphine: 1, patientsWeak: 2 });
    expect(row(result, 'all', 'all')).toMatchObject({
      patientsOxycodone: 2,
      patientsMorphine: 1,
      patientsFentanylRapid: 1,
      patientsWeak: 2,
    });
    // Rates per 1,000 like every count: De Linde has 2,000 patients.
    expect(row(result, 'practice', 'De Linde').rates).toMatchObject({ patientsOxycodone: 1, patientsWeak: 1 });
  });
});

describe('high-dose users and dispensings without a dose', () => {
  it('use the mean daily OME over the union of coverage, at or above the threshold, at the responsible prescriber', async () => {
    const { core, world: w } = noordWorld();
    w.dispense(
      // p1: oxycodone 10 mg MGA 2dd1, 56 tablets every 28 days: 30 mg OME a day, never high.
      ...Array.from({ length: 13 }, (_, i) => ({
        patient: 'p1',
        date: new Date(Date.UTC(2024, 0, 1 + 28 * i)).toISOString().slice(0, 10),
        prescriber: '11111111',
        days: 28,
        ome: 30,
      })),
      // p2: 60 mg a day for 30 days and 120 for 30 overlapping days 10..39: (60×30 + 120×30) / 40 = 135, high.
      { patient: 'p2', date: '2024-05-01', prescriber: '22222222', days: 30, ome: 60 },
      { patient: 'p2', date: '2024-05-11', prescriber: '22222222', days: 30, ome: 120 },
      { patient: 'p2', date: '2024-06-01', prescriber: '22222222', days: 30 }, // unknown OME: left out of both sums
      // p3: exactly 90 (1.5 × 60) is "at or above".
      { patient: 'p3', date: '2024-12-20', prescriber: '33333333', days: 30, ome: 1.5 * 60 },
      // p4: 89.999 is below.
      { patient: 'p4', date: '2024-07-01', prescriber: '33333333', days: 10, ome: 89.999 },
    );
    const result = await compute(core);
    expect(row(result, 'prescriber', '11111111')).toMatchObject({ highDoseUsers: 0, dispensingsOmeUnknown: 0 });
    expect(row(result, 'prescriber', '22222222')).toMatchObject({ highDoseUsers: 1, dispensingsOmeUnknown: 1 });
    expect(row(result, 'prescriber', '33333333')).toMatchObject({ highDoseUsers: 1 });
    expect(row(result, 'all', 'all')).toMatchObject({ highDoseUsers: 2, dispensingsOmeUnknown: 1 });
    const lower = await compute(core, { year: 2024, settings: { highDoseOme: 30 } });
    expect(row(lower, 'all', 'all').highDoseUsers).toBe(4);
    const higher = await compute(core, { year: 2024, settings: { highDoseOme: 136 } });
    expect(row(higher, 'all', 'all').highDoseUsers).toBe(0);
  });
});

describe('mean daily OME with a misread dispensing of very many days', () => {
  it('weighs every day of use, also past the 16,383 days the engine packs (not clipped to the period)', async () => {
    const { core, db, world: w } = noordWorld();
    w.dispense(
      // 1,000 mg a day for 10 days, then a text misread as 20,000 days at 0.1 mg a day:
      // (1000 × 10 + 0.1 × 20000) / 20010 = 0.5997 mg a day (0.7 if the days were cut at 16,383).
      { patient: 'p1', date: '2024-03-01', prescriber: '11111111', days: 10, ome: 1000 },
      { patient: 'p1', date: '2024-03-11', prescriber: '11111111', days: 20_000, ome: 0.1 },
    );
    const linde = (db.prepare("SELECT id FROM practice WHERE name = 'De Linde'").get() as { id: number }).id;
    const list = expectOk(await core.call('worklist.chronic', { practiceId: linde, year: 2024 }));
    expect(list.patients.map((p) => [p.patientKey, p.meanDailyOme])).toEqual([['p1', 0.6]]);
  });
});

describe('settings v2', () => {
  it('stores the start limit and the high-dose threshold, and refuses bad values in Dutch', async () => {
    const { core } = world();
    expect(expectOk(await core.call('indicators.settings.get', {}))).toMatchObject({ startLimitDays: 7, highDoseOme: 90 });
    expect(expectOk(await core.call('indicators.settings.set', { startLimitDays: 14, highDoseOme: 120 }))).toMatchObject({
      startLimitDays: 14,
      highDoseOme: 120,
      chronicDays: 90,
    });
    const bad = await core.call('indicators.settings.set', { highDoseOme: 0 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ field: 'highDoseOme', message: 'Kies minstens 1 mg per dag.' });
    const half = await core.call('indicators.settings.set', { startLimitDays: 7.5 });
    expect(half.ok).toBe(false);
    if (!half.ok) expect(half.error.message).toBe('Vul een heel aantal dagen in.');
  });
});
