import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusLabels } from '../../db/meetings/agreements';
import { buildDeck } from '../../slides/build';
import { AGREEMENT_STATUS_LABELS, INDICATOR_LABELS, INDICATOR_NAMES } from '../../slides/data';
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
  fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => ext.test(f)).map((f) => path.join(dir, f));

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
    const sources = [...filesUnder('db', /\.ts$/), ...filesUnder('slides', /(?<!\.generated)\.ts$/), ...filesUnder('cli', /\.ts$/), ...filesUnder('renderer/src', /\.tsx?$/)];
    const rules = FORBIDDEN.filter((rule) => !rule.use.startsWith('a Dutch date') && !rule.use.startsWith('"> 3"'));
    expect(offences(sources.flatMap((file) => literals(read(file)).map((text) => ({ where: file, text }))), rules)).toEqual([]);
  });

  it('names each indicator and status once: the app says what the deck and the report say', () => {
    for (const name of INDICATOR_NAMES) {
      const app = (nl as Record<string, string>)[`ind.${name}`]!.replace('{over}', '3');
      expect(app, name).toBe(INDICATOR_LABELS[name]);
    }
    const app = (status: string) => (nl as Record<string, string>)[`agreement.status.${status}`];
    expect([app('done'), app('partly'), app('not_done'), app('dropped')]).toEqual([statusLabels.done, statusLabels.partly, statusLabels.not_done, statusLabels.dropped]);
    expect([AGREEMENT_STATUS_LABELS.done, AGREEMENT_STATUS_LABELS.partly, AGREEMENT_STATUS_LABELS.notDone, AGREEMENT_STATUS_LABELS.dropped]).toEqual([
      statusLabels.done,
      statusLabels.partly,
      statusLabels.not_done,
      statusLabels.dropped,
    ]);
  });
});
