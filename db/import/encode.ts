/**
 * The rows a parser hands to the writer, one batch at a time, as columns in typed arrays: a parser
 * thread transfers their buffers to the writer (no copy), and the writer reads each field straight
 * from them (no object per row). The encoder and the cursor use the same named offsets below, so a
 * field can never be read from another field's place.
 */
import type { ImportField } from '../contract/imports';
import type { ActingDecision, OpioidClass } from './classify';
import type { Dose } from './dose';

/** One validated dispensing as the writer stores it. */
export interface DispensingRow {
  /** Spec §7's identity hash (identity.ts). */
  identity: bigint;
  pharmacy: string | null;
  patientKey: string;
  /**
   * The key's place among the file's patient keys in order of first sight (0, 1, 2, ...): the parser
   * tells keys apart, so the writer finds each patient's number once, then by this index.
   */
  patientOrdinal: number;
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

/** The fields of a dispensing whose values are of type T. */
type FieldsOf<T> = { [K in keyof DispensingRow]: DispensingRow[K] extends T ? K : never }[keyof DispensingRow];

/** A dispensing's texts: TEXT.width references into the batch's `texts` per dispensing, -1 for null. */
export const TEXT = {
  pharmacy: 0,
  patientKey: 1,
  date: 2,
  atc: 3,
  product: 4,
  opioidClass: 5,
  actingRule: 6,
  prescriberKey: 7,
  prescriberName: 8,
  prescriberAgb: 9,
  dosing: 10,
  ownGp: 11,
  practice: 12,
  formCode: 13,
  route: 14,
  width: 15,
} as const satisfies Record<FieldsOf<string | null> | 'width', number>;

/** A dispensing's numbers: NUMBER.width values per dispensing, NaN for null (no field holds NaN otherwise). */
export const NUMBER = {
  longActing: 0,
  quantity: 1,
  daysSupply: 2,
  daysOfUse: 3,
  daysSource: 4,
  dailyOme: 5,
  doseClass: 6,
  patientOrdinal: 7,
  width: 8,
} as const satisfies Record<FieldsOf<number | null> | 'width', number>;

export interface Rejected {
  row: number;
  field: ImportField | null;
  reason: string;
}

/** The outcome of a run of rows of a file, in file order. */
export interface Batch {
  /** Rows without a filled cell, and rows of a product that is no opioid: the writer only counts them. */
  empty: number;
  notOpioid: number;
  rejections: Rejected[];
  /** Per dispensing, its identity (spec §7). Its length is the number of dispensings. */
  identities: BigInt64Array<ArrayBuffer>;
  /** Per dispensing, its numbers at NUMBER's offsets. */
  numbers: Float64Array<ArrayBuffer>;
  /** Per dispensing, its texts at TEXT's offsets, as indexes into `texts`. */
  textRefs: Int32Array<ArrayBuffer>;
  /**
   * Each distinct text of the batch once: a file names a few pharmacies, products and prescribers, and
   * a few thousand dates and patients, so only a few strings per batch need to be copied to the writer.
   */
  texts: string[];
  /** How far the file has been read, 0..1. */
  fraction: number;
}

/** The buffers a batch's arrays live in: handed over to the writer's thread rather than copied. */
export function batchBuffers(batch: Batch): ArrayBuffer[] {
  return [batch.identities.buffer, batch.numbers.buffer, batch.textRefs.buffer];
}

/** Builds one batch of at most `capacity` rows; `finish` hands its arrays over, so each batch has a new encoder. */
export class BatchEncoder {
  private empty = 0;
  private notOpioid = 0;
  private readonly rejections: Rejected[] = [];
  private dispensings = 0;
  private readonly identities: BigInt64Array<ArrayBuffer>;
  private readonly numbers: Float64Array<ArrayBuffer>;
  private readonly textRefs: Int32Array<ArrayBuffer>;
  private readonly texts: string[] = [];
  private readonly textIndex = new Map<string, number>();

  constructor(capacity: number) {
    this.identities = new BigInt64Array(capacity);
    this.numbers = new Float64Array(capacity * NUMBER.width);
    this.textRefs = new Int32Array(capacity * TEXT.width);
  }

  get rows(): number {
    return this.empty + this.notOpioid + this.rejections.length + this.dispensings;
  }

  addEmpty(): void {
    this.empty++;
  }

  addNotOpioid(): void {
    this.notOpioid++;
  }

  addRejection(rejected: Rejected): void {
    this.rejections.push(rejected);
  }

