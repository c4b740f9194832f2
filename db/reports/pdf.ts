import fs from 'node:fs';
import { AppError } from '../errors';

/** A4 document pages, or the deck's own slide size (one reveal.js slide a page, in its print view). */
export type PdfLayout = { kind: 'document' } | { kind: 'slides'; width: number; height: number };

/** Turns a complete, self-contained HTML document into PDF bytes. */
export type PdfRenderer = (html: string, layout?: PdfLayout) => Promise<Buffer>;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * PDFs by a headless Chromium through playwright-core: the core's PDF maker outside Electron (see
 * nodeServices in db/services.ts); the Electron app prints with its own Chromium (electron/pdf.ts).
 */
export function chromiumPdfRenderer(executablePath = process.env.FTO_CHROMIUM ?? '/usr/bin/chromium'): PdfRenderer {
  return async (html, layout = { kind: 'document' }) => {
    if (!fs.existsSync(executablePath)) {
      throw new AppError(
        'conflict',
        `Voor een PDF is Chromium nodig, maar ${executablePath} bestaat niet. Installeer Chromium of kies Word (.docx).`,
      );
    }
    // Loaded on first use: the Electron app never needs it.
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      if (layout.kind === 'slides') {
        const page = await browser.newPage({ viewport: { width: layout.width, height: layout.height } });
        await page.setContent(html, { waitUntil: 'load' });
        // reveal.js lays every slide out on its own page before printing.
        await page.waitForFunction(() => document.querySelectorAll('.pdf-page').length > 0);
        await page.evaluate(() => document.fonts.ready);
        return await page.pdf({ width: `${layout.width}px`, height: `${layout.height}px`, printBackground: true, preferCSSPageSize: true });
      }
      const page = await browser.newPage();
      // The documents are self-contained (inline styles, no scripts, no external files).
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } });
    } finally {
      await browser.close();
    }
  };
}
