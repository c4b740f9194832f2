/** Spec §4.2: every example as its own case (each "/"-separated variant separately). */
import { describe, expect, it } from 'vitest';
import { normaliseDosing, readDailyUnits, readDosing } from '../../db/dosing';
import { units } from './helpers';

const OXY_MGA = 'OXYCODON HCL 10MG TABLET MGA';
const MORPHINE_DRINK = 'MORFINE HCL 2MG/ML DRANK';

/** [dosing text, product or undefined, U] in the order of the spec's table. */
const EXAMPLES: [string, string | undefined, string | null][] = [
  ['2dd1', 'OXYCODON HCL 5MG TABLET', '2'],
  ['3 dd 1-2', undefined, '6'],
  ['2dd0,5', undefined, '1'],
  ['2 dd 1/2', undefined, '1'],
  ['2dd½', undefined, '1'],
  ['2 x daags 1 tablet', undefined, '2'],
  ['2x per dag 1', undefined, '2'],
  ['Twee maal daags 1 tablet', undefined, '2'],
  ['3 MAAL PER DAG 1 TABLET', undefined, '3'],
  ['1 tablet per dag', undefined, '1'],
  ['dagelijks 1 tablet', undefined, '1'],
  ['1 maal daags 1', undefined, '1'],
  ['3 tabletten per dag', undefined, '3'],
  ['2 stuks per dag', undefined, '2'],
  ['2 per dag', undefined, '2'],
  ['s ochtends en s avonds 1 tablet', undefined, '2'],
  ["'s morgens en 's avonds 1 capsule", undefined, '2'],
  ["'s ochtends 2 tabletten en 's avonds 1 tablet", undefined, '3'],
  ['2 maal daags 10 mg', OXY_MGA, '2'],
  ['2 maal daags 5 mg', OXY_MGA, '1'],
  ['3 dd 5 ml', MORPHINE_DRINK, '15'],
  ['3 dd 5 mg', MORPHINE_DRINK, '15/2'],
  ['zo nodig 1 capsule, maximaal 4 keer per dag', undefined, '4'],
  ['zo nodig 3dd1', undefined, '3'],
  ['z.n. max 3 x per dag 1 tablet', undefined, '3'],
  ['zo nodig 1 tablet, max 6 tabletten per dag', undefined, '6'],
  ['om de 4-6 uur 1 tablet', undefined, '6'],
  ['1 pleister per 3 dagen', undefined, '1/3'],
  ['elke 3 dagen 1 pleister', undefined, '1/3'],
  ['iedere 72 uur 1 pleister', undefined, '1/3'],
  ['1 maal per 3 dagen 1 pleister', undefined, '1/3'],
  ['elke 72 uur een pleister vervangen', undefined, '1/3'],
  ['2 maal per week 1 pleister', undefined, '2/7'],
  ['1 pleister per week', undefined, '1/7'],
  ['elke week 1 pleister', undefined, '1/7'],
  ['om de dag 1 tablet', undefined, '1/2'],
  ['2d2t', undefined, '4'],
  ['3x/dag 1 tablet', undefined, '3'],
  ['iedere 8u 1 capsule', undefined, '3'],
  ['zo nodig 1 tablet, maximaal 8 per dag', undefined, '8'],
  ['elke 6 uur 1-2 tabletten, max 6 per dag', undefined, '6'],
  ['zn max 2 dd 1', undefined, '2'],
  ['1dd1, zo nodig 3dd1', undefined, '3'],
  ['1-1-1', undefined, '3'],
  ['om 9:00 en 21:00 1 tablet', undefined, '2'],
  ['op dinsdag en vrijdag 1 pleister', undefined, '2/7'],
  ['elke 3e dag 1 pleister', undefined, '1/3'],
  ["10 mg 's ochtends en 20 mg 's avonds", OXY_MGA, '3'],
  ['ochtend 1 tablet, avond 2 tabletten', undefined, '3'],
  ['2 dd 20/10 mg', 'OXYCODON/NALOXON 20/10MG TABLET MGA', '2'],
  ['zo nodig 1 theelepel, max 4 x per dag', MORPHINE_DRINK, '20'],
  ['elke 72 uur 12 mcg', 'FENTANYL 12UG/UUR PLEISTER', '1/3'],
  ['zn 1 pufje in beide neusgaten, max 2 x per dag', undefined, '4'],
  ['3 x 1 tablet', undefined, '3'],
  ['1 tab tid', undefined, '3'],
  ['q6h 1 tablet', undefined, '4'],
  ['Continu 0,5 ml per uur', 'MORFINE HCL 10MG/ML INJVLST', '12'],
  ['om 07:00 1 stuk en om 19:00 2 stuks', undefined, '3'],
  ['07-15-23 uur 1 capsule', undefined, '3'],
  ["1 capsule 's avonds voor de nacht", undefined, '1'],
  ['3 dd 1 + zo nodig 1 extra per dag', undefined, '4'],
  ['2 dd 1 (8 en 20 uur)', undefined, '2'],
  ['2dd1 (7-19u)', undefined, '2'],
  ['1 tablet om 8 en 20 uur', undefined, '2'],
  ['zn 1 tablet, max 6/24h', undefined, '6'],
  ['2 dd 1, max tot 3 dd 1', undefined, '3'],
  ['1dd1, zonodig 2dd1', undefined, '2'],
  ['continu 0,5 ml/u', undefined, '12'],
  ['elke 3dgn 1 pleister', undefined, '1/3'],
  ['3 dd 1, daarnaast zn 1 extra per dag', undefined, '4'],
  ['4 dd 20 druppels', undefined, null],
  ['volgens schema', undefined, null],
  ['zie etiket', undefined, null],
  ['3 dagen 2dd1, daarna 1dd1', undefined, null],
  ['dag 1-2: 2dd1, dag 3-4: 1dd1', undefined, null],
  ['', undefined, null],
];

