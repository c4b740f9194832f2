/** Properties of the §4.1 grammar over random texts: total, positive, units never mistaken for counts, exact. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseDosing, readDosing, readStrength, type Fraction, type Strength } from '../../db/dosing';

const frac = (num: number | bigint, den: number | bigint = 1): Fraction => ({ num: BigInt(num), den: BigInt(den) });
const times = (a: Fraction, b: Fraction) => frac(a.num * b.num, a.den * b.den);
const over = (a: Fraction, b: Fraction) => frac(a.num * b.den, a.den * b.num);
const same = (a: Fraction | null, b: Fraction) => a !== null && a.num * b.den === b.num * a.den;

/** A written number with its value, as §4.1 reads it (a range at its upper end). */
interface Written {
  text: string;
  value: Fraction;
}
const written = (text: string, num: number, den = 1): Written => ({ text, value: frac(num, den) });

const STRENGTHS: (Strength | null)[] = [
  null,
  readStrength('OXYCODON HCL 10MG TABLET MGA'),
  readStrength('MORFINE HCL 2MG/ML DRANK'),
  readStrength('DUROGESIC 25UG/UUR PLEISTER'),
];
const WORDS = [
  'dd',
  'd.d.',
  'x',
  'maal',
  'keer',
  'daags',
  'per',
  'dag',
  'dagen',
  'week',
  'weken',
  'uur',
  'u',
  'h',
  'elke',
  'iedere',
  'om',
  'de',
  'zo',
  'nodig',
  'zn',
  'z.n.',
  'max',
  'maximaal',
  'extra',
  'tablet',
  'tabletten',
  'mg',
  'mcg',
  'ml',
  'druppels',
  'pleister',
  'theelepel',
  's',
  'ochtends',
  'avonds',
  'voor',
  'nacht',
  'maandag',
  'in',
  'beide',
  'neusgaten',
  'een',
  'half',
  'twee',
  '½',
  '-',
  '/',
  ',',
  '.',
  ':',
  '0',
  '1',
  '2',
  '3',
  '8',
  '12',
  '20',
  '24',
  '72',
  '1-2',
  '4-6',
  '1/2',
  '0,5',
  '08:00',
  '(',
  ')',
  "'s",
  'daarna',
  'dag 1',
];

