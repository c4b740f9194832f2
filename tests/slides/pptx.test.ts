import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildDeck, visibleSlides } from '../../slides/build';
import type { IndicatorName } from '../../domain';
import { columnWidths } from '../../slides/columns';
import { deckToPptx } from '../../slides/pptx';
import { sampleDeckData } from '../../slides/sample-data';
import { tempDir } from '../helpers/temp';
import { practiceLabels } from './expected';

interface XmlSeries {
  name: string;
  categories: string[];
  values: number[];
}

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const points = (xml: string) => [...xml.matchAll(/<c:pt idx="\d+">\s*<c:v>([^<]*)<\/c:v>/g)].map((m) => unescape(m[1]!));

/** The series of a chart part, read straight from its XML: name, category labels, values. */
function chartSeries(xml: string): XmlSeries[] {
  return [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, ser]) => ({
    name: points(/<c:tx>([\s\S]*?)<\/c:tx>/.exec(ser!)![1]!)[0]!,
    categories: points(/<c:cat>([\s\S]*?)<\/c:cat>/.exec(ser!)![1]!),
    values: points(/<c:val>([\s\S]*?)<\/c:val>/.exec(ser!)![1]!).map(Number),
  }));
}

describe('the PowerPoint export', () => {
  it('has every slide, native charts whose data equals the figures, and the speaker notes', async () => {
    const data = sampleDeckData('letters');
    const deck = buildDeck({
      data,
      edits: { own: [{ id: 'eigen', kind: 'text', title: 'Eigen dia', body: 'Met **vet**', notes: 'Eigen notitie & meer' }] },
    });
    const visible = visibleSlides(deck);
    const zip = await JSZip.loadAsync(await deckToPptx(deck));
    const slideFiles = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    expect(slideFiles).toHaveLength(visible.length);

    const labels = practiceLabels(data);
    const rowOf = (label: string) => data.current.rows.find((r) => r.level === 'practice' && r.key === (labels.get(label) ?? 'other'))!;
    // The input's indicator behind each series of the current-year charts, per slide.
    const seriesIndicators: Record<string, IndicatorName[]> = {
      'cijfers-uitgiftes': ['dispensingsShort', 'dispensingsLong'],
      'cijfers-patienten': ['patientsShort', 'patientsLong'],
      'cijfers-nieuwe-gebruikers': ['newUsers', 'newUsersOver3'],
      'cijfers-oxycodon-morfine': ['patientsOxycodone', 'patientsMorphine'],
      'cijfers-fentanyl': ['patientsFentanylRapid'],
    };
    let charts = 0;
    for (const [index, slide] of visible.entries()) {
      const rels = await zip.file(`ppt/slides/_rels/slide${index + 1}.xml.rels`)!.async('string');
      const chartTargets = [...rels.matchAll(/Target="(?:\.\.|\/ppt)\/charts\/(chart\d+\.xml)"/g)].map((m) => m[1]!);
      const slideXml = await zip.file(`ppt/slides/slide${index + 1}.xml`)!.async('string');
      expect(slideXml, slide.id).toContain(slide.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').split(' (')[0]!.slice(0, 20));
      if (slide.notes) {
        const notesTarget = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)![1]!;
        const notesXml = unescape(await zip.file(`ppt/notesSlides/${notesTarget}`)!.async('string'));
        expect(notesXml, slide.id).toContain(slide.notes.split('\n')[0]!.replace(/^- /, '').slice(0, 30));
      }
      const spec = slide.data?.chart;
      expect(chartTargets, slide.id).toHaveLength(spec ? 1 : 0);
      if (!spec) continue;
      charts++;
      const series = chartSeries(await zip.file(`ppt/charts/${chartTargets[0]}`)!.async('string'));
      expect(series.map((s) => s.name)).toEqual(spec.series.map((s) => s.name));
      for (const [i, s] of series.entries()) {
        expect(s.categories, slide.id).toEqual(spec.categories);
        expect(s.values, slide.id).toEqual(spec.series[i]!.values.map((v) => v ?? 0));
      }
      const indicators = seriesIndicators[slide.id];
      if (indicators) {
        series.forEach((s, i) =>
          s.categories.forEach((category, c) => expect(s.values[c], `${slide.id} ${category}`).toBe(rowOf(category)[indicators[i]!])),
        );
      }
      if (slide.id === 'cijfers-starts') {
        // The share of starts over the limit, in percent.
        series[0]!.categories.forEach((category, c) => {
          const row = rowOf(category);
          expect(series[0]!.values[c], `${slide.id} ${category}`).toBeCloseTo(row.starts ? (row.startsOverLimit / row.starts) * 100 : 0, 6);
        });
      }
      if (slide.id === 'cijfers-jaren-kortwerkend') {
        for (const [i, s] of series.entries()) {
          const period = data.years![i]!;
          s.categories.forEach((category, c) =>
            expect(s.values[c]).toBe(period.rows.find((r) => r.key === labels.get(category))!.dispensingsShort),
          );
        }
      }
    }
    expect(charts).toBe(visible.filter((s) => s.data?.chart).length);
    expect(charts).toBeGreaterThanOrEqual(12);
    // Practice names stay out of an anonymised file, also inside the charts' embedded workbooks.
    const workbooks = Object.keys(zip.files).filter((n) => n.endsWith('.xlsx'));
    expect(workbooks.length).toBe(charts);
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      expect(await zip.file(name)!.async('string'), name).not.toContain('Huisartsenpraktijk De Linde');
    }
    for (const name of workbooks) {
      const book = await JSZip.loadAsync(await zip.file(name)!.async('uint8array'));
      const strings = await book.file('xl/sharedStrings.xml')?.async('string');
      expect(strings ?? '', name).not.toContain('Huisartsenpraktijk De Linde');
      expect(strings ?? '', name).toMatch(/Praktijk A|Oxycodon|2021/);
    }
  });

  it('writes a bullet with bold, italic or a link as one paragraph of several runs, all tagged Dutch', async () => {
    const body = '- **Periode**: 2025, *heel* het jaar\n- Zie [de folder](https://example.nl) en de site\n\nEen **vette** zin.';
    const deck = buildDeck({ data: sampleDeckData('letters'), edits: { own: [{ id: 'runs', kind: 'text', title: 'Runs', body }] } });
    const index = visibleSlides(deck).findIndex((slide) => slide.id === 'runs');
    const zip = await JSZip.loadAsync(await deckToPptx(deck));
    const xml = await zip.file(`ppt/slides/slide${index + 1}.xml`)!.async('string');
    const body2 = [...xml.matchAll(/<p:txBody>([\s\S]*?)<\/p:txBody>/g)].map((m) => m[1]!).find((t) => t.includes('Periode'))!;
    const paragraphs = [...body2.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) => m[1]!);
    const texts = paragraphs.map((p) => [...p.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(''));
    expect(texts).toEqual(['Periode: 2025, heel het jaar', 'Zie de folder en de site', 'Een vette zin.']);
    for (const paragraph of paragraphs) {
      expect(paragraph.match(/<a:r>/g)!.length).toBeGreaterThanOrEqual(3);
      // One set of paragraph properties, at the start (a second one would start a new bullet in readers).
      expect(paragraph.match(/<a:pPr\b/g) ?? []).toHaveLength(1);
      expect(paragraph.trimStart().startsWith('<a:pPr')).toBe(true);
    }
    expect(paragraphs.slice(0, 2).every((p) => p.includes('<a:buChar'))).toBe(true);
    // Every run of every slide, table and the notes is Dutch.
    for (const name of Object.keys(zip.files).filter((n) => /^ppt\/(slides|notesSlides)\/.*\.xml$/.test(n))) {
      const part = await zip.file(name)!.async('string');
      expect(part, name).not.toContain('en-US');
      for (const [attribute] of part.matchAll(/<a:rPr [^>]*>/g)) expect(attribute, name).toContain('lang="nl-NL"');
    }
  });

  it('makes table columns at least as wide as their longest word', () => {
    const table = {
      columns: [
        { label: 'Praktijk' },
        { label: 'Kortwerkend', numeric: true },
        { label: 'Langwerkend', numeric: true },
        { label: 'Chronische gebruikers', numeric: true },
      ],
      rows: [{ cells: [{ text: 'Demopraktijk Het Veerhuis' }, { text: '1.164' }, { text: '2.970' }, { text: '306' }] }],
    };
    for (const w of [4, 6, 11]) {
      const { widths, size } = columnWidths(table, w, 14);
      expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(w);
      // Arial bold is at most ~0.6 em a character on average; "Kortwerkend" must fit on one line.
      expect(widths[1]!, `${w} inch`).toBeGreaterThan((11 * size * 0.6) / 72);
      expect(widths[3]!).toBeGreaterThan((10 * size * 0.6) / 72);
    }
  });

  it('opens in LibreOffice Impress and converts to PDF, one page per slide', async () => {
    const deck = buildDeck({ data: sampleDeckData('names') });
    const dir = tempDir();
    const file = path.join(dir, 'deck.pptx');
    fs.writeFileSync(file, await deckToPptx(deck));
    // An own profile folder: other LibreOffice runs on the machine cannot lock this one.
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        file,
      ],
      {
        timeout: 120_000,
        stdio: 'pipe',
      },
    );
    const pdf = path.join(dir, 'deck.pdf');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(new RegExp(`Pages:\\s+${visibleSlides(deck).length}\\b`));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Uitgiften kortwerkend en langwerkend, 2025');
    expect(text).toContain('Huisartsenpraktijk De Linde');
  });
});
