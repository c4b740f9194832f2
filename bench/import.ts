// Import speed: CSV with 10k, 100k and 1M rows and .xlsx with 10k and 100k rows, written by the demo
// generator, each imported into a new database in a child process (time of the import itself, and
// the child's peak memory, parser thread included).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeExport } from '../db/demo/export';
import { generateDispensings } from '../db/demo/generate';
import type { Bench, BenchFigure } from './report';

const CASES: { format: 'csv' | 'xlsx'; rows: number; targetS?: number }[] = [
  { format: 'csv', rows: 10_000 },
  { format: 'csv', rows: 100_000 },
  { format: 'csv', rows: 1_000_000, targetS: 10 },
  { format: 'xlsx', rows: 10_000 },
  { format: 'xlsx', rows: 100_000, targetS: 10 },
];
const PEAK_TARGET_MB = 1024;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const child = path.join(root, 'bench', 'import-child.ts');
// The CLI and the app start the parser thread from a bundle; from the sources, tsx would first compile its modules.
const worker = path.join(root, 'dist', 'cli', 'worker.mjs');

const bench: Bench = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fto-bench-import-'));
  const figures: BenchFigure[] = [];
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { cwd: root });
  try {
    for (const { format, rows, targetS } of CASES) {
      const file = path.join(dir, `export-${rows}.${format}`);
      fs.writeFileSync(
        file,
        writeExport(generateDispensings({ count: rows }), {
          format,
          headers: 'nl',
          delimiter: ';',
          encoding: 'utf-8',
          dates: format === 'csv' ? 'dd-mm-yyyy' : 'cell',
        }),
      );
      const output = execFileSync(
        process.execPath,
        ['--import', 'tsx', child, file, path.join(dir, `bench-${rows}-${format}.sqlite`), worker],
        {
          encoding: 'utf8',
          cwd: root,
        },
      );
      const result = JSON.parse(output) as { ms: number; read: number; peakMb: number };
      const label = `${format === 'csv' ? 'CSV' : '.xlsx'}-import, ${rows.toLocaleString('nl-NL')} rijen`;
      const seconds = result.ms / 1000;
      figures.push(
        { name: `${label}: tijd`, value: seconds, unit: 's', ...(targetS ? { target: `≤ ${targetS} s`, met: seconds <= targetS } : {}) },
        { name: `${label}: snelheid`, value: Math.round(result.read / seconds), unit: 'rijen/s' },
        {
          name: `${label}: piekgeheugen`,
          value: result.peakMb,
          unit: 'MB',
          target: `< ${PEAK_TARGET_MB} MB`,
          met: result.peakMb < PEAK_TARGET_MB,
        },
      );
      fs.rmSync(file);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
};

export default bench;
