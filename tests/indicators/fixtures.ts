/**
 * Synthetic worlds for the indicator tests, written straight into a real SQLite file made by
 * openDatabase (the importer has its own tests; these pin the calculation).
 */
import { doseClass } from '../../db/import/dose';
import { patientNumbers, productNumbers } from '../../db/import/numbers';
import type { Db } from '../../db/open';
import type { IndicatorResult } from '../../db/contract/indicators';
import type { Core } from '../../db/core';
import { expectOk, tempCore } from '../helpers/temp';

export interface DispensingSpec {
  patient: string;
  date: string;
  /** The prescriber's key; created without a practice when it does not exist. */
  prescriber: string;
  strong?: boolean;
  long?: boolean;
  days?: number;
  ownGp?: string | null;
  product?: string;
  /** Default N02AA05 (oxycodone) when strong, N02AX02 (tramadol) when weak. */
  atc?: string;
  /** Spec §4 rule behind `days`: default 1 (days supply) when days are given, 3 (the 14-day default) otherwise. */
  daysSource?: 1 | 2 | 3;
  route?: 'oral' | 'transdermal' | 'transmucosal' | 'parenteral';
  /** Daily oral morphine equivalent in mg (spec §9); default unknown. */
  ome?: number | null;
  /** Raw columns, for tests that let the rules (recomputeDispensings) derive days, route and OME. */
  quantity?: number | null;
  daysSupply?: number | null;
  dosing?: string | null;
  /** The pharmacy's name as exported (pharmacy_key); none: the dispensing belongs to its import's group. */
  pharmacy?: string;
}

export class World {
  private batchId: number | null = null;
  private identity = 0;
  constructor(readonly db: Db) {}

  group(name: string): number {
    const row = this.db.prepare('SELECT id FROM fto_group WHERE name = ?').get(name) as { id: number } | undefined;
    return row?.id ?? Number(this.db.prepare('INSERT INTO fto_group (name) VALUES (?)').run(name).lastInsertRowid);
  }

  practice(name: string, group: string, listSizes: Record<number, number> = {}): number {
    const id = Number(this.db.prepare('INSERT INTO practice (group_id, name) VALUES (?, ?)').run(this.group(group), name).lastInsertRowid);
    for (const [year, size] of Object.entries(listSizes)) {
      this.db.prepare('INSERT INTO practice_list_size (practice_id, year, size) VALUES (?, ?, ?)').run(id, Number(year), size);
    }
    return id;
  }

  prescriber(key: string, practice: string | null = null, name = `Dr. ${key}`): number {
    const existing = this.db.prepare('SELECT id FROM prescriber WHERE key = ?').get(key) as { id: number } | undefined;
    if (existing) return existing.id;
    const practiceId =
      practice === null ? null : (this.db.prepare('SELECT id FROM practice WHERE name = ?').get(practice) as { id: number }).id;
    const agb = /^\d{8}$/.test(key) ? key : null;
    return Number(
      this.db
        .prepare('INSERT INTO prescriber (key, name, agb, practice_id, practice_source) VALUES (?, ?, ?, ?, ?)')
        .run(key, name, agb, practiceId, practiceId === null ? null : 'manual').lastInsertRowid,
    );
  }

  pharmacy(name: string, group: string | null): this {
    this.db.prepare('INSERT INTO pharmacy (group_id, name) VALUES (?, ?)').run(group === null ? null : this.group(group), name);
    return this;
  }

  /** Later dispensings belong to a new import for this group (null: an import without a group). */
  batch(group: string | null): this {
    this.batchId = Number(
      this.db
        .prepare(
          `INSERT INTO import_batch (group_id, file_name, file_sha256, mapping, read_rows, imported_rows, already_present_rows, not_opioid_rows, rejected_rows, empty_rows)
           VALUES (?, 'synthetisch.csv', 'x', '{}', 0, 0, 0, 0, 0, 0)`,
        )
        .run(group === null ? null : this.group(group)).lastInsertRowid,
    );
    return this;
  }

  dispense(...rows: DispensingSpec[]): this {
    if (this.batchId === null) this.batch(null);
    const patientId = patientNumbers(this.db);
    const productId = productNumbers(this.db);
    const insert = this.db.prepare(
      `INSERT INTO dispensing (batch_id, identity, patient_id, dispense_date, product_id, prescriber_id, days_of_use, own_gp_key, days_source, route,
                               daily_ome, quantity, days_supply, dosing, dose_class, pharmacy_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const row of rows) {
      const strong = row.strong ?? true;
      const long = row.long ?? false;
      const atc = row.atc ?? (strong ? 'N02AA05' : 'N02AX02');
      const daysSource = row.daysSource ?? (row.days === undefined ? 3 : 1);
      const route = row.route ?? 'oral';
      insert.run(
        this.batchId,
        ++this.identity,
        patientId(row.patient),
        row.date,
        productId({
          atc,
          product: row.product ?? `${strong ? 'OXYCODON' : 'TRAMADOL'} 10MG ${long ? 'TABLET MGA' : 'CAPSULE'}`,
          formCode: null,
          opioidClass: strong ? 'strong' : 'weak',
          longActing: long ? 1 : 0,
          actingRule: 'text',
        }),
        this.prescriber(row.prescriber),
        row.days ?? 14,
        row.ownGp ?? null,
        daysSource,
        route,
        row.ome ?? null,
        row.quantity ?? null,
        row.daysSupply ?? null,
        row.dosing ?? null,
        doseClass(atc, route, daysSource),
        row.pharmacy ?? '',
      );
    }
    return this;
  }

  /** The user's own classification of a product (spec §3 rule 1). */
  override(product: string, long: boolean): this {
    this.db.prepare('INSERT OR REPLACE INTO product_class (product, long_acting) VALUES (?, ?)').run(product, long ? 1 : 0);
    return this;
  }
}

export function world() {
  const made = tempCore();
  return { ...made, world: new World(made.db) };
}

/** FTO Noord: De Linde (list size 2000 in 2024) with GPs A and B, Het Anker with GP C, and a surgeon of no practice. */
export function noordWorld() {
  const made = world();
  const w = made.world;
  w.practice('De Linde', 'FTO Noord', { 2024: 2000 });
  w.practice('Het Anker', 'FTO Noord');
  w.prescriber('11111111', 'De Linde', 'Huisarts A');
  w.prescriber('22222222', 'De Linde', 'Huisarts B');
  w.prescriber('33333333', 'Het Anker', 'Huisarts C');
  w.prescriber('Chirurg', null, 'Chirurg ziekenhuis');
  return made;
}

/** One row of a result by level and key; a missing row fails the test. */
export const row = (result: IndicatorResult, level: string, key: string) => {
  const found = result.rows.find((r) => r.level === level && r.key === key);
  if (!found) throw new Error(`no row ${level}/${key}`);
  return found;
};

/** indicators.compute through the core (default: the year 2024). */
export const compute = async (core: Core, input: object = { year: 2024 }) => expectOk(await core.call('indicators.compute', input));
