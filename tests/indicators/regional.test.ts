import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { main } from '../../cli/main';
import { expectOk } from '../helpers/temp';
import { regionalWorld, SECRET } from './regional-world';

type Cells = (string | number)[][];

function sheets(base64: string): Record<string, Cells> {
  const book = XLSX.read(Buffer.from(base64, 'base64'), { type: 'buffer' });
  return Object.fromEntries(
    book.SheetNames.map((name) => [name, XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets[name]!, { header: 1, defval: '' })]),
  );
}

/** The figures table as { "Naam": { header: value } }. */
function byName(table: Cells): Record<string, Record<string, string | number>> {
  const [header, ...rows] = table;
  return Object.fromEntries(rows.map((row) => [String(row[1]), Object.fromEntries(header!.map((h, i) => [String(h), row[i]!]))]));
}

describe('regional summary export (spec §6)', () => {
  it('hides counts from 1 to 9, shows 0 and 10+, and names no practice, prescriber or patient', async () => {
    const { core, db } = regionalWorld();
    const file = expectOk(await core.call('indicators.exportRegional', { year: 2024 }));
    expect(file).toMatchObject({
      fileName: 'regionaal-overzicht-2024-01-01-2024-12-31.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const book = sheets(file.base64);
    expect(Object.keys(book)).toEqual(['Cijfers', 'Definities']);
    const figures = book.Cijfers!;
    expect(figures[0]!.slice(0, 6)).toEqual([
      'Niveau',
      'Naam',
      'FTO-groep',
      'Uitgiften kortwerkend',
      'Uitgiften langwerkend',
      'Patiënten kortwerkend',
    ]);
    expect(figures.map((row) => `${row[0]}: ${row[1]} (${row[2]})`)).toEqual([
      'Niveau: Naam (FTO-groep)',
      'Totaal: Alle gegevens ()',
      'FTO-groep: FTO Noord (FTO Noord)',
      'Praktijk: Praktijk A (FTO Noord)',
      'Praktijk: Praktijk B (FTO Noord)',
      'FTO-groep: FTO Zuid (FTO Zuid)',
      'Praktijk: Praktijk C (FTO Zuid)',
      'Praktijk: Overige voorschrijvers (zonder praktijk) ()',
    ]);
    const rows = byName(figures);
    // Praktijk A is De Linde (first key): 12 dispensings shown, its 3 patients hidden, no long-acting: 0.
    expect(rows['Praktijk A']).toMatchObject({
      'Uitgiften kortwerkend': 12,
      'Patiënten kortwerkend': '<10',
      'Patiënten met een sterk opioïd': '<10',
      'Uitgiften langwerkend': 0,
    });
    // Praktijk B (Het Anker): exactly 10 stays visible.
    expect(rows['Praktijk B']).toMatchObject({
      'Uitgiften langwerkend': 10,
      'Patiënten langwerkend': 10,
      'Nieuwe gebruikers gestart met langwerkend': 10,
      'Uitgiften kortwerkend': 0,
    });
    expect(rows['Praktijk C']).toMatchObject({ 'Uitgiften kortwerkend': 0, 'Patiënten met een sterk opioïd': 0 });
    expect(rows['Overige voorschrijvers (zonder praktijk)']).toMatchObject({ 'Uitgiften kortwerkend': '<10' });
    expect(rows['Alle gegevens']).toMatchObject({
      'Uitgiften kortwerkend': 13,
      'Patiënten met een sterk opioïd': 13,
      'Patiënten kortwerkend': '<10',
    });
    // Rates only where the count itself is shown (De Linde has a list size of 1,000).
    expect(rows['Praktijk A']).toMatchObject({
      'Uitgiften kortwerkend per 1.000 patiënten': 12,
      'Patiënten kortwerkend per 1.000 patiënten': '',
    });
    // No cell anywhere holds a count from 1 to 9.
    const counts = figures.slice(1).flatMap((row) => row.slice(3, 14));
    expect(counts.filter((value) => typeof value === 'number' && value >= 1 && value <= 9)).toEqual([]);
    expect(counts).toContain('<10');
    const everything = JSON.stringify(book);
    for (const secret of SECRET) expect(everything).not.toContain(secret);
    expect(Object.fromEntries(book.Definities!.slice(1).map((row) => [row[0], row[1]]))).toMatchObject({
      Periode: '1 januari 2024 t/m 31 december 2024',
      'FTO-groep': 'alle FTO-groepen in de database',
      Drempel: 10,
      'Kleine aantallen': 'Aantallen van 1 tot en met 9 zijn verborgen en staan er als "<10"; 0 staat er gewoon.',
      'Chronische gebruikers': expect.stringContaining('minstens 90 dagen van de periode'),
      'Nieuwe gebruikers met meer dan 3 uitgiften': expect.stringContaining('dus 4 of meer'),
    });
    db.close();
  });

  it('writes the same table as a Dutch CSV, with the explanation below it', async () => {
    const { core, db } = regionalWorld();
    const file = expectOk(await core.call('indicators.exportRegional', { year: 2024, format: 'csv' }));
    expect(file).toMatchObject({ fileName: 'regionaal-overzicht-2024-01-01-2024-12-31.csv', mimeType: 'text/csv' });
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFNiveau;Naam;FTO-groep;Uitgiften kortwerkend;')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(
      lines
        .find((line) => line.startsWith('Praktijk;Praktijk A;'))!
        .split(';')
        .slice(3, 8),
    ).toEqual(['12', '0', '<10', '0', '<10']);
    expect(lines).toContain('');
    expect(lines).toContain('Drempel;10');
    for (const secret of SECRET) expect(text).not.toContain(secret);
    db.close();
  });

  it('refuses a lower threshold without confirmation, and states a confirmed one', async () => {
    const { core, db } = regionalWorld();
    const refused = await core.call('indicators.exportRegional', { year: 2024, threshold: 3 });
    expect(refused.ok || refused.error).toMatchObject({ code: 'validation', field: 'confirmLowerThreshold' });
    expect(refused.ok || refused.error.message).toMatch(/^Een drempel onder 10 laat kleine aantallen zien/);
    for (const threshold of [0, 2.5]) {
      const bad = await core.call('indicators.exportRegional', { year: 2024, threshold, confirmLowerThreshold: true });
      expect(bad.ok || bad.error).toMatchObject({ code: 'validation', field: 'threshold' });
    }
    const lowered = sheets(
      expectOk(await core.call('indicators.exportRegional', { year: 2024, threshold: 3, confirmLowerThreshold: true })).base64,
    );
    expect(byName(lowered.Cijfers!)['Praktijk A']).toMatchObject({
      'Patiënten kortwerkend': 3,
      'Nieuwe gebruikers met meer dan 3 uitgiften': 3,
    });
    expect(byName(lowered.Cijfers!)['Overige voorschrijvers (zonder praktijk)']).toMatchObject({ 'Uitgiften kortwerkend': '<3' });
    expect(JSON.stringify(lowered.Definities)).toContain('bewust verlaagd van 10 naar 3');
    const none = sheets(
      expectOk(await core.call('indicators.exportRegional', { year: 2024, threshold: 1, confirmLowerThreshold: true })).base64,
    );
    expect(JSON.stringify(none.Cijfers)).not.toContain('<');
    // A stricter threshold needs no confirmation.
    const strict = sheets(expectOk(await core.call('indicators.exportRegional', { year: 2024, threshold: 20 })).base64);
    expect(byName(strict.Cijfers!)['Praktijk A']).toMatchObject({ 'Uitgiften kortwerkend': '<20' });
    db.close();
  });

  it('names practices only when asked, and keeps to one group when one is chosen', async () => {
    const { core, db } = regionalWorld();
    const noord = (db.prepare("SELECT id FROM fto_group WHERE name = 'FTO Noord'").get() as { id: number }).id;
    const file = expectOk(
      await core.call('indicators.exportRegional', { from: '2024-01-01', to: '2024-12-31', groupId: noord, practiceNames: true }),
    );
    expect(file.fileName).toBe('regionaal-overzicht-fto-noord-2024-01-01-2024-12-31.xlsx');
    const book = sheets(file.base64);
    expect(book.Cijfers!.slice(1).map((row) => row[1])).toEqual(['FTO Noord', 'De Linde', 'Het Anker']);
    expect(JSON.stringify(book)).not.toMatch(/P-LIN|P-ANK|11111111|Albers|Zonnehof|FTO Zuid/);
    const missing = await core.call('indicators.exportRegional', { year: 2024, groupId: 999 });
    expect(missing.ok || missing.error).toMatchObject({ code: 'not_found', field: 'groupId' });
    db.close();
  });
});

describe('fto indicators --regional', () => {
  const fto = (...args: string[]) => {
    const run = spawnSync(process.execPath, [path.resolve('cli/fto.mjs'), 'indicators', ...args], { encoding: 'utf8' });
    return { code: run.status, out: run.stdout, err: run.stderr };
  };

  it('writes the summary file, and refuses a lower threshold or a wrong name in one Dutch line', () => {
    const { db, file, dir } = regionalWorld();
    db.close();
    const out = path.join(dir, 'uit', 'regio.xlsx');
    const run = fto('--db', file, '--year', '2024', '--regional', out);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out.trim()).toBe(
      `Regionaal overzicht geschreven naar ${out}: alleen praktijken, FTO-groepen en totaal; aantallen van 1 tot en met 9 staan er als "<10".`,
    );
    const book = sheets(fs.readFileSync(out).toString('base64'));
    expect(byName(book.Cijfers!)['Praktijk A']).toMatchObject({ 'Uitgiften kortwerkend': 12, 'Patiënten kortwerkend': '<10' });
    for (const secret of SECRET) expect(JSON.stringify(book)).not.toContain(secret);

    const csv = path.join(dir, 'regio.csv');
    const json = fto(
      '--db',
      file,
      '--year',
      '2024',
      '--group',
      'fto noord',
      '--regional',
      csv,
      '--threshold',
      '3',
      '--confirm-lower-threshold',
      '--json',
    );
    expect(json.err).toBe('');
    expect(JSON.parse(json.out)).toEqual({ file: csv, format: 'csv', threshold: 3, practiceNames: false, bytes: fs.statSync(csv).size });
    expect(fs.readFileSync(csv, 'utf8')).toContain('Praktijk;Praktijk A;FTO Noord;12;0;3;0;3;');

    const refused = fto('--db', file, '--year', '2024', '--regional', path.join(dir, 'nee.xlsx'), '--threshold', '3');
    expect(refused).toMatchObject({ code: 1, out: '' });
    expect(refused.err.trim()).toBe(
      'Fout: Een drempel onder 10 laat kleine aantallen zien die naar patiënten kunnen wijzen; bevestig eerst dat u dat bewust wilt. Voeg daarvoor --confirm-lower-threshold toe.',
    );
    expect(fs.existsSync(path.join(dir, 'nee.xlsx'))).toBe(false);
  });

  it('explains wrong options in one Dutch line (in process: the same main as the child process)', async () => {
    const { db, file, dir } = regionalWorld();
    db.close();
    const cases: [string[], string][] = [
      [['--threshold', '0', '--confirm-lower-threshold'], 'Fout: Kies een drempel van minstens 1.'],
      [['--threshold', 'tien'], 'Fout: De optie --threshold verwacht een heel getal, niet "tien".'],
      [
        ['--regional', path.join(dir, 'regio.pdf')],
        `Fout: Het bestand bij --regional moet op .xlsx of .csv eindigen: ${path.join(dir, 'regio.pdf')}`,
      ],
      [['--regional', ' ', '--threshold', '5'], 'Fout: Geef bij --regional een bestandsnaam op die op .xlsx of .csv eindigt.'],
    ];
    for (const [extra, message] of cases) {
      const lines: string[] = [];
      const regional = extra.includes('--regional') ? [] : ['--regional', path.join(dir, 'nee.xlsx')];
      const code = await main(['indicators', '--db', file, '--year', '2024', ...regional, ...extra], {
        out: (t) => lines.push(t),
        err: (t) => lines.push(t),
      });
      expect({ code, lines }).toEqual({ code: 1, lines: [message] });
    }
    const stray: string[] = [];
    expect(
      await main(['indicators', '--db', file, '--year', '2024', '--threshold', '5'], {
        out: (t) => stray.push(t),
        err: (t) => stray.push(t),
      }),
    ).toBe(1);
    expect(stray).toEqual(['Fout: De optie --threshold hoort bij --regional BESTAND.']);
    expect(fs.readdirSync(dir)).toEqual(['fto.sqlite']);
  });
});
