import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PRACTICES } from '../../db/demo/generate';
import { expectOk } from '../helpers/temp';
import { SHOTS, useBrowser, type RunningApp } from './browser';
import { allSaved, demoApp } from './meeting-helpers';

const browser = useBrowser();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const [LINDE] = DEMO_PRACTICES.map((p) => p.name) as [string];
const SHOTS_HERE = path.join(SHOTS, 'meeting15');

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS_HERE, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_HERE, `${name}.png`) });
}

/** "Dia 4 van 36" as [4, 36]. */
async function deckPosition(page: Page): Promise<[number, number]> {
  const text = await page.locator('.deck-position').first().innerText();
  const match = /Dia (\d+) van (\d+)/.exec(text);
  if (!match) throw new Error(`no position in "${text}"`);
  return [Number(match[1]), Number(match[2])];
}

/** The text of the slide reveal shows now (inside the deck's shadow root). */
const currentSlide = (stage: Locator) => stage.locator('section.present').innerText();

describe('Meeting mode on the chair’s laptop (1366×768)', () => {
  it('keeps the deck on its slide while agreements typed in the panel appear on the slides, over a reload and a tab switch', async () => {
    const started = await demoApp(browser(), 'bijeenkomst');
    app = started;
    const { page, host } = started;
    const core = host.core;

    // A new meeting opens on Planning, even after another meeting was left on Vergadering.
    await page.getByRole('button', { name: 'Bijeenkomst plannen' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Planning' }).getAttribute('aria-selected')).toBe('true');
    await page.getByLabel('Datum en begintijd').fill('2026-03-12T19:30');
    await allSaved(page);
    await page.getByRole('tab', { name: 'Vergadering' }).click();
    await page.getByRole('button', { name: 'Bijeenkomst starten' }).click();
    await page.getByText('De bijeenkomst is bezig.').waitFor();
    const meetingId = expectOk(await core.call('meetings.list', { groupId: started.groupId }))[0]!.id;

    const stage = page.getByRole('region', { name: 'Presentatie', exact: true });
    const panel = page.getByRole('complementary', { name: 'Voorzitterspaneel' });
    await panel.getByRole('heading', { name: 'Sterke opioïden' }).waitFor();
    await stage.click();
    for (let i = 0; i < 3; i++) await stage.press('ArrowRight');
    await panel.getByRole('heading', { name: 'Het regionale project opioïden' }).waitFor();
    const [, totalBefore] = await deckPosition(page);
    expect((await deckPosition(page))[0]).toBe(4);

    // An agreement typed in the panel, reached without scrolling the page past the deck.
    const editor = panel.getByRole('region', { name: 'Afspraken van deze bijeenkomst' });
    await editor.getByLabel('Voor wie').selectOption({ label: LINDE });
    await editor.getByRole('button', { name: 'Nieuwe afspraak' }).click();
    const text = editor.getByLabel('Afspraak', { exact: true });
    await text.fill('We nodigen elke chronische gebruiker uit voor een evaluatieconsult.');
    const indicator = editor.getByLabel('Meten met');
    await indicator.selectOption({ label: 'Chronische gebruikers' });
    await editor.getByLabel('Doel (mag leeg)').fill('15');
    await allSaved(page);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    for (const field of [text, indicator, editor.getByLabel('Doel (mag leeg)'), editor.getByLabel('Evalueren op')]) {
      await field.scrollIntoViewIfNeeded();
      const box = (await field.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(768);
    }
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // "Meten met" shows its whole choice, not cut off.
    expect(await indicator.evaluate((select: HTMLSelectElement) => select.scrollWidth <= select.clientWidth + 1)).toBe(true);
    const indicatorBox = (await indicator.boundingBox())!;
    const panelBox = (await panel.boundingBox())!;
    expect(indicatorBox.x + indicatorBox.width).toBeLessThanOrEqual(panelBox.x + panelBox.width);

    // The current figure of the chosen indicator, whose figure it is, and how the target is judged.
    const chronic2025 = expectOk(await core.call('indicators.compute', { year: 2025 })).rows.find(
      (r) => r.level === 'practice' && r.name === LINDE,
    )!.chronicUsers;
    const measured = editor.locator('.measured-by');
    await expect.poll(() => measured.innerText()).toContain(`Cijfer nu (2025): ${chronic2025}`);
    expect(await measured.innerText()).toContain(`Chronische gebruikers van ${LINDE}`);
    expect(await measured.innerText()).toContain('doel: hoogstens 15 (zonder richting telt het doel als bovengrens)');
    await shot(page, 'meeting-mode-1366x768');

    // The deck got the new agreement slides without leaving slide 4.
    await expect.poll(async () => (await deckPosition(page))[1]).toBe(totalBefore + 2);
    expect((await deckPosition(page))[0]).toBe(4);
    await panel.getByRole('heading', { name: 'Het regionale project opioïden' }).waitFor();

    // The last slide lists every agreement of this meeting; a change in the panel reaches it in place.
    await stage.click();
    await stage.press('End');
    await expect.poll(() => currentSlide(stage)).toContain('Alle afspraken van deze bijeenkomst');
    expect(await currentSlide(stage)).toContain('We nodigen elke chronische gebruiker uit voor een evaluatieconsult.');
    expect(await currentSlide(stage)).toContain('doel: hoogstens 15');
    const last = (await deckPosition(page))[0];
    await text.fill('We nodigen elke chronische gebruiker binnen drie maanden uit.');
    await expect.poll(() => currentSlide(stage), { timeout: 10_000 }).toContain('binnen drie maanden');
    expect((await deckPosition(page))[0]).toBe(last);
    await shot(page, 'meeting-mode-all-agreements-slide');

    // A reload and a tab switch come back on the same tab and the same slide.
    await page.reload();
    await panel.getByRole('heading', { name: /Alle afspraken van deze bijeenkomst/ }).waitFor();
    expect((await deckPosition(page))[0]).toBe(last);
    await page.getByRole('tab', { name: 'Planning' }).click();
    await page.getByRole('tab', { name: 'Vergadering' }).click();
    await panel.getByRole('heading', { name: /Alle afspraken van deze bijeenkomst/ }).waitFor();
    expect((await deckPosition(page))[0]).toBe(last);
    expect(await currentSlide(stage)).toContain('binnen drie maanden');

    // Another new meeting still opens on Planning.
    await page.getByRole('button', { name: '← Alle bijeenkomsten' }).click();
    await page.getByRole('button', { name: 'Bijeenkomst plannen' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Planning' }).getAttribute('aria-selected')).toBe('true');
    expect(expectOk(await core.call('meetings.list', { groupId: started.groupId })).map((m) => m.id)).toContain(meetingId);
    expect(started.problems).toEqual([]);
  }, 180_000);

  it("opens the chair's panel in its own window, which follows the slides and feeds the deck", async () => {
    const started = await demoApp(browser(), 'bijeenkomst');
    app = started;
    const { page, host } = started;
    const meeting = expectOk(await host.core.call('meetings.create', { groupId: started.groupId, startsAt: '2026-03-12T19:30' }));
    await started.open('bijeenkomst');
    await page.getByRole('button', { name: /^Opioïden 12 mrt 2026.* openen$/ }).click();
    await page.getByRole('tab', { name: 'Vergadering' }).click();
    const stage = page.getByRole('region', { name: 'Presentatie', exact: true });
    await page.locator('.deck-position').waitFor();
    const [, totalBefore] = await deckPosition(page);

    const [chair] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Paneel in eigen venster' }).click()]);
    await chair.waitForLoadState();
    expect(new URL(chair.url()).hash).toBe(`#/chair/${meeting.id}`);
    const panel = chair.getByRole('complementary', { name: 'Voorzitterspaneel' });
    await panel.getByRole('heading', { name: 'Sterke opioïden' }).waitFor();
    // The main window keeps the deck and says where the panel is.
    await page.getByText('Het voorzitterspaneel staat in een eigen venster.').waitFor();
    await stage.click();
    await stage.press('ArrowRight');
    await panel.getByRole('heading', { name: 'Programma' }).waitFor();

    const editor = panel.getByRole('region', { name: 'Afspraken van deze bijeenkomst' });
    await editor.getByRole('button', { name: 'Nieuwe afspraak' }).click();
    await editor.getByLabel('Afspraak', { exact: true }).fill('Elke praktijk bespreekt de cijfers in het eigen overleg.');
    await expect.poll(async () => (await deckPosition(page))[1], { timeout: 10_000 }).toBe(totalBefore + 2);
    expect((await deckPosition(page))[0]).toBe(2);
    await chair.setViewportSize({ width: 560, height: 860 });
    fs.mkdirSync(SHOTS_HERE, { recursive: true });
    await chair.screenshot({ path: path.join(SHOTS_HERE, 'chair-window.png') });

    // Closing the window puts the panel back beside the deck.
    await chair.close();
    await page.getByRole('complementary', { name: 'Voorzitterspaneel' }).getByRole('heading', { name: 'Programma' }).waitFor();
    expect(started.problems).toEqual([]);
  }, 180_000);

  it("adds a member picked from the group's register and prints the presentielijst", async () => {
    const started = await demoApp(browser(), 'bijeenkomst');
    app = started;
    const { page, host, groupId } = started;
    const core = host.core;
    expectOk(
      await core.call('meetings.create', {
        groupId,
        startsAt: '2025-03-13T19:30',
        place: 'De Brug',
        chair: 'dr. A. Appelboom',
        accreditationNumber: 'ACC-1',
      }),
    );
    const prescriber = expectOk(await core.call('prescribers.list', { groupId })).find((p) => p.practiceId !== null && p.agb)!;

    // The next meeting starts with last time's place, chair and accreditation number.
    await page.getByRole('button', { name: 'Bijeenkomst plannen' }).click();
    await expect.poll(() => page.getByLabel('Plaats').inputValue()).toBe('De Brug');
    expect(await page.getByLabel('Voorzitter').inputValue()).toBe('dr. A. Appelboom');

    await page.getByRole('tab', { name: 'Aanwezigheid' }).click();
    await page.getByLabel('Uit het register van de groep').selectOption(String(prescriber.id));
    expect(await page.getByLabel('BIG- of AGB-nummer (mag leeg)').inputValue()).toBe(prescriber.agb);
    await page.getByRole('button', { name: 'Als lid toevoegen' }).click();
    await page.getByLabel(`${prescriber.name} aanwezig`).waitFor();
    const members = expectOk(await core.call('members.list', { groupId }));
    expect(members).toEqual([
      expect.objectContaining({ name: prescriber.name, role: 'huisarts', practiceId: prescriber.practiceId, registration: prescriber.agb }),
    ]);
    // Once on the list, the prescriber is not offered again.
    expect(await page.getByLabel('Uit het register van de groep').locator('option', { hasText: prescriber.name }).count()).toBe(0);
    await shot(page, 'attendance-register');

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Presentielijst (PDF)' }).click(),
    ]);
    const file = await download.path();
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Presentielijst');
    expect(text).toContain(prescriber.name);
    expect(text).toContain('De Brug');
    expect(started.problems).toEqual([]);
  }, 180_000);
});
