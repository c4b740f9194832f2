/**
 * One export file as rows of raw text cells, whatever its format. Readers never interpret values:
 * that is the importer's job, so that every format is validated by the same rules.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { AppError } from '../errors';
import { serialToIsoDate } from './parse';
import { checkZipSize } from './zip-limit';
import { byteChunks, byteOrderMark, decodeChunks, detectDelimiter, parseCsv, type ByteSource } from './text';

export interface TableRow {
  /** Row number as the user sees it: the line in a text file, the row in a spreadsheet. */
  row: number;
  cells: string[];
}

export interface Table {
  rows: Iterable<TableRow>;
  /** How far reading has come, 0..1 (updated while `rows` is iterated). */
  position: { fraction: number };
  /** Spreadsheet serials in this file count from 1904 (old Mac Excel) instead of 1900. */
  date1904: boolean;
}

const SPREADSHEET_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.ods']);

/** Spreadsheets are parsed whole, so they are always read off the thread that answers the user. */
export const isSpreadsheetName = (fileName: string) => SPREADSHEET_EXTENSIONS.has(path.extname(fileName).toLowerCase());
const TEXT_EXTENSIONS = new Set(['.csv', '.txt', '.tsv']);

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Reads a file by its name's extension; unusable files give a Dutch error naming the file. Text files
 * on disk are read piece by piece, never whole.
 */
export function readTable(fileName: string, file: { bytes: Uint8Array } | { path: string }): Table {
  const name = path.basename(fileName);
  const extension = path.extname(fileName).toLowerCase();
  const source: ByteSource = 'bytes' in file ? file : { path: file.path, size: fileSize(name, file.path) };
  const head = byteChunks(source, 0, 4096).next().value ?? new Uint8Array(0);
  if (head.length === 0 || (head.length < 4096 && Buffer.from(head).toString('latin1').trim() === '')) {
    throw new AppError('import', `Het bestand ${name} is leeg.`);
  }
  if (TEXT_EXTENSIONS.has(extension)) return readText(name, source, head);
  if (!SPREADSHEET_EXTENSIONS.has(extension)) {
    throw new AppError(
      'import',
      `Het bestand ${name} heeft een onbekend type (${extension || 'geen extensie'}). Kies een .xlsx-, .xls-, .ods-, .csv- of .txt-bestand.`,
    );
  }
  const zipped = startsWith(head, ZIP_MAGIC);
  const compound = startsWith(head, CFB_MAGIC);
  if (extension === '.xls' && !zipped && !compound) {
    // Many systems write ".xls" files that are really HTML tables or tab-separated text.
    return Buffer.from(head.subarray(0, 512)).toString('latin1').trimStart().startsWith('<')
      ? readSpreadsheet(name, wholeFile(name, file))
      : readText(name, source, head);
  }
  if (extension !== '.xls' && !zipped) {
    throw new AppError(
      'import',
      `Het bestand ${name} is geen echt ${extension}-bestand${looksLikeText(head) ? ' (het is een tekstbestand met een andere extensie; geef het de extensie .csv)' : ''}.`,
    );
  }
  const bytes = wholeFile(name, file);
  if (zipped) checkZipSize(name, bytes);
  return readSpreadsheet(name, bytes);
}

function fileSize(name: string, file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    throw new AppError('not_found', `Het bestand ${name} bestaat niet of kan niet worden gelezen.`);
  }
}

function wholeFile(name: string, file: { bytes: Uint8Array } | { path: string }): Uint8Array {
  if ('bytes' in file) return file.bytes;
  try {
    return fs.readFileSync(file.path);
  } catch {
    throw new AppError('not_found', `Het bestand ${name} bestaat niet of kan niet worden gelezen.`);
  }
}

function looksLikeText(bytes: Uint8Array): boolean {
  return !bytes.subarray(0, 1024).some((b) => b === 0);
}

function readText(name: string, source: ByteSource, head: Uint8Array): Table {
  // Without a byte order mark the encoding is decided while reading (firstCharacterEncoding): no pass over the whole file first.
  const { encoding, bom } = byteOrderMark(head);
  const first = byteChunks(source, bom, 64 * 1024).next().value ?? new Uint8Array(0);
  const delimiter = detectDelimiter([...decodeChunks({ bytes: first }, encoding, 0)].join(''));
  const position = { fraction: 0 };
  return { rows: parseCsv(decodeChunks(source, encoding, bom, position), delimiter, name), position, date1904: false };
}

function readSpreadsheet(name: string, bytes: Uint8Array): Table {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellDates: false, cellHTML: false, cellFormula: false });
  } catch (error) {
    throw new AppError(
      'import',
      `Het bestand ${name} is beschadigd of onvolledig en kan niet worden gelezen (${(error as Error).message}).`,
    );
  }
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  // The first sheet that holds anything: exports sometimes start with an empty or cover sheet.
  const sheetName = workbook.SheetNames.find((n) => (workbook.Sheets[n]?.['!data']?.length ?? 0) > 0);
  if (sheetName === undefined) throw new AppError('import', `Het bestand ${name} is leeg.`);
  const data = workbook.Sheets[sheetName]!['!data']!;
  const position = { fraction: 0 };
  function* rows(): Generator<TableRow> {
    for (let r = 0; r < data.length; r++) {
      const cells = Array.from(data[r] ?? [], (cell) => cellText(cell, date1904)); // rows are sparse
      if ((r & 0x3ff) === 0) position.fraction = r / data.length;
      yield { row: r + 1, cells };
    }
    position.fraction = 1;
  }
  return { rows: rows(), position, date1904 };
}

/** A cell as raw text: dates as YYYY-MM-DD (converted here, for either date system), numbers with a decimal comma. */
function cellText(cell: XLSX.CellObject | undefined, date1904: boolean): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  switch (cell.t) {
    case 's':
      return String(cell.v);
    case 'n': {
      const value = cell.v as number;
      if (cell.z !== undefined && XLSX.SSF.is_date(cell.z)) return serialToIsoDate(value, date1904);
      return numberText(value);
    }
    case 'd': {
      const date = cell.v as Date;
      return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
    }
    case 'b':
      return cell.v ? 'WAAR' : 'ONWAAR';
    default:
      return ''; // errors (#N/B) and stubs
  }
}

/** 1.5 -> "1,5" and 1234567 -> "1234567": the form the Dutch number parser reads back exactly. */
function numberText(value: number): string {
  const text = Number.isInteger(value) ? value.toFixed(0) : String(value);
  return text.replace('.', ',');
}
