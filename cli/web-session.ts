/**
 * Who may use the browser shell: the model of notebook servers. `fto web` prints a one-time launch
 * address; opening it sets an HttpOnly, SameSite=Strict cookie and redirects to the app. The page
 * itself holds no secret: it asks for a per-page token with its cookie and sends both with every
 * call. Cookies and page tokens are signed with a key kept in the data folder (0600), so a restarted
 * shell of the same user accepts an open page again, and another user of the computer, who cannot
 * read that key, gets nothing.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { makePrivateDir, tighten, writePrivateFile } from '../db/private-files';

export const SESSION_COOKIE = 'fto_sessie';
export const PAGE_HEADER = 'x-fto-page';
export const KEY_FILE_NAME = 'browser-sleutel';

export interface WebSessions {
  /** The query value of the launch address; valid once. */
  readonly launchToken: string;
  /** Takes the launch token (once) and gives the cookie's value, or null. */
  redeemLaunch(token: string | null): string | null;
  /** The session id in a cookie header, when it carries a valid session cookie. */
  sessionOf(cookieHeader: string | undefined): string | null;
  pageToken(sessionId: string): string;
  validPageToken(sessionId: string, token: string | string[] | undefined): boolean;
}

export function createWebSessions(stateDir: string): WebSessions {
  const key = loadKey(stateDir);
  const sign = (purpose: string, value: string) => createHmac('sha256', key).update(`${purpose}:${value}`).digest('base64url');
  let launchToken: string | null = randomBytes(24).toString('base64url');
  const first = launchToken;
  return {
    launchToken: first,
    redeemLaunch(token) {
      if (launchToken === null || token === null || !same(token, launchToken)) return null;
      launchToken = null;
      const id = randomBytes(18).toString('base64url');
      return `${id}.${sign('sessie', id)}`;
    },
    sessionOf(cookieHeader) {
      const value = cookieValue(cookieHeader, SESSION_COOKIE);
      const [id, signature] = value?.split('.') ?? [];
      return id && signature && same(signature, sign('sessie', id)) ? id : null;
    },
    pageToken: (sessionId) => sign('pagina', sessionId),
    validPageToken: (sessionId, token) => typeof token === 'string' && same(token, sign('pagina', sessionId)),
  };
}

/** The signing key: made once, 0600 in the user's 0700 data folder. */
function loadKey(stateDir: string): Buffer {
  makePrivateDir(stateDir);
  const file = path.join(stateDir, KEY_FILE_NAME);
  try {
    tighten(file);
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
    if (key.length >= 32) return key;
  } catch {
    // not made yet
  }
  const key = randomBytes(32);
  writePrivateFile(file, key.toString('hex'));
  return key;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}
