import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestVersion, migrations } from '../../db/migrations';
import { openDatabase, schemaVersion } from '../../db/open';
import { dumpSchema } from '../../db/schema-dump';
import { openCoreHost } from '../../db/host';
import { expectOk, tempDir } from '../helpers/temp';
import { nodeServices } from '../../db/services';

const snapshotFile = path.resolve(__dirname, '../../db/schema.snapshot.sql');

describe('database file and migrations', () => {
  it('creates a new file at the latest version with WAL and foreign keys on', () => {
    const file = path.join(tempDir(), 'nieuw', 'fto.sqlite');
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(latestVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('numbers migrations 1, 2, 3, ... without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it('keeps the migrated schema equal to the committed snapshot (UPDATE_SCHEMA_SNAPSHOT=1 rewrites it)', () => {
    const db = openDatabase(path.join(tempDir(), 'fto.sqlite'));
    const schema = dumpSchema(db);
    db.close();
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') fs.writeFileSync(snapshotFile, schema);
    expect(schema).toBe(fs.readFileSync(snapshotFile, 'utf8'));
  });

  it('migrates an older file step by step, after backing it up', () => {
    const dir = tempDir();
    const file = path.join(dir, 'fto.sqlite');
    const old = new Database(file);
    old.exec(migrations[0]!.sql);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO fto_group (name) VALUES ('FTO Oud')").run();
    old.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(latestVersion);
    expect(db.prepare('SELECT name FROM fto_group').pluck().all()).toEqual(['FTO Oud']);
    db.close();
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = new Database(path.join(dir, 'backups', backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT name FROM fto_group').pluck().all()).toEqual(['FTO Oud']);
    backup.close();
  });

  it('refuses a file made by a newer version and leaves it untouched', () => {
    const file = path.join(tempDir(), 'fto.sqlite');
    const newer = new Database(file);
    newer.pragma(`user_version = ${latestVersion + 1}`);
    newer.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/nieuwere versie van de FTO Toolkit/);
    expect(fs.readFileSync(file)).toEqual(before);
  });

  it('rolls a failing migration back whole', () => {
    const file = path.join(tempDir(), 'fto.sqlite');
    const db = new Database(file);
    db.exec(migrations[0]!.sql);
    db.pragma('user_version = 1');
    // A table that the next migration wants to create makes it fail halfway.
    db.exec('CREATE TABLE product_class (x)');
    db.close();
    expect(() => openDatabase(file)).toThrow();
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    expect(check.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'import_batch'").pluck().get()).toBe(0);
    check.close();
  });

  it('refuses a file that is not a database with a Dutch message', () => {
    const file = path.join(tempDir(), 'kapot.sqlite');
    fs.writeFileSync(file, 'dit is geen database');
    expect(() => openDatabase(file)).toThrow(/geen bruikbare FTO-database|kan niet worden geopend/);
  });
});

describe('another program\'s SQLite file (issue 12.5)', () => {
  it('database.open refuses it and leaves it byte for byte as it was, without a backup', async () => {
    const dir = tempDir();
    const current = path.join(dir, 'fto.sqlite');
    const host = openCoreHost(current, nodeServices());
    const core = host.core;
    const other = path.join(dir, 'boekhouding.sqlite');
    const foreign = new Database(other);
    foreign.exec("CREATE TABLE klant (id INTEGER PRIMARY KEY, naam TEXT); INSERT INTO klant (naam) VALUES ('Jansen');");
    foreign.close();
    const before = fs.readFileSync(other);
    const result = await core.call('database.open', { path: other });
    expect(result).toMatchObject({ ok: false, error: { code: 'db_open', message: expect.stringMatching(/geen FTO-database.*klant.*Er is niets aan veranderd/) } });
    expect(fs.readFileSync(other)).toEqual(before);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('boekhouding'))).toEqual(['boekhouding.sqlite']); // no -wal or -shm
    expect(expectOk(await host.core.call('database.info')).path).toBe(current);
    host.close();
  });
});
