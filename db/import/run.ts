/**
 * The import of one export file: find the header, plan the columns, validate every row and store the
 * opioid dispensings in ONE transaction (spec §7). Pure Node: the CLI runs it directly, the app in a
 * worker thread (jobs.ts), both on their own connection.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { ColumnMapping, fileAnalysis, fileSummary, ImportField } from '../contract/imports';
import { AppError } from '../errors';
import type { Db } from '../open';
import { prescriberKey } from '../../domain';
import { actingByRule, normaliseAtc, opioidClass, type ActingDecision } from './classify';
import { dispensingDose, fromData, type Dose, type DoseTables, type DoseTablesData } from './dose';
import { fieldList, headerSignature, HEADER_SEARCH_ROWS, isHeaderRow, planColumns, type ColumnPlan } from './columns';
import { IdentityHasher } from './identity';
import { parseDate, parseDecimal, type Decimal } from './parse';
import { readTable, type Table, type TableRow } from './table';

/** A file to import: its bytes, or (the CLI) its path, so that a parser thread can read it itself. */
export type ImportSource = { name: string; mapping?: ColumnMapping } & ({ bytes: Uint8Array } | { path: string });

export function sourceSize(source: ImportSource): number {
  return 'bytes' in source ? source.bytes.length : fs.statSync(source.path).size;
}

