/** Spec §9: strength, route, the factor table and the daily OME; every example of §9. */
import { describe, expect, it } from 'vitest';
import {
  dailyOme,
  daysFromUnits,
  OME_FACTOR_SOURCE,
  OME_FACTORS,
  omeFactor,
  readDailyUnits,
  readRoute,
  readStrength,
  strengthOf,
  typedNumber,
  type Fraction,
  type Strength,
} from '../../db/dosing';

const f = (num: number, den = 1): Fraction => ({ num: BigInt(num), den: BigInt(den) });
/** A strength as [value as "n" or "n/d", unit], for readable expectations. */
const strength = (product: string) => {
  const s = readStrength(product);
  return s && [s.value.den === 1n ? String(s.value.num) : `${s.value.num}/${s.value.den}`, s.unit];
};

describe('§9 strength of one unit', () => {
  it.each([
    ['DUROGESIC 25UG/UUR PLEISTER', ['25', 'ug/h']],
    ['FENTANYL 12,5 MCG/U', ['25/2', 'ug/h']],
    ['BUTRANS 5 MICROGRAM/UUR', ['5', 'ug/h']],
    ['MORFINE HCL 2MG/ML DRANK', ['2', 'mg/ml']],
    ['OXYCODON 10MG/5ML', ['2', 'mg/ml']],
    ['OXYCODON/NALOXON 10/5MG TABLET MGA', ['10', 'mg']],
    ['ABSTRAL 100MCG SUBLINGUALE TABLET', ['1/10', 'mg']],
  ])('%s', (product, expected) => {
    expect(strength(product)).toEqual(expected);
  });

  it('reads the usual label texts, first pattern that occurs', () => {
    expect(strength('OXYCODON HCL 10MG TABLET MGA')).toEqual(['10', 'mg']);
    expect(strength('FENTANYL 12UG/UUR PLEISTER')).toEqual(['12', 'ug/h']);
    expect(strength('FENTANYL MATRIXPLEISTER 50 µg/h')).toEqual(['50', 'ug/h']);
    expect(strength('BUPRENORFINE 35 MICROGRAM/U PLEISTER')).toEqual(['35', 'ug/h']);
    expect(strength('MORFINE HCL 10MG/ML INJVLST')).toEqual(['10', 'mg/ml']);
    expect(strength('OXYCODON HCL 1 MG/ML DRANK')).toEqual(['1', 'mg/ml']);
    expect(strength('MORFINE 20 MG/ 5 ML DRANK')).toEqual(['4', 'mg/ml']);
    expect(strength('TARGINACT 20/10MG TABLET MGA')).toEqual(['20', 'mg']);
    expect(strength('INSTANYL NEUSSPRAY 50MCG/DO')).toEqual(['1/20', 'mg']);
    expect(strength('TAPENTADOL 50MG TABLET MVA')).toEqual(['50', 'mg']);
    expect(strength('OXYNORM 2,5 MG CAPSULE')).toEqual(['5/2', 'mg']);
    expect(strength('FENTANYL 25 μG/UUR')).toEqual(['25', 'ug/h']); // Greek mu, as upper-casing µ gives
  });

  // §9 names mg, mcg, µg, ug and microgram only ("milligram" is a §4.1 dosing unit, not a §9 strength unit).
  it('is unknown without a mass unit of §9, or when it is 0', () => {
    for (const product of [
      'OXYCODON CAPSULE',
      'MORFINE DRANK',
      '',
      'TRAMADOL 50',
      'OXYCODON 0MG TABLET',
      'MORFINE 10MG/0ML',
      'PALEXIA 100 MILLIGRAM TABLET',
    ]) {
      expect(readStrength(product), product).toBeNull();
    }
  });

  it('a strength typed by hand', () => {
    expect(strengthOf('12,5', 'ug/h')).toEqual({ value: f(25, 2), unit: 'ug/h' });
    expect(strengthOf('10', 'mg')).toEqual({ value: f(10), unit: 'mg' });
    expect(strengthOf('0', 'mg')).toBeNull();
    expect(strengthOf('tien', 'mg')).toBeNull();
    // the daily units a user types for a dosing text (§4.4)
    expect(typedNumber('1/3')).toEqual(f(1, 3));
    expect(typedNumber(' 0,5 ')).toEqual(f(1, 2));
    expect(typedNumber('1 1/2')).toEqual(f(3, 2));
    expect(typedNumber('½')).toEqual(f(1, 2));
    for (const bad of ['', '0', '-1', '1/0', 'twee', '1,2,3']) expect(typedNumber(bad), bad).toBeNull();
  });
});

