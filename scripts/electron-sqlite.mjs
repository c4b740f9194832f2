#!/usr/bin/env node
// better-sqlite3 for Electron in development. Node's copy in node_modules stays as it is (tests,
// CLI and browser shell use it); Electron, whose ABI differs, gets a second copy built once into
// .electron-native/ with @electron/rebuild: a prebuilt binary when there is one, else node-gyp with
// Electron's headers (both need internet). main.ts opens the database with it through
// better-sqlite3's `nativeBinding` option. `npm start` runs this file; it can also be run by hand.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectDir } from './build-electron.mjs';

const require = createRequire(path.join(projectDir, 'package.json'));

/**
 * Where the Electron build lives: one file per better-sqlite3 version, Electron version, platform
 * and architecture, so an upgrade of either builds a new one.
 * @param {{ projectDir: string, sqliteVersion: string, electronVersion: string, platform?: string, arch?: string }} options
 */
export function electronBindingPath({
  projectDir: root,
  sqliteVersion,
  electronVersion,
  platform = process.platform,
  arch = process.arch,
}) {
  return path.join(root, '.electron-native', `better-sqlite3-${sqliteVersion}-electron-${electronVersion}-${platform}-${arch}.node`);
}

/** The file for the installed better-sqlite3 and Electron. */
export function currentElectronBindingPath() {
  const readVersion = (name) => JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  return electronBindingPath({ projectDir, sqliteVersion: readVersion('better-sqlite3'), electronVersion: readVersion('electron') });
}

/** Builds the file (also when it exists) and returns its path. */
export async function buildElectronSqlite() {
  const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(fs.readFileSync(path.join(sqliteDir, 'package.json'), 'utf8')).version;
  const electronVersion = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const target = currentElectronBindingPath();
  // A scratch project holding a copy of the module's sources: @electron/rebuild builds in place.
  const work = path.join(projectDir, '.electron-native', 'work');
  const copy = path.join(work, 'node_modules', 'better-sqlite3');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(copy, { recursive: true });
  for (const part of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
    fs.cpSync(path.join(sqliteDir, part), path.join(copy, part), { recursive: true });
  }
  fs.writeFileSync(
    path.join(work, 'package.json'),
    JSON.stringify({ name: 'electron-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }),
  );
  // npm passes its `nodedir` setting (Node's own headers) to node-gyp through the environment:
  // that would build for Node's ABI again, so it must not reach this build.
  for (const key of Object.keys(process.env)) if (key.toLowerCase() === 'npm_config_nodedir') delete process.env[key];
  try {
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3'], force: true });
    fs.copyFileSync(path.join(copy, 'build', 'Release', 'better_sqlite3.node'), target);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return target;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(`gebouwd: ${path.relative(projectDir, await buildElectronSqlite())}`);
  } catch (error) {
    // The last line is what `npm start` shows as the cause.
    console.error(`\n${String(error?.message ?? error).split('\n')[0]}`);
    process.exit(1);
  }
}
