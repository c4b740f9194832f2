/**
 * The rows below the header turned into batches for the writer: each row checked (validate.ts),
 * classified, given its days of use, daily OME and identity, and encoded (encode.ts). No database, so
 * this part can run in a parser thread of its own while another thread writes (pipeline.ts).
 */
import path from 'node:path';
import { actingByRule, type ActingDecision } from './classify';
import type { ColumnPlan } from './columns';
import { dispensingDose, fromData, type Dose, type DoseTables, type DoseTablesData } from './dose';
import { BatchEncoder, type Batch } from './encode';
import { IdentityHasher } from './identity';
import type { Decimal } from './parse';
import { checkCellLengths, prepare, requirePlan, type ImportSource, type RememberedMappings } from './run';
import type { TableRow } from './table';
import { firstFilledCell, Rejection, RowValidator } from './validate';

/** What the row producer needs to know of a file; plain data, so it can go to a parser thread. */
export interface RowPlan {
  name: string;
  headers: string[];
  headerRow: number;
  columns: ColumnPlan['columns'];
}

/** A file's plan and its batches, read here or in a parser thread; `close` ends the reading early. */
export interface BatchSource {
  plan: RowPlan;
  batches: Iterable<Batch>;
  close(): void;
}

const BATCH_ROWS = 4096;

/** Validates, classifies and encodes the rows. Throws an AppError for a file that must be refused whole. */
export function* outcomeBatches(
  date1904: boolean,
  position: { fraction: number },
  rows: Iterable<TableRow>,
  plan: RowPlan,
  tables: DoseTables,
): Generator<Batch> {
  const { columns, headers } = plan;
  const name = path.basename(plan.name);
  const validator = new RowValidator(columns, date1904);
  // Short/long by rule (spec §3) depends on these two.
  type ActingKey = [formCode: string | null, product: string];
  const actingCache = new CombinationCache<ActingKey, ActingDecision>(Infinity);
  // Spec §4 and §9 depend only on these columns: computed once per distinct combination.
  type DoseKey = [atc: string, product: string, dosing: string | null, quantity: Decimal | null, daysSupply: number | null];
  const doseCache = new CombinationCache<DoseKey, Dose>(200_000);
  const identities = new IdentityHasher();
  // Each patient key's ordinal (DispensingRow.patientOrdinal): this thread has time to spare, the writer has not.
  const patientOrdinals = new Map<string, number>();
  let batch = new BatchEncoder(BATCH_ROWS);
  for (const tableRow of rows) {
    const { cells, row } = tableRow;
    checkCellLengths(name, tableRow, headers);
    if (batch.rows === BATCH_ROWS) {
      yield batch.finish(position.fraction);
      batch = new BatchEncoder(BATCH_ROWS);
    }
    if (firstFilledCell(cells) === undefined) {
      batch.addEmpty();
      continue;
    }
    try {
      const v = validator.validate(cells);
      if (!v) {
        batch.addNotOpioid();
        continue;
      }
      const actingKey: ActingKey = [v.formCode, v.product];
      let acting = actingCache.get(actingKey);
      if (!acting) actingCache.set(actingKey, (acting = actingByRule(v.product, v.formCode)));
      const doseKey: DoseKey = [v.atc, v.product, v.dosing, v.quantity, v.daysSupply];
      let dose = doseCache.get(doseKey);
      if (!dose) doseCache.set(doseKey, (dose = dispensingDose(v, tables)));
      const identity = identities.identityOf(v.patientKey, v.hashes);
      let patientOrdinal = patientOrdinals.get(v.patientKey);
      if (patientOrdinal === undefined) patientOrdinals.set(v.patientKey, (patientOrdinal = patientOrdinals.size));
      batch.addDispensing({
        identity,
        pharmacy: v.pharmacy,
        patientKey: v.patientKey,
        patientOrdinal,
        date: v.date,
        atc: v.atc,
        product: v.product,
        opioidClass: v.opioidClass,
        longActing: acting.longActing ? 1 : 0,
        actingRule: acting.rule,
        prescriberKey: v.prescriberKey,
        prescriberName: v.prescriberName,
        prescriberAgb: v.prescriberAgb,
        quantity: v.quantityNumber,
        daysSupply: v.daysSupply,
        dosing: v.dosing,
        daysOfUse: dose.daysOfUse,
        ownGp: v.ownGp,
        practice: v.practice,
        formCode: v.formCode,
        daysSource: dose.daysSource,
        route: dose.route,
        dailyOme: dose.dailyOme,
        doseClass: dose.doseClass,
      });
    } catch (error) {
      if (!(error instanceof Rejection)) throw error;
      batch.addRejection({ row, field: error.field, reason: error.reason });
    }
  }
  position.fraction = 1;
  yield batch.finish(1);
}

/**
 * A value per combination of keys, through one Map per key. The validator gives the same string or
 * object for the same text, so each step is a cheap lookup: no string key is built for every row.
 */
class CombinationCache<K extends unknown[], V> {
  private readonly root = new Map<unknown, unknown>();
  private size = 0;
  constructor(private readonly limit: number) {}

  get(keys: K): V | undefined {
    let level: Map<unknown, unknown> | undefined = this.root;
    for (let k = 0; k < keys.length - 1 && level; k++) level = level.get(keys[k]) as Map<unknown, unknown> | undefined;
    return level?.get(keys[keys.length - 1]) as V | undefined;
  }

  set(keys: K, value: V): void {
    if (this.size >= this.limit) {
      this.root.clear();
      this.size = 0;
    }
    let level = this.root;
    for (let k = 0; k < keys.length - 1; k++) {
      let next = level.get(keys[k]) as Map<unknown, unknown> | undefined;
      if (!next) level.set(keys[k], (next = new Map()));
      level = next;
    }
    level.set(keys[keys.length - 1], value);
    this.size++;
  }
}

/** Reads, checks and plans a file, then its batches: the same whether in this thread or a parser thread. */
export function inlineBatches(source: ImportSource, remembered: RememberedMappings, dose: DoseTablesData): BatchSource {
  const prepared = prepare(source, remembered);
  requirePlan(source.name, prepared);
  const plan: RowPlan = { name: source.name, headers: prepared.headers, headerRow: prepared.headerRow!, columns: prepared.plan.columns };
  return {
    plan,
    batches: outcomeBatches(prepared.table.date1904, prepared.table.position, prepared.dataRows, plan, fromData(dose)),
    close: () => undefined,
  };
}
