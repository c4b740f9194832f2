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
 * Where the better-sqlite3 build for this Electron lives: one file per better-sqlite3 version,
 * Electron version, platform and architecture, so an upgrade of either builds a new one.
 * @param {{ projectDir: string, sqliteVersion: string, electronVersion: string, platform?: string, arch?: string }} options
 */
export function electronBindingPath({ projectDir: root, sqliteVersion, electronVersion, platform = process.platform, arch = process.arch }) {
  return path.join(root, '.electron-native', `better-sqlite3-${sqliteVersion}-electron-${electronVersion}-${platform}-${arch}.node`);
}

/**
 * Node's copy of better-sqlite3 in node_modules stays as it is (tests, CLI and browser shell use
 * it). For Electron, whose ABI differs, a second copy is built once into .electron-native/ with
 * @electron/rebuild (a prebuilt binary when there is one, else node-gyp with Electron's headers:
 * both need internet), and main.ts opens the database with it through `nativeBinding`.
 * @returns {Promise<string>} the path of the Electron build of better_sqlite3.node
 */
export async function ensureElectronSqlite() {
  const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = readJson(path.join(sqliteDir, 'package.json')).version;
  const electronVersion = readJson(require.resolve('electron/package.json')).version;
  const target = electronBindingPath({ projectDir, sqliteVersion, electronVersion });
  if (fs.existsSync(target)) return target;

  console.log(`better-sqlite3 wordt eenmalig gebouwd voor Electron ${electronVersion} ...`);
  const work = path.join(projectDir, '.electron-native', 'work');
  const copy = path.join(work, 'node_modules', 'better-sqlite3');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(copy, { recursive: true });
  for (const part of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
    fs.cpSync(path.join(sqliteDir, part), path.join(copy, part), { recursive: true });
  }
  fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'electron-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
  // npm passes its `nodedir` setting (Node's own headers) to node-gyp through the environment:
  // that would build for Node's ABI again, so it must not reach this build.
  for (const key of Object.keys(process.env)) if (key.toLowerCase() === 'npm_config_nodedir') delete process.env[key];
  try {
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3'], force: true });
    fs.copyFileSync(path.join(copy, 'build', 'Release', 'better_sqlite3.node'), target);
  } catch (error) {
    throw new StartError(
      `better-sqlite3 kon niet voor Electron worden gebouwd (dat vraagt eenmalig internet en een C++-compiler). ${WEB_HINT} ` +
        `(${firstLine(/** @type {Error} */ (error)?.message ?? String(error))})`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return target;
}

/** Builds the renderer (Vite) and the Electron bundles (esbuild). */
export async function buildAll() {
  const vite = spawnSync(process.execPath, [path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: projectDir,
    stdio: 'inherit',
  });
  if (vite.status !== 0) throw new StartError('Het bouwen van de gebruikersinterface is mislukt; zie de meldingen hierboven.');
  await buildElectron();
}

async function main() {
  const electron = ensureElectronBinary(path.dirname(require.resolve('electron/package.json')));
  const nativeBinding = await ensureElectronSqlite();
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

/** @param {string} file */
function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
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
