import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { CoreHost } from '../db/host';
import { contentSecurityPolicy } from '../db/csp';
import { createWebSessions, PAGE_HEADER, SESSION_COOKIE } from './web-session';

/** Bodies larger than this are refused; imports of big files are sent as base64 and stay below it. */
const MAX_BODY_BYTES = 512 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebShell {
  /** The app's address (needs the session cookie). */
  url: string;
  /** The one-time address that gives this browser its session cookie: what `fto web` prints. */
  launchUrl: string;
  port: number;
  close(): Promise<void>;
}

export interface WebShellOptions {
  host: CoreHost;
  staticDir: string;
  /** The user's data folder, where the key that signs sessions is kept. */
  stateDir: string;
  port?: number;
  maxBodyBytes?: number;
}

/**
 * The browser shell: serves the built renderer and the core's methods (POST /api/<method>) on
 * 127.0.0.1 only. Nothing is served without the session cookie (see web-session.ts); every API call
 * also needs the page token and must come from the shell's own origin and host name, so other users
 * of the computer, other web pages and other hosts' names (DNS rebinding) get nothing.
 */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const indexFile = path.join(options.staticDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    throw new Error(`De gebouwde gebruikersinterface ontbreekt (${indexFile}). Voer eerst "npm run build:renderer" uit.`);
  }
  // Only what the build made is ever served: a file written into the folder later (a backup) is not.
  const builtFiles = new Set(listFiles(options.staticDir));
  const sessions = createWebSessions(options.stateDir);
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  let allowedHosts: Set<string> = new Set();

  const server = http.createServer((request, response) => {
    const host = request.headers.host ?? '';
    if (!allowedHosts.has(host)) return send(response, 403, 'text/plain', 'Verboden');
    const url = new URL(request.url ?? '/', `http://${host}`);
    // A malformed %-escape would otherwise throw out of the handler and stop the whole shell.
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(response, 400, 'text/plain', 'Ongeldig adres');
    }
    if (pathname === '/start') return launch(request, response, url.searchParams.get('sleutel'));
    const sessionId = sessions.sessionOf(request.headers.cookie);
    if (pathname.startsWith('/api/')) return handleApi(request, response, pathname, host, sessionId);
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'Niet toegestaan');
    if (!sessionId) return send(response, 403, 'text/html', NO_SESSION_PAGE);
    return serveStatic(response, pathname);
  });

  /** The launch address: the one-time token becomes the session cookie, then on to the app. */
  function launch(request: http.IncomingMessage, response: http.ServerResponse, token: string | null) {
    const cookie = sessions.redeemLaunch(token);
    if (!cookie && !sessions.sessionOf(request.headers.cookie)) return send(response, 403, 'text/html', USED_LAUNCH_PAGE);
    response.writeHead(303, {
      Location: '/',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      ...(cookie ? { 'Set-Cookie': `${SESSION_COOKIE}=${cookie}; HttpOnly; SameSite=Strict; Path=/` } : {}),
    });
    response.end();
  }

  async function handleApi(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    pathname: string,
    host: string,
    sessionId: string | null,
  ) {
    const origin = request.headers.origin;
    if (request.method !== 'POST') return send(response, 405, 'text/plain', 'Niet toegestaan');
    if (origin !== undefined && origin !== `http://${host}`) return send(response, 403, 'text/plain', 'Verboden');
    // The page can tell "log in again" from other refusals by this code.
    if (!sessionId) return sendJson(response, 403, { ok: false, error: { code: 'session', message: NO_SESSION_MESSAGE } });
    // The page's first call: its token, given only to a request that carries the cookie.
    if (pathname === '/api/sessie') return sendJson(response, 200, { ok: true, value: { pageToken: sessions.pageToken(sessionId) } });
    if (!sessions.validPageToken(sessionId, request.headers[PAGE_HEADER])) return send(response, 403, 'text/plain', 'Verboden');
    const body = await readBody(request, maxBodyBytes).catch(() => null);
    if (!body) return; // the page went away mid-request
    if (body.kind === 'too_large') {
      return sendJson(response, 413, {
        ok: false,
        error: {
          code: 'validation',
          message: `Het verzoek is te groot (meer dan ${Math.round(maxBodyBytes / 1024 / 1024)} MB). Kies een kleiner bestand of importeer het met "npx fto import".`,
        },
      });
    }
    let input: unknown;
    try {
      input = body.text ? JSON.parse(body.text) : {};
    } catch (error) {
      return sendJson(response, 400, {
        ok: false,
        error: { code: 'validation', message: `Ongeldig verzoek: ${(error as Error).message}` },
      });
    }
    const method = pathname.slice('/api/'.length);
    const result = await options.host.core.callUnchecked(method, input);
    sendJson(response, 200, result);
  }

  function serveStatic(response: http.ServerResponse, pathname: string) {
    const relative = path.posix.normalize(pathname).replace(/^\/+/, '');
    const file = builtFiles.has(relative) ? path.join(options.staticDir, relative) : indexFile;
    response.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    fs.createReadStream(file).pipe(response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}start?sleutel=${sessions.launchToken}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const NO_SESSION_MESSAGE =
  'De app herkent deze browser niet (meer). Open het adres dat "fto web" bij het starten toonde; wat u typte en nog niet is opgeslagen, blijft in deze pagina bewaard.';

const page = (title: string, text: string) =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:sans-serif;max-width:40em;margin:4em auto"><h1>${title}</h1><p>${text}</p></body></html>`;
const NO_SESSION_PAGE = page('FTO Toolkit: opnieuw verbinden', NO_SESSION_MESSAGE);
const USED_LAUNCH_PAGE = page(
  'FTO Toolkit: startadres al gebruikt',
  'Dit startadres is al eens geopend en werkt maar één keer. Gebruik het venster waarin de app al open is, of start "fto web" opnieuw en open het nieuwe adres.',
);

/** Relative paths (with /) of every file under the folder. */
function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : entry.isFile()
          ? [`${prefix}${entry.name}`]
          : [],
    );
}

/** The body as text, or `too_large` once it passes the limit (the rest is read and dropped, so the answer arrives). */
function readBody(request: http.IncomingMessage, limit: number): Promise<{ kind: 'ok'; text: string } | { kind: 'too_large' }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) chunks.length = 0;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? { kind: 'too_large' } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
    request.on('error', reject);
  });
}

function send(response: http.ServerResponse, status: number, type: string, body: string) {
  response.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  response.end(body);
}

function sendJson(response: http.ServerResponse, status: number, value: unknown) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(value));
}
