import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actingByRule, longActingByText, opioidClass } from '../../db/import/classify';
import { daysFromUnits, readDailyUnits } from '../../db/dosing';
import { isoDateToSerial, parseDate, parseDecimal, serialToIsoDate } from '../../db/import/parse';

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
        const forms = [
          `${d}-${m}-${y}`,
          `${Number(d)}-${Number(m)}-${y}`,
          iso,
          `${d}/${m}/${y}`,
          `${d}.${m}.${y}`,
          `${y}${m}${d}`,
          `${d}-${m}-${y} 00:00`,
        ];
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

describe('days of use from a dosing text', () => {
  const days = (quantity: bigint, text: string) => daysFromUnits({ num: quantity, den: 1n }, readDailyUnits(text, null)!);
  it('computes exactly where floating point would not', () => {
    expect(days(10n, '1 pleister per 3 dagen')).toBe(30);
    expect(days(10n, 'elke 3 dagen 1')).toBe(30);
    expect(days(30n, '3 dd 1')).toBe(10);
    expect(days(30n, '3 dd 0,1')).toBe(100); // 30 / 0.3 is 99.99999 in floating point
    expect(days(10n, '2dd0,5')).toBe(10);
    expect(days(20n, 'zo nodig 3 dd 1-2')).toBe(4); // the maximum: 6 a day
    expect(days(1n, '4 dd 1')).toBe(1); // at least one day
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
    for (const code of ['310', '350', '375', '905', '751', '752'])
      expect(actingByRule('OXYCODON 5MG', code)).toEqual({ longActing: true, rule: 'form' });
    expect(actingByRule('OXYCODON 10MG TABLET MGA', '100')).toEqual({ longActing: true, rule: 'text' });
    expect(actingByRule('OXYCODON 5MG CAPSULE', '100')).toEqual({ longActing: false, rule: 'text' });
    expect(actingByRule('OXYCODON 10MG TABLET MGA', null)).toEqual({ longActing: true, rule: 'text' });
    expect(actingByRule('OXYCODON 10MG TABLET MGA', 'tablet')).toEqual({ longActing: true, rule: 'text' });
    for (const text of [
      'MORFINE RETARD 10MG',
      'FENTANYL 25MCG/UUR',
      'fentanyl 12 µg/u pleister',
      'BUPRENORFINE 5 MCG/H',
      'TAPENTADOL 50MG TABLET MET GEREGULEERDE AFGIFTE',
      'OXYCODON PR 10MG',
      'MORFINE-SR',
      'HYDROMORFON XR',
      'FENTANYL MATRIXPLEISTER',
      'TTS',
    ]) {
      expect(longActingByText(text)).toBe(true);
    }
    for (const text of [
      'OXYCODON HCL 5MG CAPSULE',
      'MORFINE 10MG/ML DRANK',
      'FENTANYL NEUSSPRAY 50MCG/DO',
      'PRIMAIRE ZORG',
      'SERTRALINE',
      'AFGIFTE GEREGULEERD',
    ]) {
      expect(longActingByText(text)).toBe(false);
    }
  });
});
