import { z } from 'zod';
import { method, noInput } from './common';
import { product, route, strengthUnit } from './imports';

/** An exact positive fraction num/den, reduced (1/3 a day stays 1/3, never 0.333). */
export const fraction = z.object({ num: z.number().int().positive(), den: z.number().int().positive() });
export type FractionValue = z.infer<typeof fraction>;

const AMOUNT = /^(\d{1,9})(?:[.,](\d{1,6}))?$/;
const RATIO = /^(\d{1,9})\s*\/\s*(\d{1,9})$/;
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * What a user typed as an amount: "2", "1,5" (decimal comma), "0.5" or "1/3". Null when it is no
 * such number; zero is returned as { num: 0 } so that the caller can say it must be above 0.
 */
export function parseAmount(text: string): { num: number; den: number } | null {
  const value = text.trim();
  let num: number;
  let den: number;
  const ratio = RATIO.exec(value);
  const amount = AMOUNT.exec(value);
  if (ratio) {
    num = Number(ratio[1]);
    den = Number(ratio[2]);
    if (den === 0) return null;
  } else if (amount) {
    const decimals = amount[2] ?? '';
    num = Number(amount[1]! + decimals);
    den = 10 ** decimals.length;
  } else return null;
  const divisor = gcd(num, den) || 1;
  return { num: num / divisor, den: den / divisor };
}

/** An amount typed by the user (see parseAmount), checked with Dutch messages, as an exact fraction. */
const typedAmount = (what: string) =>
  z.union([z.string(), z.number()], { error: `Vul ${what} in.` }).transform((input, ctx) => {
    const text = String(input).trim();
    if (text === '') {
      ctx.addIssue({ code: 'custom', message: `Vul ${what} in.` });
      return z.NEVER;
    }
    const value = parseAmount(text);
    if (!value) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is geen getal; schrijf bijvoorbeeld 2, 1,5 of 1/3.` });
      return z.NEVER;
    }
    if (value.num === 0) {
      ctx.addIssue({ code: 'custom', message: `${what[0]!.toUpperCase()}${what.slice(1)} moet groter dan 0 zijn.` });
      return z.NEVER;
    }
    return value;
  });

/** One entry of the user's table of dosing texts (spec §4.4). */
export const dosingEntry = z.object({
  /** The dosing text after the normalisation of spec §4.1: the key the table matches on. */
  text: z.string(),
  /** Daily units (units, or ml for a liquid) for every dispensing with this text. */
  units: fraction,
  /** One original text as written in an export, when any dispensing still has it. */
  example: z.string().nullable(),
  dispensings: z.number().int().nonnegative(),
  updatedAt: z.string(),
});

/** A dosing text that the grammar of spec §4.1 could not read (spec §4.3). */
export const unreadDosing = z.object({
  /** The normalised text: what dosing.set takes to settle it. */
  text: z.string(),
  /** The most frequent original text behind it. */
  example: z.string(),
  dispensings: z.number().int().positive(),
  /** Of those, the ones without a days-supply field: their 14 days of use are a guess. */
  guessed: z.number().int().nonnegative(),
});

/** How many dispensings a change of the dosing table or a product recomputed, and how many of them got other days of use. */
const recomputed = z.object({
  dispensings: z.number().int().nonnegative(),
  changedDaysOfUse: z.number().int().nonnegative(),
});

/** Gegevens → Doseringen, and the strength and route of a product (spec §4.3, §4.4, §9). */
export const dosingContract = {
  /** Every dosing text that was not understood, most dispensings first. */
  'dosing.unread': method(noInput, z.array(unreadDosing)),
  /** The user's own table of dosing texts. */
  'dosing.list': method(noInput, z.array(dosingEntry)),
  /** Sets the daily units of a dosing text (original or normalised); every dispensing with it is recomputed at once. */
  'dosing.set': method(
    z.object({
      text: z.string({ error: 'Kies een doseringstekst.' }).trim().min(1, { error: 'Kies een doseringstekst.' }),
      units: typedAmount('het aantal eenheden per dag'),
    }),
    z.object({ entry: dosingEntry }).extend(recomputed.shape),
  ),
  /** Removes a text from the user's table: its dispensings are read by the grammar again. */
  'dosing.remove': method(z.object({ text: z.string().trim().min(1, { error: 'Kies een doseringstekst.' }) }), recomputed),
  /**
   * Sets or clears (null) a product's strength and/or route by hand (spec §9: that wins over the text);
   * a field left out stays as it is. Its dispensings are recomputed at once.
   */
  'products.setDose': method(
    z.object({
      product: z.string().min(1, { error: 'Kies een product.' }),
      strength: z
        .object({ value: typedAmount('de sterkte'), unit: strengthUnit })
        .nullable()
        .optional(),
      route: route.nullable().optional(),
    }),
    z.object({ product }).extend(recomputed.shape),
  ),
};