describe('§9 route', () => {
  it.each([
    ['DUROGESIC 25UG/UUR PLEISTER', 'transdermal'],
    ['FENTANYL 12,5 MCG/U', 'transdermal'],
    ['FENTANYL MATRIXPLEISTER', 'transdermal'],
    ['FENTANYL TTS', 'transdermal'],
    ['BUPRENORFINE TRANSDERMAAL', 'transdermal'],
    ['INSTANYL NEUSSPRAY 50MCG/DO', 'transmucosal'],
    ['PECFENT 100MCG/DO NASAAL', 'transmucosal'],
    ['ABSTRAL 100MCG SUBLINGUALE TABLET', 'transmucosal'],
    ['EFFENTORA 200MCG BUCCALE TABLET', 'transmucosal'],
    ['ACTIQ 400MCG ZUIGTABLET', 'transmucosal'],
    ['MORFINE HCL 10MG/ML INJVLST', 'parenteral'],
    ['MORFINE 10MG/ML INJECTIEVLOEISTOF', 'parenteral'],
    ['OXYCODON 10MG/ML INJ', 'parenteral'],
    ['PETHIDINE 50MG/ML AMPUL', 'parenteral'],
    ['MORFINE INFVLST', 'parenteral'],
    ['OXYCODON HCL 10MG TABLET MGA', 'oral'],
    ['MORFINE HCL 2MG/ML DRANK', 'oral'],
    ['MORFINE 10MG ZETPIL', 'oral'], // rectal forms count as oral
  ])('%s → %s', (product, route) => {
    expect(readRoute(product, readStrength(product))).toBe(route);
  });

  it('a strength per hour means a patch, whatever the text says', () => {
    expect(readRoute('FENTANYL', { value: f(25), unit: 'ug/h' })).toBe('transdermal');
    expect(readRoute('FENTANYL', null)).toBe('oral');
  });
});

describe('§9 factors', () => {
  it('has the table with its source', () => {
    expect(OME_FACTOR_SOURCE).toMatch(/Pijn bij patiënten met kanker.*2019/);
    expect(OME_FACTORS.map((r) => [r.atc.join(','), r.oral, r.parenteral, r.transdermal])).toEqual([
      ['N02AA01', 1, 3, null],
      ['N02AA03', 5, 15, null],
      ['N02AA05,N02AA55', 1.5, 3, null],
      ['N02AB02', 0.1, 0.4, null],
      ['N02AB03', null, null, 2.4],
      ['N02AE01', null, null, 1.8],
      ['N02AX06', 0.4, null, null],
    ]);
  });

  it('by route; a dash, a transmucosal route and any other opioid have none', () => {
    expect(omeFactor('N02AA05', 'oral')).toBe(1.5);
    expect(omeFactor('N02AA55', 'oral')).toBe(1.5);
    expect(omeFactor('N02AA01', 'parenteral')).toBe(3);
    expect(omeFactor('N02AB03', 'transdermal')).toBe(2.4);
    expect(omeFactor('N02AB03', 'transmucosal')).toBeNull();
    expect(omeFactor('N02AB03', 'oral')).toBeNull();
    expect(omeFactor('N02AA01', 'transdermal')).toBeNull();
    expect(omeFactor('N02AX06', 'parenteral')).toBeNull();
    expect(omeFactor('N02AA04', 'oral')).toBeNull(); // nicomorfine: a strong opioid without a factor
    expect(omeFactor('N02AX02', 'oral')).toBeNull(); // tramadol
  });
});

