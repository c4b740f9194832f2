import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../slides/build';
import { deckFileName, formatNumber } from '../../slides/format';
import { markdownToHtml, parseMarkdown } from '../../slides/markdown';
import { applyEdits, type Slide } from '../../slides/model';
import { parseModule, parseModuleFile } from '../../slides/module';
import { MODULES_DIR, loadModuleDir } from '../../slides/module-fs';
import { generatedPath, generatedSource, moduleNames } from '../../slides/modules/generate';
import { opioidModule } from '../../slides/modules';
import { sampleDeckData } from '../../slides/sample-data';

const slide = (id: string): Slide => ({ id, kind: 'text', origin: 'module', title: id, body: '', notes: '', hidden: false });

describe('Markdown subset', () => {
  it('reads paragraphs, nested and numbered lists, bold, italic and links', () => {
    const blocks = parseMarkdown('Een **vette** en *schuine* zin\nloopt door.\n\n- een\n  - half\n- twee [link](https://x.nl)\n\n1. stap');
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      runs: [
        { text: 'Een ' },
        { text: 'vette', bold: true },
        { text: ' en ' },
        { text: 'schuine', italic: true },
        { text: ' zin loopt door.' },
      ],
    });
    const list = blocks[1]!;
    expect(list.type === 'list' && list.items[0]!.children[0]!.runs[0]!.text).toBe('half');
    expect(list.type === 'list' && list.items[1]!.runs[1]).toEqual({ text: 'link', href: 'https://x.nl' });
    expect(blocks[2]).toMatchObject({ type: 'list', ordered: true });
  });

  it('escapes HTML and drops links that are not web or mail links', () => {
    const html = markdownToHtml('<script>alert(1)</script> [klik](javascript:alert(1)) 2*3*4 snake_case_name');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&#60;script&#62;');
    expect(html).not.toContain('<em>');
  });
});

describe('module files', () => {
  it('the built-in module has every part issue 4 asks for, with case questions and speaker notes', () => {
    const slides = opioidModule();
    const ids = slides.map((s) => s.id);
    for (const id of [
      'aanleiding',
      'regionaal-project',
      'leerdoelen',
      'casus',
      'soorten-gebruikers',
      'landelijke-cijfers',
      'verstandig-basis',
      'werkafspraken-huisarts',
      'eigenaarschap',
      'werkafspraken-apotheker',
      'werkafspraken-ziekenhuis',
      'vijf-stappen',
      'afbouwen',
      'patientinformatie',
      'eigen-afspraken',
      'evaluatie',
    ]) {
      expect(ids).toContain(id);
    }
    expect(slides.find((s) => s.id === 'casus')!.questions).toEqual(['Wat is uw beleid?', 'Welke informatie geeft u haar?']);
    expect(slides.every((s) => s.notes.length > 0)).toBe(true);
    expect(slides.flatMap((s) => s.insert ?? []).sort()).toEqual(['agreements', 'evaluation', 'figures', 'national', 'review']);
  });

  it('the bundled copy equals the Markdown files (run `npm run slides:module` after editing them)', () => {
    for (const name of moduleNames()) expect(fs.readFileSync(generatedPath(name), 'utf8')).toBe(generatedSource(name));
    expect(loadModuleDir(path.join(MODULES_DIR, 'opioiden'))).toEqual(opioidModule());
  });

  it('reports a broken file by name and field', () => {
    expect(() => parseModuleFile({ name: 'x.md', text: 'geen kop' })).toThrow(
      'Modulebestand x.md: de kop tussen twee regels "---" ontbreekt.',
    );
    expect(() => parseModuleFile({ name: 'x.md', text: '---\nid: a\nkind: text\n---\n' })).toThrow(
      'Modulebestand x.md: het veld title ontbreekt.',
    );
    expect(() => parseModuleFile({ name: 'x.md', text: '---\nid: a\nkind: poster\ntitle: T\n---\n' })).toThrow('het veld kind is "poster"');
    expect(() => parseModuleFile({ name: 'x.md', text: '---\nid: a\nkind: case\ntitle: T\n---\n' })).toThrow(
      'een casus heeft een lijst questions nodig',
    );
    expect(() => parseModuleFile({ name: 'x.md', text: '---\nid: a\nkind: text\ntitle: T\ninsert: grafiek\n---\n' })).toThrow(
      'het veld insert noemt "grafiek"',
    );
    const one = '---\nid: a\nkind: text\ntitle: T\n---\n';
    expect(() =>
      parseModule([
        { name: '1.md', text: one },
        { name: '2.md', text: one },
      ]),
    ).toThrow('Modulebestand 2.md: de code "a" komt twee keer voor.');
  });
});

describe('edits on top of the module', () => {
  const base = ['a', 'b', 'c', 'd'].map(slide);

  it('changes text and visibility, adds own slides and reorders', () => {
    const result = applyEdits(base, {
      order: ['c', 'eigen-1', 'a'],
      slides: [
        { id: 'a', title: 'Nieuw', body: '**vet**', notes: 'n' },
        { id: 'd', hidden: true },
      ],
      own: [{ id: 'eigen-1', kind: 'text', title: 'Eigen dia', body: 'tekst' }],
    });
    // b follows a and d follows c, as in the default order, because the stored order does not name them.
    expect(result.map((s) => s.id)).toEqual(['c', 'd', 'eigen-1', 'a', 'b']);
    expect(result.find((s) => s.id === 'a')).toMatchObject({ title: 'Nieuw', body: '**vet**', notes: 'n' });
    expect(result.find((s) => s.id === 'd')!.hidden).toBe(true);
    expect(result.find((s) => s.id === 'eigen-1')).toMatchObject({ origin: 'own', hidden: false, notes: '' });
  });

  it('ignores ids that no longer exist and keeps new slides after their predecessor', () => {
    expect(applyEdits(base, { order: ['weg', 'd', 'b'] }).map((s) => s.id)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('refuses an own slide that reuses an id, and a non-image data URL', () => {
    expect(() => applyEdits(base, { own: [{ id: 'a', kind: 'text', title: 'x' }] })).toThrow('Er is al een dia met de code "a"');
    expect(() =>
      applyEdits(base, { own: [{ id: 'x', kind: 'image', title: 'x', image: { src: 'https://example.org/a.png', alt: '' } }] }),
    ).toThrow();
  });

  it('applies to the built deck, generated slides included', () => {
    const deck = buildDeck({
      data: sampleDeckData(),
      edits: {
        slides: [
          { id: 'cijfers-uitgiftes', title: 'Onze uitgiften' },
          { id: 'casus', hidden: true },
        ],
      },
    });
    expect(deck.slides.find((s) => s.id === 'cijfers-uitgiftes')!.title).toBe('Onze uitgiften');
    expect(deck.slides.find((s) => s.id === 'casus')!.hidden).toBe(true);
  });
});

describe('formats', () => {
  it('writes Dutch numbers and safe file names with group and date', () => {
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatNumber(12.5, 1)).toBe('12,5');
    expect(formatNumber(null)).toBe('–');
    expect(deckFileName('FTO Noord/Zuid: "groep"', '2026-03-12', 'pptx')).toBe('FTO-presentatie-FTO-Noord-Zuid-groep-2026-03-12.pptx');
    expect(deckFileName('  ', '2026-03-12', 'html')).toBe('FTO-presentatie-FTO-groep-2026-03-12.html');
  });
});
