import fs from 'node:fs';
import XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { World } from '../indicators/fixtures';
import { useBrowser, worldApp, type RunningApp } from './browser';

const browser = useBrowser();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Two practices, a GP each, a surgeon without a practice; a chronic patient, new users, weak opioids; 2023-2025. */
function fill(world: World) {
  world.practice('De Linde', 'FTO Noord', { 2025: 4000 });
  world.practice('Het Anker', 'FTO Noord');
  world.prescriber('11111111', 'De Linde', 'Dr. Linde');
  world.prescriber('22222222', 'Het Anker', 'Dr. Anker');
  world.prescriber('Chirurg Jansen', null, 'Chirurg Jansen');
  // Imported for FTO Noord: its "Overige voorschrijvers" counts only its own pharmacies' dispensings (spec §5).
  world.batch('FTO Noord');
  const chronic = ['2025-01-05', '2025-02-02', '2025-03-02', '2025-03-30', '2025-04-27', '2025-05-25', '2025-06-22', '2025-07-20'];
  world.dispense(
    { patient: 'P-OLD', date: '2023-01-01', prescriber: '11111111' },
    { patient: 'P-OLD', date: '2024-03-01', prescriber: '11111111', long: true, days: 30 },
    ...chronic.map((date) => ({ patient: 'P-CHRONIC', date, prescriber: '11111111', long: true, days: 28 })),
    { patient: 'P-NEW', date: '2025-09-01', prescriber: 'Chirurg Jansen', days: 7, ownGp: '22222222' },
    { patient: 'P-NEW', date: '2025-09-10', prescriber: '22222222', days: 7 },
    { patient: 'P-WEAK', date: '2025-04-01', prescriber: '22222222', strong: false },
  );
}

