import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { rendererDist } from '../../cli/commands/web';
import { startWebShell, type WebShell } from '../../cli/web-shell';
import { openCoreHost, type CoreHost } from '../../db/host';
import { createPollServer, type PollServerOptions } from '../../db/polls/server';
import { CHROMIUM_ARGS } from '../../db/reports/pdf';
import { World } from '../indicators/fixtures';
import { tempDir } from '../helpers/temp';
import { nodeServices } from '../../db/services';

// The renderer's build output; `npm test` builds it before vitest runs, so the tests build nothing.
const staticDir = rendererDist;
export const SHOTS = '/tmp/shots';

let browser: Browser | undefined;

/** One Chromium per test file (Debian's, no downloads), closed after the file's tests. */
export function useBrowser(): () => Browser {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
      throw new Error('dist/renderer ontbreekt: voer eerst "npm run build:renderer" uit (npm test doet dat zelf).');
    }
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
  return () => {
    if (!browser) throw new Error('browser not started');
    return browser;
  };
}

export interface RunningApp {
  page: Page;
  shell: WebShell;
  host: CoreHost;
  file: string;
  /** Page errors and console errors seen so far; a test asserts there are none. */
  problems: string[];
  /** Loads the page afresh on one section (after the test changed the database behind its back). */
  open(section: string): Promise<void>;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The browser shell on a fresh SQLite file in a temp folder (or on `file`), in-process, with a new
 * page on it at the laptop size the UI is made for.
 */
export async function startApp(
  browser: Browser,
  options: { file?: string; polls?: Omit<PollServerOptions, 'core'> } = {},
): Promise<RunningApp> {
  const file = options.file ?? path.join(tempDir(), 'fto.sqlite');
  const dir = path.dirname(file);
  const polls = options.polls && createPollServer({ ...options.polls, core: () => host.core });
  const host = openCoreHost(file, { confineTo: [dir], ...nodeServices() }, polls);
  const shell = await startWebShell({ host, staticDir, stateDir: dir });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(shell.launchUrl); // sets the session cookie and goes on to the app
  return {
    page,
    shell,
    host,
    file,
    problems,
    open: async (section) => {
      await page.goto(`${shell.url}#${section}`);
      await page.reload();
    },
    screenshot: async (name) => {
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, `ui-${name}.png`), fullPage: false });
    },
    close: async () => {
      await context.close();
      await shell.close();
      await polls?.close();
      host.close();
    },
  };
}

/** The browser shell on a fresh database that `fill` wrote dispensings into by hand, the page on one section. */
export async function worldApp(browser: Browser, fill: (world: World) => void, section: string): Promise<RunningApp> {
  const started = await startApp(browser);
  fill(new World(started.host.db));
  await started.open(section);
  return started;
}
