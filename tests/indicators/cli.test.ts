import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openDatabase } from '../../db/open';
import { world } from './fixtures';

const fto = (...args: string[]) => {
  const run = spawnSync(process.execPath, [path.resolve('cli/fto.mjs'), ...args], { encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
};

function demoWorld() {
  const made = world();
  const w = made.world;
  w.practice('Huisartsenpraktijk De Linde', 'FTO Noord', { 2024: 2500 });
  w.practice('Het Anker', 'FTO Noord');
  w.prescriber('11111111', 'Huisartsenpraktijk De Linde', 'A. de Vries');
  w.prescriber('22222222', 'Het Anker', 'B. Bakker');
  w.dispense(
    { patient: 'p1', date: '2023-01-01', prescriber: '11111111', strong: false },
    { patient: 'p1', date: '2024-02-01', prescriber: 'Orthopeed Jansen', long: true, days: 30 },
    { patient: 'p1', date: '2024-03-01', prescriber: '11111111', long: true, days: 30, ome: 30 },
    { patient: 'p1', date: '2024-04-01', prescriber: '11111111', long: true, days: 32 }, // 1 Feb .. 30 Mar + 1 Apr .. 2 May = 91 days
    { patient: 'p2', date: '2024-05-01', prescriber: '22222222' },
  );
  made.db.close();
  return made;
}

describe('fto indicators and fto assign', () => {
  it('prints exactly the spec §8 JSON', () => {
    const { file } = demoWorld();
    const run = fto('indicators', '--db', file, '--year', '2024', '--json');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect(Object.keys(json)).toEqual(['from', 'to', 'lookbackComplete', 'dataEnd', 'periodComplete', 'settings', 'rows']);
    expect(json).toMatchObject({
      from: '2024-01-01',
      to: '2024-12-31',
      lookbackComplete: true,
      settings: { chronicDays: 90, lookbackDays: 365, newUserMinDispensings: 4, startLimitDays: 7, highDoseOme: 90 },
    });
    const values = [
      'dispensingsShort',
      'dispensingsLong',
      'patientsShort',
      'patientsLong',
      'patientsAny',
      'chronicUsers',
      'newUsers',
      'newUsersOver3',
      'newUsersLongStart',
      'newUsersOtherStart',
      'dispensingsWeak',
      'starts',
      'startsOverLimit',
      'patientsOxycodone',
      'patientsMorphine',
      'patientsFentanylRapid',
      'patientsWeak',
      'highDoseUsers',
      'dispensingsOmeUnknown',
    ];
    const keysOf = (level: string) =>
      json.rows.filter((r: { level: string }) => r.level === level).map((r: object) => Object.keys(r).sort());
    expect(keysOf('prescriber')[0]).toEqual(['level', 'key', 'practice', 'group', ...values].sort());
    expect(keysOf('practice')[0]).toEqual(['level', 'key', 'group', ...values].sort());
    expect(keysOf('group')[0]).toEqual(['level', 'key', ...values].sort());
    expect(keysOf('all')).toEqual([['level', 'key', ...values].sort()]);
    expect(keysOf('groupOther')).toEqual([['level', 'key', 'group', ...values].sort()]);
    expect(json.rows.map((r: { level: string; key: string }) => `${r.level}/${r.key}`).sort()).toEqual([
      'all/all',
      'group/FTO Noord',
      'groupOther/FTO Noord',
      'practice/Het Anker',
      'practice/Huisartsenpraktijk De Linde',
      'practice/other',
      'prescriber/11111111',
      'prescriber/22222222',
      'prescriber/Orthopeed Jansen',
    ]);
    expect(json.rows.find((r: { key: string }) => r.key === 'Huisartsenpraktijk De Linde')).toEqual({
      level: 'practice',
      key: 'Huisartsenpraktijk De Linde',
      group: 'FTO Noord',
      dispensingsShort: 0,
      dispensingsLong: 2,
      patientsShort: 0,
      patientsLong: 1,
      patientsAny: 1,
      chronicUsers: 1,
      newUsers: 1,
      newUsersOver3: 0,
      newUsersLongStart: 1,
      newUsersOtherStart: 1,
      dispensingsWeak: 0,
      // p1 started at the orthopaedist (not this practice) with 30 days; oxycodone, one dose known (30 mg: not high).
      starts: 0,
      startsOverLimit: 0,
      patientsOxycodone: 1,
      patientsMorphine: 0,
      patientsFentanylRapid: 0,
      patientsWeak: 0,
      highDoseUsers: 0,
      dispensingsOmeUnknown: 1,
    });
    expect(json.rows.find((r: { key: string }) => r.key === 'other')).toMatchObject({ starts: 1, startsOverLimit: 1 });
    expect(json.rows.find((r: { key: string }) => r.key === 'Orthopeed Jansen')).toMatchObject({
      practice: null,
      group: null,
      dispensingsLong: 1,
    });

    const custom = JSON.parse(
      fto(
        'indicators',
        '--db',
        file,
        '--from',
        '2024-03-01',
        '--to',
        '2024-12-31',
        '--json',
        '--chronic-days',
        '30',
        '--lookback-days',
        '10',
        '--start-limit-days',
        '30',
        '--high-dose-ome',
        '30',
      ).out,
    );
    expect(custom).toMatchObject({
      from: '2024-03-01',
      settings: { chronicDays: 30, lookbackDays: 10, newUserMinDispensings: 4, startLimitDays: 30, highDoseOme: 30 },
    });
    expect(custom.rows.find((r: { key: string }) => r.key === 'all')).toMatchObject({ highDoseUsers: 1 });
  });

  it('prints a readable Dutch table without --json', () => {
    const { file } = demoWorld();
    const run = fto('indicators', '--db', file, '--year', '2024');
    expect(run.code).toBe(0);
    expect(run.out).toContain('Indicatoren sterke opioïden, 1 januari 2024 t/m 31 december 2024');
    expect(run.out).toContain('Terugkijkperiode: volledig.');
    expect(run.out).toMatch(/Uitg kort\s+Uitg lang.*Nieuw > 3.*Start > 7 d/);
    expect(run.out).toMatch(/Praktijk\s+Huisartsenpraktijk De Linde/);
    expect(run.out).toMatch(/per 1\.000 patiënten \(2500 ingeschreven\)\s+0,0\s+0,8/);
    expect(run.out).toMatch(/Voorschrijver\s+Dr\. Orthopeed Jansen\s+Overige voorschrijvers/);
  });

  it('fails with one Dutch line and a non-zero exit', () => {
    const { file, dir } = demoWorld();
    const cases: [string[], RegExp][] = [
      [
        ['indicators', '--db', path.join(dir, 'geen.sqlite'), '--year', '2024'],
        /^Fout: Het databasebestand .*geen\.sqlite bestaat niet\.$/,
      ],
      [['indicators', '--db', file, '--to', '2024-12-31'], /^Fout: Kies een jaar of vul een begindatum in\.$/],
      [['indicators', '--db', file, '--year', 'twintig'], /^Fout: De optie --year verwacht een heel getal, niet "twintig"\.$/],
      [['indicators', '--db', file, '--year', '2024', '--group', 'FTO West'], /^Fout: De FTO-groep "FTO West" bestaat niet in /],
      [['indicators', '--db', file, '--year', '2024', '--chronic-days', '0'], /^Fout: Kies minstens 1 dag\.$/],
      [['assign', '--db', file, '--file', path.join(dir, 'weg.csv')], /^Fout: Het bestand .*weg\.csv kan niet worden gelezen\.$/],
    ];
    for (const [args, message] of cases) {
      const run = fto(...args);
      expect(run.code, args.join(' ')).not.toBe(0);
      expect(run.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.err.trim()).toMatch(message);
      expect(run.out).toBe('');
    }
    expect(fs.existsSync(path.join(dir, 'geen.sqlite'))).toBe(false);
  });

  it('assigns prescribers from a CSV, creating what does not exist, all or nothing', () => {
    const { file, dir } = demoWorld();
    const mapping = path.join(dir, 'koppeling.csv');
    // Windows-1252 with ';': the way a Dutch spreadsheet saves it. 1234567 lost its leading zero.
    fs.writeFileSync(
      mapping,
      Buffer.from(
        'prescriber;practice;group\r\nOrthopeed Jansen;Praktijk Zuid;FTO Zuid\r\n1234567;Het Anker;\r\n22222222;;\r\n"Dr. Ünal";"Praktijk Zuid";FTO Zuid\r\n',
        'latin1',
      ),
    );
    const run = fto('assign', '--db', file, '--file', mapping);
    expect(run.err).toBe('');
    expect(run.out).toBe(`4 voorschrijvers toegewezen uit ${mapping}.\nNieuw aangemaakt: 2 voorschrijvers, 1 praktijk, 1 FTO-groep.\n`);
    const db = openDatabase(file);
    const practiceOf = (key: string) =>
      db
        .prepare(
          'SELECT p.name AS practice, r.practice_source AS source FROM prescriber r LEFT JOIN practice p ON p.id = r.practice_id WHERE r.key = ?',
        )
        .get(key);
    expect(practiceOf('Orthopeed Jansen')).toEqual({ practice: 'Praktijk Zuid', source: 'manual' });
    expect(practiceOf('01234567')).toEqual({ practice: 'Het Anker', source: 'manual' });
    expect(practiceOf('22222222')).toEqual({ practice: null, source: 'manual' });
    expect(practiceOf('Dr. Ünal')).toEqual({ practice: 'Praktijk Zuid', source: 'manual' });
    const before = db.prepare('SELECT key, practice_id FROM prescriber ORDER BY key').all();
    db.close();

    // A practice that exists in another group: the whole file is refused, naming the line.
    fs.writeFileSync(mapping, 'prescriber,practice,group\n11111111,Praktijk Zuid,FTO Zuid\nNieuwe Arts,Het Anker,FTO Zuid\n');
    const refused = fto('assign', '--db', file, '--file', mapping, '--json');
    expect(refused.code).toBe(1);
    expect(refused.err.trim()).toBe(
      `Fout: ${mapping}, regel 3, kolom group: praktijk "Het Anker" hoort bij FTO-groep "FTO Noord", niet bij "FTO Zuid".`,
    );
    const after = openDatabase(file);
    expect(after.prepare('SELECT key, practice_id FROM prescriber ORDER BY key').all()).toEqual(before);
    after.close();

    // A spreadsheet works too, read by the importer's reader; the AGB code stored as a number.
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ['Voorschrijver', 'Praktijk', 'Groep'],
        [11111111, 'Het Anker', ''],
      ]),
      'Koppeling',
    );
    const sheet = path.join(dir, 'koppeling.xlsx');
    fs.writeFileSync(sheet, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const fromSheet = fto('assign', '--db', file, '--file', sheet, '--json');
    expect(fromSheet.err).toBe('');
    expect(JSON.parse(fromSheet.out)).toEqual({ file: sheet, assigned: 1, createdPrescribers: 0, createdPractices: 0, createdGroups: 0 });

    fs.writeFileSync(mapping, 'naam;adres\nx;y\n');
    expect(fto('assign', '--db', file, '--file', mapping).err.trim()).toBe(
      `Fout: ${mapping}: de kopregel mist de kolom prescriber (kolommen: prescriber, practice, group).`,
    );
  });
});
