import { describe, expect, it } from 'vitest';
import { INDICATOR_DEFINITION_TEMPLATES, INDICATOR_NAMES } from '../../domain';
import en from '../../renderer/src/i18n/en.json';
import nlTexts from '../../renderer/src/i18n/nl.json';

// The Dutch indicator definitions live in domain/ (the app adds them to nl.json's texts); English has its own.
const definitionKeys = INDICATOR_NAMES.map((name) => `ind.${name}.def`);
const nl: Record<string, string> = {
  ...nlTexts,
  ...Object.fromEntries(INDICATOR_NAMES.map((name) => [`ind.${name}.def`, INDICATOR_DEFINITION_TEMPLATES[name]])),
};

describe('translation files', () => {
  it('have the same keys, and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const table of [nl, en]) {
      expect(Object.entries(table).filter(([, text]) => text.trim() === '')).toEqual([]);
    }
  });

  it('take the Dutch definition of every indicator from domain/, never from nl.json', () => {
    expect(Object.keys(nlTexts).filter((key) => key.endsWith('.def'))).toEqual([]);
    expect(definitionKeys.filter((key) => !(key in en))).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(nl)) {
      expect([key, placeholders(en[key as keyof typeof en])]).toEqual([key, placeholders(text)]);
    }
  });
});