describe('§4.2 examples', () => {
  for (const [text, product, expected] of EXAMPLES) {
    it(`${JSON.stringify(text)}${product ? ` with ${product}` : ''} → ${expected ?? 'not understood'}`, () => {
      expect(units(text, product)).toBe(expected);
    });
  }

  it('null and blank texts are not understood', () => {
    expect(readDailyUnits(null, null)).toBeNull();
    expect(readDosing('   ', null)).toEqual({ units: null, needsStrength: false });
  });

  it('normalises as steps 1-5 say', () => {
    expect(normaliseDosing('elke 3dgn 1 pleister')).toBe('elke 3dagen 1 pleister');
    expect(normaliseDosing("'s Ochtends ½ TABLET")).toBe('s ochtends 1/2 tablet');
    expect(normaliseDosing('Twee maal daags 1 tablet')).toBe('2 maal daags 1 tablet');
    expect(normaliseDosing('2dd1 (7-19u)')).toBe('2dd1 om 7 uur om 19 uur');
    expect(normaliseDosing('1 tablet om 8 en 20 uur')).toBe('1 tablet om 8 uur om 20 uur');
    expect(normaliseDosing('06-14-22 uur')).toBe('om 6 uur om 14 uur om 22 uur');
    expect(normaliseDosing('om de 4-6 uur')).toBe('om de 4-6 uur');
    expect(normaliseDosing('3 x 1 tablet')).toBe('3 dd 1 tablet');
    expect(normaliseDosing('continu 0,5 ml/u')).toBe('continu 12 ml per dag');
    expect(normaliseDosing('zo nodig 1 theelepel')).toBe('zo nodig 5 ml');
    expect(normaliseDosing('2 dd 20/10 mg')).toBe('2 dd 20 mg');
    expect(normaliseDosing('elke 3e dag')).toBe('elke 3 dag');
    expect(normaliseDosing('zn 1 tablet, max 6/24h')).toBe('zn 1 tablet max 6 per 24 uur');
    expect(normaliseDosing('q6h')).toBe('elke 6 uur');
    expect(normaliseDosing('E\u0301E\u0301N maal daags')).toBe('1 maal daags'); // decomposed accents
  });
});
