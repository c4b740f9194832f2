import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_KIND_LABELS,
  AGREEMENT_STATUS_LABELS,
  figureDefinitions,
  INDICATOR_DEFINITION_TEMPLATES,
  INDICATOR_LABEL_TEMPLATES,
  INDICATOR_LABELS,
  INDICATOR_NAMES,
  INDICATOR_SHORT_LABEL_TEMPLATES,
  PERSON_ROLE_LABELS,
} from '../../domain';
import { buildDeck } from '../../slides/build';
import type { Deck } from '../../slides/model';
import { sampleDeckData } from '../../slides/sample-data';
import nl from '../../renderer/src/i18n/nl.json';

// One word for one thing: every text a user reads (the app's Dutch texts, the module, the generated deck, and
// the labels in the report, sheet and CLI code) is checked for the variants we chose against.

const FORBIDDEN: { pattern: RegExp; use: string }[] = [
  { pattern: /(?<![-\w])uitgiftes\b/i, use: 'uitgiften' },
  { pattern: /\b(sterk|zwak)[\s-]*werkend/i, use: 'sterk opioïd / sterke opioïden (zwak opioïd / zwakke opioïden)' },
  { pattern: /\b(deels |niet )?gedaan\b(?!\s+maken|\s+worden|\s+gemaakt)/i, use: 'uitgevoerd / deels uitgevoerd / niet uitgevoerd' },
  { pattern: /\bEigenaar\b|\beigenaar:/, use: '"Wie trekt het" (the agreements); "eigenaar van het voorschrift" stays for prescriptions' },
  { pattern: /≥\s*(\d+|\{\w+\})\s*uitgiften/, use: 'meer dan 3 uitgiften / Nieuw, > 3 uitgiften' },
  { pattern: />(\d|\$\{)/, use: '"> 3" with a space' },
  { pattern: /\b\d{4}-\d{2}-\d{2}\b/, use: 'a Dutch date: 21 november 2024 or 21-11-2024' },
];

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const filesUnder = (dir: string, ext: RegExp): string[] =>
  fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f))
    .map((f) => path.join(dir, f));

/** The Dutch string literals of a source file (quotes and template literals), comments left out. */
function literals(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return [...code.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

function deckTexts(deck: Deck): string[] {
  return deck.slides.flatMap((slide) => [
    slide.title,
    slide.body,
    slide.notes,
    ...(slide.questions ?? []),
    ...(slide.data?.footnotes ?? []),
    ...(slide.data?.table?.columns.map((c) => c.label) ?? []),
    ...(slide.data?.table?.rows.flatMap((r) => r.cells.map((c) => c.text)) ?? []),
    ...(slide.data?.chart?.series.map((s) => s.name) ?? []),
    ...(slide.data?.chart?.categories ?? []),
  ]);
}

function offences(texts: { where: string; text: string }[], rules = FORBIDDEN): string[] {
  return texts.flatMap(({ where, text }) =>
    rules.flatMap((rule) => {
      const match = rule.pattern.exec(text);
      return match ? [`${where}: "…${text.slice(Math.max(0, match.index - 40), match.index + 40)}…" → ${rule.use}`] : [];
    }),
  );
}

describe('one word for one thing', () => {
  it('the app, the module and the generated deck use the chosen words and Dutch dates', () => {
    const texts = [
      ...Object.entries(nl).map(([key, text]) => ({ where: `nl.json ${key}`, text })),
      ...filesUnder('slides/modules/opioiden', /\.md$/).map((file) => ({ where: file, text: read(file) })),
      ...deckTexts(buildDeck({ data: { ...sampleDeckData('names'), date: '2026-03-12' } })).map((text) => ({ where: 'deck', text })),
    ];
    expect(offences(texts)).toEqual([]);
  });

  it('the report, sheet, deck and CLI code write the same words (dates are checked on their output)', () => {
    const sources = [
      ...filesUnder('domain', /\.ts$/),
      ...filesUnder('db', /\.ts$/),
      ...filesUnder('slides', /(?<!\.generated)\.ts$/),
      ...filesUnder('cli', /\.ts$/),
      ...filesUnder('renderer/src', /\.tsx?$/),
    ];
    const rules = FORBIDDEN.filter((rule) => !rule.use.startsWith('a Dutch date') && !rule.use.startsWith('"> 3"'));
    expect(
      offences(
        sources.flatMap((file) => literals(read(file)).map((text) => ({ where: file, text }))),
        rules,
      ),
    ).toEqual([]);
  });

  it('names each indicator, status, kind and role once: the app says what domain/ says', () => {
    // nl.json keeps the app's Dutch texts (English needs the same keys); where a text is a domain word it
    // must be domain/'s, placeholders included.
    const app = nl as Record<string, string>;
    const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
    const expected: Record<string, string> = {
      ...Object.fromEntries(INDICATOR_NAMES.map((name) => [`ind.${name}`, INDICATOR_LABEL_TEMPLATES[name]])),
      ...Object.fromEntries(INDICATOR_NAMES.map((name) => [`ind.${name}.short`, INDICATOR_SHORT_LABEL_TEMPLATES[name]])),
      ...Object.fromEntries(Object.entries(AGREEMENT_STATUS_LABELS).map(([status, label]) => [`agreement.status.${status}`, label])),
      ...Object.fromEntries(Object.entries(AGREEMENT_KIND_LABELS).map(([kind, label]) => [`agreement.kind.${kind}`, capitalised(label)])),
      ...Object.fromEntries(Object.entries(PERSON_ROLE_LABELS).map(([role, label]) => [`role.${role}`, label])),
    };
    expect(Object.fromEntries(Object.keys(expected).map((key) => [key, app[key]]))).toEqual(expected);
    // No other status, kind or role keys than domain/'s (a removed one would linger in the app).
    const domainKeys = Object.keys(app).filter((key) => /^(agreement\.status|agreement\.kind|role)\.\w+$/.test(key));
    expect(domainKeys.filter((key) => !(key in expected))).toEqual([]);
    expect(INDICATOR_LABELS.newUsersOver3).toBe('Nieuwe gebruikers met meer dan 3 uitgiften');
  });

  it('defines every indicator once, with the settings filled in, and the deck says what domain/ says', () => {
    expect(INDICATOR_NAMES.filter((name) => !/^[A-Z].+\.$/.test(INDICATOR_DEFINITION_TEMPLATES[name]))).toEqual([]);
    const settings = { chronicDays: 30, lookbackDays: 1000, newUserMinDispensings: 5, startLimitDays: 10, highDoseOme: 120 };
    const definitions = figureDefinitions(settings);
    const text = definitions.map((d) => `${d.term}: ${d.text}`).join('\n');
    for (const filled of [
      'minstens 30 dagen',
      'in de 1.000 dagen',
      'Nieuwe gebruikers met meer dan 4 uitgiften: nieuwe gebruikers die in de periode meer dan 4 uitgiften kregen (dus 5 of meer)',
      'voor meer dan 10 dagen',
      'gemiddeld 120 mg',
    ]) {
      expect(text).toContain(filled);
    }
    expect(text).not.toMatch(/[{}]/);
    expect(figureDefinitions(settings, 'richtlijn X (2019)').at(-1)!.text).toMatch(
      /per dag of meer gebruikten, omgerekend met de factoren uit de richtlijn X \(2019\)\.$/,
    );
    const data = sampleDeckData('names');
    const slide = buildDeck({ data }).slides.find((s) => s.id === 'cijfers-definities')!;
    for (const { term, text } of figureDefinitions(data.current.settings))
      expect(slide.body).toContain(`**${term}**: ${text.replace(/\.$/, '')}`);
  });
});
