import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../db/contract';
import { CALL_CHANNEL } from '../../electron/channel';
import { APP_START_URL, secureWebPreferences } from '../../electron/security';
import { buildElectron, projectDir } from '../../scripts/build-electron.mjs';
import { importThroughPage, startMainWithFakeElectron, type Listener } from './fake-electron';

// The real bundles from scripts/build-electron.mjs, run against fake Electron modules: what Electron
// itself would do cannot be had on this machine, but what our code asks of it can be checked.

let outDir: string;
let buildDir: string;
beforeAll(async () => {
  // Not tempDir(): that one is emptied after each test, and these bundles serve the whole file.
  const dir = (buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fto-electron-')));
  outDir = path.join(dir, 'electron');
  await buildElectron({ outDir });
  // main.cjs serves ../renderer relative to itself.
  fs.mkdirSync(path.join(dir, 'renderer', 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>FTO</title>');
  fs.writeFileSync(path.join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'geheim.txt'), 'geheim');
  // As in the project: the bundles find better-sqlite3 (Node's build) in node_modules above them.
  fs.symlinkSync(path.join(projectDir, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
});
afterAll(() => fs.rmSync(buildDir, { recursive: true, force: true }));

describe('preload bundle', () => {
  function runPreload() {
    const exposed = new Map<string, unknown>();
    const invoke = vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: 'antwoord' }));
    const required: string[] = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: { invoke },
    };
    // A sandboxed preload gets a require that knows 'electron' and little else: anything more fails here.
    const sandboxRequire = (id: string) => {
      required.push(id);
      if (id === 'electron') return fakeElectron;
      throw new Error(`module ${id} is not available in a sandboxed preload`);
    };
    const module = { exports: {} };
    const code = fs.readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
    vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });
    return { exposed, invoke, required };
  }

  it('exposes window.fto with exactly one function per contract method, and nothing else', () => {
    const { exposed, required } = runPreload();
    expect([...exposed.keys()]).toEqual(['fto']);
    const api = exposed.get('fto') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...methodNames].sort());
    expect(Object.values(api).every((f) => typeof f === 'function')).toBe(true);
    expect(Object.isFrozen(api)).toBe(true);
    expect(required).toEqual(['electron']);
  });

  it('sends each call as (channel, method, input) and returns the main process answer', async () => {
    const { exposed, invoke } = runPreload();
    const api = exposed.get('fto') as Record<string, (input?: unknown) => Promise<unknown>>;
    await expect(api['groups.create']!({ name: 'FTO Oost' })).resolves.toEqual({ ok: true, value: 'antwoord' });
    expect(invoke).toHaveBeenCalledExactlyOnceWith(CALL_CHANNEL, 'groups.create', { name: 'FTO Oost' });
  });
});

