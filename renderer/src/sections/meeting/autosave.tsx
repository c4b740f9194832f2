import { useCallback, useEffect, useRef, useState } from 'react';
import { durably, type ErrorValue, type Result } from '../../api';
import { useI18n } from '../../i18n';

export const AUTOSAVE_DELAY_MS = 300;
/** After a failed connection, what is pending is sent again this much later, even when nothing new is typed. */
const RETRY_MS = 2000;

export type SaveState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved'; at: Date } | { kind: 'failed'; message: string };

type Patch = Record<string, unknown>;

/**
 * Saves what is typed while it is typed: changes are merged into one pending patch, sent ~300 ms
 * after the last keystroke (at once on blur, unmount, page hide or close), one request at a time
 * and in order. A refused field keeps its message and is not retried until it changes again;
 * everything else is kept and sent again, so nothing typed is dropped because of an error.
 */
export function useAutosave<P extends Patch>(save: (patch: Partial<P>) => Promise<Result<unknown>>) {
  const saveRef = useRef(save);
  saveRef.current = save;
  const pending = useRef<Patch>({});
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const flushRef = useRef<() => Promise<void>>(async () => {});
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const send = useCallback(async () => {
    const patch = pending.current;
    if (Object.keys(patch).length === 0) return;
    pending.current = {};
    setState({ kind: 'busy' });
    const result = await durably(Object.keys(patch), false, () => saveRef.current(patch as Partial<P>));
    if (result.ok) {
      setFieldErrors((errors) => withoutKeys(errors, Object.keys(patch)));
      setState(Object.keys(pending.current).length ? { kind: 'busy' } : { kind: 'saved', at: new Date() });
      return;
    }
    const refused = refusedFields(result.error, patch);
    setFieldErrors((errors) => ({ ...withoutKeys(errors, Object.keys(patch)), ...refused }));
    setState({ kind: 'failed', message: result.error.message });
    // A refused value waits for the user's correction; the rest (and any failure of the connection) is tried again.
    const keep = Object.entries(patch).filter(([key]) => !(key in refused) && !(key in pending.current));
    const anyRefused = Object.keys(refused).length > 0;
    pending.current = { ...Object.fromEntries(keep), ...pending.current };
    if (anyRefused && Object.keys(pending.current).length) await send();
    else if (!anyRefused) {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flushRef.current(), RETRY_MS);
    }
  }, []);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    queue.current = queue.current.then(send);
    return queue.current;
  }, [send]);
  flushRef.current = flush;

  const change = useCallback(
    (patch: Partial<P>) => {
      pending.current = { ...pending.current, ...patch };
      void durably(Object.keys(patch), true, () => saveRef.current(patch));
      setState({ kind: 'busy' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const onLeave = () => void flush();
    const onHidden = () => document.visibilityState === 'hidden' && void flush();
    window.addEventListener('beforeunload', onLeave);
    window.addEventListener('pagehide', onLeave);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', onLeave);
      window.removeEventListener('pagehide', onLeave);
      document.removeEventListener('visibilitychange', onHidden);
      void flush();
    };
  }, [flush]);

  // A field still refused outweighs a later successful save of the other fields.
  const firstRefused = Object.values(fieldErrors)[0];
  const shown: SaveState = firstRefused !== undefined && state.kind === 'saved' ? { kind: 'failed', message: firstRefused } : state;
  const fieldError = (field: keyof P & string) => fieldErrors[field];
  /**
   * The change handler and error of a field that saves `key` as it is typed: `show` keeps what was
   * typed on screen, `toPatch` makes the value to save of it (by default the text itself).
   */
  const field = <V extends string, K extends keyof P & string>(key: K, show: (value: V) => void, toPatch?: (value: V) => P[K]) => ({
    onChange: (value: V) => {
      show(value);
      change({ [key]: toPatch ? toPatch(value) : value } as Partial<P>);
    },
    error: fieldError(key),
  });
  return { state: shown, change, flush, fieldError, field };
}

function withoutKeys(errors: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => !keys.includes(key)));
}

/**
 * The fields of the patch the core refused. A validation error that names no field of the patch
 * counts against the whole patch (sending it again would fail the same way).
 */
function refusedFields(error: ErrorValue, patch: Patch): Record<string, string> {
  const named = { ...(error.field ? { [error.field]: error.message } : {}), ...error.fields };
  const inPatch = Object.fromEntries(Object.entries(named).filter(([key]) => key in patch));
  if (Object.keys(inPatch).length) return inPatch;
  return error.code === 'validation' ? Object.fromEntries(Object.keys(patch).map((key) => [key, error.message])) : {};
}

/** "Opgeslagen om 14:03" / "Opslaan…" / the reason it was not saved: always visible next to what autosaves. */
/** A save that takes longer than this is waiting for the database, which only an import holds that long. */
const SLOW_SAVE_MS = 1000;

export function SaveStatus({ state }: { state: SaveState }) {
  const { t, lang } = useI18n();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (state.kind !== 'busy') return;
    const timer = setTimeout(() => setSlow(true), SLOW_SAVE_MS);
    return () => clearTimeout(timer);
  }, [state]);
  if (state.kind === 'idle') return <span className="save-status" aria-live="polite" />;
  const text =
    state.kind === 'busy'
      ? t(slow ? 'autosave.waiting' : 'autosave.busy')
      : state.kind === 'saved'
        ? t('autosave.saved', {
            time: state.at.toLocaleTimeString(lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
          })
        : t('autosave.failed', { reason: state.message });
  return (
    <span className={`save-status ${state.kind}`} aria-live="polite">
      {text}
    </span>
  );
}
