import fs from 'node:fs';
import path from 'node:path';
import { parseModule, type ModuleFile, type ModuleSlide } from './module';

// Node side: a module is a folder of Markdown files (slides/modules/<name>/*.md).

export const MODULES_DIR = path.join(import.meta.dirname, 'modules');

export function readModuleFiles(dir: string): ModuleFile[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/** Reads a module folder straight from disk, e.g. to preview a corrected text without regenerating. */
export function loadModuleDir(dir: string): ModuleSlide[] {
  return parseModule(readModuleFiles(dir));
}
