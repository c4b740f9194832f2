import type { CellObject } from 'xlsx';
import type { FileOutput } from '../contract/meetings';

export const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  html: 'text/html',
  csv: 'text/csv',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
} as const;

export function fileOf(fileName: string, type: keyof typeof MIME, data: Uint8Array | string): FileOutput {
  const base64 = typeof data === 'string' ? data : Buffer.from(data).toString('base64');
  return { fileName, mimeType: MIME[type], base64 };
}

/** "Huisartsenpraktijk De Linde" -> "huisartsenpraktijk-de-linde", for file names. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'bestand'
  );
}

/** A real spreadsheet date, shown the Dutch way (21-11-2024), from "2024-11-21"; an empty cell without a date. */
export function sheetDate(iso: string | null | undefined): CellObject {
  if (!iso) return { t: 's', v: '' };
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  // SheetJS turns a Date into a serial day number by its local time, so midnight is made in local time.
  return { t: 'd', v: new Date(year, month - 1, day), z: 'dd-mm-yyyy' };
}

/** Escapes text for HTML. */
export function esc(text: string | number | null | undefined): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
