import { readDailyUnits, readStrength, type Fraction } from '../../db/dosing';

/** U as "n" or "n/d" (exact), or null for "not understood". */
export const show = (u: Fraction | null) => (u === null ? null : u.den === 1n ? String(u.num) : `${u.num}/${u.den}`);
/** U of a dosing text with the strength read from the product text (none when no product is given). */
export const units = (text: string, product?: string) => show(readDailyUnits(text, product ? readStrength(product) : null));
