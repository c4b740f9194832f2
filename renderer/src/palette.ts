import { ROLE_COLORS, type SeriesRole } from '../../domain';

/** The CSS custom property that holds a role's colour: `--role-short`, `--role-chronic`, ... */
export const roleProperty = (role: SeriesRole) => `--role-${role}`;

/**
 * The app's chart colours are domain/'s palette, set as CSS custom properties once at start-up (styles.css
 * only refers to them): short- and long-acting look the same on screen as on the slides and in the PowerPoint.
 */
export function applyPalette(root: HTMLElement): void {
  for (const [role, color] of Object.entries(ROLE_COLORS)) root.style.setProperty(roleProperty(role as SeriesRole), color);
}
