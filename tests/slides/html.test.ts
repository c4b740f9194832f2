import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, visibleSlides } from '../../slides/build';
import { deckToHtml, OVERFLOW_FUNCTION, SLIDE_HEIGHT, SLIDE_WIDTH } from '../../slides/html';
import type { DeckEdits } from '../../slides/model';
import { CHROMIUM_ARGS, chromiumPdfRenderer } from '../../db/reports/pdf';
import { sampleDeckData } from '../../slides/sample-data';
import { tempDir } from '../helpers/temp';
import { expectedFigure, expectedText } from './expected';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = '/tmp/shots';
// A 1x1 PNG, made here: an own image slide must stay inside the file.
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const edits: DeckEdits = {
  slides: [
    { id: 'casus-terug', hidden: true },
    { id: 'aanleiding', body: `${'Een heel lange tekst die een voorbereider typte. '.repeat(40)}` },
  ],
  own: [
    {
      id: 'eigen-tekst',
      kind: 'text',
      title: 'Eigen dia',
      body: '- **vet** en *schuin*\n- [link](https://example.org)',
      notes: 'Eigen notitie',
    },
    { id: 'eigen-beeld', kind: 'image', title: 'Een afbeelding', image: { src: PIXEL, alt: 'stip' } },
  ],
  order: ['titel', 'eigen-tekst', 'eigen-beeld'],
};

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
});

async function openDeck(file: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
  return { page, requests, errors };
}

const goTo = (page: Page, index: number) =>
  page.evaluate((i) => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(i), index);