describe('Cijfers in the browser shell', () => {
  it('shows the period table with drill-down, rates, the years with charts, and the worklist as .xlsx', async () => {
    app = await worldApp(browser(), fill, 'cijfers');
    const { page } = app;
    await page.getByLabel('Jaar', { exact: true }).selectOption('2025');

    const table = page.getByRole('table', { name: 'Indicatoren van 1 jan 2025 tot en met 31 dec 2025' });
    await table.waitFor();
    // The figures of the row whose heading cell starts with `name`.
    const rowText = async (name: string) =>
      (
        await table
          .getByRole('row')
          .filter({ has: page.locator('th', { hasText: new RegExp(`^${name}`) }) })
          .first()
          .innerText()
      )
        .split('\t')
        .slice(1);
    // De Linde: 8 long-acting dispensings to a patient who is chronic and (nothing the year before) new.
    // Het Anker: 1 short, 1 weak, and the new user the surgeon started (Anker is the own GP).
    // Then the dose and agreement figures: starts, over the limit, oxycodone, morphine, rapid fentanyl, weak, high dose, dose unknown.
    // P-CHRONIC's first 28 days (a days supply) are over the 7-day limit; no dispensing has a known dose.
    expect(await rowText('De Linde')).toEqual([
      '0',
      '8',
      '0',
      '1',
      '1',
      '1',
      '1',
      '1',
      '1',
      '0',
      '0',
      '1',
      '1',
      '1',
      '0',
      '0',
      '0',
      '0',
      '8',
    ]);
    // P-NEW's start counts at the surgeon who gave the first dispensing, not at the own GP.
    expect(await rowText('Het Anker')).toEqual([
      '1',
      '0',
      '1',
      '0',
      '1',
      '0',
      '1',
      '0',
      '0',
      '1',
      '1',
      '0',
      '0',
      '1',
      '0',
      '0',
      '1',
      '0',
      '1',
    ]);
    expect(await rowText('FTO Noord')).toEqual([
      '1',
      '8',
      '1',
      '1',
      '2',
      '1',
      '2',
      '1',
      '1',
      '1',
      '1',
      '1',
      '1',
      '2',
      '0',
      '0',
      '1',
      '0',
      '9',
    ]);
    await app.screenshot('10-figures-period');
    // "More than 3" is spelled out from the setting; the header's tooltip holds the full definition.
    const over3 = table.getByRole('columnheader', { name: 'Nieuw, > 3 uitgiften' });
    expect(await over3.getAttribute('title')).toBe(
      'Nieuwe gebruikers die in de periode meer dan 3 uitgiften kregen (dus 4 of meer), bij welke voorschrijver ook. Ze tellen bij hun hoofdbehandelaar.',
    );
    // The definitions under the figures are domain/'s, with the settings filled in.
    await page.getByText('Wat betekenen de cijfers?').click();
    await page
      .getByText(
        'Patiënten bij wie de uitgiften samen minstens 90 dagen van de periode dekken, bij welke voorschrijver ook. Ze tellen bij hun hoofdbehandelaar.',
      )
      .waitFor();
    await page.locator('details.definitions').scrollIntoViewIfNeeded();
    await app.screenshot('10-figures-definitions');

    await table.getByRole('button', { name: /Overige voorschrijvers/ }).click();
    // The surgeon's start of 7 days is not over the limit.
    expect(await rowText('Chirurg Jansen')).toEqual([
      '1',
      '0',
      '1',
      '0',
      '1',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '1',
      '0',
      '1',
      '0',
      '0',
      '0',
      '0',
      '1',
    ]);

    await page.getByLabel('Per 1.000 ingeschreven patiënten').check();
    expect((await rowText('De Linde'))[1]).toBe('2,0'); // 8 per 4,000 patients
    expect((await rowText('Het Anker'))[1]).toBe('—');
    await app.screenshot('11-figures-rates');
    await page.getByLabel('Per 1.000 ingeschreven patiënten').uncheck();

    // 12 months up to a date.
    await page.getByLabel('12 maanden tot en met').check();
    await page.getByLabel('Laatste dag van de 12 maanden').fill('2025-06-30');
    const rolling = page.getByRole('table', { name: 'Indicatoren van 1 jul 2024 tot en met 30 jun 2025' });
    await rolling.waitFor();
    await page.getByLabel('Kalenderjaar').check();
    await table.waitFor();

    await page.getByRole('tab', { name: '5 jaar naast elkaar' }).click();
    const years = page.getByRole('table', { name: 'Indicatoren per jaar voor FTO Noord' });
    await years.waitFor();
    // Only years with data (from 2023); 2025 ends after the data (10-09-2025) and says so.
    expect((await years.getByRole('row').first().innerText()).split('\t')).toEqual([
      'Indicator',
      '2023',
      '2024',
      '2025onvolledig (gegevens tot 10-09-2025)',
    ]);
    // 2023 starts with the data: its chronic users may miss earlier coverage.
    expect((await years.getByRole('row', { name: /^Chronische gebruikers/ }).innerText()).split('\t')).toEqual([
      'Chronische gebruikers',
      '0 onvolledig',
      '0',
      '1',
    ]);
    // 2023 cannot look back a full year before it: its new-user figures are marked.
    expect(
      await years
        .getByRole('row', { name: /^Nieuwe gebruikers/ })
        .first()
        .getByText('onvolledig')
        .count(),
    ).toBe(1);
    expect(await page.getByRole('img', { name: 'Uitgiften sterke opioïden: kort- en langwerkend' }).isVisible()).toBe(true);
    await page.getByRole('img', { name: 'Wie startte de nieuwe gebruikers?' }).scrollIntoViewIfNeeded();
    await app.screenshot('12-figures-years');
    // The charts follow the rates toggle: De Linde's one chronic user in 2025 is 0.25 per 1,000 patients.
    await page.getByLabel('Tonen voor').selectOption({ label: 'De Linde' });
    await page.getByLabel('Per 1.000 ingeschreven patiënten').check();
    const chronicChart = page.getByRole('img', { name: 'Chronische gebruikers (per 1.000 patiënten)' });
    expect(await chronicChart.locator('rect title').allTextContents()).toEqual(['2025* · Chronische gebruikers: 0,3']);
    await page.getByText('Voor een jaar zonder bekende praktijkgrootte').waitFor();
    await page.getByLabel('Per 1.000 ingeschreven patiënten').uncheck();

    await page.getByRole('tab', { name: 'Werklijst chronisch gebruik' }).click();
    await page.getByRole('cell', { name: 'P-CHRONIC' }).waitFor();
    await app.screenshot('13-worklist');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Downloaden als Excel (.xlsx)' }).click(),
    ]);
    const saved = await download.path();
    const sheet = XLSX.read(fs.readFileSync(saved)).Sheets;
    expect(JSON.stringify(sheet)).toContain('P-CHRONIC');
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(app.problems).toEqual([]);
  });

  it('changes the settings with the errors next to the fields, and says which were used', async () => {
    app = await worldApp(browser(), fill, 'cijfers');
    const { page } = app;
    await page.getByText('chronisch gebruik vanaf 90 gedekte dagen').waitFor();
    await page.getByRole('button', { name: 'Instellingen wijzigen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Chronisch gebruik vanaf (dagen)').fill('0');
    await dialog.getByLabel('Chronisch gebruik vanaf (dagen)').press('Enter');
    await dialog.getByText('Kies minstens 1 dag.').waitFor();
    await dialog.getByLabel('Chronisch gebruik vanaf (dagen)').fill('60');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('chronisch gebruik vanaf 60 gedekte dagen').waitFor();
    expect(app.problems).toEqual([]);
  });
});
