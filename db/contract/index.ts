import type { z } from 'zod';
import type { MethodSpec } from './common';
import { databaseContract } from './database';
import { deckContract } from './deck';
import { definitionsContract } from './definitions';
import { dosingContract } from './dosing';
import { importsContract } from './imports';
import { agreementsContract } from './agreements';
import { indicatorsContract } from './indicators';
import { meetingsContract } from './meetings';
import { pollsContract } from './polls';
import { registryContract } from './registry';

/** Every operation the UI (and the CLI, and the tests) can ask of the core. */
export const contract = {
  ...databaseContract,
  ...registryContract,
  ...importsContract,
  ...dosingContract,
  ...definitionsContract,
  ...indicatorsContract,
  ...meetingsContract,
  ...agreementsContract,
  ...deckContract,
  ...pollsContract,
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
/** What an implementation receives: the input after parsing (defaults filled in, text trimmed). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
