import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { expectOk } from '../helpers/temp';
import { startApp, useBrowser, type RunningApp } from './browser';
import { downloaded, openMeetingTab } from './meeting-helpers';

// The poll server binds 127.0.0.1 only. The address it prints names the room's network interface
// (here a documentation address, TEST-NET-1); the phones open that address with its host replaced
// by 127.0.0.1, so no request ever leaves this machine's loopback (and all phones share one address,
// so the limit of phones per address is raised).
const ROOM = { name: 'zaal-wifi', address: '192.0.2.44', isDefault: true };
const OTHER = { name: 'eth1', address: '198.51.100.9', isDefault: false };
const SHOTS = '/tmp/shots/polls14';
const OPTIONS = ['Herhalen', 'Afbouwen met haar', 'Stoppen', 'Overleg met de chirurg'];
/** The first choice of each of the 20 phones; phones 0-4 change theirs to "Afbouwen met haar" afterwards. */
const FIRST_CHOICES = [0, 0, 2, 3, 0, 1, 1, 2, 1, 3, 1, 0, 1, 2, 1, 1, 3, 1, 0, 1];
const CHANGED = [0, 1, 2, 3, 4];

const browser = useBrowser();
let app: RunningApp | undefined;
const phones: BrowserContext[] = [];
afterEach(async () => {
  for (const phone of phones.splice(0)) await phone.close();
  await app?.close();
  app = undefined;
});

const shot = (page: Page, name: string) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  return page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
};

async function docxText(base64: string): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  return (await zip.file('word/document.xml')!.async('string')).replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
}

