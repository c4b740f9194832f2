/**
 * The import of one export file: find the header, plan the columns, validate every row and store the
 * opioid dispensings in ONE transaction (spec §7). Pure Node: the CLI runs it directly, the app in a
 * worker thread (jobs.ts), both on their own connection.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { z } from 'zod';
import type { ColumnMapping, fileAnalysis, fileSummary, ImportField } from '../contract/imports';
import { AppError } from '../errors';
import type { Db } from '../open';
import { prescriberKey } from '../features/registry';
import { actingByRule, normaliseAtc, opioidClass, type ActingDecision } from './classify';
import { fieldList, headerSignature, HEADER_SEARCH_ROWS, isHeaderRow, planColumns, type ColumnPlan } from './columns';
import { IdentityHasher } from './identity';
import { daysOfUse, parseDate, parseDecimal, type Decimal } from './parse';
import { readTable, type Table, type TableRow } from './table';

export interface ImportSource {
  /** The name shown in summaries and history (the CLI: the path as given). */
  name: string;
  bytes: Uint8Array;
  mapping?: ColumnMapping;
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

function prepare(db: Db, source: ImportSource): PreparedFile {
  const table = readTable(source.name, source.bytes);
  const remembered = db.prepare('SELECT mapping FROM column_mapping WHERE header_signature = ?');
  const iterator = table.rows[Symbol.iterator]();
  const name = path.basename(source.name);

  let header: TableRow | undefined;
  let mapping = source.mapping;
  let rememberedMapping = false;
  for (let k = 0; k < HEADER_SEARCH_ROWS; k++) {
    const next = iterator.next();
    if (next.done) break;
    checkCellLengths(name, next.value, null);
    const stored = source.mapping ? undefined : (remembered.get(headerSignature(next.value.cells)) as { mapping: string } | undefined);
    if (stored) {
      mapping = JSON.parse(stored.mapping) as ColumnMapping;
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
export function analyzeFile(db: Db, source: ImportSource): z.infer<typeof fileAnalysis> {
  const prepared = prepare(db, source);
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
function requirePlan(name: string, prepared: PreparedFile): void {
  if (prepared.plan.problems.length === 0) return;
  const problems = prepared.plan.problems.map((p) => p.message).join(' ');
  throw new AppError('import', `${path.basename(name)}: ${problems}`, prepared.plan.problems[0]?.field ?? undefined);
}

/** Reads a file only as far as its header and first rows: throws when it could not be imported. */
export function checkFile(db: Db, source: ImportSource): void {
  requirePlan(source.name, prepare(db, source));
}

export interface ImportOptions {
  groupId: number;
  /** Called now and then with how far the file is read (0..1). */
  onProgress?: (fraction: number) => void;
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

const INNER_SPACE = /\s\s|[\t\n\r\u00a0]/;
/** Runs of spaces made one, trimmed; null when nothing is left. */
function clean(text: string | undefined): string | null {
  if (text === undefined) return null;
  const value = text.trim();
  if (value === '') return null;
  return INNER_SPACE.test(value) ? value.replace(/\s+/g, ' ') : value;
}

/** A numeric AGB code lost its leading zeros in a spreadsheet: pad it back to 8 digits (spec §5). */
function padCode(value: string): string {
  return /^\d{1,7}$/.test(value) ? value.padStart(8, '0') : value;
}

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
  const get = (field: ImportField) => {
    const column = columns[field];
    return column === undefined ? null : clean(cells[column]);
  };
  const patientKey = get('patientKey');
  if (!patientKey) throw new Rejection('patientKey', 'Het patiëntnummer ontbreekt.');
  const dateText = get('dispenseDate');
  if (!dateText) throw new Rejection('dispenseDate', 'De afleverdatum ontbreekt.');
  const date = dates.parse(dateText, date1904);
  if (!date) throw new Rejection('dispenseDate', `"${dateText}" is geen geldige datum (verwacht: dd-mm-jjjj of jjjj-mm-dd, tussen 1980 en 2100).`);
  const product = get('product');
  if (!product) throw new Rejection('product', 'De artikelomschrijving ontbreekt.');

  const agbText = get('prescriberAgb');
  const prescriberAgb = agbText === null ? null : padCode(agbText);
  if (prescriberAgb !== null && !/^\d{8}$/.test(prescriberAgb)) {
    throw new Rejection('prescriberAgb', `"${agbText}" is geen geldige AGB-code (8 cijfers).`);
  }
  const name = get('prescriberName');
  if (!name && !prescriberAgb) throw new Rejection(columns.prescriberName !== undefined ? 'prescriberName' : 'prescriberAgb', 'De voorschrijver ontbreekt (geen naam en geen AGB-code).');

  const quantityText = get('quantity');
  let quantity: Decimal | null = null;
  if (quantityText !== null) {
    const parsed = parseDecimal(quantityText);
    if (!parsed) throw new Rejection('quantity', `"${quantityText}" is geen getal.`);
    if (parsed.negative || parsed.value.num === 0n) throw new Rejection('quantity', `Het aantal moet groter dan 0 zijn (hier ${quantityText}).`);
    quantity = parsed.value;
  }
  const daysText = get('daysSupply');
  let daysSupply: number | null = null;
  if (daysText !== null) {
    const parsed = parseDecimal(daysText);
    if (!parsed || parsed.negative || parsed.value.num % parsed.value.den !== 0n) {
      throw new Rejection('daysSupply', `"${daysText}" is geen heel aantal dagen.`);
    }
    const days = Number(parsed.value.num / parsed.value.den);
    daysSupply = days > 0 ? days : null; // 0 means "not filled in" (spec §4 rule 1: only when > 0)
  }
  const ownGp = get('ownGp');
  return {
    pharmacy: get('pharmacy'),
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
    dosing: get('dosing'),
    ownGp: ownGp === null ? null : padCode(ownGp),
    practice: get('practice'),
    formCode: get('formCode'),
  };
}

/**
 * Imports one file into a group, in one transaction. Throws an AppError (and changes nothing) when the
 * file cannot be read or its columns are not settled; rows that fail validation are counted and listed.
 */
export function importFile(db: Db, source: ImportSource, options: ImportOptions): { batchId: number; summary: FileSummary } {
  const prepared = prepare(db, source);
  requirePlan(source.name, prepared);
  const { plan, headers, table } = prepared;
  const columns = plan.columns;
  const name = path.basename(source.name);
  if (db.prepare('SELECT 1 FROM fto_group WHERE id = ?').get(options.groupId) === undefined) {
    throw new AppError('validation', 'Kies een bestaande FTO-groep voor de import.', 'groupId');
  }

  const summary: FileSummary = { file: source.name, read: 0, imported: 0, alreadyPresent: 0, notOpioid: 0, rejected: 0, empty: 0, rejectedRows: [] };
  const usedMapping = Object.fromEntries(Object.entries(columns).map(([field, column]) => [field, headers[column]]));

  const run = db.transaction(() => {
    const batchId = Number(
      db
        .prepare(
          `INSERT INTO import_batch (group_id, file_name, file_sha256, mapping, read_rows, imported_rows, already_present_rows,
             not_opioid_rows, rejected_rows, empty_rows) VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0)`,
        )
        .run(options.groupId, source.name, createHash('sha256').update(source.bytes).digest('hex'), JSON.stringify(usedMapping)).lastInsertRowid,
    );
    const insert = db.prepare(
      `INSERT INTO dispensing (batch_id, identity, pharmacy_key, patient_key, dispense_date, atc, product, opioid_class,
         long_acting_by_rule, acting_rule, prescriber_key, prescriber_id, quantity, days_supply, dosing, days_of_use,
         own_gp_key, practice_name, form_code)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (identity) DO NOTHING`,
    );
    const entities = entityResolver(db, batchId, options.groupId);
    const actingCache = new Map<string, ActingDecision>();
    const daysCache = new Map<string, number>();
    const identities = new IdentityHasher();
    const atcColumn = columns.atc!;
    let count = 0;

    for (const tableRow of prepared.dataRows) {
      summary.read++;
      const { cells, row } = tableRow;
      if ((++count & 0x3fff) === 0) options.onProgress?.(table.position.fraction);
      checkCellLengths(name, tableRow, headers);
      if (cells.every((cell) => cell.trim() === '')) {
        summary.empty++;
        continue;
      }
      try {
        const first = cells.find((cell) => cell.trim() !== '')!;
        if (TOTALS.test(first.trim())) throw new Rejection(null, 'Dit is een totaalregel, geen uitgifte.');
        const atcText = clean(cells[atcColumn]);
        if (!atcText) throw new Rejection('atc', 'De ATC-code ontbreekt.');
        const atc = normaliseAtc(atcText);
        const cls = opioidClass(atc);
        if (!cls) {
          summary.notOpioid++;
          continue;
        }
        const v = rowValues(cells, columns, table.date1904, cls, atc);

        const actingKey = `${v.formCode ?? ''}\u0001${v.product}`;
        let acting = actingCache.get(actingKey);
        if (!acting) actingCache.set(actingKey, (acting = actingByRule(v.product, v.formCode)));
        let days = v.daysSupply;
        if (days === null) {
          const daysKey = `${v.quantity ? `${v.quantity.num}/${v.quantity.den}` : ''}\u0001${v.dosing ?? ''}`;
          days = daysCache.get(daysKey) ?? null;
          if (days === null) daysCache.set(daysKey, (days = daysOfUse(null, v.quantity, v.dosing)));
        }

        const prescriberId = entities.prescriber(v.prescriberKey, v.prescriberName, v.prescriberAgb, v.practice);
        if (v.pharmacy) entities.pharmacy(v.pharmacy);
        const identity = identities.identity({
          pharmacy: v.pharmacy ?? '',
          patientKey: v.patientKey,
          date: v.date,
          atc: v.atc,
          product: v.product,
          prescriberKey: v.prescriberKey,
          quantity: v.quantityNumber,
        });
        const { changes } = insert.run(
          batchId,
          identity,
          v.pharmacy ?? '',
          v.patientKey,
          v.date,
          v.atc,
          v.product,
          v.opioidClass,
          acting.longActing ? 1 : 0,
          acting.rule,
          v.prescriberKey,
          prescriberId,
          v.quantityNumber,
          v.daysSupply,
          v.dosing,
          days,
          v.ownGp,
          v.practice,
          v.formCode,
        );
        if (changes) summary.imported++;
        else summary.alreadyPresent++;
      } catch (error) {
        if (!(error instanceof Rejection)) throw error;
        summary.rejected++;
        summary.rejectedRows.push({ row, field: error.field, reason: error.reason });
      }
    }

    db.prepare(
      `UPDATE import_batch SET read_rows = ?, imported_rows = ?, already_present_rows = ?, not_opioid_rows = ?,
         rejected_rows = ?, empty_rows = ?, rejections = ? WHERE id = ?`,
    ).run(summary.read, summary.imported, summary.alreadyPresent, summary.notOpioid, summary.rejected, summary.empty, JSON.stringify(summary.rejectedRows), batchId);
    // A mapping the user had to give, and that worked, is remembered for files with the same headers.
    if (source.mapping) {
      db.prepare(
        `INSERT INTO column_mapping (header_signature, mapping) VALUES (?, ?)
         ON CONFLICT (header_signature) DO UPDATE SET mapping = excluded.mapping, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      ).run(headerSignature(headers), JSON.stringify(source.mapping));
    }
    return batchId;
  });
  // Random identity hashes land all over the index: with SQLite's default 2 MB page cache a million
  // rows would thrash it. 256 MB for the duration of the import keeps the indexes in memory.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  let batchId: number;
  try {
    batchId = run();
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
  options.onProgress?.(1);
  return { batchId, summary };
}

/**
 * Prescribers (by key, spec §5) and pharmacies (by name), found or created as rows need them. A
 * practice column assigns a prescriber that has no practice yet; an explicit ('manual') choice wins.
 */
function entityResolver(db: Db, batchId: number, groupId: number) {
  const findPrescriber = db.prepare('SELECT id, name, agb, practice_id, practice_source FROM prescriber WHERE key = ?');
  const insertPrescriber = db.prepare('INSERT INTO prescriber (key, name, agb, import_batch_id) VALUES (?, ?, ?, ?)');
  const renamePrescriber = db.prepare('UPDATE prescriber SET name = ? WHERE id = ?');
  const assign = db.prepare("UPDATE prescriber SET practice_id = ?, practice_source = 'data', practice_batch_id = ? WHERE id = ?");
  const findPractice = db.prepare('SELECT id FROM practice WHERE name = ?');
  const insertPractice = db.prepare('INSERT INTO practice (group_id, name, import_batch_id) VALUES (?, ?, ?)');
  const findPharmacy = db.prepare('SELECT id FROM pharmacy WHERE name = ?');
  const insertPharmacy = db.prepare('INSERT INTO pharmacy (group_id, name, import_batch_id) VALUES (?, ?, ?)');

  interface Known { id: number; named: boolean; unassigned: boolean }
  const prescribers = new Map<string, Known>();
  const practices = new Map<string, number>();
  const pharmacies = new Set<string>();

  const practiceId = (name: string) => {
    const key = name.toLowerCase();
    let id = practices.get(key);
    if (id === undefined) {
      const row = findPractice.get(name) as { id: number } | undefined;
      id = row ? row.id : Number(insertPractice.run(groupId, name, batchId).lastInsertRowid);
      practices.set(key, id);
    }
    return id;
  };

  return {
    prescriber(key: string, name: string, agb: string | null, practice: string | null): number {
      let known = prescribers.get(key);
      if (!known) {
        const row = findPrescriber.get(key) as
          | { id: number; name: string; agb: string | null; practice_id: number | null; practice_source: string | null }
          | undefined;
        known = row
          ? { id: row.id, named: row.name !== row.agb, unassigned: row.practice_id === null && row.practice_source === null }
          : { id: Number(insertPrescriber.run(key, name, agb, batchId).lastInsertRowid), named: name !== agb, unassigned: true };
        prescribers.set(key, known);
      }
      // A prescriber first seen by AGB code only gets its name from the first row that has one.
      if (!known.named && name !== agb) {
        renamePrescriber.run(name, known.id);
        known.named = true;
      }
      if (known.unassigned && practice) {
        assign.run(practiceId(practice), batchId, known.id);
        known.unassigned = false;
      }
      return known.id;
    },
    pharmacy(name: string): void {
      const key = name.toLowerCase();
      if (pharmacies.has(key)) return;
      if (!findPharmacy.get(name)) insertPharmacy.run(groupId, name, batchId);
      pharmacies.add(key);
    },
  };
}
