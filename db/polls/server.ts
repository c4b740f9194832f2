import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core';
import type { NetworkChoice } from './network';
import { listInterfaces } from './network';
import { PHONE_PAGE, PHONE_PAGE_CSP } from './phone-page';

/** An answer is a few dozen bytes; anything much larger is refused unread. */
const MAX_BODY_BYTES = 2048;
/** Per phone: a burst of this many answers, then one more every RATE_REFILL_MS. */
const RATE_BURST = 10;
const RATE_REFILL_MS = 500;
/** Wrong codes from one address within a minute before it gets nothing at all, so codes cannot be guessed. */
const MAX_MISSES_PER_MINUTE = 30;
/** Phones (device tokens) per network address: a phone, a tablet and a laptop, but no ballot stuffing. */
const DEVICES_PER_ADDRESS = 3;
/** After the last poll closed, phones can still learn that it closed for this long. */
const CLOSE_GRACE_MS = 20_000;

/** Where phones reach the poll: the printed host (the interface's address), the port and the code. */
export interface PollListening {
  host: string;
  port: number;
  code: string;
}

/** What the core needs of the poll server (CoreOptions.polls). */
export interface PollNetwork {
  interfaces(): NetworkChoice[];
  /** (Re)starts listening on the interface for this poll's code, on a new random port. */
  start(choice: NetworkChoice, code: string): Promise<PollListening>;
  current(): PollListening | null;
  /** Stops listening after a short grace, in which the phones can still see that the poll closed. */
  stopSoon(): void;
  close(): Promise<void>;
}

export interface PollServerOptions {
  /** The core of the current database (it changes when another database is opened). */
  core: () => Core;
  /**
   * The address to bind; by default the interface's own address, so the server is reachable on that
   * network only. Tests bind 127.0.0.1 and keep the printed address.
   */
  bindAddress?: string;
  interfaces?: () => NetworkChoice[];
  closeGraceMs?: number;
  /** Tests and the bench run every phone from 127.0.0.1 and raise this. */
  devicesPerAddress?: number;
}

/**
 * The poll server on the meeting room's network: it listens only while a poll is open, and serves
 * nothing but the phone page (GET /<code>), the question (GET /<code>/vraag) and the answer
 * (POST /<code>/antwoord) of the one open poll. Everything else is 404: no app, no API, no files.
 */
