/**
 * Real-world dosing texts: the issue's own (issue 9) and label and prescriber texts as a Dutch
 * pharmacy sees them, each with the U that spec §4.1 gives it.
 */
import { describe, expect, it } from 'vitest';
import { normaliseDosing, readDosing, readStrength } from '../../db/dosing';
import { units } from './helpers';

const OXY_10_MGA = 'OXYCODON HCL 10MG TABLET MGA';
const MORPHINE_DRINK = 'MORFINE HCL 2MG/ML DRANK';

describe('the texts issue 9 found misread', () => {
  it.each([
    ['2 maal daags 10 mg', OXY_10_MGA, '2'], // was read as 20 tablets a day
    ['Elke 72 uur 1 pleister', 'DUROGESIC 25UG/UUR PLEISTER', '1/3'],
    ['1 pleister per week', 'BUTRANS 5 MICROGRAM/UUR', '1/7'],
    ['2 maal per week 1 pleister', 'TRANSTEC 35 MICROGRAM/UUR PLEISTER', '2/7'],
    ["'s ochtends en 's avonds 1 tablet", OXY_10_MGA, '2'],
    ['Twee maal daags 1 tablet', OXY_10_MGA, '2'],
  ] as const)('%s (%s) → %s', (text, product, expected) => {
    expect(units(text, product)).toBe(expected);
  });
});

