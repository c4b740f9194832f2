/**
 * Writes dispensings as a pharmacy export file in one of several dialects, so that the demo, the
 * tests and the benchmark feed the importer the kinds of files it meets in practice.
 */
import * as XLSX from 'xlsx';
import { importFieldNames, type ImportField } from '../contract/imports';
import { isoDateToSerial } from '../import/parse';
import { encodeWindows1252 } from '../import/text';
import type { DispensingRecord } from './generate';

export interface ExportDialect {
  format: 'csv' | 'xlsx' | 'xls' | 'ods';
  headers: 'nl' | 'en';
  /** CSV only. */
  delimiter?: ';' | ',' | '\t';
  /** CSV only. */
  encoding?: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  /** How dates are written; 'cell' = a real spreadsheet date (spreadsheets only). */
  dates: 'dd-mm-yyyy' | 'd-m-yyyy' | 'yyyy-mm-dd' | 'dd/mm/yyyy' | 'cell';
  /** A workbook in the 1904 date system (xlsx only). */
  date1904?: boolean;
  /** Spreadsheets: AGB codes as numbers (they lose their leading zeros). */
  agbAsNumber?: boolean;
  /** Lines above the header row (report title, period). */
  titleRows?: string[];
  /** A "Totaal" row (and an empty row) below the data. */
  totalsRow?: boolean;
  /** The fields written, in this order; default: all that the records hold. */
  fields?: ImportField[];
}

export const HEADER_NAMES: Record<'nl' | 'en', Record<ImportField, string>> = {
  nl: {
    patientKey: 'Patiëntnummer',
    dispenseDate: 'Afleverdatum',
    atc: 'ATC-code',
    product: 'Artikelomschrijving',
    prescriberName: 'Naam voorschrijver',
    prescriberAgb: 'AGB voorschrijver',
    quantity: 'Aantal',
    daysSupply: 'Gebruiksduur (dagen)',
    dosing: 'Dosering',
    ownGp: 'Huisarts patiënt',
    practice: 'Praktijk',
    pharmacy: 'Apotheek',
    formCode: 'Farmaceutische vorm',
  },
  en: {
    patientKey: 'PatientID',
    dispenseDate: 'DispenseDate',
    atc: 'ATC',
    product: 'Product',
    prescriberName: 'Prescriber',
    prescriberAgb: 'PrescriberAGB',
    quantity: 'Quantity',
    daysSupply: 'DaysSupply',
    dosing: 'Dosage',
    ownGp: 'GP',
    practice: 'Practice',
    pharmacy: 'Pharmacy',
    formCode: 'FormCode',
  },
};

const ALL_FIELDS: readonly ImportField[] = importFieldNames;

function formatDate(iso: string, style: ExportDialect['dates']): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  switch (style) {
    case 'dd-mm-yyyy':
      return `${d}-${m}-${y}`;
    case 'd-m-yyyy':
      return `${Number(d)}-${Number(m)}-${y}`;
    case 'dd/mm/yyyy':
      return `${d}/${m}/${y}`;
    default:
      return iso;
  }
}

/** A record's value for a field as export text (numbers with a decimal comma in Dutch files). */
function textValue(record: DispensingRecord, field: ImportField, dialect: ExportDialect): string {
  const value = record[field];
  if (value === null || value === undefined) return '';
  if (field === 'dispenseDate') return formatDate(String(value), dialect.dates);
  if (typeof value === 'number') return dialect.headers === 'nl' ? String(value).replace('.', ',') : String(value);
  return value;
}

export function writeExport(records: Iterable<DispensingRecord>, dialect: ExportDialect): Buffer {
  return dialect.format === 'csv' ? writeCsv(records, dialect) : writeSpreadsheet(records, dialect);
}

function writeCsv(records: Iterable<DispensingRecord>, dialect: ExportDialect): Buffer {
  const delimiter = dialect.delimiter ?? ';';
  const fields = dialect.fields ?? ALL_FIELDS;
  const quote = (text: string) =>
    text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r') ? `"${text.replace(/"/g, '""')}"` : text;
  const lines: string[] = [...(dialect.titleRows ?? []), ...(dialect.titleRows?.length ? [''] : [])];
  lines.push(fields.map((f) => quote(HEADER_NAMES[dialect.headers][f])).join(delimiter));
  let total = 0;
  const chunks: string[] = [];
  for (const record of records) {
    total += record.quantity;
    lines.push(fields.map((f) => quote(textValue(record, f, dialect))).join(delimiter));
    // Joined in chunks: one string per line for a million rows would cost far more memory.
    if (lines.length >= 10_000) chunks.push(`${lines.splice(0).join('\r\n')}\r\n`);
  }
  if (dialect.totalsRow) {
    lines.push('');
    lines.push(fields.map((f, k) => (k === 0 ? 'Totaal' : f === 'quantity' ? String(total) : '')).join(delimiter));
  }
  chunks.push(`${lines.join('\r\n')}\r\n`);
  const text = chunks.join('');
  switch (dialect.encoding ?? 'utf-8') {
    case 'windows-1252':
      return encodeWindows1252(text);
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    default:
      return Buffer.from(text, 'utf8');
  }
}

function writeSpreadsheet(records: Iterable<DispensingRecord>, dialect: ExportDialect): Buffer {
  const fields = dialect.fields ?? ALL_FIELDS;
  const data: XLSX.CellObject[][] = [];
  const text = (v: string): XLSX.CellObject => ({ t: 's', v });
  for (const title of dialect.titleRows ?? []) data.push([text(title)]);
  if (dialect.titleRows?.length) data.push([]);
  data.push(fields.map((f) => text(HEADER_NAMES[dialect.headers][f])));
  let total = 0;
  for (const record of records) {
    total += record.quantity;
    data.push(
      fields.map((field): XLSX.CellObject => {
        const value = record[field];
        if (value === null) return { t: 'z' };
        if (field === 'dispenseDate' && dialect.dates === 'cell') {
          return { t: 'n', v: isoDateToSerial(String(value), dialect.date1904), z: 'dd-mm-yyyy' };
        }
        if (typeof value === 'number') return { t: 'n', v: value };
        if ((field === 'prescriberAgb' || field === 'ownGp') && dialect.agbAsNumber && /^\d+$/.test(value))
          return { t: 'n', v: Number(value) };
        return text(textValue(record, field, dialect));
      }),
    );
  }
  if (dialect.totalsRow) {
    data.push([]);
    data.push(fields.map((f, k): XLSX.CellObject => (k === 0 ? text('Totaal') : f === 'quantity' ? { t: 'n', v: total } : { t: 'z' })));
  }
  const sheet: XLSX.WorkSheet = {
    '!data': data,
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: data.length - 1, c: fields.length - 1 } }),
  };
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, 'Uitgiften');
  if (dialect.date1904) workbook.Workbook = { ...workbook.Workbook, WBProps: { ...workbook.Workbook?.WBProps, date1904: true } };
  return XLSX.write(workbook, {
    type: 'buffer',
    bookType: dialect.format === 'xls' ? 'biff8' : dialect.format,
    dense: true,
    compression: true,
  } as XLSX.WritingOptions) as Buffer;
}
