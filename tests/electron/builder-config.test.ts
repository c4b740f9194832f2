import { extractAll, listPackage } from '@electron/asar';
import { Ajv } from 'ajv';
import { build as electronBuilder, Platform, type Configuration } from 'electron-builder';
import yaml from 'js-yaml';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildElectron, projectDir } from '../../scripts/build-electron.mjs';
import { tempDir } from '../helpers/temp';
import { callFromPage, importThroughPage, startMainWithFakeElectron } from './fake-electron';

// Installers cannot be built here (electron-builder downloads Electron per target), so the config is
// checked against electron-builder's own schema, and the app is packaged with a stand-in Electron
// to see that the archive holds what the app needs, laid out so that it runs.

const require = createRequire(import.meta.url);
const packageJson = JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8'));

function loadConfig(): Configuration {
  return yaml.load(fs.readFileSync(path.join(projectDir, 'electron-builder.yml'), 'utf8')) as Configuration;
}

function schemaValidator() {
  const schemaFile = path.join(path.dirname(require.resolve('app-builder-lib/package.json')), 'scheme.json');
  return new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own JSON schema", () => {
    const validate = schemaValidator();
    const valid = validate(loadConfig());
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would be refused by that schema when broken (the check has teeth)', () => {
    const validate = schemaValidator();
    expect(validate({ ...loadConfig(), nsis: { oneClick: 'ja' } })).toBe(false);
    expect(validate({ ...loadConfig(), targetz: [] })).toBe(false);
  });

  it('names the app and builds NSIS, dmg, AppImage and deb with our icons', () => {
    const config = loadConfig();
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.productName).toBe(packageJson.productName);
    const targets = (platform: 'win' | 'mac' | 'linux') =>
      ((config[platform] as { target: { target: string }[] }).target ?? []).map((t) => t.target);
    expect(targets('win')).toEqual(['nsis']);
    expect(targets('mac')).toEqual(['dmg']);
    expect(targets('linux')).toEqual(['AppImage', 'deb']);

    const file = (relative: string) => fs.readFileSync(path.join(projectDir, relative));
    const png = file((config.linux as { icon: string }).icon);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    const ico = file((config.win as { icon: string }).icon);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(4); // several sizes, up to 256
    const icns = file((config.mac as { icon: string }).icon);
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(fs.existsSync(path.join(projectDir, 'assets', 'icon.svg'))).toBe(true);
  });

  it("starts from package.json's main, which is what scripts/build-electron.mjs writes", () => {
    expect(packageJson.main).toBe('dist/electron/main.cjs');
  });
});

describe('packaged app (with a stand-in Electron)', () => {
  it('holds only the bundles, the page and better-sqlite3, and runs from that layout', async () => {
    // A small copy of the project: its package.json and config, fresh bundles, a stand-in page,
    // and the real node_modules.
    const project = tempDir();
    fs.copyFileSync(path.join(projectDir, 'package.json'), path.join(project, 'package.json'));
    fs.cpSync(path.join(projectDir, 'assets'), path.join(project, 'assets'), { recursive: true });
    fs.symlinkSync(path.join(projectDir, 'node_modules'), path.join(project, 'node_modules'), 'junction');
    await buildElectron({ outDir: path.join(project, 'dist', 'electron') });
    fs.mkdirSync(path.join(project, 'dist', 'renderer'), { recursive: true });
    fs.writeFileSync(path.join(project, 'dist', 'renderer', 'index.html'), '<!doctype html><title>FTO</title>');
    const fakeElectron = path.join(project, 'fake-electron');
    fs.mkdirSync(fakeElectron);
    fs.writeFileSync(path.join(fakeElectron, 'electron'), '#!/bin/sh\n', { mode: 0o755 });

    const output = path.join(project, 'release');
    const config: Configuration = {
      ...loadConfig(),
      electronDist: fakeElectron,
      npmRebuild: false, // no Electron headers offline: the archive keeps Node's build, which this test can load
      electronFuses: null, // fuses are flipped inside the real Electron binary
      directories: { ...loadConfig().directories, output },
    };
    await electronBuilder({ projectDir: project, targets: Platform.LINUX.createTarget('dir'), config });

    const resources = path.join(output, 'linux-unpacked', 'resources');
    const archive = path.join(resources, 'app.asar');
    const entries = listPackage(archive, { isPack: false }).map((entry) => entry.split(path.sep).join('/'));
    const topLevel = new Set(entries.map((entry) => entry.split('/').slice(0, 3).join('/')));
    expect([...topLevel].sort()).toEqual(
      [
        '/dist',
        '/dist/electron',
        '/dist/renderer',
        '/node_modules',
        '/node_modules/better-sqlite3',
        '/node_modules/bindings',
        '/node_modules/file-uri-to-path',
        '/package.json',
      ].sort(),
    );
    expect(entries.filter((entry) => entry.startsWith('/dist/electron/'))).toEqual(
      expect.arrayContaining(['/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/electron/import-worker.cjs']),
    );
    expect(entries.some((entry) => entry.endsWith('.map'))).toBe(false);
    // The native module lies outside the archive, where it can be loaded.
    expect(
      fs.existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')),
    ).toBe(true);

    // Run the packaged main process: better-sqlite3 must resolve from inside the app alone.
    const app = path.join(tempDir(), 'app'); // outside the project copy, so nothing resolves from its node_modules
    extractAll(archive, app);
    const run = await startMainWithFakeElectron({ mainFile: path.join(app, 'dist', 'electron', 'main.cjs'), isPackaged: true });
    expect(await callFromPage(run, 'database.info', {})).toMatchObject({
      ok: true,
      value: { path: path.join(run.userData, 'fto.sqlite') },
    });
    const page: Response = await run.protocols.get('app')!(new Request('app://fto/'));
    expect(await page.text()).toContain('<title>FTO</title>');
    const progress = await importThroughPage(run); // the worker thread, from inside the app too
    expect(progress.files[0]).toMatchObject({ status: 'done', error: null });
    run.appListeners.get('will-quit')!();
  });
});
