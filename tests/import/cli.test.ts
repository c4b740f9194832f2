import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeExport } from '../../db/demo/export';
import { openDatabase } from '../../db/open';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { expectedLines, records, storedLines, tableCounts } from './helpers';

const root = path.resolve(__dirname, '../..');

describe('npx fto import', () => {
  it('creates the database, imports files and prints the spec §8 JSON summary', () => {
    const dir = tempDir();
    const rows = records(300);
    fs.writeFileSync(
      path.join(dir, 'a.csv'),
      writeExport(rows.slice(0, 200), { format: 'csv', headers: 'nl', delimiter: ';', dates: 'dd-mm-yyyy', totalsRow: true }),
    );
    fs.writeFileSync(
      path.join(dir, 'b.xlsx'),
      writeExport(rows.slice(100), { format: 'xlsx', headers: 'en', dates: 'cell', agbAsNumber: true }),
    );
    const db = path.join(dir, 'nieuw', 'fto.sqlite');
    const result = runCli(['import', 'a.csv', 'b.xlsx', '--db', db, '--group', 'FTO Oost', '--json'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { files: Record<string, unknown>[] };
    expect(json.files.map((f) => Object.keys(f))).toEqual([
      ['file', 'read', 'imported', 'alreadyPresent', 'notOpioid', 'rejected', 'empty', 'rejectedRows'],
      ['file', 'read', 'imported', 'alreadyPresent', 'notOpioid', 'rejected', 'empty', 'rejectedRows'],
    ]);
    expect(json.files[0]).toMatchObject({
      file: 'a.csv',
      read: 202,
      imported: expectedLines(rows.slice(0, 200)).length,
      rejected: 1,
      empty: 1,
    });
    expect(json.files[0]!.rejectedRows).toEqual([{ row: 203, field: null, reason: 'Dit is een totaalregel, geen uitgifte.' }]);
    expect(json.files[1]).toMatchObject({
      file: 'b.xlsx',
      alreadyPresent: expectedLines(rows.slice(100, 200)).length,
      imported: expectedLines(rows.slice(200)).length,
    });
    const opened = openDatabase(db);
    expect(storedLines(opened)).toEqual(expectedLines(rows));
    expect(opened.prepare('SELECT name FROM fto_group').all()).toEqual([{ name: 'FTO Oost' }]);
    opened.close();

    const readable = runCli(['import', 'a.csv', '--db', db], { cwd: dir });
    expect(readable.code).toBe(0);
    expect(readable.stdout).toMatch(
      /^a\.csv: 202 regels gelezen: 0 geïmporteerd, \d+ al aanwezig, \d+ geen opioïde, 1 afgekeurd, 1 leeg\.\n {2}regel 203: Dit is een totaalregel, geen uitgifte\.\n$/,
    );
  });

  it('refuses a bad file with one Dutch line on stderr, before anything is imported', () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'goed.csv'),
      writeExport(records(50), { format: 'csv', headers: 'nl', delimiter: ';', dates: 'dd-mm-yyyy' }),
    );
    fs.writeFileSync(
      path.join(dir, 'fout.csv'),
      'Patiëntnummer;Afleverdatum;Artikelomschrijving;Voorschrijver;Code\n1;01-01-2024;X;dr. A;N02AA05\n',
    );
    const db = path.join(dir, 'fto.sqlite');
    const result = runCli(['import', 'goed.csv', 'fout.csv', '--db', db], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('Fout: fout.csv: Er is geen kolom gevonden voor ATC-code (verplicht). Kies een van: "Code".\n');
    const opened = openDatabase(db);
    expect(tableCounts(opened)).toMatchObject({ dispensing: 0, import_batch: 0 });
    opened.close();

    // --map settles it, and the mapping is remembered for the next file with the same headers.
    fs.writeFileSync(path.join(dir, 'map.json'), JSON.stringify({ atc: 'Code' }));
    expect(runCli(['import', 'fout.csv', '--db', db, '--map', 'map.json', '--json'], { cwd: dir }).code).toBe(0);
    fs.copyFileSync(path.join(dir, 'fout.csv'), path.join(dir, 'later.csv'));
    expect(JSON.parse(runCli(['import', 'later.csv', '--db', db, '--json'], { cwd: dir }).stdout).files[0]).toMatchObject({
      alreadyPresent: 1,
    });

    fs.writeFileSync(path.join(dir, 'slecht.json'), JSON.stringify({ atcCode: 'Code' }));
    const badMap = runCli(['import', 'fout.csv', '--db', db, '--map', 'slecht.json'], { cwd: dir });
    expect(badMap.code).toBe(1);
    expect(badMap.stderr).toMatch(/^Fout: Het koppelingsbestand slecht\.json klopt niet/);
    expect(badMap.stderr.trim().split('\n')).toHaveLength(1);
    expect(runCli(['import', 'weg.csv', '--db', db], { cwd: dir }).stderr).toBe(
      'Fout: Het bestand weg.csv bestaat niet of kan niet worden gelezen.\n',
    );
  });

  it('a killed import leaves the database as it was, and intact', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'fto.sqlite');
    const rows = records(400_000, 3);
    fs.writeFileSync(
      path.join(dir, 'klein.csv'),
      writeExport(rows.slice(0, 1000), { format: 'csv', headers: 'nl', delimiter: ';', dates: 'dd-mm-yyyy' }),
    );
    fs.writeFileSync(path.join(dir, 'groot.csv'), writeExport(rows, { format: 'csv', headers: 'nl', delimiter: ';', dates: 'dd-mm-yyyy' }));
    expect(runCli(['import', 'klein.csv', '--db', db], { cwd: dir }).code).toBe(0);
    const before = openDatabase(db);
    const counts = tableCounts(before);
    const lines = storedLines(before);
    before.close();

    const child = spawn(process.execPath, [path.join(root, 'cli/fto.mjs'), 'import', 'groot.csv', '--db', db, '--progress'], { cwd: dir });
    let stderr = '';
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // Well into the file: rows are being written inside the transaction.
        if (/Voortgang groot\.csv: ([2-9]\d)%/.test(stderr)) resolve();
      });
    });
    child.kill('SIGKILL');
    expect(await ended).toEqual({ code: null, signal: 'SIGKILL' });

    const after = openDatabase(db);
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(tableCounts(after)).toEqual(counts);
    expect(storedLines(after)).toEqual(lines);
    after.close();
  });
});

describe('npx fto demo', () => {
  it('fills an empty database with the demo group, and refuses a database that has data', () => {
    const dir = tempDir();
    const db = path.join(dir, 'demo.sqlite');
    const result = runCli(['demo', '--db', db]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Demo-groep "FTO Demo Rivierenland" geladen\.\n/);
    expect(result.stdout).toMatch(/retort-uitgiften\.xlsx: [\d.]+ regels gelezen/);
    const again = runCli(['demo', '--db', db]);
    expect(again).toMatchObject({ code: 1, stdout: '', stderr: 'Fout: De demo-groep kan alleen in een lege database worden geladen.\n' });
  });
});