describe('§9 daily OME', () => {
  const ome = (atc: string, product: string, dosing: string | null, units?: Fraction) => {
    const s = readStrength(product);
    return dailyOme(atc, readRoute(product, s), s, units ?? readDailyUnits(dosing, s));
  };

  it('"25 µg/uur" fentanyl = 60, one patch at a time, whatever the dosing', () => {
    expect(ome('N02AB03', 'DUROGESIC 25UG/UUR PLEISTER', 'elke 72 uur 1 pleister')).toBe(60);
    expect(ome('N02AB03', 'FENTANYL 25 MCG/UUR PLEISTER', null)).toBe(60);
    expect(ome('N02AB03', 'FENTANYL 12,5 MCG/U', null)).toBe(30);
    expect(ome('N02AE01', 'BUTRANS 5 MICROGRAM/UUR', null)).toBe(9);
  });

  it('oxycodone 10 mg MGA 2dd1 = 30', () => {
    expect(ome('N02AA05', 'OXYCODON HCL 10MG TABLET MGA', '2dd1')).toBe(30);
    // the case: "2 maal daags 10 mg" is 2 tablets a day, 30 mg OME
    expect(ome('N02AA05', 'OXYCODON HCL 10MG TABLET MGA', '2 maal daags 10 mg')).toBe(30);
    // 56 tablets every 28 days: U from quantity ÷ days supply
    expect(ome('N02AA05', 'OXYCODON HCL 10MG TABLET MGA', null, { num: 56n, den: 28n })).toBe(30);
  });

  it('per ml for a liquid, parenteral factors, combinations by their first number', () => {
    expect(ome('N02AA01', 'MORFINE HCL 2MG/ML DRANK', '3 dd 5 ml')).toBe(30); // 15 ml × 2 mg × 1
    expect(ome('N02AA01', 'MORFINE HCL 10MG/ML INJVLST', 'continu 0,5 ml/u')).toBe(360); // 12 ml × 10 mg × 3
    expect(ome('N02AA55', 'OXYCODON/NALOXON 20/10MG TABLET MGA', '2 dd 20/10 mg')).toBe(60);
    expect(ome('N02AX06', 'TAPENTADOL 50MG TABLET MVA', '2 dd 1')).toBe(40);
    expect(ome('N02AA03', 'HYDROMORFON 4MG CAPSULE', '4 dd 1')).toBe(80);
    expect(ome('N02AB02', 'PETHIDINE 50MG/ML AMPUL', '4 dd 2 ml')).toBe(160); // 8 ml × 50 × 0.4
  });

  it('unknown when any part is unknown', () => {
    expect(ome('N02AB03', 'ABSTRAL 100MCG SUBLINGUALE TABLET', '4 dd 1')).toBeNull(); // transmucosal
    expect(ome('N02AB03', 'FENTANYL PLEISTER', null)).toBeNull(); // a patch without a strength per hour
    expect(ome('N02AA05', 'OXYCODON TABLET', '2 dd 1')).toBeNull(); // no strength
    expect(ome('N02AA05', 'OXYCODON HCL 10MG TABLET MGA', 'volgens schema')).toBeNull(); // no U
    expect(ome('N02AA04', 'NICOMORFINE 10MG TABLET', '2 dd 1')).toBeNull(); // no factor
    const patch: Strength = { value: f(25), unit: 'ug/h' };
    expect(dailyOme('N02AA05', 'oral', patch, f(2))).toBeNull(); // per hour, but not a patch
    expect(dailyOme('N02AB03', 'transdermal', { value: f(25), unit: 'mg' }, f(1))).toBeNull();
  });

  it('is exact until the end: 0.1 × 3 is 0.3, not 0.30000000000000004', () => {
    expect(ome('N02AB02', 'PETHIDINE 10MG TABLET', '3 dd 1/10')).toBe(0.3);
  });
});

describe('§4 rule 2: days of use from U, exactly', () => {
  const days = (quantity: number, dosing: string, product?: string) =>
    daysFromUnits(f(quantity), readDailyUnits(dosing, product ? readStrength(product) : null)!);
  it('10 patches at 1 per 3 days are 30 days, 28 tablets at 2 a day 14', () => {
    expect(days(10, 'elke 72 uur 1 pleister')).toBe(30);
    expect(days(10, '1 pleister per 3 dagen')).toBe(30);
    expect(days(28, '2dd1')).toBe(14);
    expect(days(56, '2 maal daags 10 mg', 'OXYCODON HCL 10MG TABLET MGA')).toBe(28);
    expect(days(4, '1 pleister per week')).toBe(28);
    expect(days(8, '2 maal per week 1 pleister')).toBe(28);
    expect(days(30, '3 dd 0,1')).toBe(100);
    expect(days(1, '4 dd 1')).toBe(1);
    expect(days(100, '3 dd 5 ml', 'MORFINE HCL 2MG/ML DRANK')).toBe(7); // 100 ml ÷ 15 ml a day, rounded up
  });
});
