#!/usr/bin/env node
// The `fto` command. It runs the bundle in dist/cli/ (made by `npm install` and `npm test`, see
// scripts/build-cli.mjs), which starts in a fraction of a second; when the bundle is missing or any
// of its sources was changed after it was made (development), it runs the TypeScript sources
// through tsx instead, so a change is never run stale.
import fs from 'node:fs';

const root = new URL('../', import.meta.url);
const bundle = new URL('dist/cli/main.mjs', root);

function bundleIsCurrent() {
  try {
    const built = fs.statSync(bundle).mtimeMs;
    const sources = JSON.parse(fs.readFileSync(new URL('dist/cli/sources.json', root), 'utf8'));
    return sources.every((file) => fs.statSync(new URL(file, root)).mtimeMs <= built);
  } catch {
    return false;
  }
}

let main;
if (bundleIsCurrent()) ({ main } = await import(bundle.href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
