import fs from 'node:fs';
import { AppError } from '../errors';

/** Turns a complete HTML document into PDF bytes (A4). */
export type PdfRenderer = (html: string) => Promise<Buffer>;

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * The PDF maker the core uses. By default a headless Chromium through playwright-core; the Electron
 * shell can install its own (webContents.printToPDF) with setPdfRenderer, so that no second browser is needed.
 */
let current: PdfRenderer = chromiumPdfRenderer();

export function setPdfRenderer(renderer: PdfRenderer): void {
  current = renderer;
}

export function renderPdf(html: string): Promise<Buffer> {
  return current(html);
}

export function chromiumPdfRenderer(executablePath = process.env.FTO_CHROMIUM ?? '/usr/bin/chromium'): PdfRenderer {
  return async (html) => {
    if (!fs.existsSync(executablePath)) {
      throw new AppError('conflict', `Voor een PDF is Chromium nodig, maar ${executablePath} bestaat niet. Installeer Chromium of kies Word (.docx).`);
    }
    // Loaded on first use: the Electron app never needs it.
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      // The documents are self-contained (inline styles, no scripts, no external files).
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } });
    } finally {
      await browser.close();
    }
  };
}
