import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { CoreHost } from '../db/host';
import { contentSecurityPolicy } from '../electron/security';

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
  url: string;
  token: string;
  close(): Promise<void>;
}

/**
 * The browser shell: serves the built renderer and the core's methods (POST /api/<method>) on
 * 127.0.0.1 only. Every API call must carry the token made at start (the page gets it in a meta
 * tag) and come from the shell's own origin, so other web pages and other hosts' names (DNS
 * rebinding) get nothing.
 */
export async function startWebShell(options: { host: CoreHost; staticDir: string; port?: number }): Promise<WebShell> {
  const token = randomBytes(24).toString('base64url');
  const indexFile = path.join(options.staticDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    throw new Error(`De gebouwde gebruikersinterface ontbreekt (${indexFile}). Voer eerst "npm run build:renderer" uit.`);
  }
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
    if (pathname.startsWith('/api/')) return handleApi(request, response, pathname, host);
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'Niet toegestaan');
    return serveStatic(response, pathname);
  });

  async function handleApi(request: http.IncomingMessage, response: http.ServerResponse, pathname: string, host: string) {
    const origin = request.headers.origin;
    if (request.method !== 'POST') return send(response, 405, 'text/plain', 'Niet toegestaan');
    if (origin !== undefined && origin !== `http://${host}`) return send(response, 403, 'text/plain', 'Verboden');
    if (request.headers['x-fto-token'] !== token) return send(response, 403, 'text/plain', 'Verboden');
    let body: unknown;
    try {
      const text = await readBody(request);
      body = text ? JSON.parse(text) : {};
    } catch (error) {
      return sendJson(response, 400, { ok: false, error: { code: 'validation', message: `Ongeldig verzoek: ${(error as Error).message}` } });
    }
    const method = pathname.slice('/api/'.length);
    const result = await options.host.core.callUnchecked(method, body);
    sendJson(response, 200, result);
  }

  function serveStatic(response: http.ServerResponse, pathname: string) {
    const relative = path.normalize(pathname).replace(/^([/\\])+/, '');
    let file = path.join(options.staticDir, relative);
    if (!file.startsWith(options.staticDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = indexFile;
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    if (file === indexFile) {
      const html = fs.readFileSync(indexFile, 'utf8').replace('<head>', `<head>\n    <meta name="fto-token" content="${token}" />`);
      response.writeHead(200, headers);
      response.end(html);
      return;
    }
    response.writeHead(200, headers);
    fs.createReadStream(file).pipe(response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('het verzoek is te groot'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: http.ServerResponse, status: number, type: string, body: string) {
  response.writeHead(status, { 'Content-Type': `${type}; charset=utf-8` });
  response.end(body);
}

function sendJson(response: http.ServerResponse, status: number, value: unknown) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(value));
}
