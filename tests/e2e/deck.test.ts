import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { expectOk } from '../helpers/temp';
import { SHOTS, type RunningApp, useBrowser } from './browser';
import { allSaved, demoApp, downloaded } from './meeting-helpers';

// The deck from the preparer's side, in Debian's Chromium through the browser shell: editing with autosave,
// own slides, hiding and moving, presenting with the keyboard, the presenter view, and the HTML export.

const browser = useBrowser();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

// A 1x1 PNG, made here.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const EDITED = 'Waarom wij dit jaar over opioïden praten.';

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `deck-ui-${name}.png`) });
}

/** The demo group with one meeting, the page on that meeting's "Presentatie" tab. */
async function deckApp() {
  const started = await demoApp(browser(), 'bijeenkomst');
  app = started;
  const meeting = expectOk(await started.host.core.call('meetings.create', { groupId: started.groupId, startsAt: '2026-03-12T19:30' }));
  await started.page.evaluate((id) => localStorage.setItem('fto.meeting', String(id)), meeting.id);
  await started.open('bijeenkomst');
  await started.page.getByRole('tab', { name: 'Presentatie' }).click();
  await started.page.getByRole('list', { name: "Dia's" }).waitFor();
  return { ...started, meetingId: meeting.id };
}

const slideButton = (page: Page, id: string) => page.locator(`.deck-list button[data-slide-id="${id}"]`);

/** The ids of the slides in the list, in order. */
const listed = (page: Page) =>
  page.locator('.deck-list button').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.slideId!));

