import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, vi } from 'vitest';
import { generateDispensings } from '../../db/demo/generate';
import { writeExport } from '../../db/demo/export';
import { CALL_CHANNEL } from '../../electron/channel';
import { APP_START_URL } from '../../electron/security';
import { tempDir } from '../helpers/temp';

// Runs a built main.cjs with stand-ins for the Electron modules it uses and records what it asks of
// them, so that tests can drive its handlers (IPC, protocol, menu) like Electron would.

export type Listener = (...args: any[]) => any;

export interface FakeElectronRun {
  userData: string;
  /** Where the app saves downloads (exports). */
  downloads: string;
  appListeners: Map<string, Listener>;
  sessionListeners: Map<string, Listener>;
  windows: { options: { webPreferences: unknown }; loadedUrl: string; webContents: { mainFrame: { url: string }; reload: Listener } }[];
  ipc: Map<string, Listener>;
  protocols: Map<string, Listener>;
  privileged: { scheme: string; privileges: Record<string, boolean> }[];
  menus: { label?: string; submenu?: { label?: string; click?: Listener }[] }[][];
  permissions: { request?: Listener; check?: Listener };
  dialog: Record<'showSaveDialog' | 'showOpenDialog' | 'showMessageBox' | 'showErrorBox', ReturnType<typeof vi.fn>>;
  exit: ReturnType<typeof vi.fn>;
}

/**
 * Loads `mainFile` as CommonJS (node modules resolved from where it lies, as Electron would), with
 * a fresh userData folder, and waits until it has opened its window (or, with `expectFailure`,
 * until it has given up with an error box).
 */
export async function startMainWithFakeElectron(options: {
  mainFile: string;
  isPackaged?: boolean;
  expectFailure?: boolean;
}): Promise<FakeElectronRun> {
  const userData = tempDir();
  const run: FakeElectronRun = {
    userData,
    downloads: tempDir(),
    appListeners: new Map(),
    sessionListeners: new Map(),
    windows: [],
    ipc: new Map(),
    protocols: new Map(),
    privileged: [],
    menus: [],
    permissions: {},
    dialog: {
      showSaveDialog: vi.fn(),
      showOpenDialog: vi.fn(),
      showMessageBox: vi.fn(async () => ({ response: 0 })),
      showErrorBox: vi.fn(),
    },
    exit: vi.fn(),
  };
  class FakeWindow {
    static getAllWindows = () => run.windows;
    loadedUrl = '';
    webContents = { mainFrame: { url: APP_START_URL }, reload: vi.fn() };
    constructor(readonly options: { webPreferences: unknown }) {
      run.windows.push(this);
    }
    once() {}
    on() {}
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
  }
  const electron = {
    app: {
      isPackaged: options.isPackaged ?? false,
      requestSingleInstanceLock: () => true,
      on: (name: string, listener: Listener) => run.appListeners.set(name, listener),
      whenReady: () => Promise.resolve(),
      isReady: () => true,
      getPath: (name: string) => {
        if (name === 'downloads') return run.downloads;
        if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
        return userData;
      },
      quit: vi.fn(),
      exit: run.exit,
    },
    BrowserWindow: FakeWindow,
    dialog: run.dialog,
    ipcMain: { handle: (channel: string, listener: Listener) => run.ipc.set(channel, listener) },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: never) => run.menus.push(menu) },
    net: {
      fetch: async (url: string) => new Response(fs.readFileSync(fileURLToPath(url)), { headers: { 'Content-Type': 'text/html' } }),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: FakeElectronRun['privileged']) => run.privileged.push(...schemes),
      handle: (scheme: string, handler: Listener) => run.protocols.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (run.permissions.request = handler),
        setPermissionCheckHandler: (handler: Listener) => (run.permissions.check = handler),
        on: (name: string, listener: Listener) => run.sessionListeners.set(name, listener),
      },
    },
  };
  const realRequire = createRequire(options.mainFile);
  const module = { exports: {} };
  const load = new Function('exports', 'require', 'module', '__filename', '__dirname', fs.readFileSync(options.mainFile, 'utf8'));
  load(
    module.exports,
    (id: string) => (id === 'electron' ? electron : realRequire(id)),
    module,
    options.mainFile,
    path.dirname(options.mainFile),
  );
  if (options.expectFailure) await vi.waitFor(() => expect(run.exit).toHaveBeenCalled());
  else await vi.waitFor(() => expect(run.windows).toHaveLength(1));
  return run;
}

/** Calls a contract method the way the page would: over the IPC channel, from the window's main frame. */
export function callFromPage(run: FakeElectronRun, method: string, input?: unknown): Promise<any> {
  return run.ipc.get(CALL_CHANNEL)!({ senderFrame: run.windows[0]!.webContents.mainFrame }, method, input);
}

/**
 * Imports a small synthetic pharmacy export through IPC and waits for the job: the import runs in
 * the bundled worker thread (import-worker.cjs), so this checks that it is found and can load.
 */
export async function importThroughPage(run: FakeElectronRun) {
  const group = await callFromPage(run, 'groups.create', { name: 'FTO Import' });
  const csv = writeExport(generateDispensings({ count: 40 }), { format: 'csv', headers: 'nl', dates: 'dd-mm-yyyy' });
  const started = await callFromPage(run, 'imports.start', {
    groupId: group.value.id,
    files: [{ name: 'export.csv', contentBase64: csv.toString('base64') }],
  });
  expect(started).toMatchObject({ ok: true });
  let progress: any;
  await vi.waitFor(
    async () => {
      progress = await callFromPage(run, 'imports.progress', { jobId: started.value.jobId });
      expect(progress.value.done).toBe(true);
    },
    { timeout: 30_000, interval: 50 },
  );
  return progress.value as { files: { status: string; error: string | null; read: number; imported: number }[] };
}
