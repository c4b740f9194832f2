import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { ErrorValue, Result } from './api';

/** Loads data when the dependencies change; `reload` fetches again (after a change was saved). */
export function useLoad<V>(load: () => Promise<V>, deps: DependencyList) {
  const [data, setData] = useState<V>();
  const [error, setError] = useState<string>();
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(undefined);
      },
      (failure: Error) => live && setError(failure.message),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, error, reload };
}

/**
 * Runs a call that may fail with a user error, keeping the error (for the form's fields) and
 * whether it is busy. The form's own state is untouched, so nothing typed is lost.
 */
export function useAction<A extends unknown[], V>(action: (...args: A) => Promise<Result<V>>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);
  const actionRef = useRef(action);
  actionRef.current = action;
  const run = useCallback(async (...args: A): Promise<{ ok: true; value: V } | { ok: false }> => {
    setBusy(true);
    try {
      const result = await actionRef.current(...args);
      setError(result.ok ? null : result.error);
      return result.ok ? result : { ok: false };
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, clear };
}

/**
 * A form's save action: errors kept for the fields, and `onSaved` called only on success.
 * `dialog(shown)` gives the FormDialog its submit, busy state and the error none of the `shown` fields carries.
 */
export function useSaveForm<V>(action: () => Promise<Result<V>>, onSaved: (value: V) => void) {
  const save = useAction(action);
  const submit = async () => {
    const result = await save.run();
    if (result.ok) onSaved(result.value);
  };
  const dialog = (shown: (field: string) => boolean) => ({ onSubmit: submit, busy: save.busy, error: formError(save.error, shown) });
  return { ...save, dialog };
}

/** The message for one field, from either the error's `fields` map or its main `field`. */
export function fieldError(error: ErrorValue | null, field: string): string | undefined {
  if (!error) return undefined;
  return error.fields?.[field] ?? (error.field === field ? error.message : undefined);
}

/** The message to show above the buttons when no shown field carries it. */
export function formError(error: ErrorValue | null, shownFields: (field: string) => boolean): string | undefined {
  if (!error) return undefined;
  return error.field && shownFields(error.field) ? undefined : error.message;
}

/** Form text to number; empty or unreadable text becomes NaN, which the core refuses with its own message. */
export function toNumber(text: string): number {
  const trimmed = text.trim().replace(/\./g, '').replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** Form text to a number that may be left out: empty text becomes null. */
export function toOptionalNumber(text: string): number | null {
  return text.trim() === '' ? null : toNumber(text);
}
