// Two FTO groups in one database (issue 10): each group's Cijfers, deck, report and prescriber lists
// hold only its own data, equal to indicators.compute for that group; the data end is shown and a
// period past it is marked; merges and bulk assignment through the app.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { expectOk } from '../helpers/temp';
import { buildTwoGroups, EEM, WAAL } from '../groups/two-groups';
import { SHOTS, startApp, useBrowser, type RunningApp } from './browser';
import { allSaved, downloaded } from './meeting-helpers';

const browser = useBrowser();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const SHOT_DIR = path.join(SHOTS, 'groups10');
async function shot(running: RunningApp, name: string) {
  fs.mkdirSync(SHOT_DIR, { recursive: true });
  await running.page.screenshot({ path: path.join(SHOT_DIR, `${name}.png`), fullPage: true });
}

/** The figures of one table row whose heading cell starts with `name`. */
async function rowText(running: RunningApp, table: ReturnType<RunningApp['page']['getByRole']>, name: string) {
  const row = table.getByRole('row').filter({ has: running.page.locator('th', { hasText: new RegExp(`^${name}`) }) });
  return (await row.first().innerText())
    .split('\t')
    .slice(1)
    .map((cell) => cell.trim());
}

async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return (await zip.file('word/document.xml')!.async('string')).replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
}

/** The shell on the two groups' database, the page on group Eem. */
async function twoGroupsOnEem() {
  const running = (app = await startApp(browser()));
  await buildTwoGroups(running.host.core, running.host.db);
  const groups = expectOk(await running.host.core.call('groups.list', {}));
  const eem = groups.find((g) => g.name === EEM)!.id;
  await running.page.evaluate((id) => localStorage.setItem('fto.group', String(id)), eem);
  return { running, groups, eem };
}

