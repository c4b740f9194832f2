import { describe, expect, it } from 'vitest';
import en from '../../renderer/src/i18n/en.json';
import nl from '../../renderer/src/i18n/nl.json';

describe('translation files', () => {
  it('have the same keys, and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const table of [nl, en]) {
      expect(Object.entries(table).filter(([, text]) => text.trim() === '')).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(nl)) {
      expect([key, placeholders(en[key as keyof typeof en])]).toEqual([key, placeholders(text)]);
    }
  });
});