/** SHA-256 of the file, read in pieces when it comes from disk. */
export function sourceHash(source: ImportSource): string {
  const hash = createHash('sha256');
  if ('bytes' in source) return hash.update(source.bytes).digest('hex');
  const fd = fs.openSync(source.path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (let n = fs.readSync(fd, buffer); n > 0; n = fs.readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

export type FileSummary = z.infer<typeof fileSummary>;

/** Longer cells are no pharmacy data (a broken quote, a pasted document): the file is refused. */
export const MAX_CELL_LENGTH = 10_000;
/** Rows below the header used to recognise a BSN column. */
const SAMPLE_ROWS = 200;
const PREVIEW_ROWS = 5;

interface PreparedFile {
  table: Table;
  headerRow: number | null;
  headers: string[];
  plan: ColumnPlan;
  rememberedMapping: boolean;
  mapping: ColumnMapping | undefined;
  /** The rows read below the header so far (the sample), then the rest of the file. */
  dataRows: Iterable<TableRow>;
  sample: TableRow[];
}

/** Mappings remembered per header signature (table column_mapping), as plain data for any thread. */
export type RememberedMappings = Record<string, string>;

export function rememberedMappings(db: Db): RememberedMappings {
  const rows = db.prepare('SELECT header_signature, mapping FROM column_mapping').all() as { header_signature: string; mapping: string }[];
  return Object.fromEntries(rows.map((r) => [r.header_signature, r.mapping]));
}

/** Reads the file up to its header row and a sample below it, and plans the columns. No database. */
export function prepare(source: ImportSource, remembered: RememberedMappings): PreparedFile {
  const table = readTable(source.name, source);
  const iterator = table.rows[Symbol.iterator]();
  const name = path.basename(source.name);

  let header: TableRow | undefined;
  let mapping = source.mapping;
  let rememberedMapping = false;
  for (let k = 0; k < HEADER_SEARCH_ROWS; k++) {
    const next = iterator.next();
    if (next.done) break;
    checkCellLengths(name, next.value, null);
    const stored = source.mapping ? undefined : remembered[headerSignature(next.value.cells)];
    if (stored) {
      mapping = JSON.parse(stored) as ColumnMapping;
      rememberedMapping = true;
    }
    if (stored || isHeaderRow(next.value.cells, mapping)) {
      header = next.value;
      break;
    }
  }
  if (!header) {
    const plan: ColumnPlan = {
      columns: {},
      refused: [],
      problems: [
        {
          field: null,
          message: `In ${name} is geen kopregel gevonden: geen van de eerste ${HEADER_SEARCH_ROWS} regels heeft ten minste drie bekende kolomnamen (zoals Patiëntnummer, Afleverdatum, ATC, Artikelomschrijving, Voorschrijver).`,
        },
      ],
    };
    return { table, headerRow: null, headers: [], plan, rememberedMapping: false, mapping, dataRows: [], sample: [] };
  }
  const headers = header.cells.map((cell) => cell.trim());
  const sample: TableRow[] = [];
  for (let k = 0; k < SAMPLE_ROWS; k++) {
    const next = iterator.next();
    if (next.done) break;
    sample.push(next.value);
  }
  const plan = planColumns(headers, sample.map((r) => r.cells), mapping);
  function* dataRows(): Generator<TableRow> {
    yield* sample;
    for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value;
  }
  return { table, headerRow: header.row, headers, plan, rememberedMapping, mapping, dataRows: dataRows(), sample };
}

function checkCellLengths(name: string, row: TableRow, headers: string[] | null): void {
  for (let c = 0; c < row.cells.length; c++) {
    const length = row.cells[c]!.length;
    if (length > MAX_CELL_LENGTH) {
      const column = headers?.[c] ? `kolom "${headers[c]}"` : `kolom ${c + 1}`;
      throw new AppError(
        'import',
        `${name}, regel ${row.row}, ${column}: een cel van ${length.toLocaleString('nl-NL')} tekens is te lang (hoogstens ${MAX_CELL_LENGTH.toLocaleString('nl-NL')}). Dit lijkt geen apotheekexport; er is niets geïmporteerd.`,
      );
    }
  }
}

/** What the mapping screen needs; reads the whole file but stores nothing. */
export type FileAnalysis = z.infer<typeof fileAnalysis>;

export function analyzeFile(source: ImportSource, remembered: RememberedMappings): FileAnalysis {
  const prepared = prepare(source, remembered);
  const { plan, headers } = prepared;
  const refused = new Set(plan.refused.map((r) => r.column));
  let dataRows = 0;
  for (const row of prepared.dataRows) {
    checkCellLengths(path.basename(source.name), row, headers);
    dataRows++;
  }
  return {
    fileName: source.name,
    headerRow: prepared.headerRow,
    headers,
    matched: Object.entries(plan.columns).map(([field, column]) => ({ field: field as ImportField, header: headers[column]!, column })),
    refused: plan.refused,
    problems: plan.problems,
    needsMapping: plan.problems.length > 0,
    rememberedMapping: prepared.rememberedMapping,
    dataRows,
    preview: prepared.sample.slice(0, PREVIEW_ROWS).map((r) => headers.map((_, c) => (refused.has(c) ? '' : (r.cells[c] ?? '')))),
    fields: fieldList,
  };
}

/** Stops before anything is written when the columns are not settled. */
export function requirePlan(name: string, prepared: PreparedFile): void {
  if (prepared.plan.problems.length === 0) return;
  const problems = prepared.plan.problems.map((p) => p.message).join(' ');
  throw new AppError('import', `${path.basename(name)}: ${problems}`, prepared.plan.problems[0]?.field ?? undefined);
}

/** Reads a file only as far as its header and first rows: throws when it could not be imported. */
export function checkFile(db: Db, source: ImportSource): void {
  requirePlan(source.name, prepare(source, rememberedMappings(db)));
}

export interface ImportOptions {
  groupId: number;
  /** Called now and then with how far the file is read (0..1). */
  onProgress?: (fraction: number) => void;
  /** Read in a parser thread (default: for files of PARALLEL_FROM_BYTES and more). */
  parallel?: boolean;
  /** The caller no longer needs `bytes`: a parser thread may take them over instead of copying them. */
  giveBytes?: boolean;
}

interface RowValues {
  pharmacy: string | null;
  patientKey: string;
  date: string;
  atc: string;
  opioidClass: 'strong' | 'weak';
  product: string;
  prescriberKey: string;
  prescriberName: string;
  prescriberAgb: string | null;
  quantity: Decimal | null;
  quantityNumber: number | null;
  daysSupply: number | null;
  dosing: string | null;
  ownGp: string | null;
  practice: string | null;
  formCode: string | null;
}

class Rejection {
  constructor(
    readonly field: ImportField | null,
    readonly reason: string,
  ) {}
}

const TOTALS = /^(?:totaal|totalen|eindtotaal|subtotaal|total|totals|grand total|som)\b/i;

/** Trimmed; null when nothing is left. */
function trimmed(text: string | undefined): string | null {
  if (text === undefined) return null;
  const value = text.trim();
  return value === '' ? null : value;
}

const INNER_SPACE = /\s\s|[\t\n\r\u00a0]/;
/** Trimmed with runs of spaces made one (names that are keys: prescribers, practices, pharmacies). */
function clean(text: string | undefined): string | null {
  const value = trimmed(text);
  return value !== null && INNER_SPACE.test(value) ? value.replace(/\s+/g, ' ') : value;
}

/** Exports repeat the same few numbers ("30", "60"): parse each text once. */
const decimals = {
  cache: new Map<string, ReturnType<typeof parseDecimal>>(),
  parse(text: string): ReturnType<typeof parseDecimal> {
    let value = this.cache.get(text);
    if (value === undefined) {
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(text, (value = parseDecimal(text)));
    }
    return value;
  },
};

/** A numeric AGB code lost its leading zeros in a spreadsheet: pad it back to 8 digits (spec §5). */
function padCode(value: string): string {
  return /^\d{1,7}$/.test(value) ? value.padStart(8, '0') : value;
}

const cellOf = (cells: string[], columns: ColumnPlan['columns'], field: ImportField) => cells[columns[field] ?? -1];

/** Validates one row below the header; returns the values or throws a Rejection. */
/** Exports repeat the same few thousand dates: parse each text once. */
const dates = {
  cache: new Map<string, string | null>(),
  parse(text: string, date1904: boolean): string | null {
    const key = date1904 ? `1904:${text}` : text;
    let value = this.cache.get(key);
    if (value === undefined) {
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(key, (value = parseDate(text, date1904)));
    }
    return value;
  },
};

function rowValues(cells: string[], columns: ColumnPlan['columns'], date1904: boolean, cls: 'strong' | 'weak', atc: string): RowValues {
  const patientKey = trimmed(cellOf(cells, columns, 'patientKey'));
  if (!patientKey) throw new Rejection('patientKey', 'Het patiëntnummer ontbreekt.');
  const dateText = trimmed(cellOf(cells, columns, 'dispenseDate'));
  if (!dateText) throw new Rejection('dispenseDate', 'De afleverdatum ontbreekt.');
  const date = dates.parse(dateText, date1904);
  if (!date) throw new Rejection('dispenseDate', `"${dateText}" is geen geldige datum (verwacht: dd-mm-jjjj of jjjj-mm-dd, tussen 1980 en 2100).`);
  const product = trimmed(cellOf(cells, columns, 'product'));
  if (!product) throw new Rejection('product', 'De artikelomschrijving ontbreekt.');

  const agbText = trimmed(cellOf(cells, columns, 'prescriberAgb'));
  const prescriberAgb = agbText === null ? null : padCode(agbText);
  if (prescriberAgb !== null && !/^\d{8}$/.test(prescriberAgb)) {
    throw new Rejection('prescriberAgb', `"${agbText}" is geen geldige AGB-code (8 cijfers).`);
  }
  const name = clean(cellOf(cells, columns, 'prescriberName'));
  if (!name && !prescriberAgb) throw new Rejection(columns.prescriberName !== undefined ? 'prescriberName' : 'prescriberAgb', 'De voorschrijver ontbreekt (geen naam en geen AGB-code).');

  const quantityText = trimmed(cellOf(cells, columns, 'quantity'));
  let quantity: Decimal | null = null;
  if (quantityText !== null) {
    const parsed = decimals.parse(quantityText);
    if (!parsed) throw new Rejection('quantity', `"${quantityText}" is geen getal.`);
    if (parsed.negative || parsed.value.num === 0n) throw new Rejection('quantity', `Het aantal moet groter dan 0 zijn (hier ${quantityText}).`);
    quantity = parsed.value;
  }
  const daysText = trimmed(cellOf(cells, columns, 'daysSupply'));
  let daysSupply: number | null = null;
  if (daysText !== null) {
    const parsed = decimals.parse(daysText);
    if (!parsed || parsed.negative || parsed.value.num % parsed.value.den !== 0n) {
      throw new Rejection('daysSupply', `"${daysText}" is geen heel aantal dagen.`);
    }
    const days = Number(parsed.value.num / parsed.value.den);
    daysSupply = days > 0 ? days : null; // 0 means "not filled in" (spec §4 rule 1: only when > 0)
  }
  const ownGp = clean(cellOf(cells, columns, 'ownGp'));
  return {
    pharmacy: clean(cellOf(cells, columns, 'pharmacy')),
    patientKey,
    date,
    atc,
    opioidClass: cls,
    product,
    prescriberKey: prescriberKey(name ?? prescriberAgb!, prescriberAgb),
    prescriberName: name ?? prescriberAgb!,
    prescriberAgb,
    quantity,
    quantityNumber: quantity === null ? null : Number(quantity.num) / Number(quantity.den),
    daysSupply,
    dosing: trimmed(cellOf(cells, columns, 'dosing')),
    ownGp: ownGp === null ? null : padCode(ownGp),
    practice: clean(cellOf(cells, columns, 'practice')),
    formCode: trimmed(cellOf(cells, columns, 'formCode')),
  };
}

/** What the row producer needs to know of a file; plain data, so it can go to a parser thread. */
export interface RowPlan {
  name: string;
  headers: string[];
  headerRow: number;
  columns: ColumnPlan['columns'];
}

/**
 * Rows as a flat list of tags and values (cheap to send between threads): EMPTY, NOT_OPIOID,
 * REJECTED row field reason, or ROW followed by ROW_WIDTH values (see `outcomeBatches`).
 */
export interface Batch {
  items: unknown[];
  /** How far the file has been read, 0..1. */
  fraction: number;
}
export const EMPTY = 0;
export const NOT_OPIOID = 1;
export const REJECTED = 2;
const ROW = 3;
export const ROW_WIDTH = 23;
const BATCH_ROWS = 4096;

/**
 * Validates and classifies the rows below the header, without the database: this part can run in a
 * thread of its own while another writes. Throws an AppError for a file that must be refused whole.
 */
export function* outcomeBatches(
  date1904: boolean,
  position: { fraction: number },
  rows: Iterable<TableRow>,
  plan: RowPlan,
  tables: DoseTables,
): Generator<Batch> {
  const { columns, headers } = plan;
  const name = path.basename(plan.name);
  const actingCache = new Map<string, ActingDecision>();
  const doseCache = new Map<string, Dose>();
  const identities = new IdentityHasher();
  const atcColumn = columns.atc!;
  let items: unknown[] = [];
  let count = 0;
  for (const tableRow of rows) {
    const { cells, row } = tableRow;
    checkCellLengths(name, tableRow, headers);
    if (++count === BATCH_ROWS) {
      yield { items, fraction: position.fraction };
      items = [];
      count = 0;
    }
    if (cells.every((cell) => cell.trim() === '')) {
      items.push(EMPTY);
      continue;
    }
    try {
      const first = cells.find((cell) => cell.trim() !== '')!;
      if (TOTALS.test(first.trim())) throw new Rejection(null, 'Dit is een totaalregel, geen uitgifte.');
      const atcText = trimmed(cells[atcColumn]);
      if (!atcText) throw new Rejection('atc', 'De ATC-code ontbreekt.');
      const atc = normaliseAtc(atcText);
      const cls = opioidClass(atc);
      if (!cls) {
        items.push(NOT_OPIOID);
        continue;
      }
      const v = rowValues(cells, columns, date1904, cls, atc);
      const actingKey = `${v.formCode ?? ''}\u0001${v.product}`;
      let acting = actingCache.get(actingKey);
      if (!acting) actingCache.set(actingKey, (acting = actingByRule(v.product, v.formCode)));
      // Spec §4 and §9 depend only on these columns: computed once per distinct combination.
      const doseKey = `${v.atc}\u0001${v.product}\u0001${v.dosing ?? '\u0002'}\u0001${v.quantity ? `${v.quantity.num}/${v.quantity.den}` : ''}\u0001${v.daysSupply ?? ''}`;
      let dose = doseCache.get(doseKey);
      if (!dose) {
        if (doseCache.size > 200_000) doseCache.clear();
        doseCache.set(doseKey, (dose = dispensingDose(v, tables)));
      }
      const identity = identities.identity({
        pharmacy: v.pharmacy ?? '',
        patientKey: v.patientKey,
        date: v.date,
        atc: v.atc,
        product: v.product,
        prescriberKey: v.prescriberKey,
        quantity: v.quantityNumber,
      });
      items.push(
        ROW,
        identity,
        v.pharmacy,
        v.patientKey,
        v.date,
        v.atc,
        v.product,
        v.opioidClass,
        acting.longActing ? 1 : 0,
        acting.rule,
        v.prescriberKey,
        v.prescriberName,
        v.prescriberAgb,
        v.quantityNumber,
        v.daysSupply,
        v.dosing,
        dose.daysOfUse,
        v.ownGp,
        v.practice,
        v.formCode,
        dose.daysSource,
        dose.route,
        dose.dailyOme,
        dose.doseClass,
      );
    } catch (error) {
      if (!(error instanceof Rejection)) throw error;
      items.push(REJECTED, row, error.field, error.reason);
    }
  }
  position.fraction = 1;
  yield { items, fraction: 1 };
}

/** Reads, checks and plans a file, then its batches: the same whether in this thread or a parser thread. */
export function inlineBatches(source: ImportSource, remembered: RememberedMappings, dose: DoseTablesData): BatchSource {
  const prepared = prepare(source, remembered);
  requirePlan(source.name, prepared);
  const plan: RowPlan = { name: source.name, headers: prepared.headers, headerRow: prepared.headerRow!, columns: prepared.plan.columns };
  return { plan, batches: outcomeBatches(prepared.table.date1904, prepared.table.position, prepared.dataRows, plan, fromData(dose)), close: () => undefined };
}

/** A file's plan and its batches, read here or in a parser thread; `close` ends the reading early. */
export interface BatchSource {
  plan: RowPlan;
  batches: Iterable<Batch>;
  close(): void;
}


/** Files from this size on are read in a parser thread while this thread writes (two cores, not one). */
export const PARALLEL_FROM_BYTES = 4 * 1024 * 1024;
