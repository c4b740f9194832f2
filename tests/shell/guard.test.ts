import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rendererDist } from '../../cli/commands/web';
import { KEY_FILE_NAME } from '../../cli/web-session';
import { startWebShell, type WebShell } from '../../cli/web-shell';
import { openCoreHost, type CoreHost } from '../../db/host';
import { tempDir } from '../helpers/temp';
import { nodeServices } from '../../db/services';

let shells: WebShell[] = [];
let host: CoreHost | undefined;
afterEach(async () => {
  for (const shell of shells.splice(0)) await shell.close();
  host?.close();
  host = undefined;
});

async function start(options: { stateDir?: string; port?: number; maxBodyBytes?: number } = {}) {
  const dir = tempDir();
  host ??= openCoreHost(path.join(dir, 'fto.sqlite'), { confineTo: [], ...nodeServices() });
  const shell = await startWebShell({ host, staticDir: rendererDist, stateDir: options.stateDir ?? dir, ...options });
  shells.push(shell);
  return shell;
}

/** Opens the launch address like a browser: gives the cookie the shell set. */
async function launch(shell: WebShell): Promise<string> {
  const response = await fetch(shell.launchUrl, { redirect: 'manual' });
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe('/');
  const setCookie = response.headers.get('set-cookie') ?? '';
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Strict/);
  return setCookie.split(';')[0]!;
}

async function pageToken(shell: WebShell, cookie: string): Promise<string> {
  const response = await fetch(new URL('api/sessie', shell.url), { method: 'POST', headers: { Cookie: cookie } });
  return ((await response.json()) as { value: { pageToken: string } }).value.pageToken;
}