describe('the exported HTML in Chromium', () => {
  for (const naming of ['names', 'letters'] as const) {
    it(`is offline, complete and correct (${naming})`, async () => {
      const data = sampleDeckData(naming);
      const deck = buildDeck({ data, edits });
      const file = path.join(tempDir(), 'deck.html');
      fs.writeFileSync(file, deckToHtml(deck));
      const { page, requests, errors } = await openDeck(file);

      const visible = visibleSlides(deck);
      expect(await page.evaluate(() => (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides())).toBe(
        visible.length,
      );
      expect(await page.locator('.reveal .slides > section').evaluateAll((s) => s.map((e) => (e as HTMLElement).dataset.id))).toEqual(
        visible.map((s) => s.id),
      );
      expect(visible.map((s) => s.id)).not.toContain('casus-terug');

      // Every figure on every data slide equals the fixture, and the chart beside it carries the same labels.
      const figures = await page.locator('td[data-indicator]').evaluateAll((cells) =>
        cells.map((cell) => {
          const td = cell as HTMLElement;
          const section = td.closest('section')!;
          const svgText = [...section.querySelectorAll('.chart svg text')].map((t) => t.textContent ?? '');
          return {
            slide: section.dataset.id!,
            row: td.dataset.row!,
            indicator: td.dataset.indicator!,
            period: td.dataset.period!,
            text: td.textContent!,
            svgText,
          };
        }),
      );
      expect(figures.length).toBeGreaterThan(200);
      const dataSlides = visible.filter((s) => s.kind === 'data' || (s.kind === 'agreements' && s.id.startsWith('terugblik')));
      for (const slide of dataSlides) {
        if (slide.data?.table?.rows.some((row) => row.cells.some((cell) => cell.figure)))
          expect(
            figures.some((f) => f.slide === slide.id),
            slide.id,
          ).toBe(true);
      }
      let chartChecks = 0;
      for (const figure of figures) {
        const expected = expectedFigure(data, figure);
        expect(expected, JSON.stringify(figure)).toBeDefined();
        expect(figure.text, JSON.stringify(figure)).toBe(expectedText(expected!));
        const labelled = figure.svgText.length > 0 && !figure.slide.startsWith('cijfers-jaren-') && figure.slide !== 'landelijk-gebruikers';
        // Table-only columns: totals and context, counts whose rate or share is charted instead.
        const tableOnly = [
          'patientsAny',
          'newUsersLongStart',
          'newUsersOtherStart',
          'chronicUsers',
          'starts',
          'startsOverLimit',
          'highDoseUsers',
          'dispensingsOmeUnknown',
        ];
        const inChart = !tableOnly.includes(figure.indicator) && figure.slide !== 'cijfers-starters';
        if (labelled && inChart && figure.row !== 'Totaal groep' && !figure.row.startsWith('Regio')) {
          expect(figure.svgText, JSON.stringify(figure)).toContain(figure.text.replace('*', ''));
          chartChecks++;
        }
      }
      expect(chartChecks).toBeGreaterThan(50);

      // Speaker notes travel inside the file.
      expect(await page.locator('aside.notes').count()).toBe(visible.filter((s) => s.notes).length);

      // No slide's content runs off the 1280×720 slide: measured per element, on every slide.
      const overflowing: string[] = [];
      for (let index = 0; index < visible.length; index++) {
        await goTo(page, index);
        const result = await page.evaluate(`(() => {
          ${OVERFLOW_FUNCTION}
          const section = Reveal.getCurrentSlide();
          const inner = section.querySelector('.slide-inner');
          const box = section.getBoundingClientRect();
          const outside = [...section.querySelectorAll('.slide-inner *')].some((e) => {
            const r = e.getBoundingClientRect();
            return (r.width || r.height) && (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.left + 1281 || r.bottom > box.top + 721);
          });
          return { id: section.dataset.id, width: box.width, height: box.height, overflow: slideOverflow(inner), outside,
            fontSize: parseFloat(getComputedStyle(inner).fontSize) };
        })()`);
        const r = result as { id: string; width: number; height: number; overflow: number; outside: boolean; fontSize: number };
        expect([r.width, r.height]).toEqual([1280, 720]);
        if (r.overflow > 0 || r.outside) overflowing.push(r.id);
        // Projector-sized text: nothing is shrunk below 20 px, except the deliberately overlong edited slide.
        // The overlong edited slide was shrunk to fit instead of running off.
        if (r.id === 'aanleiding') expect(r.fontSize).toBeLessThan(28);
        else expect(r.fontSize, r.id).toBeGreaterThanOrEqual(20);
        if (naming === 'names' && visible[index]!.kind === 'data') {
          fs.mkdirSync(SHOTS, { recursive: true });
          await page.screenshot({ path: `${SHOTS}/deck-${String(index).padStart(2, '0')}-${r.id}.png` });
        }
      }
      expect(overflowing).toEqual([]);

      // Links are anchors, not loads; the file itself is the only request, and nothing complained.
      expect(requests.filter((url) => !url.startsWith('data:'))).toEqual([pathToFileURL(file).href]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it("keeps the footnotes clear of reveal's arrows at any window size", async () => {
    const deck = buildDeck({ data: sampleDeckData('names') });
    const file = path.join(tempDir(), 'deck.html');
    fs.writeFileSync(file, deckToHtml(deck));
    const { page } = await openDeck(file);
    const index = visibleSlides(deck).findIndex((slide) => slide.id === 'cijfers-uitgiftes');
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
      [800, 600],
      [1366, 768],
      [640, 360],
    ] as const) {
      await page.setViewportSize({ width, height });
      await goTo(page, index);
      await page.waitForTimeout(150);
      const overlap = await page.evaluate(() => {
        const arrows = [...document.querySelectorAll('.reveal .controls button')]
          .map((b) => b.getBoundingClientRect())
          .filter((r) => r.width > 0);
        const lines = [...document.querySelectorAll('.reveal section.present .footnotes li')].flatMap((li) => {
          const range = document.createRange();
          range.selectNodeContents(li);
          return [...range.getClientRects()];
        });
        return lines.some((line) =>
          arrows.some((a) => line.left < a.right && a.left < line.right && line.top < a.bottom && a.top < line.bottom),
        );
      });
      expect(overlap, `${width}×${height}`).toBe(false);
      if (width === 800) await page.screenshot({ path: path.join(SHOTS, 'deck11', 'html-footnote-800x600.png') });
    }
    await page.close();
  });

  it('opens the speaker view with the notes and the next slide', async () => {
    const deck = buildDeck({ data: sampleDeckData() });
    const file = path.join(tempDir(), 'deck.html');
    fs.writeFileSync(file, deckToHtml(deck));
    const { page, errors } = await openDeck(file);
    await goTo(page, 1);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await popup.waitForFunction(() => document.querySelector('.speaker-controls-notes')?.textContent?.includes('Noem kort'));
    expect(await popup.locator('iframe').count()).toBe(2);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('prints one slide per page to PDF', async () => {
    const deck = buildDeck({ data: sampleDeckData('letters') });
    const pdf = await chromiumPdfRenderer(CHROMIUM)(deckToHtml(deck, { print: true }), {
      kind: 'slides',
      width: SLIDE_WIDTH,
      height: SLIDE_HEIGHT,
    });
    const file = path.join(tempDir(), 'deck.pdf');
    fs.writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`Pages:\\s+${visibleSlides(deck).length}\\b`));
    expect(info).toMatch(/Page size:\s+960 x 540 pts/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Uitgiften kortwerkend en langwerkend, 2025');
    expect(text).toContain('Praktijk A');
    const a = deck.slides.find((s) => s.id === 'cijfers-uitgiftes')!.data!.table!.rows[0]!.cells;
    expect(text).toMatch(new RegExp(`Praktijk A\\s+${a[1]!.text}\\s+${a[2]!.text}`));
  });
});
