import type { definitionsContract } from '../contract/definitions';
import type { CoreContext, Handlers } from '../handler';
import { OME_FACTOR_SOURCE, OME_FACTORS } from '../dosing';

/** The read-only tables behind the figures, for the settings screen (the page never imports db/ itself). */
export function definitionsHandlers(context: CoreContext): Handlers<keyof typeof definitionsContract> {
  void context;
  return {
    'definitions.omeFactors': () => ({ source: OME_FACTOR_SOURCE, rows: OME_FACTORS.map((row) => ({ ...row, atc: [...row.atc] })) }),
  };
}
