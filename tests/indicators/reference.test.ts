import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseDosing } from '../../db/dosing';
import { loadDoseTables, recomputeDispensings } from '../../db/import/dose';
import { computeIndicators, loadWindow, specJson, tallyPeriod } from '../../db/indicators/compute';
import { World, world } from './fixtures';
import { byLevelAndKey, referenceIndicators } from './reference';

const PRESCRIBER_KEYS = ['11111111', '01234567', 'Jansen', 'jansen', 'Ärts', 'Zorgpost', 'a b'];
const PRACTICES = ['De Linde', 'Het Anker', 'Zuiderhof', 'Leeg'];
const GROUP_OF: Record<string, string> = { 'De Linde': 'FTO Noord', 'Het Anker': 'FTO Noord', Zuiderhof: 'FTO Zuid', Leeg: 'FTO Zuid' };
const BASE = Date.UTC(2022, 0, 1);
const iso = (offset: number) => new Date(BASE + offset * 86_400_000).toISOString().slice(0, 10);

/** Products as Dutch exports write them, with their ATC code: strengths per unit, per ml and per hour, routes. */
const PRODUCTS: [string, string][] = [
  ['OXYCODON HCL 10MG TABLET MGA', 'N02AA05'],
  ['OXYCODON HCL 5MG CAPSULE', 'N02AA05'],
  ['OXYCODON/NALOXON 20/10MG TABLET MGA', 'N02AA55'],
  ['MORFINE HCL 2MG/ML DRANK', 'N02AA01'],
  ['MORFINE SULFAAT 30MG TABLET MVA', 'N02AA01'],
  ['MORFINE HCL 10MG/ML INJVLST', 'N02AA01'],
  ['DUROGESIC 25UG/UUR PLEISTER', 'N02AB03'],
  ['FENTANYL 12,5 MCG/U MATRIXPLEISTER', 'N02AB03'],
  ['ABSTRAL 100MCG SUBLINGUALE TABLET', 'N02AB03'],
  ['INSTANYL 50MCG/DOSIS NEUSSPRAY', 'N02AB03'],
  ['TAPENTADOL 50MG TABLET', 'N02AX06'],
  ['BUTRANS 5 MICROGRAM/UUR PLEISTER', 'N02AE01'],
  ['HYDROMORFON 2MG CAPSULE', 'N02AA03'],
  ['TRAMADOL HCL 50MG CAPSULE', 'N02AX02'],
  ['PARACETAMOL/CODEINE 500/10MG TABLET', 'N02AJ06'],
];

/** Dosing texts built from the parts of spec §4.1: codes, frequencies, amounts in units, mg, µg and ml, as-needed maxima, schedules. */
const number = fc.constantFrom('1', '2', '3', '0,5', '1/2', '½', '1-2', '1 à 2', 'een', 'twee', 'drie');
const unit = fc.constantFrom(
  '',
  ' tablet',
  ' tabletten',
  ' capsule',
  ' stuks',
  ' pleister',
  ' ml',
  ' mg',
  ' 10 mg',
  ' 5 mg',
  ' 12 mcg',
  ' druppels',
  ' theelepel',
);
const frequency = fc.constantFrom(
  '{n}dd{a}',
  '{n} dd {a}',
  '{n} x daags {a}',
  '{n} maal per dag {a}',
  '{n} keer per etmaal {a}',
  '{n}d{a}t',
  'elke {h} uur {a}',
  'om de {h} uur {a}',
  'iedere 3 dagen {a}',
  '{a} per 3 dagen',
  '{a} per week',
  '{n} maal per week {a}',
  'om de dag {a}',
  'dagelijks {a}',
  '{a} per dag',
  's ochtends en s avonds {a}',
  "'s morgens {a} en 's avonds {a}",
  'om 8:00 en 20:00 {a}',
  'op maandag en donderdag {a}',
  'zo nodig {a}, maximaal {n} keer per dag',
  'zn max {n} dd {a}',
  '{a}, max {n} per dag',
  '1-0-1',
  '1-1-1-1',
  'Continu {a} per uur',
  'volgens schema',
  'zie etiket',
  '3 dagen 2dd1, daarna 1dd1',
  '',
  'q6h {a}',
  '{a} tid',
  '{n} x {a}',
);
const dosingText = fc
  .tuple(frequency, number, number, unit, fc.constantFrom('4', '6', '4-6', '8', '12', '72'), fc.boolean())
  .map(([form, n, amount, u, hours, upper]) => {
    const text = form.replaceAll('{n}', n).replaceAll('{a}', `${amount}${u}`).replaceAll('{h}', hours);
    return upper ? text.toUpperCase() : text;
  });

