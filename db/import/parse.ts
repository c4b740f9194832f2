/**
 * Parsers for the values in pharmacy exports (spec §1, §4): Dutch numbers, dates, dosing texts and
 * the exact days of use of one dispensing.
 */

/** A non-negative decimal as an exact fraction num/den (den a power of ten). */
export interface Decimal {
  num: bigint;
  den: bigint;
}

const DUTCH_NUMBER = /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;
const DOT_DECIMAL = /^([+-]?)(\d+)\.(\d+)$/;

/**
 * "1,5" -> 1.5, "1.234,5" -> 1234.5, "1.234" -> 1234 (a dot before exactly three digits groups
 * thousands, as in Dutch), "1.5" -> 1.5 (any other dot is a decimal point). Null when not a number.
 */
export function parseDecimal(text: string): { negative: boolean; value: Decimal } | null {
  const s = text.trim();
  let sign: string;
  let whole: string;
  let fraction: string;
  const dutch = DUTCH_NUMBER.exec(s);
  if (dutch) {
    sign = dutch[1]!;
    whole = dutch[2]!.replace(/\./g, '');
    fraction = dutch[3] ?? '';
  } else {
    const dotted = DOT_DECIMAL.exec(s);
    if (!dotted) return null;
    sign = dotted[1]!;
    whole = dotted[2]!;
    fraction = dotted[3]!;
  }
  return { negative: sign === '-', value: { num: BigInt(whole + fraction), den: 10n ** BigInt(fraction.length) } };
}

const MS_PER_DAY = 86_400_000;
/** Day 0 of each spreadsheet date system, as a UTC timestamp. */
const EPOCH_1900 = Date.UTC(1899, 11, 30); // serial 61 = 1 March 1900; Lotus' phantom 29 Feb 1900 is serial 60
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A spreadsheet date serial (days, fraction = time of day) to YYYY-MM-DD. */
export function serialToIsoDate(serial: number, date1904 = false): string {
  const day = Math.floor(serial);
  // Serials 1..59 of the 1900 system are one day off because of the phantom 29 February 1900.
  const epoch = date1904 ? EPOCH_1904 : day < 60 ? EPOCH_1900 + MS_PER_DAY : EPOCH_1900;
  return new Date(epoch + day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isoDateToSerial(iso: string, date1904 = false): number {
  const time = Date.parse(`${iso}T00:00:00Z`);
  return Math.round((time - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY);
}

const DMY = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const COMPACT = /^((?:19|20|21)\d{2})(\d{2})(\d{2})$/;
const SERIAL = /^\d{1,6}(?:[.,]\d+)?$/;

/** The years a dispense date may fall in; anything else is a typing or reading error. */
export const DATE_YEARS = { min: 1980, max: 2100 } as const;

/**
 * dd-mm-yyyy, d-m-yyyy, yyyy-mm-dd, dd/mm/yyyy (and dd.mm.yyyy, yyyymmdd, an optional time after the
 * date) or a spreadsheet serial -> YYYY-MM-DD; null when not a real date in DATE_YEARS.
 */
export function parseDate(text: string, date1904 = false): string | null {
  const s = text.trim();
  let year: number;
  let month: number;
  let day: number;
  let m: RegExpExecArray | null;
  if ((m = DMY.exec(s))) [day, month, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
  else if ((m = YMD.exec(s)) || (m = COMPACT.exec(s))) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if (SERIAL.test(s)) {
    const iso = serialToIsoDate(Number(s.replace(',', '.')), date1904);
    return inYears(Number(iso.slice(0, 4))) ? iso : null;
  } else return null;
  if (!inYears(year) || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // 31-02 and the like
  return date.toISOString().slice(0, 10);
}

const inYears = (year: number) => year >= DATE_YEARS.min && year <= DATE_YEARS.max;

/** The KISS default when nothing else tells (spec §4 rule 3). */
export const DEFAULT_DAYS_OF_USE = 14;
