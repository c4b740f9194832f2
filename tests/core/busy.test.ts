/**
 * Issue 12.4: a long import in another process holds the database's write lock. Saves wait for it
 * without blocking other calls, none is lost, and a second command-line import waits and says so.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCoreHost } from '../../db/host';
import { runCli } from '../helpers/cli';
import { expectOk, tempDir } from '../helpers/temp';
import { nodeServices } from '../../db/services';

/**
 * Another process that takes the write lock, prints "vast", and keeps it until told to let go
 * (a line on its stdin), like an import's one long transaction.
 */
function holdWriteLock(file: string): { child: ChildProcess; locked: Promise<void>; release(): Promise<void> } {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO fto_group (name) VALUES ('Import bezig')").run();
    process.stdout.write('vast\\n');
    process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.stdout.write('los\\n'); process.exit(0); });`;
  const child = spawn(process.execPath, ['-e', script, file], {
    stdio: ['pipe', 'pipe', 'inherit'],
    cwd: path.resolve(__dirname, '../..'),
  });
  const seen = (word: string) =>
    new Promise<void>((resolve) => child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes(word) && resolve()));
  const locked = seen('vast');
  const released = seen('los');
  return { child, locked, release: () => (child.stdin!.write('\n'), released) };
}

describe('a busy database (issue 12.4)', () => {
  it("saves wait for another process's import without blocking reads, and every one is kept", async () => {
    const file = path.join(tempDir(), 'fto.sqlite');
    const host = openCoreHost(file, nodeServices());
    const groupId = expectOk(await host.core.call('groups.create', { name: 'FTO Noord' })).id;
    const meeting = expectOk(await host.core.call('meetings.create', { groupId, startsAt: '2026-03-12T19:30' }));
    const lock = holdWriteLock(file);
    await lock.locked;

    let lockReleased = false;
    const saves = Array.from({ length: 20 }, (_, k) => host.core.call('meetings.update', { id: meeting.id, place: `Zaal ${k}` }));
    // Reads are answered while the saves wait: before the other process lets go.
    const read = expectOk(await host.core.call('meetings.list', { groupId }));
    expect(read.length).toBe(1);
    expect(lockReleased).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 500)); // longer than the connection's own wait
    await lock.release();
    lockReleased = true;
    const results = await Promise.all(saves);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(expectOk(await host.core.call('meetings.get', { id: meeting.id })).place).toBe('Zaal 19');
    expect((host.db.prepare('SELECT count(*) AS n FROM fto_group').get() as { n: number }).n).toBe(2); // the "import" kept too
    host.close();
  });

  it('a second command-line import waits for the first and says so', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'fto.sqlite');
    openCoreHost(file, nodeServices()).close();
    const csv = path.join(dir, 'export.csv');
    fs.writeFileSync(
      csv,
      'Patiëntnummer;Afleverdatum;ATC;Artikelomschrijving;Voorschrijver;Aantal;Dosering\r\n1000001;02-01-2024;N02AA05;OXYCODON 5MG CAPSULE;dr. A. Appelboom;20;3 dd 1\r\n',
    );
    const lock = holdWriteLock(file);
    await lock.locked;
    const child = spawn(
      process.execPath,
      [path.resolve(__dirname, '../../cli/fto.mjs'), 'import', csv, '--db', file, '--group', 'FTO Noord'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    const waiting = new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()).includes('wacht') && resolve()),
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await waiting;
    expect(stderr).toMatch(/Er loopt al een import in deze database\. Deze import wacht/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await lock.release();
    expect(await exited).toBe(0);
    expect(runCli(['indicators', '--db', file, '--year', '2024', '--json']).code).toBe(0);
  });
});
