/**
 * The checks on one row below the header (spec §2, §5): the values the import stores, or a Rejection
 * that names the field and says why in Dutch. No database and no thread of its own, so a parser thread
 * can run them.
 */
import type { ImportField } from '../contract/imports';
import { prescriberKey } from '../../domain';
import { normaliseAtc, opioidClass, type OpioidClass } from './classify';
import type { ColumnPlan } from './columns';
import { hash64, identityQuantity, type Hash, type IdentityHashes } from './identity';
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
  /** For the identity (identity.ts): the hashes come with the texts, worked out once per distinct text. */
  hashes: IdentityHashes;
}

export class Rejection {
  constructor(
    readonly field: ImportField | null,
    readonly reason: string,
  ) {}
}

const TOTALS = /^(?:totaal|totalen|eindtotaal|subtotaal|total|totals|grand total|som)\b/i;

/** Printable ASCII other than a space: a character trim() never removes. */
const isPlain = (code: number) => code > 0x20 && code < 0x7f;

/** Trimmed; null when nothing is left. */
function trimmed(text: string): string | null {
  // Most cells have nothing to trim: looking at their ends costs less than trim().
  if (isPlain(text.charCodeAt(0)) && isPlain(text.charCodeAt(text.length - 1))) return text;
  const value = text.trim();
  return value === '' ? null : value;
}

const INNER_SPACE = /\s\s|[\t\n\r\u00a0]/;
/** Trimmed with runs of spaces made one (names that are keys: prescribers, practices, pharmacies). */
function clean(text: string): string | null {
  const value = trimmed(text);
  return value !== null && !singleSpaced(value) && INNER_SPACE.test(value) ? value.replace(/\s+/g, ' ') : value;
}

/** Printable ASCII with single spaces: nothing to collapse, seen faster than by the regex. */
function singleSpaced(value: string): boolean {
  for (let k = 0; k < value.length; k++) {
    const code = value.charCodeAt(k);
    if (code === 0x20 ? value.charCodeAt(k + 1) === 0x20 : !isPlain(code)) return false;
  }
  return true;
}

/** A numeric AGB code lost its leading zeros in a spreadsheet: pad it back to 8 digits (spec §5). */
function padCode(value: string): string {
  return /^\d{1,7}$/.test(value) ? value.padStart(8, '0') : value;
}

/** The first cell that holds more than spaces; undefined for an empty row. */
export function firstFilledCell(cells: string[]): string | undefined {
  for (const cell of cells) if (isPlain(cell.charCodeAt(0)) || cell.trim() !== '') return cell;
  return undefined;
}

/**
 * What a column's texts give, worked out once per distinct text: exports repeat the same few thousand
 * codes, dates, names and numbers, and a Map lookup costs far less than trimming, regexes and parsing.
 */
class TextCache<T> {
  private readonly values = new Map<string, T>();
  constructor(private readonly compute: (text: string) => T) {}

  get(text: string | undefined): T {
    const key = text ?? ''; // a row with fewer cells than the header, or a column that is not there
    let value = this.values.get(key);
    if (value === undefined) {
      if (this.values.size > 50_000) this.values.clear();
      // A flat copy: the cell may be a slice of a whole piece of the file, which the cache would keep alive.
      const own = key.length < 13 ? key : (' ' + key).slice(1);
      this.values.set(own, (value = this.compute(own)));
    }
    return value;
  }
}

/**
 * Checks the rows of one file: a row's values, or null for a product that is no opioid. The columns
 * that other values depend on come from their caches, so the values that repeat are the same strings
 * row after row (cheap Map keys for the dose rules), with their identity hashes.
 */
