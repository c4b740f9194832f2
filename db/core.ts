import fs from 'node:fs';
import { z } from 'zod';
import { contract, isMethodName, type MethodName, type MethodOutput, type ParsedInput } from './contract';
import type { databaseContract } from './contract/database';
import { AppError, type ErrorValue, type Result } from './errors';
import { indicatorHandlers } from './features/indicators';
import { agreementsHandlers } from './features/agreements';
import { deckHandlers } from './features/deck';
import { meetingsHandlers } from './features/meetings';
import { importsHandlers } from './features/imports';
import { registryHandlers } from './features/registry';
import { backupDatabase, backupPathFor, schemaVersion, type Db } from './open';
import { APP_VERSION } from './version';

export type Handler<M extends MethodName> = (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
export type Handlers<Names extends MethodName> = { [M in Names]: Handler<M> };

export interface CoreOptions {
  db: Db;
  /** The database file's path (':memory:' in some tests). */
  file: string;
  /** Provided by a host that can switch files (Electron, the browser shell); see db/host.ts. */
  openDatabase?: (file: string) => { db: Db; file: string };
}

/** What every feature's handlers get: the open database and the options the core was made with. */
export type CoreContext = CoreOptions;

export interface Core {
  /** Parses the input, runs the method and returns its checked output, or the error as a value. */
  call<M extends MethodName>(method: M, input?: unknown): Promise<Result<MethodOutput<M>>>;
  /** Any method name, e.g. straight from a transport; unknown names give an error value. */
  callUnchecked(method: string, input?: unknown): Promise<Result<unknown>>;
}

export function createCore(options: CoreOptions): Core {
  const context: CoreContext = { ...options };
  const handlers: Handlers<MethodName> = {
    ...databaseHandlers(context),
    ...registryHandlers(context),
    ...importsHandlers(context),
    ...indicatorHandlers(context),
    ...meetingsHandlers(context),
    ...agreementsHandlers(context),
    ...deckHandlers(context),
  };

  async function callUnchecked(method: string, input?: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Onbekende opdracht: ${method}` } };
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: spec.output.parse(value) };
    } catch (error) {
      return { ok: false, error: toErrorValue(error) };
    }
  }

  return {
    call: (method, input) => callUnchecked(method, input) as never,
    callUnchecked,
  };
}

function databaseHandlers(context: CoreContext): Handlers<keyof typeof databaseContract> {
  return {
    'database.info': () => databaseInfo(context.db, context.file),
    'database.backup': ({ path }) => ({ path: backupDatabase(context.db, path ?? backupPathFor(context.file, 'kopie')) }),
    'database.open': ({ path }) => {
      if (!context.openDatabase) throw new AppError('conflict', 'Een andere database openen kan hier niet.');
      if (!fs.existsSync(path) && !path.endsWith('.sqlite')) {
        throw new AppError('validation', 'Een nieuw databasebestand moet op .sqlite eindigen.', 'path');
      }
      const opened = context.openDatabase(path);
      return databaseInfo(opened.db, opened.file);
    },
  };
}

function databaseInfo(db: Db, file: string): MethodOutput<'database.info'> {
  return {
    path: file,
    schemaVersion: schemaVersion(db),
    appVersion: APP_VERSION,
    isEmpty: (db.prepare('SELECT count(*) AS n FROM fto_group').get() as { n: number }).n === 0,
  };
}

export function validationError(error: z.ZodError): ErrorValue {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  const [first] = error.issues;
  const field = first?.path.join('.') || undefined;
  return { code: 'validation', message: first?.message ?? 'Ongeldige invoer.', ...(field ? { field } : {}), fields };
}

export function toErrorValue(error: unknown): ErrorValue {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
      ...(error.fields ? { fields: error.fields } : {}),
    };
  }
  if (error instanceof z.ZodError) return validationError(error);
  console.error(error);
  return { code: 'internal', message: `Er ging onverwacht iets mis: ${(error as Error)?.message ?? String(error)}` };
}