describe('main bundle, wired to fake Electron modules', () => {
  const started = () => startMainWithFakeElectron({ mainFile: path.join(outDir, 'main.cjs') });

  it('registers app:// as a privileged scheme and opens one secured window on it', async () => {
    const { privileged, windows, appListeners } = await started();
    expect(privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const [window] = windows;
    expect(window!.options.webPreferences).toEqual(secureWebPreferences(path.join(outDir, 'preload.cjs')));
    expect(fs.existsSync(path.join(outDir, 'preload.cjs'))).toBe(true);
    expect(window!.loadedUrl).toBe(APP_START_URL);
    appListeners.get('will-quit')!();
  });

  it('applies the guards to every web contents and denies permissions', async () => {
    const { appListeners, permissions } = await started();
    const contentsListeners = new Map<string, Listener>();
    let openHandler: Listener | undefined;
    appListeners.get('web-contents-created')!(
      {},
      { setWindowOpenHandler: (h: Listener) => (openHandler = h), on: (name: string, l: Listener) => contentsListeners.set(name, l) },
    );
    expect(openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: `${APP_START_URL}#/presenter/3` })).toMatchObject({ action: 'allow' });
    for (const name of ['will-navigate', 'will-redirect']) {
      const event = { preventDefault: vi.fn() };
      contentsListeners.get(name)!(event, 'https://example.org/');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    contentsListeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    const callback = vi.fn();
    permissions.request!({}, 'media', callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(permissions.check!({}, 'media', 'app://fto', {})).toBe(false);
    expect(permissions.check!({}, 'fullscreen', 'app://fto', {})).toBe(true);
    appListeners.get('will-quit')!();
  });

  it('saves exports in the Downloads folder under their own name, never over an existing file', async () => {
    const { sessionListeners, downloads, appListeners } = await started();
    const paths: string[] = [];
    const download = (name: string) => {
      sessionListeners.get('will-download')!({}, { getFilename: () => name, setSavePath: (file: string) => paths.push(file) });
      fs.writeFileSync(paths.at(-1)!, 'x');
    };
    download('verslag.docx');
    download('verslag.docx');
    expect(paths).toEqual([path.join(downloads, 'verslag.docx'), path.join(downloads, 'verslag (2).docx')]);
    appListeners.get('will-quit')!();
  });

  it('answers IPC from our main frame through the core on userData/fto.sqlite, and refuses other senders', async () => {
    const { ipc, windows, userData, appListeners } = await started();
    const handler = ipc.get(CALL_CHANNEL)!;
    const fromApp = { senderFrame: windows[0]!.webContents.mainFrame };
    const created = await handler(fromApp, 'groups.create', { name: 'FTO West' });
    expect(created).toMatchObject({ ok: true, value: { name: 'FTO West' } });
    expect(await handler(fromApp, 'database.info', undefined)).toMatchObject({
      ok: true,
      value: { path: path.join(userData, 'fto.sqlite'), isEmpty: false },
    });
    expect(await handler(fromApp, 'groups.create', { name: '' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await handler(fromApp, 'shell.openExternal', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });

    const iframe = { senderFrame: { url: APP_START_URL } };
    const refused = await handler(iframe, 'groups.create', { name: 'Indringer' });
    expect(refused).toMatchObject({ ok: false });
    const list = await handler(fromApp, 'groups.list', {});
    expect(list.value.map((g: { name: string }) => g.name)).toEqual(['FTO West']);
    appListeners.get('will-quit')!();
  });

  it('opens the database with the Electron build of better-sqlite3 named by start.mjs, in development only', async () => {
    process.env.FTO_NATIVE_BINDING = path.join(buildDir, 'missing', 'better_sqlite3.node');
    try {
      const failed = await startMainWithFakeElectron({ mainFile: path.join(outDir, 'main.cjs'), expectFailure: true });
      expect(failed.dialog.showErrorBox).toHaveBeenCalledWith(
        'FTO Toolkit kan niet starten',
        expect.stringContaining('kan niet worden geopend'),
      );
      expect(failed.exit).toHaveBeenCalledWith(1);
      expect(failed.windows).toEqual([]);
      // A packaged app has node_modules rebuilt for Electron and ignores the variable (also for its worker).
      const packaged = await startMainWithFakeElectron({ mainFile: path.join(outDir, 'main.cjs'), isPackaged: true });
      expect(process.env.FTO_NATIVE_BINDING).toBeUndefined();
      packaged.appListeners.get('will-quit')!();
    } finally {
      delete process.env.FTO_NATIVE_BINDING;
    }
  });

  it('runs an import in the bundled worker thread', async () => {
    // main.cjs gives the core import-worker.cjs beside it; worker.mjs beside the bundle does not exist.
    expect(fs.existsSync(path.join(outDir, 'worker.mjs'))).toBe(false);
    const run = await started();
    const progress = await importThroughPage(run);
    expect(progress.files).toEqual([expect.objectContaining({ status: 'done', error: null, read: 40 })]);
    expect(progress.files[0]!.imported).toBeGreaterThan(0);
    run.appListeners.get('will-quit')!();
  });

  it('serves the renderer over app:// with the CSP, and refuses paths outside it', async () => {
    const { protocols, appListeners } = await started();
    const serve = protocols.get('app')!;
    const page: Response = await serve(new Request('app://fto/'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>FTO</title>');
    expect(page.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect((await serve(new Request('app://fto/assets/app.js'))).status).toBe(200);
    expect((await serve(new Request('app://fto/..%2fgeheim.txt'))).status).toBe(404);
    expect((await serve(new Request('app://fto/bestaat-niet.js'))).status).toBe(404);
    appListeners.get('will-quit')!();
  });

  it('has a Dutch menu whose backup and open go through the core', async () => {
    const { menus, dialog, ipc, windows, userData, appListeners } = await started();
    const [menu] = menus;
    expect(menu!.map((m) => m.label)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Help']);
    const file = menu!.find((m) => m.label === 'Bestand')!.submenu!;
    const item = (label: string) => file.find((m) => m.label === label)!.click!;

    const backupFile = path.join(userData, 'kopie.sqlite');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: backupFile });
    await item('Back-up maken...')();
    expect(fs.existsSync(backupFile)).toBe(true);
    expect(dialog.showMessageBox).toHaveBeenCalledWith(windows[0], expect.objectContaining({ title: 'Back-up gemaakt' }));

    // A second backup onto the same file is refused by the core: shown as a Dutch error.
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: backupFile });
    await item('Back-up maken...')();
    expect(dialog.showErrorBox).toHaveBeenCalledWith('De back-up is niet gemaakt', expect.stringContaining('bestaat al'));

    const other = path.join(userData, 'andere.sqlite');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] });
    await item('Database openen...')();
    const info = await ipc.get(CALL_CHANNEL)!({ senderFrame: windows[0]!.webContents.mainFrame }, 'database.info', {});
    expect(info.value).toMatchObject({ path: other, isEmpty: true });
    expect(windows[0]!.webContents.reload).toHaveBeenCalled();
    appListeners.get('will-quit')!();
  });
});
