import { BrowserWindow, type PrintToPDFOptions } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PdfLayout, PdfRenderer } from '../db/reports/pdf';
import { secureWebPreferences } from './security';

const CSS_PIXELS_PER_INCH = 96;

/**
 * PDFs in the desktop app come from Electron's own Chromium (printToPDF in a hidden window), so the
 * app needs no second browser. The documents are self-contained; only decks run script (reveal.js
 * lays out one slide per page).
 */
export const electronPdfRenderer: PdfRenderer = async (html: string, layout: PdfLayout = { kind: 'document' }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fto-pdf-'));
  const file = path.join(dir, 'document.html');
  fs.writeFileSync(file, html);
  const window = new BrowserWindow({
    show: false,
    ...(layout.kind === 'slides' ? { width: layout.width, height: layout.height } : {}),
    webPreferences: { ...secureWebPreferences(), javascript: layout.kind === 'slides' },
  });
  try {
    await window.loadFile(file);
    if (layout.kind === 'slides') await waitForPrintLayout(window);
    return await window.webContents.printToPDF(printOptions(layout));
  } finally {
    window.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

export function printOptions(layout: PdfLayout): PrintToPDFOptions {
  if (layout.kind === 'slides') {
    return {
      pageSize: { width: layout.width / CSS_PIXELS_PER_INCH, height: layout.height / CSS_PIXELS_PER_INCH },
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      printBackground: true,
      preferCSSPageSize: true,
    };
  }
  return { pageSize: 'A4', printBackground: true, margins: { top: 0.7, bottom: 0.7, left: 0.63, right: 0.63 } };
}

async function waitForPrintLayout(window: BrowserWindow): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await window.webContents.executeJavaScript("document.querySelectorAll('.pdf-page').length > 0")) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('De presentatie kon niet voor PDF worden opgemaakt.');
}
