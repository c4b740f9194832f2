import { z } from 'zod';
import { method, noInput } from './common';

/** One row of spec §9's factor table: mg oral morphine per mg (oral, parenteral) or per µg/h (a patch); null is a dash. */
export const omeFactorRow = z.object({
  atc: z.array(z.string()),
  substance: z.string(),
  oral: z.number().nullable(),
  parenteral: z.number().nullable(),
  transdermal: z.number().nullable(),
});

/** Fixed definitions the app shows read-only beside the settings (spec §9). */
export const definitionsContract = {
  /** The OME factors the dose indicators use, with their source. */
  'definitions.omeFactors': method(noInput, z.object({ source: z.string(), rows: z.array(omeFactorRow) })),
};
