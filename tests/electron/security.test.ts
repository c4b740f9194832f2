import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_START_URL,
  guardNavigation,
  handlePermissionCheck,
  handlePermissionRequest,
  handleWindowOpen,
  isAllowedNavigation,
  isTrustedIpcEvent,
  isTrustedSender,
  resolveAppFile,
  secureWebPreferences,
} from '../../electron/security';
import { presenterHash } from '../../renderer/src/sections/deck/channel';
import { tempDir } from '../helpers/temp';

const foreignUrls = [
  'https://example.org/',
  'http://127.0.0.1:8080/index.html',
  'file:///etc/passwd',
  'app://other/index.html',
  'app://user:secret@fto/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'devtools://devtools/bundled/inspector.html',
  'about:blank',
  'not a url',
  '',
];

describe('Electron window options', () => {
  it('isolate the page from Node and Electron', () => {
    const preferences = secureWebPreferences('/app/dist/electron/preload.cjs');
    expect(preferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });
});

describe('navigation and new windows', () => {
  it('allow only the app origin', () => {
    expect(isAllowedNavigation(APP_START_URL)).toBe(true);
    expect(isAllowedNavigation('app://fto/')).toBe(true);
    expect(isAllowedNavigation('app://fto/index.html#/cijfers')).toBe(true);
    for (const url of foreignUrls) expect(isAllowedNavigation(url), url).toBe(false);
  });

  it('stop a navigation away from the app and let in-app navigation through', () => {
    const away = { preventDefault: vi.fn() };
    guardNavigation(away, 'https://example.org/phish');
    expect(away.preventDefault).toHaveBeenCalledOnce();
    const inside = { preventDefault: vi.fn() };
    guardNavigation(inside, 'app://fto/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it("deny window.open, except the deck's presenter view on the app's own page", () => {
    const presenter = `${APP_START_URL}${presenterHash(7)}`;
    const allowed = handleWindowOpen({ url: presenter });
    expect(allowed).toEqual({
      action: 'allow',
      overrideBrowserWindowOptions: expect.objectContaining({ webPreferences: secureWebPreferences() }),
    });
    // The presenter window is as locked down as the main one, and without the preload (no bridge to the core).
    if (allowed.action === 'allow') expect(allowed.overrideBrowserWindowOptions.webPreferences).not.toHaveProperty('preload');
    expect(handleWindowOpen({ url: `app://fto/${presenterHash(12)}` }).action).toBe('allow');
    for (const url of [
      ...foreignUrls,
      APP_START_URL,
      'app://fto/index.html#cijfers',
      'app://fto/index.html#/presenter/',
      'app://fto/index.html#/presenter/0',
      'app://fto/index.html#/presenter/7x',
      'app://fto/index.html#/presenter/7/extra',
      'app://fto/index.html?x=1#/presenter/7',
      'app://fto/other.html#/presenter/7',
      'app://other/index.html#/presenter/7',
      'https://example.org/#/presenter/7',
      'http://127.0.0.1:8080/index.html#/presenter/7',
    ]) {
      expect(handleWindowOpen({ url }), url).toEqual({ action: 'deny' });
    }
  });

  it("allow the chair's panel in its own window, with the preload, and nothing else that looks like it", () => {
    const chair = `${APP_START_URL}#/chair/7`;
    const allowed = handleWindowOpen({ url: chair }, '/app/preload.cjs');
    expect(allowed).toEqual({
      action: 'allow',
      overrideBrowserWindowOptions: expect.objectContaining({ webPreferences: secureWebPreferences('/app/preload.cjs') }),
    });
    // Without a preload to give it, there is no point in opening it.
    expect(handleWindowOpen({ url: chair })).toEqual({ action: 'deny' });
    // The presenter view stays without the preload, also when one is offered.
    const presenter = handleWindowOpen({ url: `${APP_START_URL}${presenterHash(7)}` }, '/app/preload.cjs');
    if (presenter.action === 'allow') expect(presenter.overrideBrowserWindowOptions.webPreferences).not.toHaveProperty('preload');
    for (const url of [
      ...foreignUrls,
      APP_START_URL,
      'app://fto/index.html#/chair/',
      'app://fto/index.html#/chair/0',
      'app://fto/index.html#/chair/7/extra',
      'app://fto/index.html?x=1#/chair/7',
      'app://fto/other.html#/chair/7',
      'app://other/index.html#/chair/7',
      'https://example.org/#/chair/7',
      'http://127.0.0.1:8080/index.html#/chair/7',
    ]) {
      expect(handleWindowOpen({ url }, '/app/preload.cjs'), url).toEqual({ action: 'deny' });
    }
  });

  it('deny every permission request and check, except full screen for the app', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'pointerLock', 'fullscreen']) {
      for (const url of [APP_START_URL, ...foreignUrls]) {
        const granted = permission === 'fullscreen' && url === APP_START_URL;
        const callback = vi.fn();
        handlePermissionRequest({}, permission, callback, { requestingUrl: url });
        expect(callback, `${permission} ${url}`).toHaveBeenCalledExactlyOnceWith(granted);
        expect(handlePermissionCheck({}, permission, url), `${permission} ${url}`).toBe(granted);
      }
    }
    expect(handlePermissionCheck({}, 'fullscreen', 'app://fto')).toBe(true);
    const callback = vi.fn();
    handlePermissionRequest({}, 'fullscreen', callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });
});

