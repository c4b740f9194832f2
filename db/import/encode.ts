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
 * Appends a dispensing. The values are written in the order of their offsets, so each one lands at the
 * end of the list (a packed array, as fast as a plain push); the offsets alone decide where they go.
 */
export function encodeRow(items: unknown[], row: DispensingRow): void {
  const at = items.push(TAG.dispensing);
  items[at + ROW.identity] = row.identity;
  items[at + ROW.pharmacy] = row.pharmacy;
  items[at + ROW.patientKey] = row.patientKey;
  items[at + ROW.date] = row.date;
  items[at + ROW.atc] = row.atc;
  items[at + ROW.product] = row.product;
  items[at + ROW.opioidClass] = row.opioidClass;
  items[at + ROW.longActing] = row.longActing;
  items[at + ROW.actingRule] = row.actingRule;
  items[at + ROW.prescriberKey] = row.prescriberKey;
  items[at + ROW.prescriberName] = row.prescriberName;
  items[at + ROW.prescriberAgb] = row.prescriberAgb;
  items[at + ROW.quantity] = row.quantity;
  items[at + ROW.daysSupply] = row.daysSupply;
  items[at + ROW.dosing] = row.dosing;
  items[at + ROW.daysOfUse] = row.daysOfUse;
  items[at + ROW.ownGp] = row.ownGp;
  items[at + ROW.practice] = row.practice;
  items[at + ROW.formCode] = row.formCode;
  items[at + ROW.daysSource] = row.daysSource;
  items[at + ROW.route] = row.route;
  items[at + ROW.dailyOme] = row.dailyOme;
  items[at + ROW.doseClass] = row.doseClass;
}

/** The dispensing whose values start at `at` (just after its tag). */
export function decodeRow(items: readonly unknown[], at: number): DispensingRow {
  return {
    identity: items[at + ROW.identity] as bigint,
    pharmacy: items[at + ROW.pharmacy] as string | null,
    patientKey: items[at + ROW.patientKey] as string,
    date: items[at + ROW.date] as string,
    atc: items[at + ROW.atc] as string,
    product: items[at + ROW.product] as string,
    opioidClass: items[at + ROW.opioidClass] as OpioidClass,
    longActing: items[at + ROW.longActing] as 0 | 1,
    actingRule: items[at + ROW.actingRule] as ActingDecision['rule'],
    prescriberKey: items[at + ROW.prescriberKey] as string,
    prescriberName: items[at + ROW.prescriberName] as string,
    prescriberAgb: items[at + ROW.prescriberAgb] as string | null,
    quantity: items[at + ROW.quantity] as number | null,
    daysSupply: items[at + ROW.daysSupply] as number | null,
    dosing: items[at + ROW.dosing] as string | null,
    daysOfUse: items[at + ROW.daysOfUse] as number,
    ownGp: items[at + ROW.ownGp] as string | null,
    practice: items[at + ROW.practice] as string | null,
    formCode: items[at + ROW.formCode] as string | null,
    daysSource: items[at + ROW.daysSource] as Dose['daysSource'],
    route: items[at + ROW.route] as Dose['route'],
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
