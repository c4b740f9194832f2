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

function failure(message: string): Result<never> {
  return { ok: false, error: { code: 'internal', message } };
}

/** The browser shell: POST /api/<method>, with the token the server wrote into the page. */
async function overHttp(method: string, input: unknown): Promise<Result<unknown>> {
  const token = document.querySelector('meta[name="fto-token"]')?.getAttribute('content') ?? '';
  let response: Response;
  try {
    const body = JSON.stringify(input ?? {});
    const send = (keepalive: boolean) =>
      fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-fto-token': token },
        body,
        keepalive,
      });
    // A save sent while the page closes must still arrive: keepalive, for small bodies. When the browser's
    // keepalive quota is in use by other requests it refuses at once; then send it the ordinary way.
    response = await send(body.length < KEEPALIVE_MAX_CHARS).catch(() => send(false));
  } catch {
    return failure(translate('api.unreachable'));
  }
  if (response.status === 403) return failure(translate('api.refused'));
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return failure(translate('api.badAnswer', { status: String(response.status) }));
  }
}

/** Calls one contract method through whichever shell the page runs in, and returns its Result. */
export async function call<M extends MethodName>(method: M, ...[input]: InputArgs<M>): Promise<Result<MethodOutput<M>>> {
  const bridge = window.fto;
  if (bridge) return (bridge[method] as (input?: unknown) => Promise<Result<MethodOutput<M>>>)(input);
  return (await overHttp(method, input)) as Result<MethodOutput<M>>;
}

/** Like call(), but gives the value and throws an ApiError on failure. */
export async function get<M extends MethodName>(method: M, ...args: InputArgs<M>): Promise<MethodOutput<M>> {
  const result = await call(method, ...args);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
