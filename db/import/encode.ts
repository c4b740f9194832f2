/**
 * The rows a parser hands to the writer, as one flat list of tags and values per batch: cheap to send
 * between threads (no object per row). The encoder (batches.ts) and the decoder (import-file.ts) use
 * the same named offsets below, so a field can never be read from another field's place.
 */
import type { ImportField } from '../contract/imports';
import type { ActingDecision, OpioidClass } from './classify';
import type { Dose } from './dose';

/** What precedes each row's values in a batch. */
export const TAG = { empty: 0, notOpioid: 1, rejected: 2, dispensing: 3 } as const;

/** Offsets after TAG.dispensing: a validated dispensing, in the order of the dispensing table's columns. */
export const ROW = {
  identity: 0,
  pharmacy: 1,
  patientKey: 2,
  date: 3,
  atc: 4,
  product: 5,
  opioidClass: 6,
  longActing: 7,
  actingRule: 8,
  prescriberKey: 9,
  prescriberName: 10,
  prescriberAgb: 11,
  quantity: 12,
  daysSupply: 13,
  dosing: 14,
  daysOfUse: 15,
  ownGp: 16,
  practice: 17,
  formCode: 18,
  daysSource: 19,
  route: 20,
  dailyOme: 21,
  doseClass: 22,
  width: 23,
} as const satisfies Record<keyof DispensingRow | 'width', number>;

/** Offsets after TAG.rejected: the row number in the file, the field at fault and why. */
export const REJECTION = { row: 0, field: 1, reason: 2, width: 3 } as const satisfies Record<keyof Rejected | 'width', number>;

/** One validated dispensing as the writer stores it. */
export interface DispensingRow {
  /** Spec §7's identity hash (identity.ts). */
  identity: bigint;
  pharmacy: string | null;
  patientKey: string;
  date: string;
  atc: string;
  product: string;
  opioidClass: OpioidClass;
  /** 1 or 0, as SQLite stores it. */
  longActing: 0 | 1;
  actingRule: ActingDecision['rule'];
  prescriberKey: string;
  prescriberName: string;
  prescriberAgb: string | null;
  quantity: number | null;
  daysSupply: number | null;
  dosing: string | null;
  daysOfUse: number;
  ownGp: string | null;
  practice: string | null;
  formCode: string | null;
  daysSource: Dose['daysSource'];
  route: Dose['route'];
  dailyOme: number | null;
  doseClass: number;
}

export interface Rejected {
  row: number;
  field: ImportField | null;
  reason: string;
}

export interface Batch {
  items: unknown[];
  /** How far the file has been read, 0..1. */
  fraction: number;
}

/**
 * Most text fields repeat from row to row (a file names a few pharmacies, products and prescribers, and
 * a few thousand dates). Within a batch such a text is written once; later rows hold the offset of that
 * first copy, a small number: the batch crosses to the writer without a string to copy for them, which
 * made up most of the writer's cost of receiving a batch. Per batch, so every batch decodes on its own.
 */
const sharedTexts = new WeakMap<unknown[], Map<string, number>>();

/** The text itself where it first occurs in the batch, else the offset of that first copy. */
function share(items: unknown[], texts: Map<string, number>, offset: number, text: string | null): string | number | null {
  if (text === null) return null;
  const first = texts.get(text);
  if (first !== undefined) return first;
  texts.set(text, offset);
  return text;
}

/** A shared text field's value (only texts and null are stored in them, so a number is an offset). */
function shared<T extends string | null>(items: readonly unknown[], offset: number): T {
  const value = items[offset];
  return (typeof value === 'number' ? items[value] : value) as T;
}

/**
 * Appends a dispensing. The values are written in the order of their offsets, so each one lands at the
 * end of the list (a packed array, as fast as a plain push); the offsets alone decide where they go.
 */
