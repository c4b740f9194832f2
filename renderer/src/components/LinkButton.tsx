import type { ReactNode } from 'react';

/**
 * A button that looks like a link, as in a table row's actions. `name` is what screen readers say
 * instead of the visible text, when that alone does not tell which row the button acts on.
 */
export function LinkButton({ label, name, onClick }: { label: ReactNode; name?: string; onClick(): void }) {
  return (
    <button type="button" className="link" onClick={onClick} aria-label={name}>
      {label}
    </button>
  );
}
