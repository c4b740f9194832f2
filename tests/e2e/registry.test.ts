import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { expectOk } from '../helpers/temp';
import { World } from '../indicators/fixtures';
import { startApp, useBrowser, type RunningApp } from './browser';

const browser = useBrowser();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The text that the input's aria-describedby points at: its hint and, after a failed save, its error. */
async function description(input: Locator): Promise<string> {
  const ids = (await input.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter(Boolean)
      .map((id) => input.page().locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}

async function addPrescriber(page: Page, name: string, agb: string, practice: string) {
  await page.getByRole('button', { name: 'Voorschrijver toevoegen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Naam').fill(name);
  await dialog.getByLabel('AGB-code (mag leeg)').fill(agb);
  await dialog.getByLabel('Praktijk').selectOption({ label: practice });
  await dialog.getByLabel('Naam').press('Enter');
  await dialog.waitFor({ state: 'detached' });
}

describe('Groep & praktijken in the browser shell', () => {
  it('creates a group, practice, prescribers and a pharmacy that are still there after a reload', async () => {
    app = await startApp(browser());
    const { page } = app;
    await page.getByRole('heading', { name: 'Welkom bij de FTO Toolkit' }).waitFor();
    for (const section of ['Groep & praktijken', 'Gegevens', 'Cijfers', 'Bijeenkomst', 'Afspraken', 'Instellingen']) {
      expect(await page.getByRole('navigation').getByRole('link', { name: section }).isVisible()).toBe(true);
    }
    await app.screenshot('01-welcome');

    await page.getByRole('button', { name: 'Nieuwe FTO-groep' }).click();
    await page.getByRole('dialog').getByLabel('Naam').fill('FTO Noord');
    await page.getByRole('dialog').getByLabel('Naam').press('Enter');
    await page.getByRole('heading', { name: 'FTO Noord' }).waitFor();

    // A bad AGB code: the Dutch message appears next to that field, and what was typed stays.
    await page.getByRole('button', { name: 'Praktijk toevoegen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Naam').fill('Huisartsenpraktijk De Linde');
    const agb = dialog.getByLabel('AGB-code (mag leeg)');
    await agb.fill('1234');
    await dialog.getByRole('button', { name: 'Jaar toevoegen' }).click();
    await dialog.getByLabel('Jaar', { exact: true }).fill('2024');
    await dialog.getByLabel('Ingeschreven patiënten').fill('5.200');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Een AGB-code bestaat uit precies 8 cijfers.').waitFor();
    expect(await agb.getAttribute('aria-invalid')).toBe('true');
    expect(await description(agb)).toContain('Een AGB-code bestaat uit precies 8 cijfers.');
    expect(await dialog.getByLabel('Naam').inputValue()).toBe('Huisartsenpraktijk De Linde');
    expect(await agb.inputValue()).toBe('1234');
    await app.screenshot('02-bad-agb');
    expect(expectOk(await app.host.core.call('practices.list', {}))).toEqual([]);

    await agb.fill('01234567');
    await agb.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Huisartsenpraktijk De Linde', exact: true }).waitFor();

    await addPrescriber(page, 'A. de Vries', '12345678', 'Huisartsenpraktijk De Linde');
    await addPrescriber(page, 'Dr. Jansen, chirurg', '', 'Geen praktijk (specialist, waarnemer, huisartsenpost)');
    await page.getByRole('button', { name: 'Apotheek toevoegen' }).click();
    await page.getByRole('dialog').getByLabel('Naam').fill('Apotheek Centrum');
    await page.getByRole('dialog').getByLabel('Naam').press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.reload();
    await page.getByRole('heading', { name: 'FTO Noord' }).waitFor();
    const main = page.getByRole('main');
    for (const text of [
      'Huisartsenpraktijk De Linde',
      '01234567',
      '2024: 5.200',
      'A. de Vries',
      'Dr. Jansen, chirurg',
      'Apotheek Centrum',
    ]) {
      await main.getByRole('cell', { name: text, exact: true }).first().waitFor();
    }
    await app.screenshot('03-registry');
    expect(app.problems).toEqual([]);
  });

  it('can be used with the keyboard alone, with a visible focus', async () => {
    app = await startApp(browser());
    const { page } = app;
    await page.getByRole('button', { name: 'Nieuwe FTO-groep' }).waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    for (let i = 0; i < 15 && (await focused()) !== 'Nieuwe FTO-groep'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Nieuwe FTO-groep');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    // The dialog puts the cursor in its first field; Enter submits it.
    await page.keyboard.type('FTO Oost');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'FTO Oost' }).waitFor();
    expect(expectOk(await app.host.core.call('groups.list')).map((g) => g.name)).toEqual(['FTO Oost']);

    // The sections are links: following one by keyboard moves the focus to its heading.
    await page.getByRole('link', { name: 'Cijfers' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === 'Cijfers');
    expect(app.problems).toEqual([]);
  });

  it('asks before deleting, names what depends on it, and Escape keeps everything', async () => {
    app = await startApp(browser());
    const { core } = app.host;
    const group = expectOk(await core.call('groups.create', { name: 'FTO Zuid' }));
    const practice = expectOk(await core.call('practices.create', { groupId: group.id, name: 'Het Anker' }));
    expectOk(await core.call('prescribers.create', { name: 'B. Bakker', agb: '87654321', practiceId: practice.id }));
    const { page } = app;
    await page.reload();

    await page.getByRole('button', { name: 'Het Anker verwijderen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Het Anker verwijderen?' });
    await dialog.getByText('1 voorschrijver telt daarna mee als "Overige voorschrijvers"').waitFor();
    await app.screenshot('04-delete-ask');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(expectOk(await core.call('practices.list', {}))).toHaveLength(1);

    await page.getByRole('button', { name: 'Het Anker verwijderen' }).click();
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Nog geen praktijken in deze groep.').waitFor();
    expect(expectOk(await core.call('practices.list', {}))).toEqual([]);
    expect(app.problems).toEqual([]);
  });

  it('refuses to delete a prescriber who has dispensings, and says why', async () => {
    app = await startApp(browser());
    const world = new World(app.host.db);
    world.practice('De Linde', 'FTO Noord');
    world.prescriber('11111111', 'De Linde', 'Dr. Linde');
    world.dispense({ patient: 'P1', date: '2025-03-01', prescriber: '11111111' });
    const { page } = app;
    await page.reload();
    await page.getByRole('button', { name: 'Dr. Linde verwijderen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dr. Linde verwijderen?' });
    await dialog.getByText('Er hoort 1 uitgifte bij deze voorschrijver.', { exact: false }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Verwijderen' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(expectOk(await app.host.core.call('prescribers.list', {}))).toHaveLength(1);
  });

  it('makes a backup, opens another database and remembers the language', async () => {
    app = await startApp(browser());
    const { page } = app;
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await page.getByTestId('db-path').getByText(app.file).waitFor();
    await page.getByRole('button', { name: 'Back-up maken' }).click();
    const written = (await page.getByRole('status').locator('.path').textContent()) ?? '';
    expect(fs.existsSync(written)).toBe(true);

    // A path that is neither an existing file nor a .sqlite name is refused next to the field.
    await page.getByLabel('Pad van het databasebestand').fill(`${app.file}.txt`);
    await page.getByLabel('Pad van het databasebestand').press('Enter');
    await page.getByText('Een nieuw databasebestand moet op .sqlite eindigen.').waitFor();
    const other = app.file.replace(/fto\.sqlite$/, 'tweede.sqlite');
    await page.getByLabel('Pad van het databasebestand').fill(other);
    await page.getByRole('button', { name: 'Openen' }).click();
    await page.getByTestId('db-path').getByText(other).waitFor();
    expect(app.host.file).toBe(other);

    await page.getByLabel('English').check();
    await page.getByRole('link', { name: 'Group & practices' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await app.screenshot('05-settings-en');
    expect(app.problems).toEqual([]);
  });
});
