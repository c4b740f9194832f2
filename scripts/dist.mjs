#!/usr/bin/env node
// `npm run dist`: builds the app and its installers with electron-builder (electron-builder.yml;
// extra arguments such as --win or --linux deb are passed on). Needs internet: electron-builder
// downloads Electron for each target and rebuilds better-sqlite3 for it. That rebuild happens in
// node_modules itself, so afterwards Node's build is put back, or tests and the CLI would break.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { projectDir } from './build-electron.mjs';
import { buildAll, StartError } from './start.mjs';

const require = createRequire(path.join(projectDir, 'package.json'));

/** Runs a Node script (electron-builder's CLI, npm itself) and returns its exit code. */
function runNode(script, args) {
  return spawnSync(process.execPath, [script, ...args], { cwd: projectDir, stdio: 'inherit' }).status ?? 1;
}

let status = 1;
try {
  await buildAll();
  status = runNode(path.join(path.dirname(require.resolve('electron-builder/package.json')), 'cli.js'), process.argv.slice(2));
} catch (error) {
  console.error(error instanceof StartError ? error.message : `npm run dist is mislukt: ${error?.message ?? error}`);
} finally {
  const npm = process.env.npm_execpath;
  const restored = npm ? runNode(npm, ['rebuild', 'better-sqlite3']) : 1;
  if (restored !== 0) console.error('Zet de Node-versie van better-sqlite3 terug met: npm rebuild better-sqlite3');
}
process.exit(status);
