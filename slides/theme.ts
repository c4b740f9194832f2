import type { ChartSeries, SeriesRole } from './model';

// One colour per meaning, in every chart, table and export: short-acting is always orange-red, long-acting
// always blue (colour-blind safe pair), so a reader never has to look up the legend twice.
export const ROLE_COLORS: Record<SeriesRole, string> = {
  short: '#D55E00',
  long: '#0072B2',
  chronic: '#7B3294',
  newUsers: '#1B9E77',
  over3: '#CC79A7',
  ownGp: '#1B9E77',
  other: '#8C8C8C',
  region: '#4D4D4D',
  neutral: '#3B6E8F',
  // Substances as in the national chart; a high dose in a colour of its own.
  oxycodone: '#B2182B',
  morphine: '#4D9221',
  fentanyl: '#762A83',
  highDose: '#A6761D',
};

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