export class RowValidator {
  private readonly atc = new TextCache((text) => {
    const atcText = trimmed(text);
    if (!atcText) return new Rejection('atc', 'De ATC-code ontbreekt.');
    const atc = normaliseAtc(atcText);
    return { atc, opioidClass: opioidClass(atc), hash: hash64(atc) };
  });
  private readonly date: TextCache<{ date: string; hash: Hash } | Rejection>;
  private readonly product = new TextCache((text) => {
    const product = trimmed(text);
    return product === null ? new Rejection('product', 'De artikelomschrijving ontbreekt.') : { product, hash: hash64(product) };
  });
  private readonly prescriberAgb = new TextCache((text) => {
    const agbText = trimmed(text);
    if (agbText === null) return null;
    const agb = padCode(agbText);
    return /^\d{8}$/.test(agb)
      ? { agb, hash: hash64(agb) }
      : new Rejection('prescriberAgb', `"${agbText}" is geen geldige AGB-code (8 cijfers).`);
  });
  /** The name, and the prescriber's key when there is no AGB code. */
  private readonly prescriberName = new TextCache((text) => {
    const name = clean(text);
    if (name === null) return null;
    const key = prescriberKey(name, null);
    return { name, key, hash: hash64(key) };
  });
  private readonly quantity = new TextCache((text) => {
    const quantityText = trimmed(text);
    if (quantityText === null) return null;
    const parsed = parseDecimal(quantityText);
    if (!parsed) return new Rejection('quantity', `"${quantityText}" is geen getal.`);
    if (parsed.negative || parsed.value.num === 0n)
      return new Rejection('quantity', `Het aantal moet groter dan 0 zijn (hier ${quantityText}).`);
    const number = Number(parsed.value.num) / Number(parsed.value.den);
    return { value: parsed.value, number, hash: hash64(identityQuantity(number)) };
  });
  private readonly daysSupply = new TextCache((text) => {
    const daysText = trimmed(text);
    if (daysText === null) return null;
    const parsed = parseDecimal(daysText);
    if (!parsed || parsed.negative || parsed.value.num % parsed.value.den !== 0n) {
      return new Rejection('daysSupply', `"${daysText}" is geen heel aantal dagen.`);
    }
    const days = Number(parsed.value.num / parsed.value.den);
    return days > 0 ? days : null; // 0 means "not filled in" (spec §4 rule 1: only when > 0)
  });
  private readonly dosing = new TextCache(trimmed);
  private readonly pharmacy = new TextCache((text) => {
    const pharmacy = clean(text);
    return { pharmacy, hash: hash64(pharmacy ?? '') }; // no pharmacy counts as '' in the identity
  });
  private readonly formCode = new TextCache(trimmed);

  constructor(
    private readonly columns: ColumnPlan['columns'],
    date1904: boolean,
  ) {
    this.date = new TextCache((text) => {
      const dateText = trimmed(text);
      if (!dateText) return new Rejection('dispenseDate', 'De afleverdatum ontbreekt.');
      const date = parseDate(dateText, date1904);
      return date !== null
        ? { date, hash: hash64(date) }
        : new Rejection('dispenseDate', `"${dateText}" is geen geldige datum (verwacht: dd-mm-jjjj of jjjj-mm-dd, tussen 1980 en 2100).`);
    });
  }

  /** Checks a row that is not empty. Throws a Rejection for a row that cannot be imported. */
  validate(cells: string[]): RowValues | null {
    const { columns } = this;
    if (TOTALS.test(trimmed(firstFilledCell(cells)!)!)) throw new Rejection(null, 'Dit is een totaalregel, geen uitgifte.');
    const atc = valid(this.atc.get(cells[columns.atc!]));
    if (!atc.opioidClass) return null;
    const patientKey = trimmed(cells[columns.patientKey!] ?? '');
    if (!patientKey) throw new Rejection('patientKey', 'Het patiëntnummer ontbreekt.');
    const date = valid(this.date.get(cells[columns.dispenseDate!]));
    const product = valid(this.product.get(cells[columns.product!]));
    const agb = valid(this.prescriberAgb.get(cell(cells, columns.prescriberAgb)));
    const name = this.prescriberName.get(cell(cells, columns.prescriberName));
    if (!name && !agb)
      throw new Rejection(
        columns.prescriberName !== undefined ? 'prescriberName' : 'prescriberAgb',
        'De voorschrijver ontbreekt (geen naam en geen AGB-code).',
      );
    const quantity = valid(this.quantity.get(cell(cells, columns.quantity)));
    const daysSupply = valid(this.daysSupply.get(cell(cells, columns.daysSupply)));
    const pharmacy = this.pharmacy.get(cell(cells, columns.pharmacy));
    // Texts that no other value depends on: cleaned directly costs less than a lookup of a new string.
    const ownGp = clean(cell(cells, columns.ownGp) ?? '');
    return {
      pharmacy: pharmacy.pharmacy,
      patientKey,
      date: date.date,
      atc: atc.atc,
      opioidClass: atc.opioidClass,
      product: product.product,
      prescriberKey: agb?.agb ?? name!.key,
      prescriberName: name?.name ?? agb!.agb,
      prescriberAgb: agb?.agb ?? null,
      quantity: quantity?.value ?? null,
      quantityNumber: quantity?.number ?? null,
      daysSupply,
      dosing: this.dosing.get(cell(cells, columns.dosing)),
      ownGp: ownGp === null ? null : padCode(ownGp),
      practice: clean(cell(cells, columns.practice) ?? ''),
      formCode: this.formCode.get(cell(cells, columns.formCode)),
      hashes: {
        pharmacy: pharmacy.hash,
        date: date.hash,
        atc: atc.hash,
        product: product.hash,
        prescriberKey: agb?.hash ?? name!.hash,
        quantity: quantity?.hash ?? NO_QUANTITY,
      },
    };
  }
}

const NO_QUANTITY = hash64(identityQuantity(null));

/** The cell of a column that may not be in the file. */
const cell = (cells: string[], column: number | undefined) => (column === undefined ? undefined : cells[column]);

function valid<T>(value: T | Rejection): T {
  if (value instanceof Rejection) throw value;
  return value;
}
