import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core } from '../../db/core';
import { openDatabase, type Db } from '../../db/open';
import { nodeServices } from '../../db/services';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fto-test-'));
  made.push(dir);
  return dir;
}

/** A core on a real, new SQLite file in a temporary folder. */
export function tempCore(): { core: Core; db: Db; file: string; dir: string } {
  const dir = tempDir();
  const file = path.join(dir, 'fto.sqlite');
  const db = openDatabase(file);
  return { core: createCore({ db, file, ...nodeServices() }), db, file, dir };
}

/** Unwraps a result, failing the test with the error's message when it is not ok. */
export function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
