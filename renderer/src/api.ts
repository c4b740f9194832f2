import type { MethodInput, MethodName, MethodOutput } from '../../db/contract';
import type { ErrorValue, Result } from '../../db/errors';
import { translate } from './i18n';

/** Browsers refuse keepalive requests whose bodies together exceed 64 KiB (a character may take 3 bytes). */
const KEEPALIVE_MAX_CHARS = 16_000;

export type { ErrorValue, MethodInput, MethodName, MethodOutput, Result };

/** What Electron's preload puts on window.fto: one async function per contract method. */
export type Bridge = { [M in MethodName]: (input?: MethodInput<M>) => Promise<Result<MethodOutput<M>>> };

declare global {
  interface Window {
    fto?: Bridge;
  }
}

/** Methods whose input may be left out (every field optional or defaulted). */
type InputArgs<M extends MethodName> = undefined extends MethodInput<M> ? [input?: MethodInput<M>] : [input: MethodInput<M>];

/** A failed call, for code paths that would rather throw than look at a Result. */
export class ApiError extends Error {
  constructor(readonly error: ErrorValue) {
    super(error.message);
    this.name = 'ApiError';
  }
}

function failure(message: string, code: ErrorValue['code'] = 'internal'): Result<never> {
  return { ok: false, error: { code, message } };
}

// ---- the connection to the browser shell ----

/** Whether the browser shell still knows this page; the app shows "opnieuw verbinden" when it does not. */
export type Connection = 'ok' | 'session_lost';
let connection: Connection = 'ok';
const connectionListeners = new Set<(state: Connection) => void>();
function setConnection(state: Connection) {
  if (state === connection) return;
  connection = state;
  for (const listener of connectionListeners) listener(state);
}
export function onConnection(listener: (state: Connection) => void): () => void {
  connectionListeners.add(listener);
  listener(connection);
  return () => connectionListeners.delete(listener);
}

/** The page's token: asked for with the session cookie, kept in memory only (the HTML holds no secret). */
let pageToken: Promise<string | Result<never>> | undefined;
function askPageToken(): Promise<string | Result<never>> {
  pageToken ??= fetch('/api/sessie', { method: 'POST' })
    .then(async (response) => {
      const result = (await response.json()) as Result<{ pageToken: string }>;
      if (result.ok) return result.value.pageToken;
      if (result.error.code === 'session') setConnection('session_lost');
      pageToken = undefined;
      return result;
    })
    .catch(() => {
      pageToken = undefined;
      return failure(translate('api.unreachable'));
    });
  return pageToken;
}

/** The browser shell: POST /api/<method>, with the session cookie and the page token. */
async function overHttp(method: string, input: unknown, again = true): Promise<Result<unknown>> {
  const token = await askPageToken();
  if (typeof token !== 'string') return token;
  let response: Response;
  try {
    const body = JSON.stringify(input ?? {});
    const send = (keepalive: boolean) =>
      fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-fto-page': token },
        body,
        keepalive,
      });
    // A save sent while the page closes must still arrive: keepalive, for small bodies. When the browser's
    // keepalive quota is in use by other requests it refuses at once; then send it the ordinary way.
    response = await send(body.length < KEEPALIVE_MAX_CHARS).catch(() => send(false));
  } catch {
    return failure(translate('api.unreachable'));
  }
  let result: Result<unknown>;
  try {
    result = (await response.json()) as Result<unknown>;
  } catch {
    if (response.status !== 403) return failure(translate('api.badAnswer', { status: String(response.status) }));
    // The page token no longer fits (the shell was started with another key): ask once more.
    pageToken = undefined;
    return again ? overHttp(method, input, false) : failure(translate('api.refused'));
  }
  if (!result.ok && result.error.code === 'session') {
    pageToken = undefined;
    setConnection('session_lost');
    return failure(translate('api.sessionLost'), 'session');
  }
  setConnection('ok');
  return result;
}

// ---- edits kept in the page until the app has them ----

/**
 * Autosaved edits are written to sessionStorage before they are sent, and taken out only when the
 * app has answered (saved, or refused with a reason shown to the user). So a restart of the browser
 * shell, a lost connection or a reload never loses what was typed: the page sends what is left
 * again when it loads (replayPending), and the autosave hook keeps retrying while it is open.
 */
const JOURNAL_KEY = 'fto.onopgeslagen';