describe('two FTO groups in the browser shell', () => {
  it('shows each group only its own figures, marks the incomplete year, merges and assigns', async () => {
    const { running, groups, eem } = await twoGroupsOnEem();
    const { page, host } = running;
    const core = host.core;

    // Cijfers opens on 2024 (2025 ends on 31-10-2025), offers no year without data, and says how far the data goes.
    await running.open('cijfers');
    const yearSelect = page.getByLabel('Jaar', { exact: true });
    await page.getByText('gegevens tot 31-10-2025').waitFor();
    expect(await yearSelect.inputValue()).toBe('2024');
    expect(await yearSelect.locator('option').allInnerTexts()).toEqual(['2025 – onvolledig', '2024', '2023']);
    const table2024 = page.getByRole('table', { name: 'Indicatoren van 1 jan 2024 tot en met 31 dec 2024' });
    await table2024.waitFor();
    const expected2024 = expectOk(await core.call('indicators.compute', { year: 2024, groupId: eem }));
    for (const row of expected2024.rows.filter((r) => r.level !== 'prescriber')) {
      expect((await rowText(running, table2024, row.name)).slice(0, 11), row.name).toEqual(
        [
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
        ].map((n) => String(row[n as 'newUsers'])),
      );
    }
    const tableText = await table2024.innerText();
    expect(tableText).not.toContain('Huisartsen aan de Waal');
    expect(tableText).not.toContain('Alle gegevens');
    // Its "Overige voorschrijvers" opens to the prescribers without a practice, from its own pharmacies only.
    await table2024.getByRole('button', { name: /Overige voorschrijvers/ }).click();
    expect(await table2024.innerText()).toContain('dr. P. Pijnarts');
    expect(await table2024.innerText()).not.toContain('H. Chirurg');

    await yearSelect.selectOption('2025');
    await page.getByRole('table', { name: 'Indicatoren van 1 jan 2025 tot en met 31 dec 2025' }).waitFor();
    await page.getByRole('note').filter({ hasText: 'onvolledig (gegevens tot 31-10-2025)' }).waitFor();
    await shot(running, 'cijfers-onvolledig');
    await page.getByRole('tab', { name: '5 jaar naast elkaar' }).click();
    const years = page.getByRole('table', { name: `Indicatoren per jaar voor ${EEM}` });
    await years.waitFor();
    expect((await years.getByRole('row').first().innerText()).split('\t')).toEqual([
      'Indicator',
      '2023',
      '2024',
      '2025onvolledig (gegevens tot 31-10-2025)',
    ]);
    await shot(running, 'cijfers-jaren');

    // Gegevens → Voorschrijvers: the merge proposals (the specialist with and without AGB code, and M. Smit).
    await running.open('gegevens');
    await page.getByRole('tab', { name: /Voorschrijvers/ }).click();
    const merges = page.locator('section.merges');
    await merges.getByText('P. Pijnarts (geen AGB-code').waitFor();
    await shot(running, 'samenvoegen-voorstellen');
    const before = expectOk(await core.call('indicators.compute', { year: 2024, groupId: eem }));
    const pijnarts = merges.locator('li').filter({ hasText: 'P. Pijnarts (geen AGB-code' });
    await pijnarts.getByRole('button', { name: 'Samenvoegen' }).click();
    await merges.getByText('Samengevoegd (1)').waitFor();
    const merged = expectOk(await core.call('indicators.compute', { year: 2024 }));
    expect(merged.rows.some((r) => r.key === 'P. Pijnarts')).toBe(false);
    await merges.getByText('Samengevoegd (1)').click();
    await merges.getByRole('button', { name: 'Samenvoegen van P. Pijnarts ongedaan maken' }).click();
    await merges.locator('li').filter({ hasText: 'P. Pijnarts (geen AGB-code' }).getByRole('button', { name: 'Samenvoegen' }).waitFor();
    expect(expectOk(await core.call('indicators.compute', { year: 2024, groupId: eem }))).toEqual(before);

    // The deliberate no-practice list holds only prescribers Eemvallei's pharmacies delivered for.
    const deliberate = page.locator('details.deliberate');
    await deliberate.locator('summary').click();
    const deliberateText = await deliberate.innerText();
    expect(deliberateText).toContain('dr. P. Pijnarts');
    expect(deliberateText).not.toContain('H. Chirurg');

    // A mapping file, previewed before anything changes, then applied.
    const mapping =
      'prescriber;practice;group\nHuisartsenpost Rivierenland;;\n01000002;Gezondheidscentrum Vallei;\nL. Nieuw;Praktijk Nieuwland;FTO Eemvallei\n';
    await page.getByLabel('Bestand kiezen').setInputFiles({ name: 'koppeling.csv', mimeType: 'text/csv', buffer: Buffer.from(mapping) });
    const preview = page.locator('.mapping-preview');
    await preview.getByText('3 regels gelezen, waarvan 2 iets veranderen.').waitFor();
    await shot(running, 'toewijzen-voorbeeld');
    expect(
      host.db.prepare("SELECT p.name FROM prescriber r JOIN practice p ON p.id = r.practice_id WHERE r.key = '01000002'").get(),
    ).toEqual({ name: 'Huisartsenpraktijk De Eem' });
    await preview.getByRole('button', { name: 'Toepassen (3 regels)' }).click();
    await preview.getByText('Toegepast: 3 regels').waitFor();
    expect(
      host.db.prepare("SELECT p.name FROM prescriber r JOIN practice p ON p.id = r.practice_id WHERE r.key = '01000002'").get(),
    ).toEqual({ name: 'Gezondheidscentrum Vallei' });

    // Groep & praktijken: a pharmacy's group can be changed; the figures follow.
    await running.open('groep');
    await page.getByRole('button', { name: /Apotheek Vallei bewerken/ }).waitFor();
    // Its prescriber list: no specialist only the other group's pharmacies delivered for.
    const register = await page.locator('main').innerText();
    expect(register).toContain('dr. P. Pijnarts');
    expect(register).not.toContain('H. Chirurg');
    await page.getByRole('button', { name: /Apotheek Vallei bewerken/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('FTO-groep').waitFor();
    await shot(running, 'apotheek-groep');
    const waal = groups.find((g) => g.name === WAAL)!.id;
    const otherBefore = expectOk(await core.call('indicators.compute', { year: 2024, groupId: waal })).rows.find(
      (r) => r.level === 'groupOther',
    )!;
    await dialog.getByLabel('FTO-groep').selectOption({ label: WAAL });
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    const otherAfter = expectOk(await core.call('indicators.compute', { year: 2024, groupId: waal })).rows.find(
      (r) => r.level === 'groupOther',
    )!;
    expect(otherAfter.dispensingsLong + otherAfter.dispensingsShort).toBeGreaterThan(
      otherBefore.dispensingsLong + otherBefore.dispensingsShort,
    );
    // Several open prescribers at once, into a practice made in the same step.
    host.db.prepare("UPDATE prescriber SET practice_source = NULL WHERE key IN ('Huisartsenpost Rivierenland', '03000001')").run();
    await running.open('gegevens');
    await page.getByRole('tab', { name: /Voorschrijvers/ }).click();
    await page.getByLabel('dr. P. Pijnarts kiezen').check();
    await page.getByLabel('Huisartsenpost Rivierenland kiezen').check();
    await page.getByLabel('Praktijk voor de gekozen voorschrijvers').selectOption({ label: 'Nieuwe praktijk…' });
    await page.getByLabel('Naam van de nieuwe praktijk').fill('Waarneemgroep Eemvallei');
    await shot(running, 'toewijzen-meerdere');
    await page.getByRole('button', { name: 'Gekozen voorschrijvers toewijzen' }).click();
    await page.locator('.success').waitFor();
    const practices = expectOk(await core.call('practices.list', { groupId: eem })).map((p) => p.name);
    expect(practices).toContain('Waarneemgroep Eemvallei');
    expect(
      host.db
        .prepare("SELECT count(*) AS n FROM prescriber r JOIN practice p ON p.id = r.practice_id WHERE p.name = 'Waarneemgroep Eemvallei'")
        .get(),
    ).toEqual({ n: 2 });

    expect(running.problems).toEqual([]);
  });

  it('a meeting in March 2025 defaults to 2024; the deck and report of 2025 are marked onvolledig and hold only the group', async () => {
    const { running, eem } = await twoGroupsOnEem();
    const { page } = running;
    const core = running.host.core;
    await running.open('bijeenkomst');
    await page.getByRole('button', { name: 'Bijeenkomst plannen' }).click();
    await page.getByRole('tab', { name: 'Planning' }).waitFor();

    // The date typed in Planning moves the period to the last complete year before it.
    await page.getByLabel('Datum en begintijd').fill('2025-03-12T19:30');
    await allSaved(page);
    await expect.poll(() => page.getByLabel('Periode vanaf').inputValue()).toBe('2024-01-01');
    expect(await page.getByLabel('Periode tot en met').inputValue()).toBe('2024-12-31');
    await page.getByText('De gegevens lopen tot 31-10-2025.').waitFor();
    // Set by hand to 2025: marked, and no longer following the date.
    await page.getByLabel('Periode tot en met').fill('2025-12-31');
    await page.getByLabel('Periode vanaf').fill('2025-01-01');
    await allSaved(page);
    await page.locator('.planning .badge', { hasText: 'onvolledig (gegevens tot 31-10-2025)' }).waitFor();
    await shot(running, 'bijeenkomst-periode');

    await page.getByRole('tab', { name: 'Presentatie' }).click();
    await page.getByRole('list', { name: "Dia's" }).waitFor();
    expect(await page.locator('.deck-list').innerText()).toContain('2025 onvolledig (gegevens tot 31-10-2025)');
    const { file } = await downloaded(page, 'HTML');
    const html = fs.readFileSync(file, 'utf8');
    const slide = html.slice(
      html.indexOf('data-id="cijfers-uitgiftes"'),
      html.indexOf('</section>', html.indexOf('data-id="cijfers-uitgiftes"')),
    );
    expect(slide).toContain('onvolledig (gegevens tot 31-10-2025)');
    const figures = expectOk(await core.call('indicators.compute', { year: 2025, groupId: eem }));
    const cell = (row: string, indicator: string) =>
      new RegExp(`data-row="${row}" data-indicator="${indicator}"[^>]*data-value="(\\d+)"`).exec(slide)?.[1];
    const other = figures.rows.find((r) => r.level === 'groupOther')!;
    expect(cell('Overige voorschrijvers', 'dispensingsLong')).toBe(String(other.dispensingsLong));
    for (const practice of figures.rows.filter((r) => r.level === 'practice')) {
      expect(cell(practice.name, 'dispensingsShort'), practice.name).toBe(String(practice.dispensingsShort));
    }
    expect(slide).not.toContain('Huisartsen aan de Waal');

    await page.getByRole('tab', { name: 'Verslag' }).click();
    const word = await downloaded(page, 'Verslag als Word (.docx)');
    const text = await docxText(word.file);
    expect(text).toContain('1 januari 2025 t/m 31 december 2025, onvolledig (gegevens tot 31-10-2025)');
    expect(text).not.toContain('Huisartsen aan de Waal');
    expect(running.problems).toEqual([]);
  });
});
