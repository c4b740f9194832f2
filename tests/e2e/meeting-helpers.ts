import type { Browser, Download, Page } from 'playwright-core';
import { expectOk } from '../helpers/temp';
import { startApp, type RunningApp } from './browser';

/** The browser shell on a database with the demo group, the page on one section. */
export async function demoApp(browser: Browser, section: string): Promise<RunningApp & { groupId: number }> {
  const started = await startApp(browser);
  const { groupId } = expectOk(await started.host.core.call('demo.load', {}));
  await started.open(section);
  return Object.assign(started, { groupId });
}

/** Waits until every autosave on the page says it is stored. */
export async function allSaved(page: Page) {
  await page.waitForFunction(() => {
    const states = [...document.querySelectorAll('.save-status')];
    return states.length > 0 && states.every((s) => s.classList.contains('saved') || s.textContent === '');
  });
}

/** Clicks a button that offers a file, and gives the download with the path of the saved file. */
export async function downloaded(page: Page, button: string): Promise<{ download: Download; file: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { download, file: await download.path() };
}

/** In Bijeenkomst's list, opens the meeting of 19:30 (the hour the tests plan it at) on one of its tabs. */
export async function openMeetingTab(page: Page, tab: string) {
  await page.getByRole('button', { name: /19:30 openen$/ }).click();
  await page.getByRole('tab', { name: tab }).click();
}