describe('Live poll in meeting mode', () => {
  it('20 phones answer, some change their answer, the chair sees it live, closes, and the report has the distribution', async () => {
    app = await startApp(browser(), {
      polls: { bindAddress: '127.0.0.1', interfaces: () => [ROOM, OTHER], closeGraceMs: 120_000, devicesPerAddress: 100 },
    });
    const { page, host } = app;
    const core = host.core;
    const { groupId } = expectOk(await core.call('demo.load', {}));
    const meeting = expectOk(await core.call('meetings.create', { groupId, startsAt: '2026-03-12T19:30' }));
    await app.open('bijeenkomst');
    await openMeetingTab(page, 'Vergadering');
    await page.getByRole('button', { name: 'Bijeenkomst starten' }).click();
    const panel = page.getByRole('complementary', { name: 'Voorzitterspaneel' });
    const stage = page.getByRole('region', { name: 'Presentatie', exact: true });
    await panel.getByRole('heading', { name: 'Sterke opioïden' }).waitFor();
    await stage.click();
    for (let i = 0; i < 7; i++) await stage.press('ArrowRight');
    await panel.getByRole('heading', { name: 'Casus: mevrouw van 42' }).waitFor();

    // The chair starts a poll on the case's first question, with choices of the chair's own.
    const form = panel.getByRole('form', { name: 'Peiling starten' });
    expect(await form.getByLabel('Vraag aan de zaal').inputValue()).toBe('Wat is uw beleid?');
    expect(await form.getByLabel('Netwerk voor de telefoons').inputValue()).toBe('zaal-wifi');
    await form.getByLabel('Keuzes (één per regel)').fill(OPTIONS.join('\n'));
    await form.getByRole('button', { name: 'Peiling openen' }).click();

    // The big screen: QR code, short address and code.
    const screen = page.getByRole('region', { name: 'Peiling op het scherm' });
    await screen.getByRole('img', { name: 'QR-code met het adres van de peiling' }).waitFor();
    const short = await screen.locator('.poll-screen-address').innerText();
    expect(short).toMatch(/^192\.0\.2\.44:\d+\/[A-Z0-9]{5}$/);
    const [, code] = short.split('/') as [string, string];
    expect(await screen.locator('.poll-screen-code').innerText()).toContain(code);
    await stage.screenshot({ path: path.join(SHOTS, 'qr-screen-in-app.png') });
    // Full screen (F), as the projector shows it.
    await stage.press('f');
    await page.waitForFunction(() => document.fullscreenElement !== null);
    await shot(page, 'qr-screen-fullscreen');
    await page.evaluate(() => document.exitFullscreen());
    const url = `http://${short.replace(ROOM.address, '127.0.0.1')}`;

    // The phones: 20 separate browser contexts at 360×740.
    const phonePages: Page[] = [];
    for (let n = 0; n < 20; n++) {
      const context = await browser().newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
      phones.push(context);
      phonePages.push(await context.newPage());
    }
    const answer = async (phone: Page, choice: number) => {
      await phone.getByLabel(OPTIONS[choice]!).check();
      await phone.getByRole('button', { name: 'Versturen' }).click();
      await phone.getByText(/^Verstuurd om \d\d:\d\d/).waitFor();
    };
    const count = panel.locator('.poll-open .poll-count');
    const seen: string[] = [];
    for (const [n, phone] of phonePages.entries()) {
      await phone.goto(url);
      await phone.getByText('Wat is uw beleid?').waitFor();
      await answer(phone, FIRST_CHOICES[n]!);
      // The chair's panel and the big screen follow every answer.
      await count.filter({ hasText: `Antwoorden: ${n + 1}` }).waitFor({ timeout: 3000 });
      seen.push(await count.innerText());
      if (n === 0) await shot(phone, 'phone-sent');
    }
    expect(seen.at(-1)).toBe('Antwoorden: 20');
    // The presenter view (a second window) follows the poll too.
    const [presenter] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Sprekersweergave' }).click()]);
    const presenterPoll = presenter.getByRole('region', { name: 'Peiling' });
    await presenterPoll.getByText('Antwoorden: 20').waitFor();
    expect(await presenterPoll.getByRole('heading').innerText()).toBe('Peiling: Wat is uw beleid?');
    await shot(presenter, 'presenter-view');
    await presenter.close();
    await screen.locator('.poll-count').filter({ hasText: 'Antwoorden: 20' }).waitFor();

    // Some phones change their answer: still 20 answers, another distribution.
    for (const n of CHANGED) await answer(phonePages[n]!, 1);
    const finalChoices = FIRST_CHOICES.map((c, n) => (CHANGED.includes(n) ? 1 : c));
    const expected = OPTIONS.map((_, i) => finalChoices.filter((c) => c === i).length);
    const bars = screen.locator('.poll-bars li .poll-bar-count');
    await expect.poll(async () => (await bars.allInnerTexts()).map(Number)).toEqual(expected);
    await stage.screenshot({ path: path.join(SHOTS, 'live-result-screen.png') });
    await page.screenshot({ path: path.join(SHOTS, 'live-result-chair.png') });

    // A phone that loses the network keeps its answer and sends it when the network is back.
    const offline = phonePages[19]!;
    await phones[19]!.setOffline(true);
    await offline.getByLabel(OPTIONS[2]!).check();
    await offline.getByRole('button', { name: 'Versturen' }).click();
    await offline.getByText(/^Geen verbinding\. Uw antwoord is bewaard/).waitFor();
    await shot(offline, 'phone-offline');
    await phones[19]!.setOffline(false);
    await offline.getByText(/^Verstuurd om/).waitFor({ timeout: 10_000 });
    expected[finalChoices[19]!]! -= 1;
    expected[2]! += 1;
    await expect.poll(async () => (await bars.allInnerTexts()).map(Number)).toEqual(expected);
    // Reloaded, the phone still shows what it answered.
    await offline.reload();
    await offline.getByText('Uw antwoord is verstuurd.', { exact: false }).waitFor();
    expect(await offline.getByLabel(OPTIONS[2]!).isChecked()).toBe(true);

    // A phone gets nothing but the poll: every app path and a wrong code answer 404.
    const origin = new URL(url).origin;
    const request = phonePages[0]!.request;
    const wrong = code === 'AAAAA' ? 'CCCCC' : 'AAAAA';
    for (const target of [
      '/',
      '/index.html',
      '/favicon.ico',
      '/assets/index.js',
      '/api/meetings.list',
      '/api/polls.list',
      `/${wrong}`,
      `/${wrong}/vraag`,
      `/${code}/resultaten`,
    ]) {
      expect((await request.get(origin + target)).status(), target).toBe(404);
    }
    expect((await request.post(`${origin}/api/polls.list`, { data: { meetingId: meeting.id } })).status()).toBe(404);
    expect((await request.post(`${origin}/${wrong}/antwoord`, { data: { device: 'x'.repeat(20), value: 0 } })).status()).toBe(404);
    // The app itself is not on that port, and the app's own port is not on the room's network.
    expect(new URL(app.shell.url).port).not.toBe(new URL(url).port);

    // The group's written conclusion, with the poll beside it.
    await panel
      .getByRole('region', { name: 'Antwoorden op de casus' })
      .getByRole('textbox')
      .first()
      .fill('De groep bouwt samen met haar af; de chirurg krijgt bericht.');
    await panel.getByRole('button', { name: 'Peiling sluiten' }).click();
    await screen.getByText('De peiling is gesloten.').waitFor();
    await phonePages[3]!.getByText('De peiling is gesloten. Uw antwoord is meegeteld.').waitFor({ timeout: 10_000 });
    const beside = panel.getByLabel('Peilingen bij deze vraag');
    await beside.getByText('Antwoorden: 20').waitFor();
    await panel
      .getByRole('region', { name: 'Antwoorden op de casus' })
      .screenshot({ path: path.join(SHOTS, 'closed-beside-conclusion.png') });
    const [run] = expectOk(await core.call('polls.list', { meetingId: meeting.id }));
    expect(run).toMatchObject({
      status: 'closed',
      questionId: 'casus-1',
      result: { count: 20, bars: OPTIONS.map((label, i) => ({ label, count: expected[i] })) },
    });

    // A second run, a number with the results hidden until it closes: every run is kept.
    await panel.getByRole('button', { name: 'Van het scherm halen' }).click();
    const again = panel.getByRole('form', { name: 'Peiling starten' });
    expect(await again.getByLabel('Keuzes (één per regel)').inputValue()).toBe(OPTIONS.join('\n')); // ready to be run again
    await again.getByLabel('Vraag van de casus').selectOption({ label: 'Eigen vraag' });
    await again.getByLabel('Vraag aan de zaal').fill('Hoeveel dagen zou u voorschrijven?');
    await again.getByLabel('Soort antwoord').selectOption({ label: 'Getal' });
    await again.getByLabel('Resultaten verbergen tot de peiling sluit').check();
    await again.getByRole('button', { name: 'Peiling openen' }).click();
    const short2 = await screen.locator('.poll-screen-address').innerText();
    expect(short2.split('/')[1]).not.toBe(code);
    const url2 = `http://${short2.replace(ROOM.address, '127.0.0.1')}`;
    for (const [n, days] of ['3', '5', '7,5'].entries()) {
      const phone = phonePages[n]!;
      await phone.goto(url2);
      await phone.getByLabel('Uw antwoord').fill(days);
      await phone.getByRole('button', { name: 'Versturen' }).click();
      await phone.getByText(/^Verstuurd om/).waitFor();
    }
    await screen.locator('.poll-count').filter({ hasText: 'Antwoorden: 3' }).waitFor();
    expect(await screen.locator('.poll-bars').count()).toBe(0);
    await panel.getByText('De resultaten blijven verborgen tot de peiling sluit.').waitFor();
    await panel.getByRole('button', { name: 'Peiling sluiten' }).click();
    await screen.locator('.poll-bars li').first().waitFor();
    await panel.getByText('Eerdere peilingen (2)').waitFor();
    await expect(request.get(url)).rejects.toThrow(/ECONNREFUSED/); // a new poll listens on a new port: the first address is gone

    // The report: "Peiling: n antwoorden" with the distribution, in Word and in the PDF.
    const word = await docxText(expectOk(await core.call('meetings.exportReport', { id: meeting.id, format: 'docx' })).base64);
    expect(word).toContain('Peiling: 20 antwoorden');
    for (const [i, option] of OPTIONS.entries())
      expect(word).toContain(`${option}: ${expected[i]} (${Math.round((100 * expected[i]!) / 20)}%)`);
    expect(word).toContain('De groep bouwt samen met haar af');
    expect(word).toContain('Peiling: 3 antwoorden');
    expect(word).toContain('Mediaan: 5');
    await page.getByRole('tab', { name: 'Verslag' }).click();
    const pdf = await downloaded(page, 'Verslag als PDF');
    const pdfText = execFileSync('pdftotext', [pdf.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(pdfText).toContain('Peiling: 20 antwoorden');
    expect(pdfText).toContain(`Afbouwen met haar ${expected[1]} (${Math.round((100 * expected[1]!) / 20)}%)`);
    fs.copyFileSync(pdf.file, path.join(SHOTS, 'verslag.pdf'));
    expect(app.problems).toEqual([]);
  }, 240_000);
});
