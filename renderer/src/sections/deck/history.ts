import { useCallback, useEffect, useRef, useState } from 'react';

/** One change in the deck editor that can be taken back and done again (each side is a call to the core). */
export interface Step {
  undo(): Promise<boolean>;
  redo(): Promise<boolean>;
}

/** Text fields keep their own Ctrl+Z (the browser's, letter by letter); the editor's undo works elsewhere. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

/**
 * The editor's undo and redo: steps are recorded after they were saved; Ctrl+Z takes the last one back,
 * Ctrl+Shift+Z (or Ctrl+Y) does it again. A new step after an undo forgets what could be redone.
 */
export function useHistory(enabled: boolean) {
  const [past, setPast] = useState<Step[]>([]);
  const [future, setFuture] = useState<Step[]>([]);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);

  const record = useCallback((step: Step) => {
    setPast((steps) => [...steps, step]);
    setFuture([]);
  }, []);

  const run = useCallback(async (from: Step[], direction: 'undo' | 'redo') => {
    const step = from.at(-1);
    if (!step || running.current) return;
    running.current = true;
    setBusy(true);
    try {
      if (!(await step[direction]())) return;
      const move = (steps: Step[]) => steps.slice(0, -1);
      const add = (steps: Step[]) => [...steps, step];
      if (direction === 'undo') {
        setPast(move);
        setFuture(add);
      } else {
        setFuture(move);
        setPast(add);
      }
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  const undo = useCallback(() => run(past, 'undo'), [past, run]);
  const redo = useCallback(() => run(future, 'redo'), [future, run]);

  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || typingIn(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) void undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') void redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, undo, redo]);

  return { record, undo, redo, canUndo: past.length > 0 && !busy, canRedo: future.length > 0 && !busy };
}