/** [text, product or undefined, U]: label texts (upper case) and prescribers' free text. */
const TEXTS: [string, string | undefined, string | null][] = [
  ['1 TABLET 2 MAAL PER DAG', undefined, '2'],
  ['ZO NODIG 1 CAPSULE, MAXIMAAL 4 MAAL PER DAG', undefined, '4'],
  ['ELKE 72 UUR 1 PLEISTER VERVANGEN', undefined, '1/3'],
  ['2D1T', undefined, '2'],
  ['2DD1T', undefined, '2'],
  ['3D1-2C', undefined, '6'],
  ['1-0-1', undefined, '2'],
  ['1-0-1 INNEMEN', undefined, '2'],
  ['1-1-1-1', undefined, '4'],
  ['1/2-0-1/2', undefined, '1'],
  ['5-0-5 MG', 'OXYCODON HCL 5MG TABLET MGA', '2'],
  ['2 MAAL PER DAG 1 TABLET INNEMEN', undefined, '2'],
  ['1 TABLET 2 MAAL PER DAG MET WATER INNEMEN', undefined, '2'],
  ['2 X DAAGS 1 TABLET MET RUIM WATER INNEMEN', undefined, '2'],
  ['1 X DAAGS 1 TABLET, NIET KAUWEN', undefined, '1'],
  ['3 MAAL PER DAG 1 CAPSULE, TABLET HEEL DOORSLIKKEN', undefined, '3'],
  ['3 D.D. 1 TABLET', undefined, '3'],
  ['1 DD 1/2 TABLET', undefined, '1/2'],
  ['2 DD 1 TABLET MGA', undefined, '2'],
  ["1 DD 1 TABLET 'S AVONDS", undefined, '1'],
  ['2 X PER DAG 1 TABLET (ELKE 12 UUR)', undefined, '2'],
  ['2 X DAAGS 1 TABLET MGA (OCHTEND EN AVOND)', undefined, '2'],
  ['2 DD 1 TABLET (08.00 EN 20.00 UUR)', undefined, '2'],
  ['ELKE 8 UUR 1 CAPSULE (MAX 3 PER DAG)', undefined, '3'],
  ['iedere 12 uur 1 tablet', undefined, '2'],
  ['1 tablet per 12 uur', undefined, '2'],
  ['ZO NODIG 1 TABLET ELKE 4 UUR', undefined, '6'],
  ['ZO NODIG ELKE 4 A 6 UUR 1 TABLET', undefined, '6'],
  ['ZO NODIG 1 TABLET, MAXIMAAL 3 TABLETTEN PER DAG', undefined, '3'],
  ['ZONODIG 1 TOT 2 TABLETTEN, MAX 6 PER DAG', undefined, '6'],
  ['ZO NODIG 1 TOT 2 TABLETTEN PER KEER, MAX 8 TABLETTEN PER DAG', undefined, '8'],
  ['BIJ PIJN 1 TABLET, NIET MEER DAN 4 TABLETTEN PER DAG', undefined, '4'],
  ['NIET MEER DAN 6 TABLETTEN PER DAG', undefined, '6'],
  ['MAX. 4 X PER DAG 1 TABLET', undefined, '4'],
  ['1 ZETPIL ZO NODIG, MAXIMAAL 3 PER DAG', undefined, '3'],
  ['2 DD 1 TABLET, ZO NODIG 1 EXTRA TABLET PER DAG', undefined, '3'],
  ['3dd1 zn', undefined, '3'],
  ['3dd 1-2 tabl zn', undefined, '6'],
  ['1 PLEISTER PER 3 DAGEN OPPLAKKEN', undefined, '1/3'],
  ['1 PLEISTER OM DE 3 DAGEN', undefined, '1/3'],
  ['OM DE 3 DAGEN 1 PLEISTER OPPLAKKEN', undefined, '1/3'],
  ['ELKE 3 DAGEN EEN NIEUWE PLEISTER', undefined, '1/3'],
  ['ELKE 3 DAGEN 1 PLEISTER OPPLAKKEN EN DE OUDE VERWIJDEREN', undefined, '1/3'],
  ['1 X PER 3 DAGEN 1 PLEISTER', undefined, '1/3'],
  ['EENMAAL PER 72 UUR EEN PLEISTER', undefined, '1/3'],
  ['1 pleister per 72 uur', undefined, '1/3'],
  ['ELKE 48 UUR 1 PLEISTER', undefined, '1/2'],
  ['1 KEER PER WEEK 1 PLEISTER', undefined, '1/7'],
  ['1 X PER WEEK 1 PLEISTER OPPLAKKEN', undefined, '1/7'],
  ['WEKELIJKS 1 PLEISTER', undefined, '1/7'],
  ['1 maal per 2 weken 1 pleister', undefined, '1/14'],
  ['ELKE MAANDAG 1 PLEISTER', undefined, '1/7'],
  ['MAANDAG EN DONDERDAG 1 PLEISTER', undefined, '2/7'],
  ['1 TABLET OM 8 UUR EN 1 TABLET OM 20 UUR', undefined, '2'],
  ['10 MG OM 8 UUR EN 10 MG OM 20 UUR', OXY_10_MGA, '2'],
  ['om 08.00 en 20.00 uur 1 tablet', undefined, '2'],
  ['08.00 uur 1 tablet en 20.00 uur 2 tabletten', undefined, '3'],
  ['8-12-16-20 uur 1 tablet', undefined, '4'],
  // after step 1 the commas are spaces; right after "om" they join hours (see normalise.ts)
  ['1 tablet om 8, 14 en 20 uur', undefined, '3'],
  ["'S MORGENS 1 TABLET EN 'S AVONDS 2 TABLETTEN", undefined, '3'],
  ["1 TABLET 'S OCHTENDS, 1 TABLET 'S MIDDAGS EN 2 TABLETTEN VOOR HET SLAPEN", undefined, '4'],
  ["'s avonds voor het slapen 1 tablet", undefined, '1'],
  ['VOOR DE NACHT 1 TABLET', undefined, '1'],
  ['1 tablet a.n.', undefined, '1'],
  ['4 X DAAGS 5 ML', undefined, '20'],
  ['3 DD 2,5 ML', MORPHINE_DRINK, '15/2'],
  ['3 DD 10 MG', MORPHINE_DRINK, '15'],
  ['ZN 2,5 ML, MAX 6 X PER DAG', MORPHINE_DRINK, '15'],
  ['zo nodig 1/2 theelepel, max 6 x per dag', MORPHINE_DRINK, '15'],
  ['2 DD 20 MG', 'OXYCODON HCL 20MG TABLET MGA', '2'],
  ['2 DD 15 MG', OXY_10_MGA, '3'],
  ['bid 10 mg', OXY_10_MGA, '2'],
  ['ZO NODIG 5 MG, MAX 6 X PER DAG', 'OXYNORM 5MG CAPSULE', '6'],
  ['zo nodig 100 mcg, max 4 x per dag', 'ABSTRAL 100MCG SUBLINGUALE TABLET', '4'],
  ['elke 72 uur 25 microgram', 'DUROGESIC 25UG/UUR PLEISTER', '1/3'],
  ['1 SACHET 2 X PER DAG', undefined, '2'],
  ['ZN 1 SPRAY IN 1 NEUSGAT, MAX 4 X PER DAG', undefined, '4'],
  ['ZN 1 SPRAY IN ELK NEUSGAT, MAX 4 X PER DAG', undefined, '8'],
  ['ZO NODIG 1 ZUIGTABLET, MAXIMAAL 4 PER DAG', undefined, '4'],
  ['tid 1 caps', undefined, '3'],
  ['2 tabl. 2 dd', undefined, '4'],
  ['2 dd 1 a 2 tabletten', undefined, '4'],
  ['2 dd 1 of 2 tabletten', undefined, '4'],
  ['2x1', undefined, '2'],
  ['4x daags 1', undefined, '4'],
  ['anderhalve tablet 2 maal daags', undefined, '3'],
  ['een halve tablet per dag', undefined, '1/2'],
  ['2 tabletten 3 maal daags', undefined, '6'],
  ['2 dd 1 tablet gedurende 7 dagen', undefined, '2'],
  ['2 dd 1, 1 uur voor het ontbijt', undefined, '2'],
  ['3 dd 1 tablet na het eten', undefined, '3'],
  ['1 x daags 1 tablet', undefined, '1'],
  ['2 keer per dag 1 tablet', undefined, '2'],
  ['max 3 dd 2', undefined, '6'],
  // after "max", the frequency form is read in the table's order: the daily cap wins
  ['zo nodig max 1 per 4 uur, 3 x per dag', undefined, '3'],
  ['zo nodig 1 tablet, max 1 tablet per 8 uur', undefined, '3'],
  ['ZO NODIG 1-2 TABL. MAX 3 DD', undefined, '6'],
  ['zo nodig 60 mg per dag, max 1 x per dag', 'OXYCODON HCL 20MG TABLET MGA', '3'],
  // not understood: a schedule, a tapering, no frequency, drops
  ['1 ZUIGTABLET ZO NODIG', undefined, null],
  ['zo nodig 1 tablet', undefined, null],
  ['1 tablet', undefined, null],
  ['zn', undefined, null],
  ['2 DD 1 TABLET AFBOUWEN', undefined, null],
  ['VOLGENS SCHRIFTELIJK SCHEMA', undefined, null],
  ['volgens voorschrift arts', undefined, null],
  ['zie schema', undefined, null],
  ['V.V.', undefined, null],
  ['afbouwschema volgen', undefined, null],
  ['WEEK 1: 2DD1, WEEK 2: 1DD1', undefined, null],
  ['dag 1-3: 3 dd 1, dag 4-6: 2 dd 1', undefined, null],
  ['3 DD 10 DRUPPELS', undefined, null],
  ['2 dd 5 gtt', undefined, null],
  ['volgens afspraak', undefined, null],
  ['0 dd 1', undefined, null],
  ['elke 0 uur 1 tablet', undefined, null],
  // §4.1 has no form "elke M weken" (only "N maal per M weken"): left to the user's table
  ['iedere 2 weken 1 pleister', undefined, null],
];

