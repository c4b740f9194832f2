import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { deckData } from '../../db/deck/data';
import { ROLE_COLORS, type SeriesRole } from '../../domain';
import { buildDeck, visibleSlides } from '../../slides/build';
import { deckToHtml } from '../../slides/html';
import { World } from '../indicators/fixtures';
import { SHOTS, startApp, useBrowser, type RunningApp } from './browser';

// One colour per meaning (domain/palette.ts): the Cijfers chart in the app and the same figures on a slide of
// the group's deck, both drawn by Chromium, use the same short-acting, long-acting and chronic colours.

const browser = useBrowser();
const shots = path.join(SHOTS, 'domain13');
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** "#D55E00" as Chromium's computed style writes it: "rgb(213, 94, 0)". */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('one colour per meaning, in the app and on the slides', () => {
  it('draws short-acting, long-acting and chronic users alike in the Cijfers chart and on the deck', async () => {
    app = await startApp(browser());
    const world = new World(app.host.db);
    world.practice('De Linde', 'FTO Noord', { 2024: 3000, 2025: 3000 });
    world.prescriber('11111111', 'De Linde', 'Dr. Linde');
    world.batch('FTO Noord');
    const monthly = (year: number) => Array.from({ length: 8 }, (_, m) => `${year}-${String(m + 2).padStart(2, '0')}-01`);
    world.dispense(
      ...[2024, 2025].flatMap((year) =>
        monthly(year).map((date) => ({ patient: 'P-CHRONIC', date, prescriber: '11111111', long: true, days: 30 })),
      ),
      ...[2024, 2025].flatMap((year) =>
        [1, 2, 3].map((n) => ({ patient: `P-SHORT-${n}`, date: `${year}-0${n + 3}-10`, prescriber: '11111111', days: 5 })),
      ),
    );

    // The app: Cijfers, the years side by side.
    const { page } = app;
    await app.open('cijfers');
    await page.getByLabel('Jaar', { exact: true }).selectOption('2025');
    await page.getByRole('tab', { name: '5 jaar naast elkaar' }).click();
    const dispensingsChart = page.locator('figure.chart', {
      has: page.getByRole('img', { name: 'Uitgiften sterke opioïden: kort- en langwerkend' }),
    });
    await dispensingsChart.waitFor();
    fs.mkdirSync(shots, { recursive: true });
    await dispensingsChart.screenshot({ path: path.join(shots, 'app-cijfers-kort-lang.png') });
    await page.locator('.charts').screenshot({ path: path.join(shots, 'app-cijfers-grafieken.png') });
    const appColor = (role: SeriesRole) =>
      page
        .locator(`.chart .bar.tone-${role}`)
        .first()
        .evaluate((bar) => getComputedStyle(bar).fill);
    const app3 = { short: await appColor('short'), long: await appColor('long'), chronic: await appColor('chronic') };

    // The deck of the same group and year, as the app exports it, opened in Chromium.
    const deck = buildDeck({
      data: deckData(app.host.db, {
        groupName: 'FTO Noord',
        from: '2025-01-01',
        to: '2025-12-31',
        compareFromYear: null,
        anonymizePractices: false,
        date: null,
        meetingId: null,
      }),
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fto-colours-')), 'deck.html');
    fs.writeFileSync(file, deckToHtml(deck));
    const slidePage = await browser().newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await slidePage.goto(pathToFileURL(file).href);
      await slidePage.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      const ids = visibleSlides(deck).map((slide) => slide.id);
      // The fills of a slide's chart in drawing order: series by series, so the first is the first series'.
      const slideFills = async (id: string) => {
        await slidePage.evaluate(
          (index) => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(index),
          ids.indexOf(id),
        );
        return slidePage
          .locator(`section[data-id="${id}"] .chart svg path`)
          .evaluateAll((paths) => [
            ...new Set(paths.map((p) => getComputedStyle(p).fill).filter((fill) => fill !== 'none' && !fill.startsWith('rgba'))),
          ]);
      };
      const [slideShort, slideLong] = await slideFills('cijfers-uitgiftes');
      await slidePage.waitForTimeout(300);
      await slidePage.screenshot({ path: path.join(shots, 'deck-cijfers-uitgiftes.png') });
      const [slideChronic] = await slideFills('cijfers-chronisch');

      expect({ short: slideShort, long: slideLong, chronic: slideChronic }).toEqual(app3);
      expect(app3).toEqual({ short: rgb(ROLE_COLORS.short), long: rgb(ROLE_COLORS.long), chronic: rgb(ROLE_COLORS.chronic) });
      // The bug this guards against: the app had the two swapped.
      expect(app3.short).toBe('rgb(213, 94, 0)');
    } finally {
      await slidePage.close();
    }
    expect(app.problems).toEqual([]);
  });
});
