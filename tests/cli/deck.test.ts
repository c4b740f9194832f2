import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators } from '../../db/indicators/compute';
import { openDatabase } from '../../db/open';
import { runCli } from '../helpers/cli';

describe('fto deck', () => {
  let dir: string;
  let dbFile: string;
  let group: string;
  beforeAll(() => {
    // One demo database for the whole file (tempDir() would remove it after the first test).
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fto-deck-'));
    dbFile = path.join(dir, 'demo.sqlite');
    expect(runCli(['demo', '--db', dbFile]).code).toBe(0);
    const db = openDatabase(dbFile);
    group = db.prepare('SELECT name FROM fto_group').pluck().get() as string;
    db.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the HTML and PPTX of a group and year, with the figures of the indicators', async () => {
    const html = path.join(dir, 'uit', 'deck.html');
    const pptx = path.join(dir, 'uit', 'deck.pptx');
    const result = runCli(['deck', '--db', dbFile, '--group', group, '--year', '2025', '--out', html, '--pptx', pptx, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { slides: number; files: { format: string }[] };
    expect(summary.files.map((f) => f.format)).toEqual(['html', 'pptx']);
    expect(summary.slides).toBeGreaterThan(20);

    const text = fs.readFileSync(html, 'utf8');
    const db = openDatabase(dbFile);
    const indicators = computeIndicators(db, { year: 2025 });
    db.close();
    const groupRow = indicators.rows.find((row) => row.level === 'group')!;
    // Every cell that names the group's 2025 short-acting dispensings carries the computed value.
    const cells = [...text.matchAll(/data-row="([^"]*)" data-indicator="dispensingsShort" data-period="2025[^"]*" data-value="(\d+)"/g)];
    const groupCells = cells.filter(([, row]) => row === group || row === 'group');
    expect(cells.length).toBeGreaterThan(0);
    for (const [, , value] of groupCells) expect(Number(value)).toBe(groupRow.dispensingsShort);

    const zip = await JSZip.loadAsync(fs.readFileSync(pptx));
    expect(Object.keys(zip.files).some((name) => name.startsWith('ppt/charts/'))).toBe(true);
  });

  it('explains a missing group or a wrong file name in one Dutch line', () => {
    const unknown = runCli(['deck', '--db', dbFile, '--group', 'Bestaat Niet', '--year', '2025', '--out', path.join(dir, 'x.html')]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr.trim()).toBe(`Fout: De FTO-groep "Bestaat Niet" bestaat niet in ${dbFile}.`);
    const wrongExtension = runCli(['deck', '--db', dbFile, '--group', group, '--year', '2025', '--out', path.join(dir, 'x.pdf')]);
    expect(wrongExtension.stderr.trim()).toMatch(/^Fout: Het bestand bij --out moet op \.html eindigen/);
  });
});
