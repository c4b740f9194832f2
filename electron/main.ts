import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  session,
  type MessageBoxOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { toErrorValue } from '../db/core';
import { contentSecurityPolicy } from '../db/csp';
import type { Result } from '../db/errors';
import { openCoreHost, type CoreHost } from '../db/host';
import { freeBackupPath } from '../db/open';
import { DATABASE_FILE_NAME, PRODUCT_NAME } from '../db/paths';
import { createPollServer } from '../db/polls/server';
import { APP_VERSION } from '../db/version';
import { CALL_CHANNEL } from './channel';
import { menuTemplate } from './menu';
import { electronPdfRenderer, printDocument } from './pdf';
import {
  APP_SCHEME,
  APP_START_URL,
  guardNavigation,
  handlePermissionCheck,
  handlePermissionRequest,
  handleWindowOpen,
  isChairPanelUrl,
  isTrustedIpcEvent,
  resolveAppFile,
  secureWebPreferences,
} from './security';

// Thin wiring: every decision lives in security.ts, menu.ts and the core; this file connects them to Electron.
// Bundled to dist/electron/main.cjs, beside preload.cjs; the renderer is built to dist/renderer.
const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadFile = path.join(__dirname, 'preload.cjs');
const importWorkerFile = path.join(__dirname, 'import-worker.cjs');
const sqliteFilter = [{ name: 'FTO-database (SQLite)', extensions: ['sqlite'] }];

// Must run before the app is ready: app:// behaves like https (own origin, fetch, CSP 'self').
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

let host: CoreHost | undefined;
// Phones answer polls here, on the room's network, only while a poll is open (db/polls/server.ts).
const polls = createPollServer({ core: () => currentHost().core });
let mainWindow: BrowserWindow | undefined;
/** Chair's-panel windows the app opened (#/chair/<id>): their main frames may call the core too. */
const chairWindows = new Set<BrowserWindow>();

if (!app.requestSingleInstanceLock()) {
  app.quit(); // another instance has the database open: it gets focus (see 'second-instance')
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler((details) => handleWindowOpen(details, preloadFile));
    contents.on('did-create-window', (child, details) => {
      if (!isChairPanelUrl(details.url)) return;
      chairWindows.add(child);
      child.on('closed', () => chairWindows.delete(child));
    });
    contents.on('will-navigate', guardNavigation);
    contents.on('will-redirect', guardNavigation);
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && host && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('will-quit', () => {
    void polls.close();
    host?.close();
  });
  app.whenReady().then(start, (error: unknown) => fail(error));
}

function start(): void {
  // In development better-sqlite3 must be the copy built for Electron's ABI, which scripts/start.mjs
  // names in FTO_NATIVE_BINDING (worker threads see it too); a packaged app has node_modules rebuilt
  // for Electron by electron-builder and ignores it.
  if (app.isPackaged) delete process.env.FTO_NATIVE_BINDING;
  const nativeBinding = process.env.FTO_NATIVE_BINDING || undefined;
  try {
    // Paths from the page stay in the data folder; the menu's dialogs allow the folder the user picks.
    // PDFs come from Electron's own Chromium; the import's threads start from the bundled worker (a URL, so Windows paths work too).
    const services = { renderPdf: electronPdfRenderer, importWorker: pathToFileURL(importWorkerFile) };
    host = openCoreHost(
      path.join(app.getPath('userData'), DATABASE_FILE_NAME),
      { nativeBinding, confineTo: [app.getPath('userData')], ...services },
      polls,
    );
  } catch (error) {
    fail(error);
    return;
  }

  session.defaultSession.setPermissionRequestHandler(handlePermissionRequest);
  session.defaultSession.setPermissionCheckHandler(handlePermissionCheck);
  // Exports land in the Downloads folder, as in a browser, so that the page can tell the user where they are.
  session.defaultSession.on('will-download', (_event, item) => item.setSavePath(freeDownloadPath(item.getFilename())));
  protocol.handle(APP_SCHEME, serveAppFile);
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedIpcEvent(event, [mainWindow?.webContents.mainFrame, ...[...chairWindows].map((w) => w.webContents.mainFrame)])) {
      return { ok: false, error: { code: 'internal', message: 'Dit verzoek komt niet van de app en is geweigerd.' } };
    }
    try {
      return await currentHost().core.callUnchecked(String(method), input);
    } catch (error) {
      return { ok: false, error: toErrorValue(error) }; // never let an exception cross IPC
    }
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ backup, openDatabase: openOtherDatabase, about })));
  createWindow();
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: PRODUCT_NAME,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadFile),
  });
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  void window.loadURL(APP_START_URL);
}

