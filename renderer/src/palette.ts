import { ROLE_COLORS } from '../../slides/theme';

/**
 * The app's chart colours come from the deck's palette (slides/theme.ts), set as CSS custom properties once at
 * start-up: short- and long-acting look the same on screen as on the slides and in the PowerPoint.
 */
export const PALETTE_PROPERTIES = { '--short': ROLE_COLORS.short, '--long': ROLE_COLORS.long, '--other': ROLE_COLORS.other } as const;

export function applyPalette(root: HTMLElement): void {
  for (const [name, color] of Object.entries(PALETTE_PROPERTIES)) root.style.setProperty(name, color);
}