describe('label and prescriber texts', () => {
  for (const [text, product, expected] of TEXTS) {
    it(`${JSON.stringify(text)}${product ? ` with ${product}` : ''} → ${expected ?? 'not understood'}`, () => {
      expect(units(text, product)).toBe(expected);
    });
  }
});

describe('a mass amount needs the strength (§4.3)', () => {
  it('says so when the product has no strength, and only then', () => {
    expect(readDosing('2 maal daags 10 mg', readStrength('OXYCODON TABLET MGA'))).toEqual({ units: null, needsStrength: true });
    expect(readDosing('2 maal daags 10 mg', null)).toEqual({ units: null, needsStrength: true });
    expect(readDosing('max 60 mg per dag', null)).toEqual({ units: null, needsStrength: true });
    expect(readDosing('2 maal daags 10 mg', readStrength(OXY_10_MGA))).toEqual({ units: { num: 2n, den: 1n }, needsStrength: false });
    expect(readDosing('volgens schema', null)).toEqual({ units: null, needsStrength: false });
    expect(readDosing('4 dd 20 druppels', null)).toEqual({ units: null, needsStrength: false });
  });
});

describe("the key of the user's table (§4.4)", () => {
  it('is the same for texts that differ only in case, punctuation and spacing', () => {
    const key = normaliseDosing('2 dd 1 tablet');
    for (const text of ['2 DD 1 TABLET', ' 2  dd 1 tablet ', '2 dd 1 tablet!', '2 dd 1 (tablet)']) expect(normaliseDosing(text)).toBe(key);
    expect(normaliseDosing('VOLGENS SCHEMA; ZIE BRIEF')).toBe('volgens schema zie brief');
    expect(normaliseDosing("Afbouwen: 's ochtends ½")).toBe('afbouwen s ochtends 1/2');
  });
});
