import fs from 'node:fs';
import XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { fillRegional, SECRET } from '../indicators/regional-world';
import { useBrowser, worldApp, type RunningApp } from './browser';

const browser = useBrowser();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('Regionaal overzicht in Cijfers', () => {
  it('downloads the summary with small counts hidden, and lowers the threshold only after asking', async () => {
    app = await worldApp(browser(), fillRegional, 'cijfers');
    const { page } = app;
    await page.getByLabel('Jaar', { exact: true }).selectOption('2024');
    const panel = page.getByRole('region', { name: 'Regionaal overzicht' });
    await panel.getByText('Aantallen van 1 tot en met 9 staan erin als "<10"').waitFor();

    const save = async (name: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name }).click()]);
      return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
    };
    const xlsx = await save('Regionaal overzicht (.xlsx)');
    expect(xlsx.name).toBe('regionaal-overzicht-2024-01-01-2024-12-31.xlsx');
    const book = XLSX.read(xlsx.bytes);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Cijfers!, { header: 1 });
    expect(rows.find((row) => row[1] === 'Praktijk A')!.slice(3, 8)).toEqual([12, 0, '<10', 0, '<10']);
    for (const secret of SECRET) expect(JSON.stringify(book.Sheets)).not.toContain(secret);
    await app.screenshot('14-figures-regional');

    // Lowering asks first; a wrong number is explained in the dialog; cancelling changes nothing.
    await panel.getByRole('button', { name: 'Drempel verlagen…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Drempel voor kleine aantallen verlagen?' });
    await dialog.getByLabel('Nieuwe drempel (1 tot en met 9)').fill('12');
    await dialog.getByRole('button', { name: 'Ja, drempel verlagen' }).click();
    await dialog.getByText('Kies een heel getal van 1 tot en met 9.').waitFor();
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await panel.getByText('Aantallen van 1 tot en met 9').waitFor();

    await panel.getByRole('button', { name: 'Drempel verlagen…' }).click();
    await dialog.getByLabel('Nieuwe drempel (1 tot en met 9)').fill('3');
    await dialog.getByRole('button', { name: 'Ja, drempel verlagen' }).click();
    await panel.getByText('U hebt de drempel bewust verlaagd naar 3.').waitFor();
    await panel.getByLabel('Alleen FTO Noord').check();
    const csv = await save('Regionaal overzicht (.csv)');
    expect(csv.name).toBe('regionaal-overzicht-fto-noord-2024-01-01-2024-12-31.csv');
    const text = csv.bytes.toString('utf8');
    expect(text).toContain('Praktijk;Praktijk A;FTO Noord;12;0;3;0;3;');
    expect(text).not.toContain('FTO Zuid');

    await panel.getByRole('button', { name: 'Drempel terug naar 10' }).click();
    await panel.getByText('Aantallen van 1 tot en met 9').waitFor();
    expect(app.problems).toEqual([]);
  });
});
