/**
 * The checks on one row below the header (spec §2, §5): the values the import stores, or a Rejection
 * that names the field and says why in Dutch. No database and no thread of its own, so a parser thread
 * can run them.
 */
import type { ImportField } from '../contract/imports';
import { prescriberKey } from '../../domain';
import { normaliseAtc, opioidClass, type OpioidClass } from './classify';
import type { ColumnPlan } from './columns';
import { parseDate, parseDecimal, type Decimal } from './parse';

export interface RowValues {
  pharmacy: string | null;
  patientKey: string;
  date: string;
  atc: string;
  opioidClass: OpioidClass;
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

export class Rejection {
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

/**
 * Checks a row that is not empty: its values, or null for a product that is no opioid. Throws a
 * Rejection for a row that cannot be imported.
 */
export function validateRow(cells: string[], columns: ColumnPlan['columns'], date1904: boolean): RowValues | null {
  const first = cells.find((cell) => cell.trim() !== '')!;
  if (TOTALS.test(first.trim())) throw new Rejection(null, 'Dit is een totaalregel, geen uitgifte.');
  const atcText = trimmed(cells[columns.atc!]);
  if (!atcText) throw new Rejection('atc', 'De ATC-code ontbreekt.');
  const atc = normaliseAtc(atcText);
  const cls = opioidClass(atc);
  return cls ? rowValues(cells, columns, date1904, cls, atc) : null;
}

function rowValues(cells: string[], columns: ColumnPlan['columns'], date1904: boolean, cls: OpioidClass, atc: string): RowValues {
  const patientKey = trimmed(cellOf(cells, columns, 'patientKey'));
  if (!patientKey) throw new Rejection('patientKey', 'Het patiëntnummer ontbreekt.');
  const dateText = trimmed(cellOf(cells, columns, 'dispenseDate'));
  if (!dateText) throw new Rejection('dispenseDate', 'De afleverdatum ontbreekt.');
  const date = dates.parse(dateText, date1904);
  if (!date)
    throw new Rejection('dispenseDate', `"${dateText}" is geen geldige datum (verwacht: dd-mm-jjjj of jjjj-mm-dd, tussen 1980 en 2100).`);
  const product = trimmed(cellOf(cells, columns, 'product'));
  if (!product) throw new Rejection('product', 'De artikelomschrijving ontbreekt.');

  const agbText = trimmed(cellOf(cells, columns, 'prescriberAgb'));
  const prescriberAgb = agbText === null ? null : padCode(agbText);
  if (prescriberAgb !== null && !/^\d{8}$/.test(prescriberAgb)) {
    throw new Rejection('prescriberAgb', `"${agbText}" is geen geldige AGB-code (8 cijfers).`);
  }
  const name = clean(cellOf(cells, columns, 'prescriberName'));
  if (!name && !prescriberAgb)
    throw new Rejection(
      columns.prescriberName !== undefined ? 'prescriberName' : 'prescriberAgb',
      'De voorschrijver ontbreekt (geen naam en geen AGB-code).',
    );

  const quantityText = trimmed(cellOf(cells, columns, 'quantity'));
  let quantity: Decimal | null = null;
  if (quantityText !== null) {
    const parsed = decimals.parse(quantityText);
    if (!parsed) throw new Rejection('quantity', `"${quantityText}" is geen getal.`);
    if (parsed.negative || parsed.value.num === 0n)
      throw new Rejection('quantity', `Het aantal moet groter dan 0 zijn (hier ${quantityText}).`);
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