async function serveAppFile(request: Request): Promise<Response> {
  const printed = printDocument(request.url);
  if (printed !== null) {
    return new Response(printed, {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' },
    });
  }
  const file = resolveAppFile(rendererDir, request.url);
  if (!file || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    return new Response('Niet gevonden', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const response = await net.fetch(pathToFileURL(file).toString());
  return new Response(response.body, {
    status: response.status,
    headers: {
      'Content-Type': response.headers.get('Content-Type') ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  });
}

/** Downloads/<name>, or "<name> (2)" and so on when that file already exists: an export never overwrites one. */
function freeDownloadPath(fileName: string): string {
  const folder = app.getPath('downloads');
  const { name, ext } = path.parse(fileName);
  let candidate = path.join(folder, fileName);
  for (let n = 2; fs.existsSync(candidate); n++) candidate = path.join(folder, `${name} (${n})${ext}`);
  return candidate;
}

function currentHost(): CoreHost {
  if (!host) throw new Error('De database is nog niet geopend.');
  return host;
}

async function backup(): Promise<void> {
  const options: SaveDialogOptions = {
    title: 'Back-up maken',
    buttonLabel: 'Back-up opslaan',
    defaultPath: freeBackupPath(currentHost().file, 'kopie'),
    filters: sqliteFilter,
  };
  const result = await (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options));
  if (result.canceled || !result.filePath) return;
  currentHost().allowFolder(path.dirname(result.filePath));
  const outcome = await currentHost().core.call('database.backup', { path: result.filePath });
  if (!outcome.ok) return showError('De back-up is niet gemaakt', outcome.error.message);
  await showInfo({ type: 'info', title: 'Back-up gemaakt', message: `De back-up staat in ${outcome.value.path}.` });
}

async function openOtherDatabase(): Promise<void> {
  const options: OpenDialogOptions = {
    title: 'Database openen',
    buttonLabel: 'Openen',
    defaultPath: path.dirname(currentHost().file),
    filters: sqliteFilter,
    properties: ['openFile', 'promptToCreate'],
  };
  const result = await (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options));
  const [file] = result.filePaths;
  if (result.canceled || !file) return;
  currentHost().allowFolder(path.dirname(file));
  const outcome = await currentHost().core.call('database.open', { path: file });
  if (!outcome.ok) return showError('De database is niet geopend', outcome.error.message);
  mainWindow?.webContents.reload(); // the page shows the other database's data from scratch
}

async function about(): Promise<void> {
  await showInfo({
    type: 'info',
    title: `Over ${PRODUCT_NAME}`,
    message: `${PRODUCT_NAME} ${APP_VERSION}`,
    detail: [
      'Cijfers, presentatie en afspraken voor het farmacotherapeutisch overleg (FTO).',
      `Database: ${host?.file ?? '(niet geopend)'}`,
      `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
    ].join('\n'),
  });
}

function showInfo(options: MessageBoxOptions) {
  return mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
}

function showError(title: string, message: string): void {
  dialog.showErrorBox(title, message);
}

/** Startup failed (e.g. a database made by a newer version): say so in Dutch and stop. */
function fail(error: unknown): void {
  dialog.showErrorBox(`${PRODUCT_NAME} kan niet starten`, toErrorValue(error).message);
  app.exit(1);
}
