import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { rendererDist } from '../cli/commands/web';
import { startWebShell } from '../cli/web-shell';
import { openCoreHost } from '../db/host';
import { createPollServer } from '../db/polls/server';
import { CHROMIUM_ARGS } from '../db/reports/pdf';
import type { Bench } from './report';
import { nodeServices } from '../db/services';

// 30 simulated phones (plain HTTP clients, on 127.0.0.1 only) answer a poll while the chair's page in
// Chromium shows the count. Measured: how long after a phone sent its answer the chair's screen showed
// it (the slowest of 30), and how many answers per second the poll server takes in a burst.
const PHONES = 30;
const ROOM = { name: 'zaal', address: '192.0.2.44', isDefault: true };

const bench: Bench = async () => {
  const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'fto-bench-polls-'));
  const polls = createPollServer({ core: () => host.core, bindAddress: '127.0.0.1', interfaces: () => [ROOM], devicesPerAddress: PHONES });
  const host = openCoreHost(path.join(dir, 'fto.sqlite'), { confineTo: [dir], ...nodeServices() }, polls);
  const shell = await startWebShell({ host, staticDir: rendererDist, stateDir: dir });
  const browser = await chromium.launch({ executablePath: process.env.FTO_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const group = await host.core.call('groups.create', { name: 'Benchgroep' });
    if (!group.ok) throw new Error(group.error.message);
    const meeting = await host.core.call('meetings.create', { groupId: group.value.id, startsAt: '2026-03-12T19:30' });
    if (!meeting.ok) throw new Error(meeting.error.message);

    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await page.goto(shell.launchUrl); // sets the session cookie, then the app
    await page.goto(`${shell.url}#bijeenkomst`);
    await page.getByRole('button', { name: /19:30 openen$/ }).click();
    await page.getByRole('tab', { name: 'Vergadering' }).click();
    await page.getByText('Peiling starten', { exact: true }).click(); // the form is folded away on slides other than a case
    const form = page.getByRole('form', { name: 'Peiling starten' });
    await form.getByLabel('Vraag aan de zaal').fill('Wat is uw beleid?');
    await form.getByLabel('Keuzes (één per regel)').fill('Herhalen\nAfbouwen\nStoppen');
    await form.getByRole('button', { name: 'Peiling openen' }).click();
    const short = await page.locator('.poll-screen-address').innerText();
    const url = `http://${short.replace(ROOM.address, '127.0.0.1')}/antwoord`;
    // Every change of the count on the chair's screen, with the time it appeared.
    await page.evaluate(() => {
      const shown: [number, number][] = [];
      (window as unknown as { shown: typeof shown }).shown = shown;
      new MutationObserver(() => {
        const text = document.querySelector('.poll-open .poll-count')?.textContent ?? '';
        const n = Number(/\d+/.exec(text)?.[0] ?? 0);
        if (n !== shown.at(-1)?.[1]) shown.push([Date.now(), n]);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });

    const send = (phone: number, value: number) =>
      fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ device: `bench-phone-${String(phone).padStart(8, '0')}`, value }),
      }).then((r) => {
        if (r.status !== 200) throw new Error(`antwoord geweigerd: ${r.status}`);
      });

    // First answers, spread over 3 seconds as in a room.
    const sentAt: number[] = [];
    await Promise.all(
      Array.from({ length: PHONES }, (_, phone) =>
        new Promise((resolve) => setTimeout(resolve, Math.random() * 3000)).then(() => {
          sentAt.push(Date.now());
          return send(phone, phone % 3);
        }),
      ),
    );
    await page.waitForFunction((n) => document.querySelector('.poll-open .poll-count')?.textContent?.includes(`: ${n}`), PHONES);
    const shown = await page.evaluate(() => (window as unknown as { shown: [number, number][] }).shown);
    sentAt.sort((a, b) => a - b);
    // The k-th answer (in order of sending) is on the screen once the count there reaches k.
    const delays = sentAt.map((at, k) => (shown.find(([, n]) => n >= k + 1)?.[0] ?? Number.NaN) - at);
    const slowest = Math.max(...delays);

    // A burst: every phone changes its answer 5 times, all at once.
    const started = performance.now();
    await Promise.all(
      Array.from({ length: PHONES }, async (_, phone) => {
        for (let i = 1; i <= 5; i++) await send(phone, (phone + i) % 3);
      }),
    );
    const perSecond = (PHONES * 5) / ((performance.now() - started) / 1000);

    return [
      {
        name: `Peiling, ${PHONES} telefoons: traagste antwoord op het scherm van de voorzitter`,
        value: slowest,
        unit: 'ms',
        target: '≤ 1000 ms',
        met: slowest <= 1000,
      },
      {
        name: `Peiling, ${PHONES} telefoons: gemiddeld tot op het scherm`,
        value: delays.reduce((a, b) => a + b, 0) / delays.length,
        unit: 'ms',
      },
      { name: `Peiling, ${PHONES} telefoons die tegelijk 5× wijzigen`, value: perSecond, unit: 'antwoorden/s' },
    ];
  } finally {
    await browser.close();
    await shell.close();
    await polls.close();
    host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

export default bench;
