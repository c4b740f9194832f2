import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputFile } from '../../cli/command';
import { createCore } from '../../db/core';
import { openDatabase } from '../../db/open';
import { expectOk, tempDir } from '../helpers/temp';
import { runCli } from '../helpers/cli';
import { nodeServices } from '../../db/services';

const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

describe('files only the user can read (issue 12.3)', () => {
  it('a new database, its -wal and -shm, its folder, backups/ and its backups are 0600 / 0700', async () => {
    const dir = path.join(tempDir(), 'nieuw');
    const file = path.join(dir, 'fto.sqlite');
    const db = openDatabase(file);
    const core = createCore({ db, file, ...nodeServices() });
    expectOk(await core.call('groups.create', { name: 'FTO Noord' }));
    const backup = expectOk(await core.call('database.backup', {})).path;
    expect([mode(dir), mode(file), mode(`${file}-wal`), mode(`${file}-shm`), mode(path.dirname(backup)), mode(backup)]).toEqual([
      '700',
      '600',
      '600',
      '600',
      '700',
      '600',
    ]);
    db.close();
    const out = path.join(tempDir(), 'export', 'deck.pptx');
    writeOutputFile(out, new Uint8Array([1, 2, 3]), 'De presentatie');
    expect([mode(path.dirname(out)), mode(out)]).toEqual(['700', '600']);
  });

  it('an existing database readable by others is tightened on opening, and the app says so', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'fto.sqlite');
    openDatabase(file).close();
    const made = new Database(file); // keeps the -wal file there
    made.exec("INSERT INTO fto_group (name) VALUES ('FTO Noord')");
    fs.chmodSync(file, 0o644);
    fs.chmodSync(`${file}-wal`, 0o644);
    const db = openDatabase(file);
    made.close();
    expect([mode(file), mode(`${file}-wal`)]).toEqual(['600', '600']);
    const info = expectOk(await createCore({ db, file, ...nodeServices() }).call('database.info'));
    expect(info.permissionsNotice).toMatch(/Alleen u kunt deze bestanden nu lezen.*fto\.sqlite/);
    db.close();
  });

  it('the command line says so too', () => {
    const dir = tempDir();
    const file = path.join(dir, 'fto.sqlite');
    openDatabase(file).close();
    fs.chmodSync(file, 0o664);
    const run = runCli(['init', '--db', file]);
    expect(run.stderr).toMatch(/Alleen u kunt deze bestanden nu lezen/);
    expect(mode(file)).toBe('600');
  });
});
