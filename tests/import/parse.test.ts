import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actingByRule, longActingByText, opioidClass } from '../../db/import/classify';
import { dailyUnits, daysOfUse, isoDateToSerial, parseDate, parseDecimal, serialToIsoDate } from '../../db/import/parse';

/** The parsed decimal as a plain number, null when it is none. */
function parseDutchNumber(text: string): number | null {
  const parsed = parseDecimal(text);
  return parsed && ((parsed.negative ? -1 : 1) * Number(parsed.value.num)) / Number(parsed.value.den);
}

/** Writes an integer part with Dutch thousands dots: 1234567 -> "1.234.567". */
const withThousands = (whole: number) => whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');

describe('Dutch numbers', () => {
  it('reads decimal commas and thousands dots exactly', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.stringMatching(/^\d{0,4}$/), fc.boolean(), (whole, digits, dots) => {
        const text = `${dots ? withThousands(whole) : whole}${digits ? `,${digits}` : ''}`;
        const parsed = parseDecimal(text)!;
        expect(parsed.negative).toBe(false);
        expect(parsed.value.num).toBe(BigInt(`${whole}${digits}`));
        expect(parsed.value.den).toBe(10n ** BigInt(digits.length));
      }),
    );
  });

  it('knows the common cases and refuses what is not a number', () => {
    expect(parseDutchNumber('1,5')).toBe(1.5);
    expect(parseDutchNumber('1.234,5')).toBe(1234.5);
    expect(parseDutchNumber('1.234')).toBe(1234);
    expect(parseDutchNumber('1.5')).toBe(1.5);
    expect(parseDutchNumber(' 30 ')).toBe(30);
    expect(parseDutchNumber('-2,25')).toBe(-2.25);
    for (const bad of ['', 'dertig', '1,2,3', '1.23.4', '12a', ',5']) expect(parseDutchNumber(bad)).toBeNull();
  });
});

describe('dates', () => {
  const isoDates = fc
    .date({ min: new Date(Date.UTC(1980, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('reads every written form and spreadsheet serials of both date systems back to the same day', () => {
    fc.assert(
      fc.property(isoDates, (iso) => {
        const [y, m, d] = iso.split('-') as [string, string, string];
        const forms = [`${d}-${m}-${y}`, `${Number(d)}-${Number(m)}-${y}`, iso, `${d}/${m}/${y}`, `${d}.${m}.${y}`, `${y}${m}${d}`, `${d}-${m}-${y} 00:00`];
        for (const form of forms) expect(parseDate(form)).toBe(iso);
        expect(parseDate(String(isoDateToSerial(iso)))).toBe(iso);
        expect(parseDate(`${isoDateToSerial(iso, true)}`, true)).toBe(iso);
        expect(parseDate(`${isoDateToSerial(iso)},75`)).toBe(iso); // a time of day does not change the date
      }),
    );
  });

  it('knows the spreadsheet epochs', () => {
    expect(serialToIsoDate(45292)).toBe('2024-01-01');
    expect(serialToIsoDate(45292 - 1462, true)).toBe('2024-01-01');
    expect(serialToIsoDate(61)).toBe('1900-03-01');
    expect(serialToIsoDate(1)).toBe('1900-01-01');
  });

  it('refuses impossible dates and years outside 1980-2100', () => {
    for (const bad of ['31-02-2024', '29-02-2023', '00-01-2024', '12-13-2024', '2024-02-30', '01-01-1899', '15000', 'gisteren', '1-1-24']) {
      expect(parseDate(bad)).toBeNull();
    }
    expect(parseDate('29-02-2024')).toBe('2024-02-29');
  });
});

/** Exact ceil(q / d) for decimals given as (integer, power of ten). */
const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

describe('dosing text and days of use', () => {
  const decimal = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom(0, 1)).map(([n, places]) => ({
    text: places ? `${Math.floor(n / 10)},${n % 10}` : String(n),
    num: BigInt(n),
    den: places ? 10n : 1n,
  }));
  const prefix = fc.constantFrom('', 'zo nodig ', 'z.n. ', 'Z.N. max ', 'ZO NODIG ');

  it('N dd M and its variants give N x M a day, also after "zo nodig", with decimal commas', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), decimal, prefix, fc.constantFrom('dd', ' dd ', 'DD', ' x per dag ', ' maal per dag ', ' maal daags ', ' keer per dag '), fc.integer({ min: 1, max: 500 }), (n, m, pre, middle, quantity) => {
        const text = `${pre}${n}${middle}${m.text} tablet`;
        const daily = dailyUnits(text)!;
        expect(daily.num * m.den).toBe(BigInt(n) * m.num * daily.den);
        const expected = ceilDiv(BigInt(quantity) * m.den, BigInt(n) * m.num);
        expect(daysOfUse(null, { num: BigInt(quantity), den: 1n }, text)).toBe(Math.max(1, Number(expected)));
      }),
    );
  });

  it('"M per dag" and "om de N dagen 1" patterns', () => {
    fc.assert(
      fc.property(decimal, fc.integer({ min: 1, max: 14 }), fc.integer({ min: 1, max: 100 }), prefix, (m, every, quantity, pre) => {
        const q = { num: BigInt(quantity), den: 1n };
        expect(daysOfUse(null, q, `${pre}${m.text} per dag`)).toBe(Math.max(1, Number(ceilDiv(BigInt(quantity) * m.den, m.num))));
        expect(daysOfUse(null, q, `${m.text} stuks per dag`)).toBe(Math.max(1, Number(ceilDiv(BigInt(quantity) * m.den, m.num))));
        for (const text of [`1 pleister per ${every} dagen`, `elke ${every} dagen 1`, `iedere ${every} dagen 1`, `om de ${every} dagen 1`]) {
          expect(daysOfUse(null, q, text)).toBe(quantity * every);
        }
      }),
    );
  });

  it('computes exactly where floating point would not', () => {
    expect(daysOfUse(null, { num: 10n, den: 1n }, '1 pleister per 3 dagen')).toBe(30);
    expect(daysOfUse(null, { num: 10n, den: 1n }, 'elke 3 dagen 1')).toBe(30);
    expect(daysOfUse(null, { num: 30n, den: 1n }, '3 dd 1')).toBe(10);
    expect(daysOfUse(null, { num: 30n, den: 1n }, '3 dd 0,1')).toBe(100); // 30 / 0.3 is 99.99999 in floating point
    expect(daysOfUse(null, { num: 10n, den: 1n }, '2dd0,5')).toBe(10);
    expect(daysOfUse(null, { num: 20n, den: 1n }, 'zo nodig 3 dd 1-2')).toBe(4); // the maximum: 6 a day
    expect(daysOfUse(null, { num: 1n, den: 1n }, '4 dd 1')).toBe(1); // at least one day
  });

  it('the days supply wins, 14 days when nothing tells', () => {
    expect(daysOfUse(21, { num: 10n, den: 1n }, '2 dd 1')).toBe(21);
    expect(daysOfUse(0, { num: 10n, den: 1n }, '2 dd 1')).toBe(5);
    expect(daysOfUse(null, null, '2 dd 1')).toBe(14);
    expect(daysOfUse(null, { num: 10n, den: 1n }, 'volgens afspraak')).toBe(14);
    expect(daysOfUse(null, { num: 10n, den: 1n }, null)).toBe(14);
    expect(daysOfUse(null, { num: 10n, den: 1n }, '0 dd 1')).toBe(14);
  });
});