describe('IPC sender check', () => {
  const mainFrame = { url: 'app://fto/index.html' };

  it('trusts only frames showing the app origin', () => {
    expect(isTrustedSender('app://fto/index.html')).toBe(true);
    for (const url of foreignUrls) expect(isTrustedSender(url), url).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('answers only the main frame of our window', () => {
    expect(isTrustedIpcEvent({ senderFrame: mainFrame }, mainFrame)).toBe(true);
    // An iframe on the same origin is a different frame object: refused.
    expect(isTrustedIpcEvent({ senderFrame: { url: 'app://fto/index.html' } }, mainFrame)).toBe(false);
    // Our main frame after it was somehow navigated elsewhere: refused.
    const navigatedAway = { url: 'https://example.org/' };
    expect(isTrustedIpcEvent({ senderFrame: navigatedAway }, navigatedAway)).toBe(false);
    expect(isTrustedIpcEvent({ senderFrame: null }, mainFrame)).toBe(false);
    expect(isTrustedIpcEvent({ senderFrame: mainFrame }, undefined)).toBe(false);
  });

  it("answers a chair's-panel window's main frame when main.ts lists it, and no other", () => {
    const chairFrame = { url: 'app://fto/index.html#/chair/7' };
    const presenterFrame = { url: 'app://fto/index.html#/presenter/7' };
    expect(isTrustedIpcEvent({ senderFrame: chairFrame }, [mainFrame, chairFrame])).toBe(true);
    expect(isTrustedIpcEvent({ senderFrame: mainFrame }, [mainFrame, chairFrame])).toBe(true);
    expect(isTrustedIpcEvent({ senderFrame: presenterFrame }, [mainFrame, chairFrame])).toBe(false);
    expect(isTrustedIpcEvent({ senderFrame: chairFrame }, [mainFrame, undefined])).toBe(false);
    const awayFrame = { url: 'https://example.org/' };
    expect(isTrustedIpcEvent({ senderFrame: awayFrame }, [mainFrame, awayFrame])).toBe(false);
  });
});

describe('app:// file resolution', () => {
  function rendererFixture() {
    const dir = tempDir();
    const root = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(root, 'assets', 'app 1.js'), '');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'geheim');
    return root;
  }

  it('serves the page and its files', () => {
    const root = rendererFixture();
    expect(resolveAppFile(root, 'app://fto/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://fto')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://fto/index.html?x=1#top')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://fto/assets/app%201.js')).toBe(path.join(root, 'assets', 'app 1.js'));
  });

  it('refuses other origins and every way out of the folder', () => {
    const root = rendererFixture();
    for (const url of [
      'app://other/index.html',
      'file:///etc/passwd',
      'app://fto/..%2fsecret.txt',
      'app://fto/assets/..%2f..%2fsecret.txt',
      'app://fto/..%5csecret.txt',
      'app://fto/%2E%2E%5Csecret.txt',
      'app://fto/C:%5cWindows%5cwin.ini',
      'app://fto/index.html%00.js',
      'app://fto/%E0%A4%A',
    ]) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
    // Dot segments the URL parser itself removes (also when %-encoded) are harmless: still inside.
    expect(resolveAppFile(root, 'app://fto/%2e%2e/secret.txt')).toBe(path.join(root, 'secret.txt'));
    expect(resolveAppFile(root, 'app://fto/../../secret.txt')).toBe(path.join(root, 'secret.txt'));
  });

  it('never resolves outside the folder, whatever the path', () => {
    const root = rendererFixture();
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E.', '.%2e', '%2f', '%5c', '\\', '/', 'assets', 'index.html', '%00', 'C:', '%'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (parts) => {
        const resolved = resolveAppFile(root, `app://fto/${parts.join('/')}`);
        if (resolved === null) return;
        const relative = path.relative(root, resolved);
        expect(relative.startsWith('..') || path.isAbsolute(relative) || relative === '').toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