const dispensing = fc.record({
  patient: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
  // Clustered days make the boundaries likely: same-day dispensings, gaps of exactly a look-back.
  day: fc.oneof(fc.integer({ min: 0, max: 3 * 365 }), fc.constantFrom(100, 101, 465, 466, 500, 730, 731, 865, 866)),
  prescriber: fc.constantFrom(...PRESCRIBER_KEYS),
  product: fc.constantFrom(...PRODUCTS),
  long: fc.boolean(),
  daysSupply: fc.option(fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 200 })), { nil: null, freq: 3 }),
  quantity: fc.option(fc.constantFrom(1, 2.5, 5, 10, 14, 20, 28, 30, 56, 60, 100, 150), { nil: null, freq: 4 }),
  dosing: fc.option(dosingText, { nil: null, freq: 5 }),
  ownGp: fc.option(fc.constantFrom(...PRESCRIBER_KEYS, 'Onbekende huisarts'), { nil: null, freq: 2 }),
  // Spec §5 "Group scope": two pharmacies per group (one written in other capitals), one without a group, or none.
  pharmacy: fc.constantFrom('', 'Apotheek Noord', 'apotheek noord', 'Apotheek Zuid', 'Apotheek Los'),
});

const strengthByHand = fc.record({
  product: fc.constantFrom(...PRODUCTS.map(([product]) => product)),
  strength: fc.option(fc.tuple(fc.integer({ min: 1, max: 100 }), fc.constantFrom(1, 2, 4), fc.constantFrom('mg', 'mg/ml', 'ug/h')), {
    nil: null,
  }),
  route: fc.option(fc.constantFrom('oral', 'transdermal', 'transmucosal', 'parenteral'), { nil: null }),
});

const scenario = fc.record({
  assignment: fc.array(fc.constantFrom(null, 'De Linde', 'Het Anker', 'Zuiderhof'), {
    minLength: PRESCRIBER_KEYS.length,
    maxLength: PRESCRIBER_KEYS.length,
  }),
  dispensings: fc.array(dispensing, { maxLength: 50 }),
  overrides: fc.array(fc.tuple(fc.constantFrom(...PRODUCTS.map(([product]) => product)), fc.boolean()), { maxLength: 2 }),
  /** The user's own daily units for some of the dosing texts used (spec §4.4). */
  ownUnits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 12 }), fc.constantFrom(1, 2, 3, 7)), { maxLength: 3 }),
  productDoses: fc.array(strengthByHand, { maxLength: 2 }),
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
    startLimitDays: fc.integer({ min: 1, max: 30 }),
    highDoseOme: fc.integer({ min: 1, max: 200 }),
  }),
});

