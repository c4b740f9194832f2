import fs from 'node:fs';
import XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgreementIndicator } from '../../db/contract/agreements';
import { expectOk } from '../helpers/temp';
import { useBrowser, type RunningApp } from './browser';
import { demoApp, downloaded } from './meeting-helpers';

const browser = useBrowser();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const nl = (n: number) => n.toLocaleString('nl-NL');

describe('Afspraken in the browser shell', () => {
  it('shows what is due, evaluates against the indicators, sets a status with history, and reads back a review sheet', async () => {
    const started = await demoApp(browser(), 'groep');
    app = started;
    const { page, host, groupId } = started;
    const core = host.core;

    // A meeting in March 2025 (figures of 2024) with one agreement for each of three practices.
    const practices = expectOk(await core.call('practices.list', { groupId }));
    const meeting = expectOk(await core.call('meetings.create', { groupId, startsAt: '2025-03-13T19:30' }));
    const specs: { practice: (typeof practices)[number]; indicator: AgreementIndicator; text: string }[] = [
      { practice: practices[0]!, indicator: 'chronicUsers', text: 'We nodigen twee chronische gebruikers uit voor een evaluatieconsult.' },
      { practice: practices[1]!, indicator: 'dispensingsShort', text: 'Eerste recepten kortwerkend voor hoogstens vijf dagen.' },
      { practice: practices[2]!, indicator: 'newUsers', text: 'Bij elke start staat de beoogde duur op het recept.' },
    ];
    const ids: number[] = [];
    for (const spec of specs) {
      const created = expectOk(
        await core.call('agreements.create', {
          meetingId: meeting.id,
          practiceId: spec.practice.id,
          text: spec.text,
          indicator: spec.indicator,
          direction: 'down',
        }),
      );
      ids.push(created.id);
    }
    expectOk(await core.call('meetings.end', { id: meeting.id }));
    // The figures the evaluation must show: the meeting's year before, the latest full year now.
    const figures = async (year: number, practiceId: number, indicator: AgreementIndicator) => {
      const row = expectOk(await core.call('indicators.compute', { year })).rows.find(
        (r) => r.level === 'practice' && r.id === practiceId,
      )!;
      return row[indicator];
    };

    // The home page names them too, with the way to Afspraken.
    await started.open('groep');
    const home = page.getByRole('region', { name: 'Te evalueren' });
    await expect.poll(() => home.getByRole('listitem').count()).toBe(3);
    await started.screenshot('65-home-due');
    await home.getByRole('link', { name: 'Naar de afspraken' }).click();
    // All three were to be evaluated a year after the meeting, which has passed.
    const due = page.getByRole('region', { name: 'Te evalueren' });
    await expect.poll(() => due.getByRole('listitem').count()).toBe(3);

    const table = page.getByRole('table', { name: 'Alle afspraken' });
    for (const spec of specs) {
      const row = table.getByRole('row').filter({ hasText: spec.text });
      const before = await figures(2024, spec.practice.id, spec.indicator);
      const now = await figures(2025, spec.practice.id, spec.indicator);
      const text = await row.innerText();
      expect(text).toContain(spec.practice.name);
      expect(text).toContain(`Vóór (2024): ${nl(before)}`);
      expect(text).toContain(`nu (2025): ${nl(now)}`);
      expect(text).toContain(now < before ? 'Gehaald' : 'Niet gehaald');
    }
    await started.screenshot('60-agreements-overview');

    // A status with a note; it leaves the due list and shows in the history.
    const first = table.getByRole('row').filter({ hasText: specs[0]!.text });
    await first.getByRole('button', { name: /Status zetten/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Status van de afspraak' });
    await dialog.getByLabel('Status', { exact: true }).selectOption({ label: 'uitgevoerd' });
    await dialog.getByLabel('Toelichting').fill('Beide gebruikers gezien; één bouwt af.');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await first.getByText('Beide gebruikers gezien; één bouwt af.').waitFor();
    expect(await first.locator('.status-pill').innerText()).toBe('uitgevoerd');
    await expect.poll(() => due.getByRole('listitem').count()).toBe(2);
    await first.getByRole('button', { name: /Status zetten/ }).click();
    const history = dialog.getByRole('table', { name: 'Eerdere statussen' });
    expect((await history.getByRole('row').nth(1).innerText()).split('\t').slice(1)).toEqual([
      'uitgevoerd',
      'Beide gebruikers gezien; één bouwt af.',
      'de app',
    ]);
    await started.screenshot('63-status-dialog');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();

    // Filtering by status.
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'uitgevoerd' });
    await expect.poll(() => table.getByRole('row').count()).toBe(2); // header + one
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Alle' });

    // The practice page: its agreement, its figures over the years, and the paper round trip.
    const second = specs[1]!;
    await page.getByRole('tab', { name: 'Per praktijk' }).click();
    await page.getByLabel('Praktijk', { exact: true }).selectOption({ label: second.practice.name });
    await page.getByRole('heading', { name: `Afspraken van ${second.practice.name}` }).waitFor();
    const years = page.getByRole('table', { name: 'Kerncijfers per jaar' });
    const columns = (await years.getByRole('row').first().innerText()).split('\t');
    const row2025 = (await years.getByRole('row', { name: /^2025/ }).innerText()).split('\t');
    expect(row2025[columns.indexOf('Uitgiften kort')]).toBe(nl(await figures(2025, second.practice.id, 'dispensingsShort')));
    await started.screenshot('61-practice-page');

    const sheet = await downloaded(page, 'Terugkoppelformulier (.xlsx)');
    expect(sheet.download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = XLSX.read(fs.readFileSync(sheet.file));
    const grid = XLSX.utils.sheet_to_json<string[]>(book.Sheets['Afspraken']!, { header: 1, defval: '' });
    const header = grid.findIndex((r) => r[0] === 'Nr');
    const line = grid.findIndex((r) => r[2] === second.text);
    expect(line).toBeGreaterThan(header);
    // The practice fills in the status and a note, as a spreadsheet program would save it.
    const statusCell = XLSX.utils.encode_cell({ r: line, c: grid[header]!.indexOf('Status') });
    const noteCell = XLSX.utils.encode_cell({ r: line, c: grid[header]!.indexOf('Toelichting') });
    book.Sheets['Afspraken']![statusCell] = { t: 's', v: 'deels uitgevoerd' };
    book.Sheets['Afspraken']![noteCell] = { t: 's', v: 'Lukt nog niet bij waarnemers.' };
    const filled = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;

    const pick = page.getByLabel('Ingevuld formulier kiezen…');
    await pick.setInputFiles({ name: 'teruggestuurd.xlsx', mimeType: 'application/octet-stream', buffer: filled });
    await page
      .getByText(
        `Controle van het formulier van ${second.practice.name}: 1 te wijzigen, 0 ongewijzigd, 0 afgewezen. Er is nog niets veranderd.`,
      )
      .waitFor();
    expect(expectOk(await core.call('agreements.get', { id: ids[1]! })).status).toBe('open');
    await page.getByRole('button', { name: '1 wijzigingen doorvoeren' }).scrollIntoViewIfNeeded();
    await started.screenshot('64-review-check');
    await page.getByRole('button', { name: '1 wijzigingen doorvoeren' }).click();
    await page.getByText(`Formulier van ${second.practice.name} ingelezen: 1 gewijzigd, 0 ongewijzigd, 0 afgewezen.`).waitFor();
    expect(expectOk(await core.call('agreements.get', { id: ids[1]! }))).toMatchObject({
      status: 'partly',
      statusNote: 'Lukt nog niet bij waarnemers.',
      statusSource: 'sheet',
    });
    await page.getByRole('table').filter({ hasText: second.text }).getByText('deels uitgevoerd').waitFor();

    // Another practice's sheet is refused whole on this page, and changes nothing.
    const other = expectOk(await core.call('agreements.exportReviewSheet', { practiceId: specs[2]!.practice.id }));
    await pick.setInputFiles({
      name: 'andere-praktijk.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(other.base64, 'base64'),
    });
    await page.locator('.review-import').getByRole('alert').waitFor();
    expect(expectOk(await core.call('agreements.get', { id: ids[2]! })).status).toBe('open');

    // The level evidence of 2025: one meeting, three agreements, two of them evaluated.
    await page.getByRole('tab', { name: 'FTO-niveau' }).click();
    await page.getByLabel('Jaar', { exact: true }).selectOption('2025');
    const counts = page.locator('dl.counts');
    await expect
      .poll(async () => (await counts.first().innerText()).replace(/\s+/g, ' '))
      .toContain('Afspraken gemaakt in 2025 3 Daarvan al geëvalueerd 2');
    await started.screenshot('62-level');
    expect(app.problems).toEqual([]);
  });
});