describe('the grammar never fails', () => {
  it('never throws on any string, and gives null or a positive fraction', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc
        .array(fc.constantFrom(...WORDS), { maxLength: 14 })
        .chain((words) =>
          fc
            .array(fc.constantFrom(' ', '', ', '), { minLength: words.length, maxLength: words.length })
            .map((gaps) => words.map((w, i) => w + gaps[i]).join('')),
        ),
    );
    fc.assert(
      fc.property(anyText, fc.constantFrom(...STRENGTHS), (text, strength) => {
        const { units, needsStrength } = readDosing(text, strength);
        if (units !== null) {
          expect(units.num > 0n && units.den > 0n).toBe(true);
          expect(needsStrength).toBe(false);
        }
        expect(typeof normaliseDosing(text)).toBe('string');
      }),
      { numRuns: 3000 },
    );
  });

  it('normalising twice changes nothing more', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((w) => w.join(' ')),
        (text) => {
          const once = normaliseDosing(text);
          expect(readDosing(once, STRENGTHS[1]!).units).toEqual(readDosing(text, STRENGTHS[1]!).units);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('a number glued to a mass unit is a mass, never a count', () => {
  it('U × strength is the daily mass, whatever the strength', () => {
    const forms = [
      (n: number, mass: string) => `${n} dd ${mass}`,
      (n: number, mass: string) => `${n}dd${mass}`,
      (n: number, mass: string) => `${n} maal daags ${mass}`,
      (n: number, mass: string) => `${mass} ${n} x per dag`,
      (n: number, mass: string) => `zo nodig ${mass}, max ${n} x per dag`,
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom('mg', ' mg', 'MG', ' milligram'),
        fc.integer({ min: 1, max: 80 }),
        fc.constantFrom(...forms),
        (n, mass, unit, strengthMg, form) => {
          const text = form(n, `${mass}${unit}`);
          const strength: Strength = { value: frac(strengthMg), unit: 'mg' };
          const u = readDosing(text, strength).units;
          expect(same(u && times(u, strength.value), frac(n * mass)), text).toBe(true);
          expect(readDosing(text, null), text).toEqual({ units: null, needsStrength: true });
        },
      ),
      { numRuns: 500 },
    );
  });
});

// ---- random texts assembled from the §4.1 parts, U computed here independently ----

const count: fc.Arbitrary<Written> = fc.oneof(
  fc.integer({ min: 1, max: 6 }).map((n) => written(String(n), n)),
  fc.constantFrom(written('een', 1), written('twee', 2), written('drie', 3), written('vier', 4), written('1-2', 2), written('2 à 3', 3)),
);
/** A bare amount (in units) as written. */
const bare: fc.Arbitrary<Written> = fc.oneof(
  fc.integer({ min: 1, max: 4 }).map((n) => written(String(n), n)),
  fc.constantFrom(
    written('0,5', 1, 2),
    written('1/2', 1, 2),
    written('½', 1, 2),
    written('1½', 3, 2),
    written('1 1/2', 3, 2),
    written('2,5', 5, 2),
    written('1-2', 2),
    written('1 à 2', 2),
    written('1 tot 2', 2),
    written('1 of 2', 2),
    written('anderhalve', 3, 2),
    written('een halve', 1, 2),
  ),
);
const unitWord = fc.constantFrom(
  'tablet',
  'tabletten',
  'tabl.',
  'capsule',
  'caps',
  'stuks',
  'pleister',
  'zakje',
  'ml',
  'TABLET',
  'Capsules',
);
const amountWithUnit = fc.oneof(
  fc.tuple(bare, unitWord).map(([a, unit]): Written => ({ text: `${a.text} ${unit}`, value: a.value })),
  // a mass with the product's strength (10 mg a tablet)
  fc.integer({ min: 1, max: 8 }).map((k): Written => ({ text: `${5 * k} mg`, value: frac(k, 2) })),
);
const TEN_MG: Strength = { value: frac(10), unit: 'mg' };

interface Frequency {
  /** The text of the form with the amount placed as `{A}` (amount after) or before. */
  build: (amount: string, withUnit: boolean) => string;
  perDay: Fraction;
}
/** Writes two parts together, with a space where two words would otherwise run into one. */
const glue = (a: string, b: string) => (/\p{L}$/u.test(a) && /^\p{L}/u.test(b) ? `${a} ${b}` : a + b);
const hours = fc.constantFrom(4, 6, 8, 12, 24, 48, 72);
const days = fc.constantFrom(2, 3, 4, 7);
const frequency: fc.Arbitrary<Frequency> = fc.oneof(
  fc.tuple(count, fc.constantFrom('dd', ' dd ', ' D.D. ', ' x dd ', 'DD')).map(([n, code]) => ({
    build: (a: string) => glue(glue(n.text, code), a),
    perDay: n.value,
  })),
  fc
    .tuple(count, fc.constantFrom(' x per dag', ' maal daags', ' keer per etmaal', 'x daags', ' maal per 24 uur', ' x per dag'))
    .map(([n, form]) => ({
      build: (a: string, withUnit: boolean) => (withUnit ? `${a} ${glue(n.text, form)}` : `${glue(n.text, form)} ${a}`),
      perDay: n.value,
    })),
  fc.tuple(count, days).map(([n, d]) => ({ build: (a: string) => `${n.text} maal per ${d} dagen ${a}`, perDay: over(n.value, frac(d)) })),
  fc
    .tuple(count, hours)
    .map(([n, h]) => ({ build: (a: string) => `${n.text} keer per ${h} uur ${a}`, perDay: over(times(n.value, frac(24)), frac(h)) })),
  fc.tuple(count).map(([n]) => ({ build: (a: string) => `${n.text} x per week ${a}`, perDay: over(n.value, frac(7)) })),
  fc
    .tuple(count, fc.constantFrom(2, 4))
    .map(([n, w]) => ({ build: (a: string) => `${n.text} maal per ${w} weken ${a}`, perDay: over(n.value, frac(7 * w)) })),
  fc.tuple(fc.constantFrom('elke', 'iedere', 'om de', 'per'), hours).map(([every, h]) => ({
    build: (a: string, withUnit: boolean) => (withUnit ? `${a} ${every} ${h} uur` : `${every} ${h} uur ${a}`),
    perDay: over(frac(24), frac(h)),
  })),
  fc.constantFrom(4, 6, 8).map((h) => ({ build: (a: string) => `om de ${h}-${h + 2} uur ${a}`, perDay: over(frac(24), frac(h)) })),
  fc.tuple(fc.constantFrom('elke', 'iedere', 'om de', 'per'), days).map(([every, d]) => ({
    build: (a: string, withUnit: boolean) => (withUnit ? `${a} ${every} ${d} dagen` : `${every} ${d} dagen ${a}`),
    perDay: over(frac(1), frac(d)),
  })),
  fc.constantFrom('om de dag', 'om de andere dag').map((f) => ({ build: (a: string) => `${f} ${a}`, perDay: frac(1, 2) })),
  fc.constantFrom('per week', 'elke week', 'iedere week', 'wekelijks').map((f) => ({
    build: (a: string, withUnit: boolean) => (withUnit ? `${a} ${f}` : `${f} ${a}`),
    perDay: frac(1, 7),
  })),
  fc.constantFrom('per dag', 'per etmaal', 'dagelijks', 'elke dag', 'iedere dag').map((f) => ({
    build: (a: string, withUnit: boolean) => (withUnit ? `${a} ${f}` : `${f} ${a}`),
    perDay: frac(1),
  })),
);
const prefix = fc.constantFrom('', 'zo nodig ', 'Z.N. ', 'bij pijn ', 'ZONODIG ');
const suffix = fc.constantFrom('', ' innemen', ' met water', ', na het eten', ' heel doorslikken', ' MGA', '.');

describe('random texts built from the §4.1 parts', () => {
  it('give F × A, computed here from the parts', () => {
    fc.assert(
      fc.property(
        frequency,
        fc.oneof(
          amountWithUnit.map((a) => [a, true] as const),
          bare.map((a) => [a, false] as const),
        ),
        prefix,
        suffix,
        fc.boolean(),
        (form, [amount, withUnit], pre, post, upper) => {
          let text = `${pre}${form.build(amount.text, withUnit)}${post}`;
          if (upper) text = text.toUpperCase();
          expect(readDosing(text, TEN_MG).units, `${text} → ${normaliseDosing(text)}`).toEqual(reduce(times(form.perDay, amount.value)));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a stated maximum wins: "zo nodig A, max K per dag" is K, "max N x per dag A" is N × A', () => {
    fc.assert(
      fc.property(bare, fc.integer({ min: 1, max: 12 }), count, unitWord, (amount, k, n, unit) => {
        expect(readDosing(`zo nodig ${amount.text} ${unit}, max ${k} ${unit} per dag`, null).units).toEqual(frac(k));
        expect(readDosing(`zo nodig ${amount.text} ${unit}, maximaal ${k} per dag`, null).units).toEqual(frac(k));
        expect(readDosing(`max ${n.text} x per dag ${amount.text} ${unit}`, null).units).toEqual(reduce(times(n.value, amount.value)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('random texts without a frequency form', () => {
  const small = fc.oneof(
    fc.integer({ min: 0, max: 3 }).map((n) => written(String(n), n)),
    fc.constantFrom(written('1/2', 1, 2), written('½', 1, 2)),
  );
  it('a day scheme at the start is its sum', () => {
    fc.assert(
      fc.property(fc.array(small, { minLength: 3, maxLength: 4 }), suffix, (parts, post) => {
        const text = parts.map((p) => p.text).join('-') + post;
        const sum = parts.reduce((acc, p) => frac(acc.num * p.value.den + p.value.num * acc.den, acc.den * p.value.den), frac(0));
        expect(readDosing(text, null).units, text).toEqual(sum.num === 0n ? null : reduce(sum));
      }),
    );
  });

  const MOMENT_WORDS = [
    ["'s ochtends", 's morgens', 'ochtend', 'in de ochtend'],
    ["'s middags", 'middag', 'in de middag'],
    ["'s avonds", 'avond', 'in de avond'],
    ['voor de nacht', 'voor het slapen'],
  ];
  const moments = fc
    .uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 })
    .chain((kinds) =>
      fc.tuple(
        ...kinds.map((k) => fc.constantFrom(...MOMENT_WORDS[k]!)),
        fc.array(fc.tuple(bare, unitWord), { minLength: kinds.length, maxLength: kinds.length }),
      ),
    );
  it('moments with their own amounts after them give the sum; one amount for all gives moments × A', () => {
    fc.assert(
      fc.property(moments, fc.boolean(), (drawn, ownAmounts) => {
        const amounts = drawn.pop() as [Written, string][];
        const words = drawn as string[];
        if (ownAmounts) {
          const text = words.map((w, i) => `${w} ${amounts[i]![0].text} ${amounts[i]![1]}`).join(', ');
          const sum = amounts.reduce((acc, [a]) => frac(acc.num * a.value.den + a.value.num * acc.den, acc.den * a.value.den), frac(0));
          expect(readDosing(text, null).units, text).toEqual(reduce(sum));
        } else {
          const [a, unit] = amounts[0]!;
          const text = `${words.join(' en ')}: ${a.text} ${unit}`;
          const expected = words.length === 1 ? a.value : times(frac(words.length), a.value);
          expect(readDosing(text, null).units, text).toEqual(reduce(expected));
        }
      }),
    );
  });

  it('weekdays give (days ÷ 7) × A; clock times give times × A', () => {
    const DAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...DAYS), { minLength: 1, maxLength: 7 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 23 }), { minLength: 2, maxLength: 6 }),
        bare,
        unitWord,
        (days, hours, a, unit) => {
          expect(readDosing(`op ${days.join(' en ')} ${a.text} ${unit}`, null).units).toEqual(reduce(times(frac(days.length, 7), a.value)));
          const sorted = [...hours].sort((x, y) => x - y);
          for (const text of [
            `${a.text} ${unit} om ${sorted.map((h) => `${h}:00`).join(' en ')}`,
            `${sorted.join('-')} uur ${a.text} ${unit}`,
          ]) {
            expect(readDosing(text, null).units, `${text} → ${normaliseDosing(text)}`).toEqual(reduce(times(frac(hours.length), a.value)));
          }
        },
      ),
    );
  });
});

function reduce(a: Fraction): Fraction {
  let [x, y] = [a.num, a.den];
  while (y) [x, y] = [y, x % y];
  return frac(a.num / x, a.den / x);
}