describe('classification', () => {
  it('strong, weak, or no opioid by ATC code', () => {
    expect(opioidClass('N02AA05')).toBe('strong');
    expect(opioidClass('N02AA55')).toBe('strong');
    expect(opioidClass('N02AX02')).toBe('weak');
    expect(opioidClass('R05DA04')).toBe('weak');
    expect(opioidClass('N07BC02')).toBeNull();
    expect(opioidClass('N02BE01')).toBeNull();
  });

  it('a long-acting form code decides first; any other code decides nothing and the product text decides', () => {
    for (const code of ['310', '350', '375', '905', '751', '752']) expect(actingByRule('OXYCODON 5MG', code)).toEqual({ longActing: true, rule: 'form' });
    expect(actingByRule('OXYCODON 10MG TABLET MGA', '100')).toEqual({ longActing: true, rule: 'text' });
    expect(actingByRule('OXYCODON 5MG CAPSULE', '100')).toEqual({ longActing: false, rule: 'text' });
    expect(actingByRule('OXYCODON 10MG TABLET MGA', null)).toEqual({ longActing: true, rule: 'text' });
    expect(actingByRule('OXYCODON 10MG TABLET MGA', 'tablet')).toEqual({ longActing: true, rule: 'text' });
    for (const text of ['MORFINE RETARD 10MG', 'FENTANYL 25MCG/UUR', 'fentanyl 12 µg/u pleister', 'BUPRENORFINE 5 MCG/H', 'TAPENTADOL 50MG TABLET MET GEREGULEERDE AFGIFTE', 'OXYCODON PR 10MG', 'MORFINE-SR', 'HYDROMORFON XR', 'FENTANYL MATRIXPLEISTER', 'TTS']) {
      expect(longActingByText(text)).toBe(true);
    }
    for (const text of ['OXYCODON HCL 5MG CAPSULE', 'MORFINE 10MG/ML DRANK', 'FENTANYL NEUSSPRAY 50MCG/DO', 'PRIMAIRE ZORG', 'SERTRALINE', 'AFGIFTE GEREGULEERD']) {
      expect(longActingByText(text)).toBe(false);
    }
  });
});
