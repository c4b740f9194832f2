import type { dosingContract } from '../contract/dosing';
import type { CoreContext, Handlers } from '../core';
import { AppError } from '../errors';

const notYet = (): never => {
  throw new AppError('internal', 'Deze functie is nog niet beschikbaar.');
};

/** Gegevens → Doseringen and a product's strength and route (spec §4.3, §4.4, §9). */
export function dosingHandlers(context: CoreContext): Handlers<keyof typeof dosingContract> {
  void context;
  return { 'dosing.unread': notYet, 'dosing.list': notYet, 'dosing.set': notYet, 'dosing.remove': notYet, 'products.setDose': notYet };
}
