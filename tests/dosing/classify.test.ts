/** Spec v2 §3: form codes only decide "long"; more long-acting words. */
import { describe, expect, it } from 'vitest';
import { actingByRule, formAndTextDisagree, formCodeSaysLong, longActingByText } from '../../db/import/classify';

describe('§3 version 2: short- or long-acting', () => {
  it('the codes 310, 350, 375, 905, 751 and 752 decide long, whatever the text says', () => {
    for (const code of ['310', '350', '375', '905', '751', '752', ' 310 ', '0310']) {
      expect(actingByRule('OXYCODON HCL 5MG CAPSULE', code)).toEqual({ longActing: true, rule: 'form' });
    }
  });

  it('any other code, or none, decides nothing: the text decides (the issue: form code 0 made an OxyContin short)', () => {
    expect(actingByRule('OXYCONTIN TABLET MGA 10MG', '0')).toEqual({ longActing: true, rule: 'text' });
    for (const code of ['0', '100', '200', '', null, 'tablet', '31O']) {
      expect(actingByRule('OXYCODON HCL 10MG TABLET MGA', code)).toEqual({ longActing: true, rule: 'text' });
      expect(actingByRule('OXYCODON HCL 5MG CAPSULE', code)).toEqual({ longActing: false, rule: 'text' });
    }
  });

  it('reads the v2 tokens and phrases: mva, verlengde afgifte, gereguleerde afgifte, a strength per hour', () => {
    for (const text of [
      'TAPENTADOL 50MG TABLET MVA',
      'tabletten met verlengde afgifte',
      'HYDROMORFON 4MG CAPSULE MET VERLENGDE AFGIFTE',
      'TAPENTADOL 100MG TABLET MET GEREGULEERDE AFGIFTE',
      'MORFINE 30MG TABLET MGA',
      'DUROGESIC 25UG/UUR PLEISTER',
      'FENTANYL 12,5 MCG/U',
      'BUTRANS 5 MICROGRAM/UUR',
      'BUPRENORFINE 10 µg/h',
    ]) {
      expect(longActingByText(text), text).toBe(true);
    }
    for (const text of [
      'OXYCODON HCL 5MG CAPSULE',
      'MORFINE HCL 2MG/ML DRANK',
      'ABSTRAL 100MCG SUBLINGUALE TABLET',
      'VERLENGDE',
      'AFGIFTE VERLENGDE',
      'MVAX',
      'GEREGULEERDE',
    ]) {
      expect(longActingByText(text), text).toBe(false);
    }
  });

  it('flags products whose form code says long while their text says short, for the review list', () => {
    expect(formCodeSaysLong('752')).toBe(true);
    expect(formCodeSaysLong('0')).toBe(false);
    expect(formCodeSaysLong(null)).toBe(false);
    expect(formAndTextDisagree('OXYCODON HCL 5MG CAPSULE', '310')).toBe(true);
    expect(formAndTextDisagree('OXYCODON HCL 10MG TABLET MGA', '310')).toBe(false);
    expect(formAndTextDisagree('OXYCODON HCL 5MG CAPSULE', '0')).toBe(false);
    expect(formAndTextDisagree('OXYCODON HCL 5MG CAPSULE', null)).toBe(false);
  });
});
