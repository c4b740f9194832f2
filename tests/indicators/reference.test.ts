import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIndicators, loadWindow, specJson, tallyPeriod } from '../../db/indicators/compute';
import { World, world } from './fixtures';
import { byLevelAndKey, referenceIndicators } from './reference';

const PRESCRIBER_KEYS = ['11111111', '01234567', 'Jansen', 'jansen', 'Ärts', 'Zorgpost', 'a b'];
const PRACTICES = ['De Linde', 'Het Anker', 'Zuiderhof', 'Leeg'];
const GROUP_OF: Record<string, string> = { 'De Linde': 'FTO Noord', 'Het Anker': 'FTO Noord', Zuiderhof: 'FTO Zuid', Leeg: 'FTO Zuid' };
const BASE = Date.UTC(2022, 0, 1);
const iso = (offset: number) => new Date(BASE + offset * 86_400_000).toISOString().slice(0, 10);

const dispensing = fc.record({
  patient: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
  // Clustered days make the boundaries likely: same-day dispensings, gaps of exactly a look-back.
  day: fc.oneof(fc.integer({ min: 0, max: 3 * 365 }), fc.constantFrom(100, 101, 465, 466, 500, 730, 731, 865, 866)),
  prescriber: fc.constantFrom(...PRESCRIBER_KEYS),
  strong: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
  long: fc.boolean(),
  days: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 200 })),
  ownGp: fc.option(fc.constantFrom(...PRESCRIBER_KEYS, 'Onbekende huisarts'), { nil: null, freq: 2 }),
  product: fc.constantFrom('OXY A', 'OXY B', 'MORF C'),
  // Spec §5 "Group scope": two pharmacies per group (one written in other capitals), one without a group, or none.
  pharmacy: fc.constantFrom('', 'Apotheek Noord', 'apotheek noord', 'Apotheek Zuid', 'Apotheek Los'),
});

const scenario = fc.record({
  assignment: fc.array(fc.constantFrom(null, 'De Linde', 'Het Anker', 'Zuiderhof'), { minLength: PRESCRIBER_KEYS.length, maxLength: PRESCRIBER_KEYS.length }),
  dispensings: fc.array(dispensing, { maxLength: 50 }),
  overrides: fc.array(fc.tuple(fc.constantFrom('OXY A', 'OXY B', 'MORF C'), fc.boolean()), { maxLength: 2 }),
  // Prescriber merges (from, into) by position; a pair that cannot be merged (chains, itself) is skipped.
  merges: fc.array(fc.tuple(fc.nat(PRESCRIBER_KEYS.length - 1), fc.nat(PRESCRIBER_KEYS.length - 1)), { maxLength: 2 }),
  importGroup: fc.constantFrom(null, 'FTO Noord', 'FTO Zuid'),
  period: fc.oneof(
    fc.constantFrom(2022, 2023, 2024).map((year) => ({ from: `${year}-01-01`, to: `${year}-12-31` })),
    fc
      .tuple(fc.oneof(fc.integer({ min: 0, max: 3 * 365 }), fc.constantFrom(101, 466, 731, 866)), fc.integer({ min: 0, max: 400 }))
      .map(([start, length]) => ({ from: iso(start), to: iso(start + length) })),
  ),
  settings: fc.record({
    chronicDays: fc.integer({ min: 1, max: 150 }),
    lookbackDays: fc.oneof(fc.integer({ min: 1, max: 400 }), fc.constantFrom(365, 366, 100)),
    newUserMinDispensings: fc.integer({ min: 1, max: 5 }),
  }),
});

describe('indicators against a naive transcription of spec §5', () => {
  it('agree on random datasets, periods and settings', () => {
    const { db } = world();
    fc.assert(
      fc.property(scenario, (s) => {
        db.exec(
          'DELETE FROM dispensing; DELETE FROM import_batch; DELETE FROM product_class; DELETE FROM prescriber_merge; DELETE FROM prescriber; DELETE FROM practice; DELETE FROM pharmacy; DELETE FROM fto_group;',
        );
        const w = new World(db);
        for (const practice of PRACTICES) w.practice(practice, GROUP_OF[practice]!);
        w.pharmacy('Apotheek Noord', 'FTO Noord').pharmacy('Apotheek Zuid', 'FTO Zuid').pharmacy('Apotheek Los', null);
        PRESCRIBER_KEYS.forEach((key, i) => w.prescriber(key, s.assignment[i] ?? null));
        w.batch(s.importGroup).dispense(...s.dispensings.map((d) => ({ ...d, date: iso(d.day) })));
        const merged = new Set<number>();
        for (const [from, into] of s.merges) {
          if (from === into || merged.has(from) || merged.has(into)) continue;
          merged.add(from);
          db.prepare('INSERT INTO prescriber_merge (from_id, into_id) SELECT f.id, t.id FROM prescriber f, prescriber t WHERE f.key = ? AND t.key = ?').run(
            PRESCRIBER_KEYS[from],
            PRESCRIBER_KEYS[into],
          );
        }
        for (const [product, long] of s.overrides) w.override(product, long);

        const fast = specJson(computeIndicators(db, { ...s.period, settings: s.settings }));
        const { patients, ...slow } = referenceIndicators(db, s.period.from, s.period.to, s.settings);
        expect({ ...fast, rows: byLevelAndKey(fast.rows) }).toEqual({ ...slow, rows: byLevelAndKey(slow.rows) });

        // The per-patient outcomes behind the counts (covered days are otherwise only seen through a threshold).
        const loaded = loadWindow(db, s.period.from, s.period.to, s.settings);
        const outcomes: typeof patients = {};
        tallyPeriod(loaded, s.period, (o) => {
          outcomes[loaded.data.patientKeys[o.patient]!] = { responsible: loaded.registry.prescribers[o.responsible]!.key, covered: o.coveredDays, isNew: o.newUser };
        });
        expect(outcomes).toEqual(patients);
      }),
      { numRuns: 300 },
    );
  });
});
