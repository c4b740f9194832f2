// `npm run bench`: measures the figures the issues set targets for and prints one table.
// Each bench is a module under bench/ exporting a Bench; add new ones to the list below.
import { printFigures, type Bench, type BenchFigure } from './report';

const benches: [string, () => Promise<{ default: Bench }>][] = [
  ['import', () => import('./import')],
  ['indicators', () => import('./indicators')],
  ['deck', () => import('./deck')],
  ['polls', () => import('./polls')],
];

const only = process.argv.slice(2);
const figures: BenchFigure[] = [];
for (const [name, load] of benches) {
  if (only.length && !only.includes(name)) continue;
  process.stderr.write(`bench ${name}...\n`);
  figures.push(...(await (await load()).default()));
}
printFigures(figures);
