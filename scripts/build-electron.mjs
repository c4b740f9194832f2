#!/usr/bin/env node
// Bundles the Electron side into dist/electron/: main.cjs (the main process), preload.cjs (one
// self-contained CommonJS file, because a sandboxed preload cannot require node modules) and
// import-worker.cjs (the import's worker thread; main.ts finds it beside itself).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The import worker's code (db/import/jobs.ts runs it in a worker thread); bundled when present. */
const importWorkerEntry = 'db/import/worker-main.ts';

/**
 * Sources written as ES modules may use import.meta; in a CommonJS bundle it would be empty, so it
 * is made to describe the bundle file itself.
 */
const nodeBundle = {
  platform: /** @type {const} */ ('node'),
  external: ['electron', 'better-sqlite3', 'playwright-core'], // better-sqlite3: its .node file is loaded at run time; playwright-core: the app prints PDFs with Electron itself
  banner: { js: '"use strict"; var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__importMetaUrl', 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
};

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
    { in: 'electron/main.ts', out: 'main.cjs', options: nodeBundle },
    // Sandboxed preloads may only require 'electron' (and a few polyfilled modules): bundle the rest.
    // The contract is replaced by its list of method names, so zod does not end up in the preload.
    {
      in: 'electron/preload.ts',
      out: 'preload.cjs',
      options: {
        platform: /** @type {const} */ ('browser'),
        external: ['electron'],
        plugins: [contractNamesPlugin(await contractMethodNames())],
      },
    },
  ];
  if (fs.existsSync(path.join(projectDir, importWorkerEntry)))
    entries.push({ in: importWorkerEntry, out: 'import-worker.cjs', options: nodeBundle });

  fs.mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const entry of entries) {
    const outfile = path.join(outDir, entry.out);
    await build({ ...common, ...entry.options, entryPoints: [entry.in], outfile });
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