describe('indicators against a naive transcription of spec §4, §5 and §9', () => {
  // 300 random worlds through both the engine and the slow transcription: minutes on a busy machine.
  it('agree on random datasets, periods and settings', () => {
    const { db } = world();
    fc.assert(
      fc.property(scenario, (s) => {
        db.exec(
          'DELETE FROM dispensing; DELETE FROM import_batch; DELETE FROM product_class; DELETE FROM dosing_units; DELETE FROM product_dose; DELETE FROM prescriber_merge; DELETE FROM prescriber; DELETE FROM practice; DELETE FROM pharmacy; DELETE FROM fto_group;',
        );
        const w = new World(db);
        for (const practice of PRACTICES) w.practice(practice, GROUP_OF[practice]!);
        w.pharmacy('Apotheek Noord', 'FTO Noord').pharmacy('Apotheek Zuid', 'FTO Zuid').pharmacy('Apotheek Los', null);
        PRESCRIBER_KEYS.forEach((key, i) => w.prescriber(key, s.assignment[i] ?? null));
        w.batch(s.importGroup).dispense(
          ...s.dispensings.map(({ product: [product, atc], day, ...d }) => ({
            ...d,
            product,
            atc,
            strong: !['N02AX02', 'N02AJ06'].includes(atc),
            date: iso(day),
          })),
        );
        const merged = new Set<number>();
        for (const [from, into] of s.merges) {
          if (from === into || merged.has(from) || merged.has(into)) continue;
          merged.add(from);
          db.prepare(
            'INSERT INTO prescriber_merge (from_id, into_id) SELECT f.id, t.id FROM prescriber f, prescriber t WHERE f.key = ? AND t.key = ?',
          ).run(PRESCRIBER_KEYS[from], PRESCRIBER_KEYS[into]);
        }
        for (const [product, long] of s.overrides) w.override(product, long);
        const texts = s.dispensings.flatMap((d) => (d.dosing ? [normaliseDosing(d.dosing)] : [])).filter((t) => t !== '');
        for (const [pick, num, den] of s.ownUnits) {
          if (texts.length > 0)
            db.prepare('INSERT OR REPLACE INTO dosing_units (text, units_num, units_den) VALUES (?, ?, ?)').run(
              texts[pick % texts.length],
              num,
              den,
            );
        }
        for (const { product, strength, route } of s.productDoses) {
          if (!strength && !route) continue;
          db.prepare(
            'INSERT OR REPLACE INTO product_dose (product, strength_num, strength_den, strength_unit, route) VALUES (?, ?, ?, ?, ?)',
          ).run(product, strength?.[0] ?? null, strength?.[1] ?? null, strength?.[2] ?? null, route);
        }
        // What the import, the migration and every change of the user's tables do: derive days, route and OME from the raw columns.
        recomputeDispensings(db, loadDoseTables(db));

        const fast = specJson(computeIndicators(db, { ...s.period, settings: s.settings }));
        const { patients, days, ...slow } = referenceIndicators(db, s.period.from, s.period.to, s.settings);
        const stored = db
          .prepare(
            `SELECT pt.key AS patient, dispense_date AS date, days_of_use AS days, days_source = 3 AS guessed, round(daily_ome * 1000) AS omeMilli
             FROM dispensing d JOIN patient pt ON pt.id = d.patient_id ORDER BY d.id`,
          )
          .all() as typeof days;
        expect(stored.map((r) => ({ ...r, guessed: Boolean(r.guessed) }))).toEqual(days);
        expect({ ...fast, rows: byLevelAndKey(fast.rows) }).toEqual({ ...slow, rows: byLevelAndKey(slow.rows) });

        // The per-patient outcomes behind the counts (covered days are otherwise only seen through a threshold).
        const loaded = loadWindow(db, s.period.from, s.period.to, s.settings);
        const outcomes: typeof patients = {};
        const keyOf = db.prepare('SELECT key FROM patient WHERE id = ?').pluck();
        tallyPeriod(loaded, s.period, (o) => {
          outcomes[keyOf.get(loaded.data.patientIds[o.patient]) as string] = {
            responsible: loaded.registry.prescribers[o.responsible]!.key,
            covered: o.coveredDays,
            isNew: o.newUser,
            meanOme: o.meanDailyOme,
          };
        });
        expect(outcomes).toEqual(patients);
      }),
      { numRuns: 300 },
    );
  }, 240_000);
});
