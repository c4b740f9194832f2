import path from 'node:path';
import type { WebPreferences } from 'electron';

// This file holds every security decision of the Electron shell as plain functions, so that a test
// can check them without Electron; main.ts only wires them up. (Type-only import above: nothing of
// Electron is loaded here.)

/** The custom protocol the UI is served from: app://fto/ (a standard, secure scheme, so 'self' works). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'fto';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** The options of the app's window: the page gets nothing of Node or Electron, only what the preload exposes. */
export function secureWebPreferences(preloadPath?: string) {
  return {
    ...(preloadPath ? { preload: preloadPath } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  } satisfies WebPreferences;
}

/** True for a URL on the app's own origin; everything else (http, file, other hosts) is not the app. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** The window may only ever show the app's own pages. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** For webContents' 'will-navigate' (and 'will-redirect'): stops any navigation away from the app. */
export function guardNavigation(event: { preventDefault(): void }, url: string): void {
  if (!isAllowedNavigation(url)) event.preventDefault();
}

/** True for the app's own page (index.html or /) on exactly `#/<route>/<meeting id>`, with nothing else in the URL. */
function isAppRoute(url: string, route: 'presenter' | 'chair'): boolean {
  if (!isAppUrl(url)) return false;
  const { pathname, search, hash } = new URL(url);
  return (pathname === '/' || pathname === '/index.html') && search === '' && new RegExp(`^#/${route}/[1-9]\\d{0,9}$`).test(hash);
}

/** The deck's presenter view: the app's own page on the route #/presenter/<meeting id>, nothing else. */
export function isPresenterUrl(url: string): boolean {
  return isAppRoute(url, 'presenter');
}

/** The chair's panel in a window of its own: the app's own page on the route #/chair/<meeting id>, nothing else. */
export function isChairPanelUrl(url: string): boolean {
  return isAppRoute(url, 'chair');
}

/**
 * For setWindowOpenHandler: the app opens no windows (window.open, target=_blank), except two of its own
 * pages, both as locked down as the main window. The presenter view gets no preload: it receives the slides
 * from the main window (BroadcastChannel) and could not call the core anyway (isTrustedIpcEvent). The
 * chair's panel (case answers, agreements, timer on the laptop while the deck is full screen on the
 * projector) saves what is typed, so it gets the preload, and main.ts trusts its main frame for IPC.
 */
export function handleWindowOpen(details: { url: string }, preloadPath?: string) {
  const window = { autoHideMenuBar: true, backgroundColor: '#ffffff' };
  if (isPresenterUrl(details.url)) {
    return {
      action: 'allow' as const,
      overrideBrowserWindowOptions: { ...window, width: 1100, height: 700, webPreferences: secureWebPreferences() },
    };
  }
  if (preloadPath && isChairPanelUrl(details.url)) {
    return {
      action: 'allow' as const,
      overrideBrowserWindowOptions: { ...window, width: 560, height: 860, webPreferences: secureWebPreferences(preloadPath) },
    };
  }
  return { action: 'deny' as const };
}

/** The one permission the app uses: its own page may go full screen, to present the deck. */
function isAppFullscreen(permission: string, url: string | undefined): boolean {
  return permission === 'fullscreen' && isAppUrl(url);
}

/** For session.setPermissionRequestHandler: camera, notifications, geolocation ... all refused; full screen for the app only. */
export function handlePermissionRequest(
  _webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details?: { requestingUrl?: string },
): void {
  callback(isAppFullscreen(permission, details?.requestingUrl));
}

/** For session.setPermissionCheckHandler. */
export function handlePermissionCheck(_webContents: unknown, permission: string, requestingOrigin: string): boolean {
  return isAppFullscreen(permission, requestingOrigin);
}

/** An IPC message is only answered when it comes from a frame showing the app's own page. */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  return isAppUrl(frameUrl);
}

/**
 * The full check for an IPC event: the sending frame must be the main frame of one of our windows (the
 * app's window, or a chair's-panel window it opened; not an iframe, not the presenter view) and show the
 * app's origin.
 */
export function isTrustedIpcEvent<F extends { url: string }>(
  event: { senderFrame: F | null },
  mainFrames: F | null | undefined | readonly (F | null | undefined)[],
): boolean {
  const frame = event.senderFrame;
  const trusted = Array.isArray(mainFrames) ? mainFrames : [mainFrames];
  return frame !== null && trusted.some((main) => main != null && main === frame) && isTrustedSender(frame.url);
}

/**
 * Maps an app:// request to a file under `rootDir` (the built renderer), or null when the request
 * is not for our origin or would leave the folder (../, encoded or not). The root path is the page.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null; // malformed %-escapes
  }
  if (pathname.includes('\0')) return null;
  // Checked on the decoded text, because the URL parser only removes dot segments it can see.
  const segments = pathname.split(/[/\\]+/).filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:$/.test(s))) return null;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...(segments.length === 0 ? ['index.html'] : segments));
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}