interface JournalEntry {
  method: string;
  /** The input's fields that say what is edited (ids), the same for every save of it. */
  base: Record<string, unknown>;
  /** The edited fields with their latest values. */
  fields: Record<string, unknown>;
}

function readJournal(): Record<string, JournalEntry> {
  try {
    return JSON.parse(sessionStorage.getItem(JOURNAL_KEY) ?? '{}') as Record<string, JournalEntry>;
  } catch {
    return {};
  }
}

function writeJournal(journal: Record<string, JournalEntry>) {
  try {
    if (Object.keys(journal).length === 0) sessionStorage.removeItem(JOURNAL_KEY);
    else sessionStorage.setItem(JOURNAL_KEY, JSON.stringify(journal));
  } catch {
    // storage full or switched off: the autosave hook still holds the edits while the page is open
  }
}

function split(method: string, input: unknown, fieldNames: string[]) {
  const all = (input ?? {}) as Record<string, unknown>;
  const base = Object.fromEntries(
    Object.entries(all)
      .filter(([key]) => !fieldNames.includes(key))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  const fields = Object.fromEntries(Object.entries(all).filter(([key]) => fieldNames.includes(key)));
  return { key: `${method} ${JSON.stringify(base)}`, base, fields };
}

/** Set while an autosave hook runs its save function: the call it makes is journalled (see durably). */
let durableScope: { fields: string[]; recordOnly: boolean } | null = null;

/**
 * Runs `save`, whose first statement must be the call() that saves `fields`, as a journalled call.
 * With `recordOnly` the call is only written to the journal (as each keystroke is) and not sent.
 */
export function durably<T>(fields: string[], recordOnly: boolean, save: () => T): T {
  durableScope = { fields, recordOnly };
  try {
    return save();
  } finally {
    durableScope = null;
  }
}

function record(method: string, input: unknown, fieldNames: string[]): void {
  const { key, base, fields } = split(method, input, fieldNames);
  const journal = readJournal();
  journal[key] = { method, base, fields: { ...journal[key]?.fields, ...fields } };
  writeJournal(journal);
}

/** The app answered: the fields it had are no longer pending, unless they were changed again since. */
function acknowledge(method: string, input: unknown, fieldNames: string[]): void {
  const { key, fields } = split(method, input, fieldNames);
  const journal = readJournal();
  const entry = journal[key];
  if (!entry) return;
  for (const [field, value] of Object.entries(fields))
    if (JSON.stringify(entry.fields[field]) === JSON.stringify(value)) delete entry.fields[field];
  if (Object.keys(entry.fields).length === 0) delete journal[key];
  writeJournal(journal);
}

/** Whether a failure means "try again later" (keep the edit) rather than "the app refused it". */
const isTransient = (error: ErrorValue) => error.code === 'session' || error.code === 'internal' || error.code === 'busy';

/**
 * Sends the edits a previous page left unsaved (before the app shows anything, so it shows them).
 * Returns the messages of edits the app refused; what could not be sent stays in the journal.
 */
export async function replayPending(): Promise<string[]> {
  const refused: string[] = [];
  for (const entry of Object.values(readJournal())) {
    const fieldNames = Object.keys(entry.fields);
    const result = await durably(fieldNames, false, () => call(entry.method as MethodName, { ...entry.base, ...entry.fields } as never));
    if (!result.ok && !isTransient(result.error)) refused.push(result.error.message);
    if (!result.ok && isTransient(result.error)) break; // the app is not there: keep the rest for later
  }
  return refused;
}

// ---- calls ----

/** Calls one contract method through whichever shell the page runs in, and returns its Result. */
export async function call<M extends MethodName>(method: M, ...[input]: InputArgs<M>): Promise<Result<MethodOutput<M>>> {
  const durable = durableScope; // read before the first await: see durably()
  durableScope = null;
  if (durable) {
    record(method, input, durable.fields);
    if (durable.recordOnly) return failure('', 'internal') as Result<MethodOutput<M>>;
  }
  const bridge = window.fto;
  const result = bridge
    ? await (bridge[method] as (input?: unknown) => Promise<Result<MethodOutput<M>>>)(input)
    : ((await overHttp(method, input)) as Result<MethodOutput<M>>);
  if (durable && (result.ok || !isTransient(result.error))) acknowledge(method, input, durable.fields);
  return result;
}

/** Like call(), but gives the value and throws an ApiError on failure. */
export async function get<M extends MethodName>(method: M, ...args: InputArgs<M>): Promise<MethodOutput<M>> {
  const result = await call(method, ...args);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
