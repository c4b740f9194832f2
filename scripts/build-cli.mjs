#!/usr/bin/env node
// Bundles the command line (`npx fto`) into dist/cli/ with esbuild, so that a run loads one
// JavaScript file instead of transpiling the TypeScript sources with tsx (seconds on every start):
// main.mjs, and worker.mjs for the import's worker threads (db/import/pipeline.ts finds it beside
// main.mjs). sources.json lists every source file bundled: cli/fto.mjs falls back to the sources
// when any of them is newer than the bundle (development). Run by `npm install` and `npm test`.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8'));
/** Bundled in: every command loads zod (the contract), and one file loads faster than its hundred modules. */
const BUNDLED_PACKAGES = ['zod'];
const outDir = path.join(projectDir, 'dist', 'cli');

fs.rmSync(outDir, { recursive: true, force: true }); // no chunks of an earlier build left behind
const result = await build({
  absWorkingDir: projectDir,
  entryPoints: { main: 'cli/main.ts', worker: 'db/import/worker-main.ts' },
  outdir: outDir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true, // main and worker share their code
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Other node_modules are loaded as they are (better-sqlite3 is native), the heavy ones only when a command needs them.
  external: Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
    .filter((name) => !BUNDLED_PACKAGES.includes(name))
    .flatMap((name) => [name, `${name}/*`]),
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
});
const sources = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/'));
fs.writeFileSync(path.join(outDir, 'sources.json'), `${JSON.stringify(sources)}\n`);