export function encodeRow(items: unknown[], row: DispensingRow): void {
  let texts = sharedTexts.get(items);
  if (!texts) sharedTexts.set(items, (texts = new Map()));
  const at = items.push(TAG.dispensing);
  items[at + ROW.identity] = row.identity;
  items[at + ROW.pharmacy] = share(items, texts, at + ROW.pharmacy, row.pharmacy);
  items[at + ROW.patientKey] = row.patientKey;
  items[at + ROW.date] = share(items, texts, at + ROW.date, row.date);
  items[at + ROW.atc] = share(items, texts, at + ROW.atc, row.atc);
  items[at + ROW.product] = share(items, texts, at + ROW.product, row.product);
  items[at + ROW.opioidClass] = share(items, texts, at + ROW.opioidClass, row.opioidClass);
  items[at + ROW.longActing] = row.longActing;
  items[at + ROW.actingRule] = share(items, texts, at + ROW.actingRule, row.actingRule);
  items[at + ROW.prescriberKey] = share(items, texts, at + ROW.prescriberKey, row.prescriberKey);
  items[at + ROW.prescriberName] = share(items, texts, at + ROW.prescriberName, row.prescriberName);
  items[at + ROW.prescriberAgb] = share(items, texts, at + ROW.prescriberAgb, row.prescriberAgb);
  items[at + ROW.quantity] = row.quantity;
  items[at + ROW.daysSupply] = row.daysSupply;
  items[at + ROW.dosing] = share(items, texts, at + ROW.dosing, row.dosing);
  items[at + ROW.daysOfUse] = row.daysOfUse;
  items[at + ROW.ownGp] = share(items, texts, at + ROW.ownGp, row.ownGp);
  items[at + ROW.practice] = share(items, texts, at + ROW.practice, row.practice);
  items[at + ROW.formCode] = share(items, texts, at + ROW.formCode, row.formCode);
  items[at + ROW.daysSource] = row.daysSource;
  items[at + ROW.route] = share(items, texts, at + ROW.route, row.route);
  items[at + ROW.dailyOme] = row.dailyOme;
  items[at + ROW.doseClass] = row.doseClass;
}

/** The dispensing whose values start at `at` (just after its tag). */
export function decodeRow(items: readonly unknown[], at: number): DispensingRow {
  return {
    identity: items[at + ROW.identity] as bigint,
    pharmacy: shared(items, at + ROW.pharmacy),
    patientKey: items[at + ROW.patientKey] as string,
    date: shared(items, at + ROW.date),
    atc: shared(items, at + ROW.atc),
    product: shared(items, at + ROW.product),
    opioidClass: shared(items, at + ROW.opioidClass),
    longActing: items[at + ROW.longActing] as 0 | 1,
    actingRule: shared(items, at + ROW.actingRule),
    prescriberKey: shared(items, at + ROW.prescriberKey),
    prescriberName: shared(items, at + ROW.prescriberName),
    prescriberAgb: shared(items, at + ROW.prescriberAgb),
    quantity: items[at + ROW.quantity] as number | null,
    daysSupply: items[at + ROW.daysSupply] as number | null,
    dosing: shared(items, at + ROW.dosing),
    daysOfUse: items[at + ROW.daysOfUse] as number,
    ownGp: shared(items, at + ROW.ownGp),
    practice: shared(items, at + ROW.practice),
    formCode: shared(items, at + ROW.formCode),
    daysSource: items[at + ROW.daysSource] as Dose['daysSource'],
    route: shared(items, at + ROW.route),
    dailyOme: items[at + ROW.dailyOme] as number | null,
    doseClass: items[at + ROW.doseClass] as number,
  };
}

export function encodeRejection(items: unknown[], rejected: Rejected): void {
  const at = items.push(TAG.rejected);
  items[at + REJECTION.row] = rejected.row;
  items[at + REJECTION.field] = rejected.field;
  items[at + REJECTION.reason] = rejected.reason;
}

export function decodeRejection(items: readonly unknown[], at: number): Rejected {
  return {
    row: items[at + REJECTION.row] as number,
    field: items[at + REJECTION.field] as ImportField | null,
    reason: items[at + REJECTION.reason] as string,
  };
}
