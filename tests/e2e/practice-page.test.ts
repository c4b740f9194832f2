import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectOk } from '../helpers/temp';
import { startApp, useBrowser, type RunningApp } from './browser';

// Afspraken → Per praktijk after a real pharmacy export whose data stops in October 2025: the figures the
// practice's agreements are measured by, and 2025 marked as not a whole year.

const browser = useBrowser();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const SHOTS = '/tmp/shots/practice9';

const HEADER = [
  'Patiëntnummer',
  'Afleverdatum',
  'ATC',
  'Artikelomschrijving',
  'Voorschrijver',
  'AGB voorschrijver',
  'Aantal',
  'Dosering',
  'Praktijk',
];
const LINDE = ['Dr. Linde', '11111111', 'De Linde'];
const ANKER = ['Dr. Anker', '22222222', 'Het Anker'];
const dutchDate = (date: Date) =>
  `${String(date.getUTCDate()).padStart(2, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${date.getUTCFullYear()}`;

function exportFile(): { name: string; buffer: Buffer } {
  const line = (patient: string, date: string, atc: string, product: string, who: string[], quantity: string, dosing: string) => [
    patient,
    date,
    atc,
    product,
    who[0]!,
    who[1]!,
    quantity,
    dosing,
    who[2]!,
  ];
  const rows = [
    // The data starts on 1 January 2024 (tramadol, context only): 2025 has its full look-back.
    line('P-EARLY', '01-01-2024', 'N02AX02', 'TRAMADOL HCL 50MG CAPSULE', LINDE, '30', '3 dd 1'),
    // P-HIGH: oxycodone 40 mg MGA twice a day (120 mg OME a day) every 28 days, the last on 10 October 2025.
    ...Array.from({ length: 24 }, (_, i) =>
      line('P-HIGH', dutchDate(new Date(Date.UTC(2024, 0, 5 + 28 * i))), 'N02AA05', 'OXYCODON HCL 40MG TABLET MGA', LINDE, '56', '2dd1'),
    ),
    // 2025's starts at De Linde: morphine for 10 days (over the 7-day limit), oxycodone for 5 days, and
    // rapid-onset fentanyl with a text nobody can read (14 days guessed: never counted as over the limit).
    line('P-START', '03-03-2025', 'N02AA01', 'MORFINE HCL 10MG TABLET', LINDE, '60', 'zo nodig 1 tablet, max 6 per dag'),
    line('P-SHORT', '10-03-2025', 'N02AA05', 'OXYCODON HCL 5MG CAPSULE', LINDE, '20', '4dd1'),
    line('P-FENT', '05-05-2025', 'N02AB03', 'ABSTRAL 100MCG SUBLINGUALE TABLET', LINDE, '10', 'volgens schema'),
    line('Q-ANKER', '01-04-2025', 'N02AA01', 'MORFINE HCL 10MG TABLET', ANKER, '20', '4dd1'),
  ];
  const text = [HEADER, ...rows].map((row) => row.join(';')).join('\r\n') + '\r\n';
  return { name: 'apotheek-tot-oktober.csv', buffer: Buffer.from(text, 'utf8') };
}

describe('the practice page in the browser shell', () => {
  it("shows the figures of the practice's agreements per year and marks the year whose data ends in October", async () => {
    app = await startApp(browser());
    const { page, host } = app;
    const group = expectOk(await host.core.call('groups.create', { name: 'FTO Noord' }));
    await app.open('gegevens');
    await page.getByLabel('Bestanden kiezen…').setInputFiles([{ ...exportFile(), mimeType: 'text/csv' }]);
    await page.getByText('Klaar om in te lezen.').waitFor();
    await page.getByRole('button', { name: '1 bestand inlezen in FTO Noord' }).click();
    await page.getByRole('heading', { name: 'Inlezen klaar' }).waitFor({ timeout: 60_000 });

    // De Linde agreed on rapid-onset fentanyl, a figure the page does not show by itself.
    const linde = expectOk(await host.core.call('practices.list', { groupId: group.id })).find((p) => p.name === 'De Linde')!;
    const meeting = expectOk(await host.core.call('meetings.create', { groupId: group.id, startsAt: '2025-03-13T19:30' }));
    expectOk(
      await host.core.call('agreements.create', {
        meetingId: meeting.id,
        practiceId: linde.id,
        text: 'Snelwerkend fentanyl schrijven we alleen voor bij doorbraakpijn bij kanker.',
        indicator: 'patientsFentanylRapid',
        direction: 'down',
      }),
    );

    await app.open('afspraken');
    await page.getByRole('tab', { name: 'Per praktijk' }).click();
    await page.getByLabel('Praktijk', { exact: true }).selectOption({ label: 'De Linde' });
    const table = page.getByRole('table', { name: 'Kerncijfers per jaar' });
    await table.waitFor();
    const header = (await table.getByRole('row').first().innerText()).split('\t').map((cell) => cell.trim());
    expect(header).toEqual([
      'Jaar',
      'Patiënten totaal',
      'Chronisch',
      'Starts',
      'Start > 7 dagen',
      'Oxycodon',
      'Morfine',
      'Hoge dosis',
      'Fentanyl snel',
      'Uitgiften kort',
      'Uitgiften lang',
      'Ingeschreven patiënten',
    ]);
    const cells = async (year: RegExp) => {
      const values = (await table.getByRole('row', { name: year }).innerText()).split('\t').map((cell) => cell.trim());
      return Object.fromEntries(header.map((name, i) => [name, values[i]]));
    };
    // Worked by hand: three starts in 2025, one of them over the limit; P-HIGH the one high-dose user.
    const y2025 = await cells(/^2025/);
    expect(y2025).toMatchObject({
      Jaar: '2025onvolledig (gegevens tot 10-10-2025)',
      'Patiënten totaal': '4',
      Starts: '3',
      'Start > 7 dagen': '1 (33%)',
      Oxycodon: '2',
      Morfine: '1',
      'Hoge dosis': '1',
      'Fentanyl snel': '1',
    });
    // 2024 is a whole year, but its starts lack the year of look-back before it.
    const y2024 = await cells(/^2024/);
    expect(y2024).toMatchObject({ Jaar: '2024', 'Hoge dosis': '1', Starts: '1 onvolledig' });
    await page.getByText('2025 is onvolledig (gegevens tot 10-10-2025): vergelijk dit jaar niet met de volledige jaren ernaast.').waitFor();

    // The same figures as Cijfers computes for 2025.
    const computed = expectOk(await host.core.call('indicators.compute', { year: 2025, groupId: group.id })).rows.find(
      (r) => r.level === 'practice' && r.id === linde.id,
    )!;
    expect([computed.starts, computed.startsOverLimit, computed.highDoseUsers, computed.patientsFentanylRapid]).toEqual([3, 1, 1, 1]);

    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'practice-page.png'), fullPage: true });
    expect(app.problems).toEqual([]);
  });
});
