import fs from 'node:fs';
import path from 'node:path';
import XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { expectOk, tempDir } from '../helpers/temp';
import { SHOTS, useBrowser, type RunningApp } from './browser';
import { demoApp, downloaded } from './meeting-helpers';

const browser = useBrowser();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const SHOTS_HERE = path.join(SHOTS, 'meeting15');

describe('A year later: Te evalueren and the review sheet', () => {
  it('lists what is due with the most overdue first and the goal beside it, and names misplaced sheet entries row by row', async () => {
    const started = await demoApp(browser(), 'groep');
    app = started;
    const { page, host, groupId } = started;
    const core = host.core;
    const shot = async (name: string) => {
      fs.mkdirSync(SHOTS_HERE, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS_HERE, `${name}.png`) });
    };

    // Last year's meeting: four agreements with evaluation dates in the past; one was evaluated this round already.
    const practices = expectOk(await core.call('practices.list', { groupId }));
    const [linde, anker] = practices as [(typeof practices)[number], (typeof practices)[number]];
    const meeting = expectOk(await core.call('meetings.create', { groupId, startsAt: '2025-03-13T19:30' }));
    const make = async (practiceId: number, text: string, evaluationDate: string, fields: { target?: number; direction?: 'down' } = {}) =>
      expectOk(
        await core.call('agreements.create', {
          meetingId: meeting.id,
          practiceId,
          text,
          evaluationDate,
          indicator: 'chronicUsers',
          ...fields,
        }),
      );
    const later = await make(linde.id, 'Elke chronische gebruiker krijgt een evaluatieconsult.', '2026-03-13', { target: 15 });
    const earliest = await make(anker.id, 'Herhaalrecepten alleen na een consult.', '2025-12-01', { direction: 'down' });
    const middle = await make(linde.id, 'Indicatie en duur op elk opioïdrecept.', '2026-01-15');
    const evaluated = await make(anker.id, 'Afbouwschema meegeven bij elke start.', '2026-02-01');
    expectOk(await core.call('agreements.setStatus', { id: evaluated.id, status: 'partly', note: 'Half gelukt' }));
    expectOk(await core.call('meetings.end', { id: meeting.id }));

    await started.open('afspraken');
    const due = page.getByRole('region', { name: 'Te evalueren' });
    await expect.poll(() => due.getByRole('listitem').count()).toBe(3);
    const lines = await due.getByRole('listitem').allInnerTexts();
    expect(lines.map((line) => [earliest, middle, later].findIndex((a) => line.includes(a.text)))).toEqual([0, 1, 2]);
    expect(lines.join('\n')).not.toContain(evaluated.text);
    expect(lines[0]).toContain('(verlopen)');
    expect(lines[2]).toContain('doel: hoogstens 15 (zonder richting telt het doel als bovengrens)');
    expect(lines[0]).toContain('doel: omlaag, lager dan vóór');
    await shot('due-sorted-with-goal');

    // The goal wherever the result is judged: the overview's evaluation column and the status dialog.
    const table = page.getByRole('table', { name: 'Alle afspraken' });
    const row = table.getByRole('row').filter({ hasText: later.text });
    expect(await row.innerText()).toContain('doel: hoogstens 15');
    await row.getByRole('button', { name: /Status zetten/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Status van de afspraak' });
    await dialog.getByText('doel: hoogstens 15 (zonder richting telt het doel als bovengrens)').waitFor();
    await shot('status-dialog-goal');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();

    // The review sheet of De Linde: a status typed in the Evaluatiedatum column is named, not taken.
    await page.getByRole('tab', { name: 'Per praktijk' }).click();
    await page.getByLabel('Praktijk', { exact: true }).selectOption({ label: linde.name });
    await page.getByRole('heading', { name: `Afspraken van ${linde.name}` }).waitFor();
    const sheet = await downloaded(page, 'Terugkoppelformulier (.xlsx)');
    const book = XLSX.read(fs.readFileSync(sheet.file));
    const main = book.Sheets['Afspraken']!;
    const grid = XLSX.utils.sheet_to_json<string[]>(main, { header: 1, defval: '' });
    const header = grid.findIndex((r) => r[0] === 'Nr');
    const line = grid.findIndex((r) => r[2] === later.text);
    const at = (column: string) => XLSX.utils.encode_cell({ r: line, c: grid[header]!.indexOf(column) });
    const madeDate = main[at('Evaluatiedatum')]; // a real date cell
    main[at('Evaluatiedatum')] = { t: 's', v: 'uitgevoerd' };
    const file = path.join(tempDir(), 'teruggestuurd.xlsx');
    fs.writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    const pick = page.getByLabel('Ingevuld formulier kiezen…');
    await pick.setInputFiles(file);
    const rowNumber = line + 1;
    await page
      .getByText(
        `Rij ${rowNumber}: 'uitgevoerd' staat in de kolom Evaluatiedatum; een status hoort in de kolom Status. Deze rij is niet overgenomen.`,
      )
      .waitFor();
    await page.getByText(/0 te wijzigen, \d+ ongewijzigd, 1 afgewezen/).waitFor();
    // The input is emptied, so that the same file, put right, is read again.
    expect(await pick.inputValue()).toBe('');
    await page.locator('.review-import table').scrollIntoViewIfNeeded();
    await shot('review-sheet-wrong-column');

    main[at('Evaluatiedatum')] = madeDate!;
    main[at('Status')] = { t: 's', v: 'uitgevoerd' };
    fs.writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    await pick.setInputFiles(file);
    await page.getByText(/1 te wijzigen, \d+ ongewijzigd, 0 afgewezen/).waitFor();
    await page.getByRole('button', { name: '1 wijzigingen doorvoeren' }).click();
    await page.getByText(/ingelezen: 1 gewijzigd/).waitFor();
    expect(expectOk(await core.call('agreements.get', { id: later.id }))).toMatchObject({ status: 'done', statusSource: 'sheet' });

    // A new sheet still lists the done agreement, with its status, as part of this round.
    const again = await downloaded(page, 'Terugkoppelformulier (.xlsx)');
    const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(fs.readFileSync(again.file)).Sheets['Afspraken']!, { header: 1, defval: '' });
    expect(rows.find((r) => r[2] === later.text)?.[8]).toBe('uitgevoerd');
    expect(started.problems).toEqual([]);
  }, 180_000);
});
