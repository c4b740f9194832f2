/**
 * The import of one export file, first step: read it up to its header, plan the columns and analyse it
 * for the mapping screen. Then batches.ts checks and encodes the rows (validate.ts, encode.ts) and
 * import-file.ts stores them in ONE transaction (spec §7). Pure Node: the CLI runs it directly, the app
 * in a worker thread (jobs.ts), both on their own connection.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { ColumnMapping, fileAnalysis, fileSummary, ImportField } from '../contract/imports';
import { AppError } from '../errors';
import type { Db } from '../open';
import { fieldList, headerSignature, HEADER_SEARCH_ROWS, isHeaderRow, planColumns, type ColumnPlan } from './columns';
import { readTable, type Table, type TableRow } from './table';
import { queryAll } from '../query';

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
  const rows = queryAll<{ header_signature: string; mapping: string }>(db, 'SELECT header_signature, mapping FROM column_mapping');
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
  const plan = planColumns(
    headers,
    sample.map((r) => r.cells),
    mapping,
  );
  function* dataRows(): Generator<TableRow> {
    yield* sample;
    for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value;
  }
  return { table, headerRow: header.row, headers, plan, rememberedMapping, mapping, dataRows: dataRows(), sample };
}

export function checkCellLengths(name: string, row: TableRow, headers: string[] | null): void {
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

/** Files from this size on are read in a parser thread while this thread writes (two cores, not one). */
export const PARALLEL_FROM_BYTES = 4 * 1024 * 1024;
