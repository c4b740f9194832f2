import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rendererDist } from '../../cli/commands/web';
import { startWebShell, type WebShell } from '../../cli/web-shell';
import { openCoreHost, type CoreHost } from '../../db/host';
import { tempDir } from '../helpers/temp';

let shell: WebShell | undefined;
let host: CoreHost | undefined;
afterEach(async () => {
  await shell?.close();
  host?.close();
  shell = host = undefined;
});

async function start() {
  host = openCoreHost(path.join(tempDir(), 'fto.sqlite'));
  shell = await startWebShell({ host, staticDir: rendererDist });
  return shell;
}

function post(url: string, headers: Record<string, string>, body: unknown = { name: 'FTO Noord' }) {
  return fetch(new URL('api/groups.create', url), { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
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

describe('browser shell guard', () => {
  it('puts the token in the page and answers a call that carries it from its own origin', async () => {
    const { url, token } = await start();
    const page = await (await fetch(url)).text();
    expect(page).toContain(`<meta name="fto-token" content="${token}" />`);
    const response = await post(url, { 'x-fto-token': token, Origin: url.replace(/\/$/, '') });
    expect(await response.json()).toMatchObject({ ok: true, value: { name: 'FTO Noord' } });
  });

  it('refuses a call without the token, with a wrong token, from another origin or for another host name', async () => {
    const { url, token } = await start();
    const refused = [
      await post(url, {}),
      await post(url, { 'x-fto-token': `${token}x` }),
      await post(url, { 'x-fto-token': token, Origin: 'http://evil.example' }),
      await post(url.replace('127.0.0.1', 'localhost'), { 'x-fto-token': token, Origin: 'http://localhost.evil.example' }),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    // DNS rebinding: a foreign name that resolves to 127.0.0.1 arrives with its own Host header, even for the page.
    expect(await statusWithHost(url, 'evil.example')).toBe(403);
    expect(host!.db.prepare('SELECT count(*) AS n FROM fto_group').get()).toEqual({ n: 0 });
  });

  it('refuses other methods than POST on the API and answers unknown methods with a Dutch error', async () => {
    const { url, token } = await start();
    expect((await fetch(new URL('api/groups.list', url))).status).toBe(405);
    const response = await fetch(new URL('api/bestaat.niet', url), { method: 'POST', headers: { 'x-fto-token': token }, body: '{}' });
    expect(await response.json()).toEqual({ ok: false, error: { code: 'unknown_method', message: 'Onbekende opdracht: bestaat.niet' } });
  });
});

describe('browser shell robustness', () => {
  it('answers a malformed address with 400 and keeps running', async () => {
    const { url, token } = await start();
    expect((await fetch(new URL('%E0%A4%A', url))).status).toBe(400);
    expect((await fetch(new URL('api/%E0%A4%A', url), { method: 'POST', headers: { 'x-fto-token': token }, body: '{}' })).status).toBe(400);
    expect((await fetch(url)).status).toBe(200);
  });
});
