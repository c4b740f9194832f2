import type { Slide } from './model';

// A module is content, not code: one Markdown file per slide, with a small front matter:
//
//   ---
//   id: aanleiding            (unique, stable: the deck's edits refer to it)
//   kind: text                (title | section | text | case)
//   title: Waarom dit FTO?
//   insert: figures           (optional: the generated slides of these blocks, comma-separated, follow this slide)
//   questions:                (case slides: the questions the group answers)
//     - Wat is uw beleid?
//   notes: |                  (speaker notes, any number of indented lines)
//     ...
//   ---
//   body in the Markdown subset of markdown.ts
//
// Files are read in the order of their names (01-..., 02-...).

/** Blocks of generated slides that a module places with `insert:`; a block without a place goes at the end. */
// `allAgreements` (every agreement of the meeting on one list, for the big screen) is placed by no module: it ends the deck.
export const GENERATED_BLOCKS = ['review', 'evaluation', 'national', 'figures', 'agreements', 'allAgreements'] as const;
export type GeneratedBlock = (typeof GENERATED_BLOCKS)[number];

export interface ModuleSlide extends Slide {
  insert?: GeneratedBlock[];
}

export interface ModuleFile {
  name: string;
  text: string;
}

const MODULE_KINDS = ['title', 'section', 'text', 'case'] as const;

export function parseModule(files: ModuleFile[]): ModuleSlide[] {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const seen = new Set<string>();
  return sorted.map((file) => {
    const slide = parseModuleFile(file);
    if (seen.has(slide.id)) throw new Error(`Modulebestand ${file.name}: de code "${slide.id}" komt twee keer voor.`);
    seen.add(slide.id);
    return slide;
  });
}

export function parseModuleFile(file: ModuleFile): ModuleSlide {
  const fail = (message: string): never => {
    throw new Error(`Modulebestand ${file.name}: ${message}`);
  };
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(file.text);
  if (!match) return fail('de kop tussen twee regels "---" ontbreekt.');
  const meta = parseFrontMatter(match[1] ?? '', fail);
  const field = (name: string): string => {
    const value = meta[name];
    if (typeof value !== 'string' || value.trim() === '') return fail(`het veld ${name} ontbreekt.`);
    return value;
  };
  const kind = field('kind');
  if (!(MODULE_KINDS as readonly string[]).includes(kind)) fail(`het veld kind is "${kind}"; kies uit ${MODULE_KINDS.join(', ')}.`);
  const insert = typeof meta.insert === 'string' ? meta.insert.split(',').map((block) => block.trim()) : [];
  for (const block of insert) {
    if (!(GENERATED_BLOCKS as readonly string[]).includes(block))
      fail(`het veld insert noemt "${block}"; kies uit ${GENERATED_BLOCKS.join(', ')}.`);
  }
  const questions = meta.questions;
  if (questions !== undefined && !Array.isArray(questions)) fail('het veld questions moet een lijst zijn (regels die met "-" beginnen).');
  if (kind === 'case' && !Array.isArray(questions)) fail('een casus heeft een lijst questions nodig.');
  const notes = meta.notes ?? '';
  if (typeof notes !== 'string') fail('het veld notes moet tekst zijn.');

  return {
    id: field('id'),
    kind: kind as ModuleSlide['kind'],
    origin: 'module',
    title: field('title'),
    body: (match[2] ?? '').trim(),
    notes: (notes as string).trim(),
    hidden: meta.hidden === 'true',
    ...(Array.isArray(questions) ? { questions } : {}),
    ...(insert.length ? { insert: insert as GeneratedBlock[] } : {}),
  };
}

/** The YAML subset the front matter uses: `key: value`, `key: |` with an indented block, `key:` with `- item` lines. */
function parseFrontMatter(text: string, fail: (message: string) => never): Record<string, string | string[]> {
  const meta: Record<string, string | string[]> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const pair = /^([A-Za-z]+):\s*(.*)$/.exec(line);
    if (!pair) return fail(`regel ${i + 2} van de kop is geen "veld: waarde".`);
    const key = pair[1] ?? '';
    const value = (pair[2] ?? '').trim();
    const indented: string[] = [];
    while (i + 1 < lines.length && /^(\s+\S|\s*$)/.test(lines[i + 1] ?? '')) indented.push(lines[++i] ?? '');
    if (value === '|') {
      const indent = Math.min(...indented.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
      meta[key] = indented
        .map((l) => l.slice(indent))
        .join('\n')
        .trim();
    } else if (value === '' && indented.some((l) => l.trim())) {
      meta[key] = indented
        .filter((l) => l.trim())
        .map((l) => {
          const item = /^\s*-\s+(.*)$/.exec(l);
          return item ? unquote(item[1] ?? '') : fail(`in de lijst ${key} begint niet elke regel met "-".`);
        });
    } else {
      meta[key] = unquote(value);
    }
  }
  return meta;
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value.trim());
  return quoted ? (quoted[2] ?? '') : value.trim();
}
