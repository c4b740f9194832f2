#!/usr/bin/env node
// `npm start`: make sure Electron and an Electron build of better-sqlite3 are there, build the
// renderer and the Electron bundles, then start the app. Every failure a user can meet (no
// internet to fetch Electron, no compiler for the native module) ends in one plain Dutch line.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildElectron, projectDir } from './build-electron.mjs';
import { currentElectronBindingPath } from './electron-sqlite.mjs';

const require = createRequire(path.join(projectDir, 'package.json'));
const WEB_HINT = 'Start dezelfde app in de browser met: npm run web';

/** A failure meant for the user: printed as one line, without a stack trace. */
export class StartError extends Error {}

/**
 * Electron's npm package fetches its program on first use (install.js). Runs that step with its
 * output captured, so that a failure becomes one Dutch line instead of a stack trace, and returns
 * the path of the Electron program.
 * @param {string} electronDir the folder of the `electron` package
 */
export function ensureElectronBinary(electronDir) {
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const executable = relative ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(electronDir, 'dist'), relative) : '';
  if (install.status !== 0 || !executable || !fs.existsSync(executable)) {
    const cause = firstLine(`${install.stderr ?? ''}\n${install.stdout ?? ''}`) || install.error?.message || 'onbekende oorzaak';
    throw new StartError(
      `Het Electron-programma kon niet worden gedownload, dus de desktop-app kan hier niet starten. ${WEB_HINT} ` +
        `(Electron could not be downloaded: ${cause})`,
    );
  }
  return executable;
}

/**
 * Makes sure there is a better-sqlite3 built for Electron (scripts/electron-sqlite.mjs, run as a
 * child so that its build tools' output can be kept back) and returns its path.
 */
export function ensureElectronSqlite() {
  const target = currentElectronBindingPath();
  if (fs.existsSync(target)) return target;
  console.log('better-sqlite3 wordt eenmalig voor Electron gebouwd; dat kan enkele minuten duren ...');
  const build = spawnSync(process.execPath, [path.join(projectDir, 'scripts', 'electron-sqlite.mjs')], {
    cwd: projectDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (build.status !== 0 || !fs.existsSync(target)) {
    const cause = lastLine(build.stderr ?? '') || build.error?.message || 'onbekende oorzaak';
    throw new StartError(
      `better-sqlite3 kon niet voor Electron worden gebouwd (dat vraagt eenmalig internet, en soms een C++-compiler). ${WEB_HINT} (${cause})`,
    );
  }
  return target;
}

/** Builds the renderer (Vite) and the Electron bundles (esbuild). */
export async function buildAll() {
  const vite = spawnSync(
    process.execPath,
    [
      path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'),
      'build',
      '--configLoader',
      'native',
      '--logLevel',
      'warn',
    ],
    {
      cwd: projectDir,
      stdio: 'inherit',
    },
  );
  if (vite.status !== 0) throw new StartError('Het bouwen van de gebruikersinterface is mislukt; zie de meldingen hierboven.');
  await buildElectron();
}

async function main() {
  const electron = ensureElectronBinary(path.dirname(require.resolve('electron/package.json')));
  const nativeBinding = ensureElectronSqlite();
  await buildAll();
  const env = { ...process.env, FTO_NATIVE_BINDING: nativeBinding };
  delete env.ELECTRON_RUN_AS_NODE; // would make Electron behave as plain Node
  const child = spawn(electron, [projectDir, ...process.argv.slice(2)], { cwd: projectDir, stdio: 'inherit', env });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** @param {string} text */
function firstLine(text) {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '' && !line.startsWith('at ')) ?? ''
  );
}

/** @param {string} text */
function lastLine(text) {
  return text.trim().split('\n').pop()?.trim() ?? '';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    if (error instanceof StartError) {
      console.error(error.message);
    } else {
      console.error(`npm start is mislukt: ${error?.message ?? error}`);
    }
    process.exit(1);
  });
}
