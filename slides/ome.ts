// The OME factor table as the deck's definitions slide and the definitions sheets write it (spec §9). The
// factors themselves live in db/dosing; the deck gets them as plain data.
import { formatNumber } from './format';

/** One row of spec §9's factor table: mg oral morphine per mg, or per µg/h for a patch; null is a dash. */
export interface OmeFactorRow {
  atc: readonly string[];
  substance: string;
  oral: number | null;
  parenteral: number | null;
  transdermal: number | null;
}

export interface OmeFactorTable {
  /** Where the factors come from, e.g. the guideline and its year. */
  source: string;
  rows: readonly OmeFactorRow[];
}

/** 1, 1,5, 2,4, 0,1: as many decimals as the factor has (at most two); the app's screens use the same. */
export const omeFactorDecimals = (value: number) => (Number.isInteger(value) ? 0 : Number.isInteger(value * 10) ? 1 : 2);
const factorText = (value: number) => formatNumber(value, omeFactorDecimals(value));

/** "oxycodon (N02AA05, N02AA55): oraal 1,5 · parenteraal 3", one line per substance. */
export function omeFactorLines(table: OmeFactorTable): string[] {
  return table.rows.map((row) => {
    const parts = [
      row.oral !== null ? `oraal ${factorText(row.oral)}` : '',
      row.parenteral !== null ? `parenteraal ${factorText(row.parenteral)}` : '',
      row.transdermal !== null ? `pleister ${factorText(row.transdermal)} per µg/uur` : '',
    ].filter(Boolean);
    return `${row.substance} (${row.atc.join(', ')}): ${parts.join(' · ')}`;
  });
}

/** What a factor is: the unit of every number in the table. */
export const OME_FACTOR_UNIT = 'mg orale morfine per mg (per µg/uur bij een pleister)';

/** The sentence under the table: where the factors come from, and what has none. */
export function omeFactorSource(table: OmeFactorTable): string {
  return `Bron: ${table.source}. Snelwerkend fentanyl via neus of mondslijmvlies en andere sterke opioïden hebben geen factor.`;
}
