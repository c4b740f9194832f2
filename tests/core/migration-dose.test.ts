import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../db/core';
import { latestVersion, migrations } from '../../db/migrations';
import { openDatabase, schemaVersion } from '../../db/open';
import { expectOk, tempDir } from '../helpers/temp';
import { nodeServices } from '../../db/services';

describe('migrations 5 and 10: days of use and doses with the rules of version 2', () => {
  it('recomputes the dispensings of a version-4 file, notes it in the import history, after a backup', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'fto.sqlite');
    const old = new Database(file);
    for (const migration of migrations.filter((m) => m.version <= 4)) old.exec(migration.sql);
    old.pragma('user_version = 4');
    old.exec(`
      INSERT INTO fto_group (id, name) VALUES (1, 'FTO Oud');
      INSERT INTO prescriber (id, key, name) VALUES (1, 'Jansen', 'Jansen');
      INSERT INTO import_batch (id, group_id, file_name, file_sha256, mapping, read_rows, imported_rows, already_present_rows, not_opioid_rows, rejected_rows, empty_rows)
        VALUES (1, 1, 'apotheek.csv', 'x', '{}', 3, 3, 0, 0, 0, 0);
    `);
    const insert = old.prepare(
      `INSERT INTO dispensing (batch_id, identity, patient_key, dispense_date, atc, product, opioid_class, long_acting_by_rule, acting_rule,
         prescriber_key, prescriber_id, quantity, days_supply, dosing, days_of_use) VALUES (1, ?, ?, '2024-03-01', 'N02AA05', ?, 'strong', 0, 'text', 'Jansen', 1, ?, ?, ?, ?)`,
    );
    // Version 1 gave 14 days where the text was not read, and 14 for "volgens schema".
    insert.run(1, 'p1', 'OXYCODON HCL 5MG CAPSULE', 56, null, '2dd1', 14);
    insert.run(2, 'p2', 'OXYCODON HCL 5MG CAPSULE', 20, 30, 'volgens schema', 30);
    insert.run(3, 'p3', 'OXYCODON HCL 5MG CAPSULE', 20, null, 'volgens schema', 14);
    old.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(latestVersion);
    const stored = 'SELECT p.key AS patient_key, days_of_use, days_source, route FROM dispensing d JOIN patient p ON p.id = d.patient_id';
    expect(db.prepare(`${stored} ORDER BY p.key`).all()).toEqual([
      { patient_key: 'p1', days_of_use: 28, days_source: 2, route: 'oral' },
      { patient_key: 'p2', days_of_use: 30, days_source: 1, route: 'oral' },
      { patient_key: 'p3', days_of_use: 14, days_source: 3, route: 'oral' },
    ]);
    const [batch] = expectOk(await createCore({ db, file, ...nodeServices() }).call('imports.list', {}));
    expect(batch!.note).toMatch(/^Herberekend met de regels van versie 2 op \d{2}-\d{2}-\d{4}$/);
    db.close();

    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toEqual([expect.stringMatching(/^fto-voor-migratie-v4-.*\.sqlite$/)]);
    const backup = new Database(path.join(dir, 'backups', backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(4);
    expect(backup.prepare("SELECT days_of_use FROM dispensing WHERE patient_key = 'p1'").pluck().get()).toBe(14);
    backup.close();
  });

  it('leaves a fresh import unnoted: only recomputed batches say so', async () => {
    const file = path.join(tempDir(), 'fto.sqlite');
    const db = openDatabase(file);
    db.prepare(
      "INSERT INTO import_batch (file_name, file_sha256, mapping, read_rows, imported_rows, already_present_rows, not_opioid_rows, rejected_rows, empty_rows) VALUES ('nieuw.csv', 'x', '{}', 0, 0, 0, 0, 0, 0)",
    ).run();
    expect(expectOk(await createCore({ db, file, ...nodeServices() }).call('imports.list', {}))[0]!.note).toBeNull();
    db.close();
  });
});
