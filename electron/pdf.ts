import { BrowserWindow, type PrintToPDFOptions } from 'electron';
import { randomUUID } from 'node:crypto';
import type { PdfLayout, PdfRenderer } from '../db/reports/pdf';
import { APP_SCHEME, secureWebPreferences } from './security';

const CSS_PIXELS_PER_INCH = 96;

/** Documents being printed, served from memory on app://print/<id>.html (see main.ts). */
export const PRINT_HOST = 'print';
const printDocuments = new Map<string, string>();

/** The HTML of a document being printed, for the app protocol; null for any other address. */
export function printDocument(url: string): string | null {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== PRINT_HOST) return null;
  return printDocuments.get(parsed.pathname.replace(/^\/|\.html$/g, '')) ?? null;
}

/**
 * PDFs in the desktop app come from Electron's own Chromium (printToPDF in a hidden window), so the
 * app needs no second browser. The documents are self-contained; only decks run script (reveal.js
 * lays out one slide per page), under the deck's own CSP. They are served from memory on their own
 * origin of the app protocol, never as a file:// page (which could read other local files).
 */
export const electronPdfRenderer: PdfRenderer = async (html: string, layout: PdfLayout = { kind: 'document' }) => {
  const id = randomUUID();
  printDocuments.set(id, html);
  const window = new BrowserWindow({
    show: false,
    ...(layout.kind === 'slides' ? { width: layout.width, height: layout.height } : {}),
    webPreferences: { ...secureWebPreferences(), javascript: layout.kind === 'slides' },
  });
  try {
    await window.loadURL(`${APP_SCHEME}://${PRINT_HOST}/${id}.html`);
    if (layout.kind === 'slides') await waitForPrintLayout(window);
    return await window.webContents.printToPDF(printOptions(layout));
  } finally {
    window.destroy();
    printDocuments.delete(id);
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