export function createPollServer(options: PollServerOptions): PollNetwork {
  let server: http.Server | undefined;
  let listening: PollListening | null = null;
  let allowedHosts = new Set<string>();
  let stopTimer: NodeJS.Timeout | undefined;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const misses = new Map<string, { count: number; since: number }>();
  const devicesByAddress = new Map<string, Set<string>>();

  const stop = async () => {
    clearTimeout(stopTimer);
    stopTimer = undefined;
    const closing = server;
    server = undefined;
    listening = null;
    buckets.clear();
    devicesByAddress.clear();
    if (!closing) return;
    await new Promise<void>((resolve) => {
      closing.closeAllConnections();
      closing.close(() => resolve());
    });
  };

  function allowAnswer(device: string): boolean {
    const now = Date.now();
    const bucket = buckets.get(device) ?? { tokens: RATE_BURST, at: now };
    bucket.tokens = Math.min(RATE_BURST, bucket.tokens + (now - bucket.at) / RATE_REFILL_MS);
    bucket.at = now;
    buckets.set(device, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** A new device from an address that already has its share is refused (one person, many tokens). */
  function allowDevice(address: string, device: string): boolean {
    const devices = devicesByAddress.get(address) ?? new Set<string>();
    devicesByAddress.set(address, devices);
    if (devices.has(device)) return true;
    if (devices.size >= (options.devicesPerAddress ?? DEVICES_PER_ADDRESS)) return false;
    devices.add(device);
    return true;
  }

  /** Counts a wrong code; true when this address has had too many. */
  function missed(address: string, count: boolean): boolean {
    const now = Date.now();
    let entry = misses.get(address);
    if (!entry || now - entry.since > 60_000) entry = { count: 0, since: now };
    if (count) entry.count += 1;
    misses.set(address, entry);
    return entry.count > MAX_MISSES_PER_MINUTE;
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const current = listening;
    const remote = request.socket.remoteAddress ?? '';
    if (!current || !allowedHosts.has(request.headers.host ?? '')) return notFound(response);
    const match = /^\/([A-Za-z0-9]{4,6})(?:\/(vraag|antwoord))?$/.exec((request.url ?? '').split('?')[0] ?? '');
    const rightCode = match?.[1]?.toUpperCase() === current.code;
    if (missed(remote, Boolean(match) && !rightCode) || !match || !rightCode) return notFound(response);
    const part = match[2];
    if (part === undefined && request.method === 'GET') {
      response.writeHead(200, { ...SAFE_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PHONE_PAGE_CSP });
      return response.end(PHONE_PAGE);
    }
    if (part === 'vraag' && request.method === 'GET') {
      const result = await options.core().call('polls.phoneQuestion', { code: current.code });
      return result.ok ? json(response, 200, result.value) : notFound(response);
    }
    // Only JSON: a form or text/plain post from another web page on the phone would need a preflight we never answer.
    if (part === 'antwoord' && request.method === 'POST' && /^application\/json\b/.test(request.headers['content-type'] ?? '')) {
      let body: { device?: unknown; value?: unknown };
      try {
        body = JSON.parse(await readSmallBody(request)) as typeof body;
      } catch (error) {
        const tooLarge = (error as Error).message === 'too large';
        return json(response, tooLarge ? 413 : 400, { message: tooLarge ? 'Dit antwoord is te lang.' : 'Ongeldig antwoord.' });
      }
      if (typeof body.device !== 'string' || !allowAnswer(body.device)) {
        return json(response, 429, { message: 'Te veel antwoorden achter elkaar; probeer het zo opnieuw.' });
      }
      if (!allowDevice(remote, body.device)) return json(response, 403, { message: 'Vanaf dit toestel is al geantwoord.' });
      const result = await options
        .core()
        .call('polls.phoneAnswer', { code: current.code, device: body.device, value: body.value as never });
      if (result.ok) return json(response, 200, { message: 'Ontvangen.' });
      const status = result.error.code === 'conflict' ? 409 : result.error.code === 'not_found' ? 404 : 400;
      return json(response, status, { message: result.error.message });
    }
    return notFound(response);
  }

  return {
    interfaces: options.interfaces ?? (() => listInterfaces()),
    current: () => listening,
    async start(choice, code) {
      await stop();
      const next = http.createServer((request, response) => {
        handle(request, response).catch(() => json(response, 500, { message: 'Er ging iets mis; probeer het opnieuw.' }));
      });
      next.requestTimeout = 10_000;
      next.headersTimeout = 5_000;
      next.maxConnections = 500;
      const bindAddress = options.bindAddress ?? choice.address;
      await new Promise<void>((resolve, reject) => {
        next.once('error', reject);
        next.listen(0, bindAddress, resolve);
      });
      const { port } = next.address() as AddressInfo;
      server = next;
      listening = { host: choice.address, port, code };
      allowedHosts = new Set([`${choice.address}:${port}`, `${bindAddress}:${port}`]);
      return listening;
    },
    stopSoon() {
      clearTimeout(stopTimer);
      stopTimer = setTimeout(() => void stop(), options.closeGraceMs ?? CLOSE_GRACE_MS);
      stopTimer.unref();
    },
    close: stop,
  };
}

const SAFE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

function notFound(response: http.ServerResponse) {
  response.writeHead(404, { ...SAFE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end('Niet gevonden. Controleer het adres en de code op het scherm.');
}

function json(response: http.ServerResponse, status: number, value: unknown) {
  if (response.headersSent) return response.end();
  response.writeHead(status, { ...SAFE_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(value));
}

function readSmallBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return reject(new Error('too large'));
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
