import { buildDeck } from '../slides/build';
import { deckToHtml } from '../slides/html';
import { deckToPptx } from '../slides/pptx';
import { sampleDeckData } from '../slides/sample-data';
import type { Bench, BenchFigure } from './report';

// Issue 4's targets for the demo group's deck (five practices, five years, agreements): HTML in at most 1 s,
// PPTX in at most 3 s, the HTML file under 3 MB. The first build in a fresh process is measured, as the CLI
// would run it; the median of the next five shows the warm cost in the app.

async function timed<T>(work: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const deckBench: Bench = async () => {
  const data = sampleDeckData('names');
  const html = await timed(() => deckToHtml(buildDeck({ data })));
  const pptx = await timed(() => deckToPptx(buildDeck({ data })));
  const warmHtml: number[] = [];
  const warmPptx: number[] = [];
  for (let i = 0; i < 5; i++) {
    warmHtml.push((await timed(() => deckToHtml(buildDeck({ data })))).ms);
    warmPptx.push((await timed(() => deckToPptx(buildDeck({ data })))).ms);
  }
  const sizeMb = Buffer.byteLength(html.value) / 1024 / 1024;
  const figures: BenchFigure[] = [
    { name: 'Presentatie HTML bouwen (eerste keer)', value: html.ms / 1000, unit: 's', target: '≤ 1 s', met: html.ms <= 1000 },
    { name: 'Presentatie HTML bouwen (mediaan, warm)', value: median(warmHtml) / 1000, unit: 's', target: '≤ 1 s', met: median(warmHtml) <= 1000 },
    { name: 'Presentatie PPTX bouwen (eerste keer)', value: pptx.ms / 1000, unit: 's', target: '≤ 3 s', met: pptx.ms <= 3000 },
    { name: 'Presentatie PPTX bouwen (mediaan, warm)', value: median(warmPptx) / 1000, unit: 's', target: '≤ 3 s', met: median(warmPptx) <= 3000 },
    { name: 'Presentatie HTML-bestand', value: sizeMb, unit: 'MB', target: '< 3 MB', met: sizeMb < 3 },
    { name: 'Presentatie PPTX-bestand', value: pptx.value.length / 1024 / 1024, unit: 'MB' },
  ];
  return figures;
};

export default deckBench;
