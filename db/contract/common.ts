import { z } from 'zod';
import './dutch-errors'; // every schema speaks Dutch, whichever door loads the contract

/** One operation of the contract: what it takes and what it gives back. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> {
  return { input, output };
}

export const id = z.number().int().positive();
export const byId = z.object({ id });
export const noInput = z.object({}).default({});

export const requiredName = z
  .string({ error: 'Vul een naam in.' })
  .trim()
  .min(1, { error: 'Vul een naam in.' })
  .max(200, { error: 'Een naam mag hoogstens 200 tekens lang zijn.' });

/** An AGB code: exactly 8 digits. Empty input means "not known". */
export const optionalAgb = z
  .string()
  .trim()
  .transform((value) => (value === '' ? null : value))
  .pipe(
    z
      .string()
      .regex(/^\d{8}$/, { error: 'Een AGB-code bestaat uit precies 8 cijfers.' })
      .nullable(),
  )
  .nullable()
  .optional()
  .transform((value) => value ?? null);

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Gebruik een datum als JJJJ-MM-DD.' });

/** What deleting something would take with it, so the UI can ask first. */
export const deleteImpact = z.object({
  name: z.string(),
  /** Dutch lines such as "3 praktijken" that will be removed or unlinked. */
  consequences: z.array(z.string()),
  /** When set, deleting is refused and this says why. */
  blockedBy: z.string().nullable(),
});
