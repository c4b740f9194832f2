/**
 * Issue 15.2: nothing typed is lost when the browser shell restarts. The page keeps what is not yet
 * saved, sends it again when `fto web` is back (same data folder: the open page is accepted as it
 * is), after a reload, and after "opnieuw verbinden" when the shell no longer knows the page.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCoreHost } from '../../db/host';
import { expectOk, tempDir } from '../helpers/temp';
import { SHOTS, useBrowser } from './browser';
import { startFtoWeb } from './fto-web';
import { allSaved, openMeetingTab } from './meeting-helpers';
import { nodeServices } from '../../db/services';

const browser = useBrowser();

describe('a restart of fto web loses nothing typed (issue 15.2)', () => {
  it('keeps typing through a kill, a restart, a reload while it is down and a shell that no longer knows the page', async () => {
    const file = path.join(tempDir(), 'fto.sqlite');
    const dataDir = tempDir();
    const setup = openCoreHost(file, nodeServices());
    const groupId = expectOk(await setup.core.call('groups.create', { name: 'FTO Herstart' })).id;
    const meeting = expectOk(await setup.core.call('meetings.create', { groupId, startsAt: '2026-03-12T19:30' }));
    expectOk(await setup.core.call('meetings.start', { id: meeting.id }));
    setup.close();
    const stored = () => {
      const db = openCoreHost(file, nodeServices());
      try {
        return (db.db.prepare('SELECT text FROM agreement').all() as { text: string }[]).map((r) => r.text);
      } finally {
        db.close();
      }
    };

    const context = await browser().newContext({ viewport: { width: 1366, height: 768 } });
    const started: ChildProcess[] = [];
    try {
      const first = await startFtoWeb(file, dataDir, started);
      const page = await context.newPage();
      page.setDefaultTimeout(12_000);
      await page.goto(`${first.launchUrl}#bijeenkomst`);
      await openMeetingTab(page, 'Afspraken');
      await page.getByRole('button', { name: 'Nieuwe afspraak' }).click();
      const text = page.getByLabel('Afspraak', { exact: true });
      await text.pressSequentially('Afbouwen');
      await allSaved(page);

      // 1. Killed; typing goes on; the same shell (data folder, port) comes back: the open page saves by itself.
      await first.stop();
      await text.pressSequentially(' na 3 maanden');
      await page
        .getByText(/Niet opgeslagen: De app reageert niet/)
        .first()
        .waitFor();
      const second = await startFtoWeb(file, dataDir, started, first.port);
      await allSaved(page);
      expect(stored()).toEqual(['Afbouwen na 3 maanden']);

      // 2. Killed again; typed; the page is reloaded while the shell is down; then the shell is back.
      await second.stop();
      await text.pressSequentially(', met de apotheek');
      await page.reload().catch(() => undefined); // the browser's own "cannot connect" page
      const third = await startFtoWeb(file, dataDir, started, first.port);
      await page.goto(`${third.url}#bijeenkomst`); // the page remembers the open meeting and its tab
      expect(await page.getByLabel('Afspraak', { exact: true }).inputValue()).toBe('Afbouwen na 3 maanden, met de apotheek');
      expect(stored()).toEqual(['Afbouwen na 3 maanden, met de apotheek']);

      // 3. A shell with another data folder (another key) does not know the page: "opnieuw verbinden", nothing lost.
      await third.stop();
      const stranger = await startFtoWeb(file, tempDir(), started, first.port);
      await text.press('End');
      await text.pressSequentially(' en de pijnpoli');
      await page.getByText('Opnieuw verbinden.').waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'ui-restart-opnieuw-verbinden.png') });
      const other = await context.newPage();
      await other.goto(stranger.launchUrl);
      await allSaved(page); // the open page's retry now carries the new cookie
      expect(stored()).toEqual(['Afbouwen na 3 maanden, met de apotheek en de pijnpoli']);
      expect(await page.getByText('Opnieuw verbinden.').count()).toBe(0);
    } finally {
      await context.close();
      for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    }
  });
});
