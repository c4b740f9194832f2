import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { writeExport } from '../../db/demo/export';
import { generateDispensings } from '../../db/demo/generate';
import { expectOk } from '../helpers/temp';
import { startApp, useBrowser, type RunningApp } from './browser';

const browser = useBrowser();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The summary counts shown for a file, read from the page: Gelezen, Ingelezen, Al aanwezig, ... */
async function counts(app: RunningApp, file: string): Promise<Record<string, number>> {
  const card = app.page.locator('.file-card', { hasText: file }).last();
  const terms = await card.locator('dl.counts dt').allInnerTexts();
  const values = await card.locator('dl.counts dd').allInnerTexts();
  return Object.fromEntries(terms.map((term, i) => [term, Number(values[i]!.replace(/\./g, ''))]));
}

async function pickFiles(app: RunningApp, files: { name: string; buffer: Buffer }[]) {
  await app.page.getByLabel('Bestanden kiezen…').setInputFiles(files.map((f) => ({ ...f, mimeType: 'application/octet-stream' })));
}

describe('Gegevens in the browser shell', () => {
  it('imports a generated export with progress and summary; the same file again adds nothing; undo removes it', async () => {
    app = await startApp(browser());
    const group = expectOk(await app.host.core.call('groups.create', { name: 'FTO Noord' }));
    const records = [...generateDispensings({ count: 3000, fromYear: 2024, toYear: 2025 })];
    const file = {
      name: 'apotheek-export.csv',
      buffer: writeExport(records, {
        format: 'csv',
        headers: 'nl',
        delimiter: ';',
        encoding: 'windows-1252',
        dates: 'dd-mm-yyyy',
        titleRows: ['Uitgifteoverzicht'],
        totalsRow: true,
      }),
    };
    const { page } = app;
    await app.open('gegevens');

    await pickFiles(app, [file]);
    await page.getByText('Klaar om in te lezen.').waitFor();
    await page.getByText('3.002 regels onder de kopregel (regel 3).').waitFor();
    await app.screenshot('20-import-ready');
    // Note whether a progress bar was on screen while the job ran (it may be short).
    await page.evaluate(() => {
      const seen = document.body.appendChild(document.createElement('i'));
      seen.id = 'progress-seen';
      new MutationObserver(() => {
        if (document.querySelector('progress')) seen.dataset.seen = 'yes';
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: '1 bestand inlezen in FTO Noord' }).click();
    await page.getByRole('heading', { name: 'Inlezen klaar' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('#progress-seen').getAttribute('data-seen')).toBe('yes');
    const first = await counts(app, file.name);
    expect(first.Gelezen).toBe(3002); // the data, an empty row and the totals row
    expect(first.Ingelezen).toBeGreaterThan(0);
    expect(first.Gelezen).toBe(first.Ingelezen! + first['Al aanwezig']! + first['Geen opioïd']! + first.Afgewezen! + first.Leeg!);
    await app.screenshot('21-import-summary');

    await pickFiles(app, [file]);
    await page.getByRole('button', { name: '1 bestand inlezen in FTO Noord' }).click();
    await page.getByRole('heading', { name: 'Inlezen klaar' }).waitFor({ timeout: 60_000 });
    const second = await counts(app, file.name);
    expect(second).toMatchObject({ Ingelezen: 0, 'Al aanwezig': first.Ingelezen });

    await page.getByRole('tab', { name: 'Geschiedenis' }).click();
    await page.getByRole('button', { name: 'Import apotheek-export.csv ongedaan maken' }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Import apotheek-export.csv ongedaan maken' }).count()).toBe(2);
    await app.screenshot('22-history');
    await page.getByRole('button', { name: 'Import apotheek-export.csv ongedaan maken' }).last().click();
    const dialog = page.getByRole('dialog', { name: 'Import apotheek-export.csv ongedaan maken?' });
    await dialog.getByText(`uitgiften worden verwijderd`).waitFor();
    await dialog.getByRole('button', { name: 'Ongedaan maken' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelectorAll('[aria-label="Import apotheek-export.csv ongedaan maken"]').length === 1);
    expect(expectOk(await app.host.core.call('imports.list', { groupId: group.id })).map((b) => b.imported)).toEqual([0]);
    expect(app.problems).toEqual([]);
  });

  it('asks for the columns it cannot place, lists rejected rows with a CSV, and imports after the mapping', async () => {
    app = await startApp(browser());
    expectOk(await app.host.core.call('groups.create', { name: 'FTO Zuid' }));
    // "Wanneer" is no known name for the dispense date; row 3 has a date that does not exist.
    const csv = [
      'Patiëntnummer;Wanneer;ATC;Artikelomschrijving;Voorschrijver;Aantal;Dosering',
      'P1;03-02-2025;N02AA05;OXYCODON HCL 5MG CAPSULE;Dr. Kort;20;3dd1',
      'P1;31-02-2025;N02AA05;OXYCODON HCL 5MG CAPSULE;Dr. Kort;20;3dd1',
      'P2;10-03-2025;N02AB03;FENTANYL 25MCG/UUR PLEISTER;Dr. Kort;10;1 pleister per 3 dagen',
    ].join('\r\n');
    const { page } = app;
    await app.open('gegevens');
    await pickFiles(app, [{ name: 'eigen-export.csv', buffer: Buffer.from(csv, 'utf8') }]);
    await page.getByRole('button', { name: 'Kolommen kiezen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kolommen kiezen voor eigen-export.csv' });
    await dialog.getByText('Eerste regels van het bestand').waitFor();
    await app.screenshot('23-mapping');
    await dialog.getByLabel('Afleverdatum *').selectOption('Wanneer');
    await dialog.getByRole('button', { name: 'Controleren en gebruiken' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Klaar om in te lezen.').waitFor();
    await page.getByRole('button', { name: '1 bestand inlezen in FTO Zuid' }).click();
    await page.getByRole('heading', { name: 'Inlezen klaar' }).waitFor({ timeout: 60_000 });
    expect(await counts(app, 'eigen-export.csv')).toMatchObject({ Gelezen: 3, Ingelezen: 2, Afgewezen: 1 });
    const rejected = page.getByRole('row', { name: /^3 Afleverdatum/ });
    await rejected.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Afgewezen regels opslaan als CSV' }).click(),
    ]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text.split('\r\n')[1]).toMatch(/^3;Afleverdatum;/);
    await app.screenshot('24-rejected');

    // The patch was judged by its name: it waits for review, and the choice made here sticks.
    await page.getByRole('tab', { name: 'Producten controleren' }).click();
    const select = page.getByLabel('Indeling van FENTANYL 25MCG/UUR PLEISTER');
    await select.selectOption('long');
    await page.waitForFunction(() => !document.querySelector('[aria-label="Indeling van FENTANYL 25MCG/UUR PLEISTER"]'));
    const products = expectOk(await app.host.core.call('products.list'));
    expect(products.find((p) => p.product.startsWith('FENTANYL'))).toMatchObject({ override: true, needsReview: false });

    // Dr. Kort came without a practice: assign him.
    expectOk(await app.host.core.call('practices.create', { groupId: 1, name: 'De Kade' }));
    await page.getByRole('tab', { name: 'Voorschrijvers koppelen' }).click();
    await page.getByLabel('Praktijk voor Dr. Kort').selectOption({ label: 'De Kade' });
    await page.getByRole('button', { name: 'Dr. Kort koppelen' }).click();
    await page.getByText('Alle voorschrijvers met uitgiften zijn gekoppeld of bewust zonder praktijk.').waitFor();
    expect(expectOk(await app.host.core.call('prescribers.unassigned'))).toEqual([]);
    expect(app.problems).toEqual([]);
  });

  it('loads the demo group from the welcome screen', async () => {
    app = await startApp(browser());
    const { page } = app;
    await page.getByRole('button', { name: 'Demo-groep laden' }).click();
    await page.getByRole('heading', { name: 'FTO Demo Rivierenland' }).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Cijfers' }).click();
    await page.getByRole('table', { name: /Indicatoren van/ }).waitFor();
    await app.screenshot('25-demo-figures');
    expect(app.problems).toEqual([]);
  });
});
