import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// reveal.js itself, read once from node_modules and inlined into every exported deck, so the file works
// offline and from file:// without a single request.

export interface RevealAssets {
  css: string;
  js: string;
  notesJs: string;
}

let cached: RevealAssets | undefined;

export function revealAssets(): RevealAssets {
  if (!cached) {
    const dist = path.dirname(createRequire(import.meta.url).resolve('reveal.js'));
    const read = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');
    cached = { css: read('reveal.css'), js: read('reveal.js'), notesJs: read('plugin/notes.js') };
  }
  return cached;
}
