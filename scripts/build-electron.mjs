#!/usr/bin/env node
// Bundles the Electron side into dist/electron/: main.cjs (the main process), preload.cjs (one
// self-contained CommonJS file, because a sandboxed preload cannot require node modules) and, when
// the import engineer's worker entry exists, import-worker.cjs (main.ts finds it beside itself).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Worker entries under db/import/ that run in worker_threads; bundled when present. */
const workerCandidates = ['db/import/worker.ts', 'db/import/import-worker.ts'];

/**
 * Builds the bundles into `outDir` (default dist/electron) and returns the files written.
 * @param {{ outDir?: string }} [options]
 */
export async function buildElectron(options = {}) {
  const outDir = options.outDir ?? path.join(projectDir, 'dist', 'electron');
  const common = {
    absWorkingDir: projectDir,
    bundle: true,
    format: /** @type {const} */ ('cjs'),
    target: 'node22', // Electron 45 runs Node 22
    sourcemap: /** @type {const} */ ('linked'),
    logLevel: /** @type {const} */ ('warning'),
    legalComments: /** @type {const} */ ('none'),
  };
  const entries = [
    // better-sqlite3 stays a real node module: its .node file is loaded at run time (and rebuilt for Electron).
    { in: 'electron/main.ts', out: 'main.cjs', platform: 'node', external: ['electron', 'better-sqlite3'] },
    // Sandboxed preloads may only require 'electron' (and a few polyfilled modules): bundle the rest.
    // The contract is replaced by its list of method names, so zod does not end up in the preload.
    {
      in: 'electron/preload.ts',
      out: 'preload.cjs',
      platform: 'browser',
      external: ['electron'],
      plugins: [contractNamesPlugin(await contractMethodNames())],
    },
  ];
  const worker = workerCandidates.find((candidate) => fs.existsSync(path.join(projectDir, candidate)));
  if (worker) entries.push({ in: worker, out: 'import-worker.cjs', platform: 'node', external: ['electron', 'better-sqlite3'] });

  fs.mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const entry of entries) {
    const outfile = path.join(outDir, entry.out);
    await build({
      ...common,
      entryPoints: [entry.in],
      outfile,
      platform: /** @type {'node' | 'browser'} */ (entry.platform),
      external: entry.external,
      plugins: entry.plugins ?? [],
    });
    written.push(outfile);
  }
  return written;
}

/** Evaluates db/contract once (bundled in memory, it needs no module but zod) and returns `methodNames`. */
async function contractMethodNames() {
  const result = await build({
    absWorkingDir: projectDir,
    entryPoints: ['db/contract/index.ts'],
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'warning',
  });
  const module = { exports: /** @type {{ methodNames?: unknown }} */ ({}) };
  new Function('module', 'exports', result.outputFiles[0].text)(module, module.exports);
  const names = module.exports.methodNames;
  if (!Array.isArray(names) || names.length === 0) throw new Error('db/contract exporteert geen methodNames.');
  return /** @type {string[]} */ (names);
}

/**
 * Resolves the preload's import of the contract to a module holding only the method names.
 * @param {string[]} names
 * @returns {import('esbuild').Plugin}
 */
function contractNamesPlugin(names) {
  return {
    name: 'contract-method-names',
    setup(builder) {
      builder.onResolve({ filter: /\/db\/contract(\/index)?(\.ts)?$/ }, () => ({ path: 'method-names', namespace: 'contract' }));
      builder.onLoad({ filter: /.*/, namespace: 'contract' }, () => ({
        contents: `export const methodNames = ${JSON.stringify(names)};`,
        loader: 'js',
      }));
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const files = await buildElectron();
  for (const file of files) console.log(`gebouwd: ${path.relative(projectDir, file)}`);
}