describe('Presentatie in the browser shell', () => {
  // The longest walk through the UI in the suite (every edit, a reload and an export).
  it('edits, adds, hides and moves slides, keeps them after a reload, and exports the HTML with the edits', async () => {
    const { page, host, meetingId } = await deckApp();
    const core = host.core;

    // Edit a module slide's text with the formatting buttons; it is saved while typing.
    await slideButton(page, 'aanleiding').click();
    const body = page.getByLabel('Tekst', { exact: true });
    await body.fill('eigen');
    await body.selectText();
    await page.getByRole('button', { name: 'Vet' }).click();
    await expect.poll(() => body.inputValue()).toBe('**eigen**');
    await body.fill(EDITED);
    await page.getByLabel('Sprekersnotities').fill('Begin met de vraag wie de casus herkent.');
    await allSaved(page);
    await expect.poll(async () => (await slideButton(page, 'aanleiding').innerText()).includes('aangepast')).toBe(true);
    // The preview shows the slide as it will be presented.
    await page.locator('.deck-preview .slide-frame').getByText(EDITED).waitFor();
    await shot(page, '01-editor');

    // An own slide with a picture, after the chosen one.
    await page.getByRole('button', { name: 'Eigen dia toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Eigen dia toevoegen' });
    await dialog.getByLabel('Soort dia').selectOption('image');
    await dialog.getByLabel('Titel').fill('Ons samenwerkingsverband');
    await dialog.getByLabel(/^Afbeelding/).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PIXEL });
    await dialog.getByLabel('Beschrijving van de afbeelding').fill('Logo van de regio');
    await dialog.getByRole('img', { name: 'Gekozen afbeelding logo.png' }).waitFor();
    await dialog.getByRole('button', { name: 'Dia toevoegen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.deck-list button[aria-current="true"]', { hasText: 'Ons samenwerkingsverband' }).waitFor();
    const order = await listed(page);
    const own = order[order.indexOf('aanleiding') + 1]!;
    expect(own).toMatch(/^eigen-dia-[0-9a-f]{12}$/);
    expect(await slideButton(page, own).getAttribute('aria-current')).toBe('true');
    expect(await slideButton(page, own).innerText()).toContain('eigen dia');
    await page.locator('.deck-preview .slide-frame').getByText('Ons samenwerkingsverband').waitFor();

    // Alt+arrow moves the chosen slide; the keyboard stays on it.
    await slideButton(page, own).press('Alt+ArrowUp');
    await expect
      .poll(() => listed(page))
      .toEqual([...order.slice(0, order.indexOf(own) - 1), own, 'aanleiding', ...order.slice(order.indexOf(own) + 1)]);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.slideId)).toBe(own);
    await slideButton(page, own).press('Alt+ArrowDown');
    await expect.poll(() => listed(page)).toEqual(order);
    expect(expectOk(await core.call('deck.get', { meetingId })).slides.map((s) => s.id)).toEqual(order);

    // Hiding: marked in the list, not in the presentation.
    await slideButton(page, 'programma').click();
    await page.getByLabel('Verbergen in de presentatie').check();
    await allSaved(page);
    await expect.poll(async () => (await slideButton(page, 'programma').innerText()).includes('verborgen')).toBe(true);
    await page.getByText('Deze dia is verborgen').waitFor();

    // After a reload everything is still there.
    await page.reload();
    await page.getByRole('list', { name: "Dia's" }).waitFor();
    expect(await listed(page)).toEqual(order);
    await slideButton(page, 'aanleiding').click();
    await expect.poll(() => page.getByLabel('Tekst', { exact: true }).inputValue()).toBe(EDITED);
    expect(await page.getByLabel('Sprekersnotities').inputValue()).toBe('Begin met de vraag wie de casus herkent.');
    expect(await slideButton(page, 'programma').innerText()).toContain('verborgen');

    // Back to the module text: the mark goes, the module's text returns.
    await slideButton(page, 'leerdoelen').click();
    const moduleText = await page.getByLabel('Tekst', { exact: true }).inputValue();
    await page.getByLabel('Tekst', { exact: true }).fill('Tijdelijk.');
    await allSaved(page);
    await page.getByRole('button', { name: 'Terug naar de moduletekst' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Terug naar de moduletekst' }).click();
    await expect.poll(() => page.getByLabel('Tekst', { exact: true }).inputValue()).toBe(moduleText);
    expect(await slideButton(page, 'leerdoelen').innerText()).not.toContain('aangepast');

    // Undo and redo: Ctrl+Z takes back the reset, the text edit; Ctrl+Shift+Z does them again.
    await slideButton(page, 'leerdoelen').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByLabel('Tekst', { exact: true }).inputValue()).toBe('Tijdelijk.');
    await expect.poll(async () => (await slideButton(page, 'leerdoelen').innerText()).includes('aangepast')).toBe(true);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.getByLabel('Tekst', { exact: true }).inputValue()).toBe(moduleText);
    await expect.poll(async () => (await slideButton(page, 'leerdoelen').innerText()).includes('aangepast')).toBe(false);
    // Hiding and showing again leaves no mark; undoing a move puts the slide back.
    await page.getByLabel('Verbergen in de presentatie').check();
    await expect.poll(async () => (await slideButton(page, 'leerdoelen').innerText()).includes('verborgen')).toBe(true);
    await page.getByLabel('Verbergen in de presentatie').uncheck();
    await allSaved(page);
    await expect.poll(async () => (await slideButton(page, 'leerdoelen').innerText()).includes('verborgen')).toBe(false);
    expect(await slideButton(page, 'leerdoelen').innerText()).not.toContain('aangepast');
    await page.getByRole('button', { name: 'Ongedaan maken' }).click();
    await expect.poll(async () => (await slideButton(page, 'leerdoelen').innerText()).includes('verborgen')).toBe(true);
    await page.getByRole('button', { name: 'Opnieuw doen' }).click();
    await expect.poll(async () => (await slideButton(page, 'leerdoelen').innerText()).includes('verborgen')).toBe(false);
    await slideButton(page, 'leerdoelen').press('Alt+ArrowDown');
    await expect.poll(async () => (await listed(page)).indexOf('leerdoelen')).toBe(order.indexOf('leerdoelen') + 1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => listed(page)).toEqual(order);
    await shot(page, '02-undo');

    // The HTML export: the core's file name, one self-contained file with the edits and without the hidden slide.
    const { download, file } = await downloaded(page, 'HTML');
    expect(download.suggestedFilename()).toBe('FTO-presentatie-FTO-Demo-Rivierenland-2026-03-12.html');
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toContain(EDITED);
    expect(html).toContain('Ons samenwerkingsverband');
    expect(html).not.toContain('data-id="programma"');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="(https?:)?\/\//);
    await page.getByText(/HTML opgeslagen in de map Downloads als FTO-presentatie-/).waitFor();
    const pptx = await downloaded(page, 'PowerPoint');
    expect(pptx.download.suggestedFilename()).toBe('FTO-presentatie-FTO-Demo-Rivierenland-2026-03-12.pptx');

    // An own slide can be deleted (module slides only hidden).
    await slideButton(page, own).click();
    await page.getByRole('button', { name: 'Dia verwijderen' }).click();
    await page
      .getByRole('dialog', { name: 'Dia "Ons samenwerkingsverband" verwijderen?' })
      .getByRole('button', { name: 'Dia verwijderen' })
      .click();
    await expect.poll(() => listed(page)).toEqual(order.filter((id) => id !== own));
    await slideButton(page, 'casus').click();
    expect(await page.getByRole('button', { name: 'Dia verwijderen' }).count()).toBe(0);
    expect(app!.problems).toEqual([]);
  }, 180_000);

  it('presents with the keyboard, skips hidden slides, goes full screen and drives a presenter view', async () => {
    const { page, host, meetingId } = await deckApp();
    const core = host.core;
    expectOk(await core.call('deck.editSlide', { meetingId, slideId: 'programma', hidden: true }));
    expectOk(await core.call('deck.editSlide', { meetingId, slideId: 'aanleiding', notes: 'Vraag eerst wat de groep zelf ziet.' }));
    const visible = expectOk(await core.call('deck.presentation', { meetingId })).slides;
    expect(visible.map((s) => s.id).slice(0, 2)).toEqual(['titel', 'aanleiding']);
    await page.reload();
    await page.getByRole('list', { name: "Dia's" }).waitFor();

    await page.getByRole('button', { name: 'Presenteren' }).click();
    const stage = page.locator('.deck-overlay .deck-stage');
    const current = () => stage.locator('section.present').getAttribute('data-id');
    await expect.poll(current).toBe('titel');
    // reveal's keyboard: the deck has the focus as soon as it opens.
    await page.keyboard.press('ArrowRight');
    await expect.poll(current).toBe('aanleiding');
    await page.getByText(`Dia 2 van ${visible.length}`).waitFor();
    await page.keyboard.press('Space');
    await expect.poll(current).toBe(visible[2]!.id);
    // The slide is drawn at its size, scaled into the screen, with the text fitted inside.
    const box = await stage.locator('section.present .slide-inner').boundingBox();
    expect(box!.width / box!.height).toBeCloseTo(1280 / 720, 1);
    await shot(page, '02-presenting');

    // Full screen with F (the browser shell allows it; Electron's permission handler allows the app's page).
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.className ?? '')).toContain('deck-stage');
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();

    // The presenter view: a second window with the notes, the next slide and the clock, following the deck.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(current).toBe('aanleiding');
    const [view] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Sprekersweergave' }).click()]);
    await view.getByRole('heading', { name: 'Sprekersweergave' }).waitFor();
    expect(new URL(view.url()).hash).toBe(`#/presenter/${meetingId}`);
    await view.locator('.presenter-notes').getByText('Vraag eerst wat de groep zelf ziet.').waitFor();
    await view.getByText(`Dia 2 van ${visible.length}`).waitFor();
    await view.locator('.presenter-side .slide-frame').getByText(visible[2]!.title).first().waitFor();
    await view.setViewportSize({ width: 1280, height: 760 });
    await view.screenshot({ path: path.join(SHOTS, 'deck-ui-03-presenter-view.png') });
    // Its own buttons move the deck in the main window, and the main window's keys move the view.
    await view.getByRole('button', { name: 'Volgende', exact: true }).click();
    await expect.poll(current).toBe(visible[2]!.id);
    await view.getByText(`Dia 3 van ${visible.length}`).waitFor();
    await stage.focus();
    await page.keyboard.press('ArrowLeft');
    await view.getByText(`Dia 2 van ${visible.length}`).waitFor();

    // Stopping the presentation tells the view.
    await page.getByRole('button', { name: 'Stoppen' }).click();
    await view.getByText('De presentatie is gestopt.').waitFor();
    await stage.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Presenteren');
    expect(app!.problems).toEqual([]);
    await view.close();
  });
});
