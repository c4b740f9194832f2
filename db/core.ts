import fs from 'node:fs';
import { z } from 'zod';
import { contract, isMethodName, type MethodName, type MethodOutput } from './contract';
import { agreementsContract } from './contract/agreements';
import type { databaseContract } from './contract/database';
import { deckContract } from './contract/deck';
import { definitionsContract } from './contract/definitions';
import { dosingContract } from './contract/dosing';
import { importsContract } from './contract/imports';
import { indicatorsContract } from './contract/indicators';
import { meetingsContract } from './contract/meetings';
import { pollsContract } from './contract/polls';
import { registryContract } from './contract/registry';
import { AppError, type ErrorValue, type Result } from './errors';
import type { CoreContext, CoreOptions, Handler, Handlers } from './handler';
import { backupDatabase, freeBackupPath, schemaVersion, tightenedWhenOpened, type Db } from './open';
import { tightenedNotice } from './private-files';
import { APP_VERSION } from './version';
import { queryValue } from './query';

export type { CoreOptions } from './handler';

export interface Core {
  /** Parses the input, runs the method and returns its checked output, or the error as a value. */
  call<M extends MethodName>(method: M, input?: unknown): Promise<Result<MethodOutput<M>>>;
  /** Any method name, e.g. straight from a transport; unknown names give an error value. */
  callUnchecked(method: string, input?: unknown): Promise<Result<unknown>>;
}

/** A feature's methods, and its handlers with the libraries they use, loaded when one of them is first called. */
interface Feature<Names extends MethodName = MethodName> {
  methods: readonly Names[];
  load: () => Promise<(context: CoreContext) => Handlers<Names>>;
}

function feature<C extends Record<string, unknown>>(
  contract: C,
  load: () => Promise<(context: CoreContext) => Handlers<keyof C & MethodName>>,
): Feature<keyof C & MethodName> {
  return { methods: Object.keys(contract) as (keyof C & MethodName)[], load };
}

/**
 * Every feature but the database's own methods, each loaded on its first call: a command that only
 * computes figures never loads the deck's charts, Word or the spreadsheet library (`npx fto
 * indicators` starts at once). The loading happens before the handler runs, so a handler still runs
 * whole in its transaction.
 */
const features = [
  feature(registryContract, async () => (await import('./features/registry')).registryHandlers),
  feature(importsContract, async () => (await import('./features/imports')).importsHandlers),
  feature(dosingContract, async () => (await import('./features/dosing')).dosingHandlers),
  feature(definitionsContract, async () => (await import('./features/definitions')).definitionsHandlers),
  feature(indicatorsContract, async () => (await import('./features/indicators')).indicatorHandlers),
  feature(meetingsContract, async () => (await import('./features/meetings')).meetingsHandlers),
  feature(agreementsContract, async () => (await import('./features/agreements')).agreementsHandlers),
  feature(deckContract, async () => (await import('./features/deck')).deckHandlers),
  feature(pollsContract, async () => (await import('./features/polls')).pollsHandlers),
];
/** Methods of the contract that belong to no feature: none, or createCore does not compile. */
type Unowned = Exclude<MethodName, (typeof features)[number]['methods'][number] | keyof typeof databaseContract>;
const featureOf = new Map<string, Feature>(features.flatMap((f) => f.methods.map((method) => [method, f as unknown as Feature] as const)));

export function createCore(options: CoreOptions): Core {
  const context: CoreContext = { ...options };
  const database: Handlers<keyof typeof databaseContract | Unowned> = databaseHandlers(context);
  const loaded = new Map<Feature, Promise<Handlers<MethodName>>>();

  async function handlerOf(method: MethodName): Promise<Handler<MethodName>> {
    if (Object.hasOwn(database, method)) return database[method as keyof typeof database] as Handler<MethodName>;
    const owner = featureOf.get(method)!;
    let handlers = loaded.get(owner);
    if (!handlers) {
      handlers = owner.load().then((make) => make(context) as Handlers<MethodName>);
      loaded.set(owner, handlers);
    }
    return (await handlers)[method];
  }

  async function callUnchecked(method: string, input?: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Onbekende opdracht: ${method}` } };
    }
    const spec = contract[method];
    const nul = pathOfNul(input);
    if (nul !== null) {
      const message = 'Deze tekst bevat een onzichtbaar NUL-teken (vaak na kopiëren uit een ander programma). Typ de tekst opnieuw.';
      return { ok: false, error: { code: 'validation', message, ...(nul ? { field: nul, fields: { [nul]: message } } : {}) } };
    }
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    let handler: (input: unknown) => unknown;
    try {
      handler = (await handlerOf(method)) as (input: unknown) => unknown;
    } catch (error) {
      return { ok: false, error: toErrorValue(error) };
    }
    // The database file itself (backup, switching files) is handled outside a transaction.
    const whole = method.startsWith('database.');
    for (const since = Date.now(); ;) {
      let synchronous = true;
      try {
        const value = whole ? handler(parsed.data) : inTransaction(context.db, () => handler(parsed.data));
        synchronous = !(value instanceof Promise);
        return { ok: true, value: spec.output.parse(await value) };
      } catch (error) {
        // Another connection (an import) holds the write lock: this call changed nothing, so it waits
        // without blocking the thread and tries again. Only a call that ran whole in one transaction.
        if (isBusy(error) && synchronous && !whole && Date.now() - since < BUSY_GIVE_UP_MS) {
          await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
          continue;
        }
        return { ok: false, error: isBusy(error) ? BUSY_ERROR : toErrorValue(error) };
      }
    }
  }

  return {
    call: (method, input) => callUnchecked(method, input) as never,
    callUnchecked,
  };
}

function databaseHandlers(context: CoreContext): Handlers<keyof typeof databaseContract> {
  const checkPath = (path: string) => context.checkPath?.(path, 'path') ?? path;
  return {
    'database.info': () => databaseInfo(context.db, context.file),
    'database.backup': ({ path }) => ({ path: backupDatabase(context.db, checkPath(path ?? freeBackupPath(context.file, 'kopie'))) }),
    'database.open': ({ path: given }) => {
      if (!context.openDatabase) throw new AppError('conflict', 'Een andere database openen kan hier niet.');
      const path = checkPath(given);
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
    isEmpty: queryValue<number>(db, 'SELECT count(*) AS n FROM fto_group') === 0,
    permissionsNotice: tightenedNotice(tightenedWhenOpened(db)),
  };
}

/** How often a call that found the database locked by another connection tries again, and for how long. */
const BUSY_RETRY_MS = 150;
const BUSY_GIVE_UP_MS = 15 * 60_000;
const BUSY_ERROR: ErrorValue = {
  code: 'busy',
  message: 'De database is nog bezig met een import. Uw wijziging is nog niet opgeslagen; de app probeert het zo opnieuw.',
};

const isBusy = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown })?.code ?? ''));

/**
 * Runs a handler's synchronous part in one transaction, so that a write refused because the database
 * is locked leaves nothing half done. A handler that returns a promise has its synchronous part
 * committed at once; what it does after awaiting runs on its own.
 */
function inTransaction(db: Db, run: () => unknown): unknown {
  if (db.inTransaction) return run();
  db.exec('BEGIN');
  let value: unknown;
  try {
    value = run();
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  if (db.inTransaction) db.exec('COMMIT');
  return value;
}

/** Where in the input a text holds a NUL character ('' for the input itself), or null. SQLite stops reading text there. */
function pathOfNul(value: unknown, at = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? at : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = pathOfNul(inner, at ? `${at}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
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
