import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from './html';

// Node only (CLI, tests): prints an exported deck to PDF with Chromium, one slide per 1280×720 page. Electron
// does the same with webContents.printToPDF on the print-mode HTML (deckToHtml(deck, { print: true })).

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * `html` is a deck from deckToHtml, in either mode: the page is opened with reveal's ?print-pdf switch, so that
 * every slide is laid out on its own page before printing.
 */
export async function deckToPdf(html: string, chromiumPath: string): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fto-deck-pdf-'));
  const file = path.join(dir, 'deck.html');
  fs.writeFileSync(file, html);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: SLIDE_WIDTH, height: SLIDE_HEIGHT } });
    await page.goto(`${pathToFileURL(file).href}?print-pdf`);
    await page.waitForFunction(() => document.querySelectorAll('.pdf-page').length > 0 && document.documentElement.classList.contains('print-pdf'));
    await page.evaluate(() => document.fonts.ready);
    return await page.pdf({ width: `${SLIDE_WIDTH}px`, height: `${SLIDE_HEIGHT}px`, printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
