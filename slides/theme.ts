import { ROLE_COLORS, type SeriesRole } from '../domain';
import type { ChartSeries } from './model';

// The deck's look. Series colours are domain/'s palette, the same as in the app (one colour per meaning).

export const TEXT_COLOR = '#1F2933';
export const MUTED_COLOR = '#52606D';
export const ACCENT_COLOR = '#0B4F6C';
export const FONT_FAMILY = 'Arial, Helvetica, "Liberation Sans", "DejaVu Sans", sans-serif';

/** The role's colour, lightened towards white by `shade` steps (older years are lighter). */
export function seriesColor(role: SeriesRole, shade = 0): string {
  const base = ROLE_COLORS[role];
  const mix = Math.min(shade, 4) * 0.17;
  const channel = (i: number) => {
    const value = parseInt(base.slice(1 + i * 2, 3 + i * 2), 16);
    return Math.round(value + (255 - value) * mix)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`.toUpperCase();
}

/** The colour a series is drawn in, the same in the SVG charts and the PowerPoint charts. */
export function colorOf(series: ChartSeries): string {
  return series.color ?? seriesColor(series.role, series.shade);
}