  addDispensing(row: DispensingRow): void {
    const index = this.dispensings++;
    this.identities[index] = row.identity;
    const { numbers } = this;
    const numbersAt = index * NUMBER.width;
    numbers[numbersAt + NUMBER.longActing] = row.longActing;
    numbers[numbersAt + NUMBER.quantity] = row.quantity ?? NaN;
    numbers[numbersAt + NUMBER.daysSupply] = row.daysSupply ?? NaN;
    numbers[numbersAt + NUMBER.daysOfUse] = row.daysOfUse;
    numbers[numbersAt + NUMBER.daysSource] = row.daysSource;
    numbers[numbersAt + NUMBER.dailyOme] = row.dailyOme ?? NaN;
    numbers[numbersAt + NUMBER.doseClass] = row.doseClass;
    numbers[numbersAt + NUMBER.patientOrdinal] = row.patientOrdinal;
    const { textRefs } = this;
    const textsAt = index * TEXT.width;
    textRefs[textsAt + TEXT.pharmacy] = this.textRef(row.pharmacy);
    textRefs[textsAt + TEXT.patientKey] = this.textRef(row.patientKey);
    textRefs[textsAt + TEXT.date] = this.textRef(row.date);
    textRefs[textsAt + TEXT.atc] = this.textRef(row.atc);
    textRefs[textsAt + TEXT.product] = this.textRef(row.product);
    textRefs[textsAt + TEXT.opioidClass] = this.textRef(row.opioidClass);
    textRefs[textsAt + TEXT.actingRule] = this.textRef(row.actingRule);
    textRefs[textsAt + TEXT.prescriberKey] = this.textRef(row.prescriberKey);
    textRefs[textsAt + TEXT.prescriberName] = this.textRef(row.prescriberName);
    textRefs[textsAt + TEXT.prescriberAgb] = this.textRef(row.prescriberAgb);
    textRefs[textsAt + TEXT.dosing] = this.textRef(row.dosing);
    textRefs[textsAt + TEXT.ownGp] = this.textRef(row.ownGp);
    textRefs[textsAt + TEXT.practice] = this.textRef(row.practice);
    textRefs[textsAt + TEXT.formCode] = this.textRef(row.formCode);
    textRefs[textsAt + TEXT.route] = this.textRef(row.route);
  }

  /** The batch; its arrays cut to the dispensings added (views, so a transfer still hands over whole buffers). */
  finish(fraction: number): Batch {
    const count = this.dispensings;
    return {
      empty: this.empty,
      notOpioid: this.notOpioid,
      rejections: this.rejections,
      identities: this.identities.subarray(0, count),
      numbers: this.numbers.subarray(0, count * NUMBER.width),
      textRefs: this.textRefs.subarray(0, count * TEXT.width),
      texts: this.texts,
      fraction,
    };
  }

  private textRef(text: string | null): number {
    if (text === null) return -1;
    let ref = this.textIndex.get(text);
    if (ref === undefined) this.textIndex.set(text, (ref = this.texts.push(text) - 1));
    return ref;
  }
}

/**
 * A batch's dispensings, one at a time through this one object: each field is read from the arrays
 * when asked for, so the writer makes no object per row.
 */
export class DispensingCursor implements DispensingRow {
  private readonly identities: BigInt64Array;
  private readonly numbers: Float64Array;
  private readonly textRefs: Int32Array;
  private readonly texts: string[];
  private index = -1;
  /** Where the current dispensing's numbers and text references start. */
  private numbersAt = -NUMBER.width;
  private textsAt = -TEXT.width;

  constructor(batch: Batch) {
    ({ identities: this.identities, numbers: this.numbers, textRefs: this.textRefs, texts: this.texts } = batch);
  }

  /** Moves to the next dispensing; false when there is none. */
  next(): boolean {
    this.numbersAt += NUMBER.width;
    this.textsAt += TEXT.width;
    return ++this.index < this.identities.length;
  }

  get identity(): bigint {
    return this.identities[this.index]!;
  }
  get pharmacy(): string | null {
    return this.text(TEXT.pharmacy);
  }
  get patientKey(): string {
    return this.text(TEXT.patientKey)!;
  }
  get patientOrdinal(): number {
    return this.numbers[this.numbersAt + NUMBER.patientOrdinal]!;
  }
  get date(): string {
    return this.text(TEXT.date)!;
  }
  get atc(): string {
    return this.text(TEXT.atc)!;
  }
  get product(): string {
    return this.text(TEXT.product)!;
  }
  get opioidClass(): OpioidClass {
    return this.text(TEXT.opioidClass) as OpioidClass;
  }
  get longActing(): 0 | 1 {
    return this.numbers[this.numbersAt + NUMBER.longActing] as 0 | 1;
  }
  get actingRule(): ActingDecision['rule'] {
    return this.text(TEXT.actingRule) as ActingDecision['rule'];
  }
  get prescriberKey(): string {
    return this.text(TEXT.prescriberKey)!;
  }
  get prescriberName(): string {
    return this.text(TEXT.prescriberName)!;
  }
  get prescriberAgb(): string | null {
    return this.text(TEXT.prescriberAgb);
  }
  get quantity(): number | null {
    return this.nullableNumber(NUMBER.quantity);
  }
  get daysSupply(): number | null {
    return this.nullableNumber(NUMBER.daysSupply);
  }
  get dosing(): string | null {
    return this.text(TEXT.dosing);
  }
  get daysOfUse(): number {
    return this.numbers[this.numbersAt + NUMBER.daysOfUse]!;
  }
  get ownGp(): string | null {
    return this.text(TEXT.ownGp);
  }
  get practice(): string | null {
    return this.text(TEXT.practice);
  }
  get formCode(): string | null {
    return this.text(TEXT.formCode);
  }
  get daysSource(): Dose['daysSource'] {
    return this.numbers[this.numbersAt + NUMBER.daysSource] as Dose['daysSource'];
  }
  get route(): Dose['route'] {
    return this.text(TEXT.route) as Dose['route'];
  }
  get dailyOme(): number | null {
    return this.nullableNumber(NUMBER.dailyOme);
  }
  get doseClass(): number {
    return this.numbers[this.numbersAt + NUMBER.doseClass]!;
  }

  private text(field: number): string | null {
    const ref = this.textRefs[this.textsAt + field]!;
    return ref < 0 ? null : this.texts[ref]!;
  }

  private nullableNumber(field: number): number | null {
    const value = this.numbers[this.numbersAt + field]!;
    return Number.isNaN(value) ? null : value;
  }
}
