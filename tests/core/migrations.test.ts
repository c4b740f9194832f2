import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestVersion, migrations } from '../../db/migrations';
import { openDatabase, schemaVersion } from '../../db/open';
import { dumpSchema } from '../../db/schema-dump';
import { openCoreHost } from '../../db/host';
import { expectOk, tempDir } from '../helpers/temp';
import { STORED_COLUMNS, STORED_DISPENSINGS } from '../import/helpers';
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

  it('migrations 8 to 10 keep every dispensing, id and value, number each patient key and product once, and still refuse a bad route or days source', () => {
    const file = path.join(tempDir(), 'fto.sqlite');
    const old = new Database(file);
    for (const migration of migrations.slice(0, 7)) {
      old.exec(migration.sql);
      migration.run?.(old);
    }
    old.pragma('user_version = 7');
    old.exec(`INSERT INTO fto_group (id, name) VALUES (1, 'FTO Oud');
      INSERT INTO import_batch (id, group_id, file_name, file_sha256, mapping, read_rows, imported_rows, already_present_rows, not_opioid_rows, rejected_rows, empty_rows)
        VALUES (1, 1, 'apotheek.csv', 'abc', '{}', 3, 3, 0, 0, 0, 0);
      INSERT INTO prescriber (id, key, name) VALUES (4, '01000003', 'M. Smit');
      INSERT INTO dispensing (id, batch_id, identity, pharmacy_key, patient_key, dispense_date, atc, product, opioid_class, long_acting_by_rule,
          acting_rule, prescriber_key, prescriber_id, quantity, days_supply, dosing, days_of_use, own_gp_key, practice_name, form_code,
          days_source, route, daily_ome, dose_class)
        VALUES (7, 1, 123456789, 'Apotheek Vallei', 'P-1', '2024-03-01', 'N02AB03', 'FENTANYL 25MCG/UUR PLEISTER', 'strong', 1, 'text',
          '01000003', 4, 10, NULL, 'Elke 72 uur 1 pleister', 30, '01000003', 'De Eem', NULL, 2, 'transdermal', 60, 0),
               (9, 1, -42, '', 'P-2', '2024-04-01', 'N02AA05', 'OXYCODON 10MG TABLET', 'strong', 0, 'text',
          '01000003', 4, 20, NULL, NULL, 14, NULL, NULL, '0', 3, 'oral', NULL, 3),
               (12, 1, 77, 'Apotheek Vallei', 'P-1', '2024-05-01', 'N02AA05', 'OXYCODON 10MG TABLET', 'strong', 0, 'text',
          '01000003', 4, 20, NULL, NULL, 14, NULL, NULL, '0', 3, 'oral', NULL, 3);`);
    const before = old.prepare('SELECT * FROM dispensing ORDER BY id').all() as Record<string, unknown>[];
    old.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(latestVersion);
    // Every value is still there: on the row, or through its patient, product and prescriber numbers.
    const after = db.prepare(`SELECT d.id, d.batch_id, d.identity, ${STORED_COLUMNS} FROM ${STORED_DISPENSINGS} ORDER BY d.id`).all();
    expect(after).toEqual(before.map((row) => Object.fromEntries(Object.keys(after[0] as object).map((column) => [column, row[column]]))));
    expect(db.prepare('SELECT key FROM patient ORDER BY key').pluck().all()).toEqual(['P-1', 'P-2']);
    expect(db.prepare('SELECT count(DISTINCT patient_id) FROM dispensing').pluck().get()).toBe(2);
    // Both oxycodone rows name one product row.
    expect(db.prepare('SELECT product, form_code FROM dispensed_product ORDER BY product').all()).toEqual([
      { product: 'FENTANYL 25MCG/UUR PLEISTER', form_code: null },
      { product: 'OXYCODON 10MG TABLET', form_code: '0' },
    ]);
    const copy =
      db.prepare(`INSERT INTO dispensing (batch_id, identity, patient_id, dispense_date, product_id, prescriber_id, days_of_use, days_source, route)
        SELECT batch_id, ?, patient_id, dispense_date, product_id, prescriber_id, days_of_use, ?, ? FROM dispensing WHERE id = 7`);
    expect(() => copy.run(1, 2, 'nasal')).toThrow(/CHECK constraint failed/);
    expect(() => copy.run(2, 4, 'oral')).toThrow(/CHECK constraint failed/);
    expect(() => copy.run(3, 0, 'oral')).toThrow(/CHECK constraint failed/);
    copy.run(4, 1, 'parenteral');
    expect(db.prepare('SELECT count(*) FROM dispensing').pluck().get()).toBe(4);
    db.close();
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

describe("another program's SQLite file (issue 12.5)", () => {
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
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'db_open', message: expect.stringMatching(/geen FTO-database.*klant.*Er is niets aan veranderd/) },
    });
    expect(fs.readFileSync(other)).toEqual(before);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('boekhouding'))).toEqual(['boekhouding.sqlite']); // no -wal or -shm
    expect(expectOk(await host.core.call('database.info')).path).toBe(current);
    host.close();
  });
});