function post(shell: WebShell, headers: Record<string, string>, body: unknown = { name: 'FTO Noord' }, method = 'groups.create') {
  return fetch(new URL(`api/${method}`, shell.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** GET / with a chosen Host header (fetch does not let one set it). */
function statusWithHost(url: string, hostHeader: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { Host: hostHeader } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
  });
}

const groupCount = () => host!.db.prepare('SELECT count(*) AS n FROM fto_group').get();

describe('browser shell: who may use it (issue 12.2)', () => {
  it('the launch address works once and sets an HttpOnly, SameSite=Strict cookie; the page holds no secret', async () => {
    const shell = await start();
    const cookie = await launch(shell);
    expect((await fetch(shell.launchUrl, { redirect: 'manual' })).status).toBe(403); // used
    const page = await (await fetch(shell.url, { headers: { Cookie: cookie } })).text();
    expect(page).toContain('<div id="root">');
    expect(page).not.toMatch(/fto-token|sleutel=|pageToken/);
    const token = await pageToken(shell, cookie);
    const response = await post(shell, { Cookie: cookie, 'x-fto-page': token, Origin: shell.url.replace(/\/$/, '') });
    expect(await response.json()).toMatchObject({ ok: true, value: { name: 'FTO Noord' } });
  });

  it('another local user without the cookie gets 403 for the page, its files and every call', async () => {
    const shell = await start();
    const cookie = await launch(shell);
    const token = await pageToken(shell, cookie);
    const asset = fs.readdirSync(path.join(rendererDist, 'assets'))[0]!;
    expect((await fetch(shell.url)).status).toBe(403);
    expect((await fetch(new URL(`assets/${asset}`, shell.url))).status).toBe(403);
    expect((await fetch(new URL('api/sessie', shell.url), { method: 'POST' })).status).toBe(403);
    const refused = [
      await post(shell, {}),
      await post(shell, { 'x-fto-page': token }), // the page token alone
      await post(shell, { Cookie: cookie }), // the cookie alone
      await post(shell, { Cookie: `${cookie}x`, 'x-fto-page': token }),
      await post(shell, { Cookie: cookie, 'x-fto-page': `${token}x` }),
      await post(shell, { Cookie: cookie, 'x-fto-page': token, Origin: 'http://evil.example' }),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(await refused[0]!.json()).toMatchObject({
      ok: false,
      error: { code: 'session', message: expect.stringMatching(/^De app herkent deze browser niet/) },
    });
    // DNS rebinding: a foreign name that resolves to 127.0.0.1 arrives with its own Host header, even for the page.
    expect(await statusWithHost(shell.launchUrl, 'evil.example')).toBe(403);
    expect(groupCount()).toEqual({ n: 0 });
  });

  it('a shell started again with the same data folder accepts the open page; another data folder does not', async () => {
    const stateDir = tempDir();
    const first = await start({ stateDir });
    const cookie = await launch(first);
    const token = await pageToken(first, cookie);
    const port = first.port;
    await first.close();
    shells = [];
    await new Promise((resolve) => setTimeout(resolve, 100)); // let fetch notice its kept-alive socket closed
    expect((fs.statSync(path.join(stateDir, KEY_FILE_NAME)).mode & 0o777).toString(8)).toBe('600');
    const again = await start({ stateDir, port });
    expect((await post(again, { Cookie: cookie, 'x-fto-page': token })).status).toBe(200);
    await again.close();
    shells = [];
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stranger = await start({ stateDir: tempDir(), port });
    expect((await post(stranger, { Cookie: cookie, 'x-fto-page': token })).status).toBe(403);
  });

  it('serves only the built renderer: a file written into its folder later is not served', async () => {
    const shell = await start();
    const cookie = await launch(shell);
    const planted = path.join(rendererDist, 'geplant.sqlite');
    fs.writeFileSync(planted, 'geheim');
    try {
      const body = await (await fetch(new URL('geplant.sqlite', shell.url), { headers: { Cookie: cookie } })).text();
      expect(body).not.toContain('geheim');
    } finally {
      fs.rmSync(planted);
    }
  });

  it('database.backup and database.open stay inside the data folder', async () => {
    const shell = await start();
    const cookie = await launch(shell);
    const headers = { Cookie: cookie, 'x-fto-page': await pageToken(shell, cookie) };
    const outside = path.join(tempDir(), 'weg.sqlite');
    for (const method of ['database.backup', 'database.open']) {
      const result = await (await post(shell, headers, { path: outside }, method)).json();
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'validation', field: 'path', message: expect.stringMatching(/ligt buiten de map van de app/) },
      });
    }
    const link = path.join(path.dirname(host!.file), 'link');
    fs.symlinkSync(path.dirname(outside), link);
    expect(await (await post(shell, headers, { path: path.join(link, 'x.sqlite') }, 'database.backup')).json()).toMatchObject({
      ok: false,
    });
    expect(fs.existsSync(outside)).toBe(false);
    const inside = await (await post(shell, headers, {}, 'database.backup')).json();
    expect(inside).toMatchObject({ ok: true });
  });
});

describe('browser shell guard', () => {
  it('refuses other methods than POST on the API and answers unknown methods with a Dutch error', async () => {
    const shell = await start();
    const cookie = await launch(shell);
    const headers = { Cookie: cookie, 'x-fto-page': await pageToken(shell, cookie) };
    expect((await fetch(new URL('api/groups.list', shell.url), { headers })).status).toBe(405);
    const response = await post(shell, headers, {}, 'bestaat.niet');
    expect(await response.json()).toEqual({ ok: false, error: { code: 'unknown_method', message: 'Onbekende opdracht: bestaat.niet' } });
  });

  it('answers a body over the limit with the Dutch "te groot", not a reset', async () => {
    const shell = await start({ maxBodyBytes: 1024 * 1024 });
    const cookie = await launch(shell);
    const headers = { Cookie: cookie, 'x-fto-page': await pageToken(shell, cookie) };
    const response = await post(shell, headers, JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Het verzoek is te groot/) } });
    expect(groupCount()).toEqual({ n: 0 });
  });
});

describe('browser shell robustness', () => {
  it('answers a malformed address with 400 and keeps running', async () => {
    const shell = await start();
    const cookie = await launch(shell);
    expect((await fetch(new URL('%E0%A4%A', shell.url))).status).toBe(400);
    expect((await fetch(new URL('api/%E0%A4%A', shell.url), { method: 'POST', body: '{}' })).status).toBe(400);
    expect((await fetch(shell.url, { headers: { Cookie: cookie } })).status).toBe(200);
  });
});
