// One colour per meaning, in every chart, table and export, in the app as on the slides: short-acting is
// always orange-red, long-acting always blue (a colour-blind safe pair), so a reader never has to look up
// the legend twice.

export const ROLE_COLORS = {
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
} as const;

/** What a series in a chart stands for; its colour follows from it. */
export type SeriesRole = keyof typeof ROLE_COLORS;
