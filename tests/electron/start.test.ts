import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBindingPath } from '../../scripts/electron-sqlite.mjs';
import { ensureElectronBinary, StartError } from '../../scripts/start.mjs';
import { tempDir } from '../helpers/temp';

/** A stand-in for node_modules/electron whose install.js does what the test says. */
function fakeElectronPackage(installScript: string): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'install.js'), installScript);
  return dir;
}

describe('npm start: the Electron program', () => {
  it('explains a failed download in one Dutch line that points to the browser shell', () => {
    // What Electron's install.js prints when there is no internet: a stack trace.
    const dir = fakeElectronPackage(`
      console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13\\n    at async downloadArtifact (index.js:154:12)');
      process.exit(1);
    `);
    let error: unknown;
    try {
      ensureElectronBinary(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StartError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).not.toMatch(/\bat\s+\S+:\d+/);
    expect(message).toMatch(/^Het Electron-programma kon niet worden gedownload/);
    expect(message).toContain('npm run web');
    expect(message).toContain('(Electron could not be downloaded: TypeError: fetch failed)');
  });

  it('also refuses when the download claims success but left no program', () => {
    const dir = fakeElectronPackage(`require('fs').writeFileSync(require('path').join(__dirname, 'path.txt'), 'electron');`);
    expect(() => ensureElectronBinary(dir)).toThrow(StartError);
  });

  it('returns the program once it is there', () => {
    const dir = fakeElectronPackage(`
      const fs = require('fs'), path = require('path');
      fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
      fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '');
      fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
    `);
    expect(ensureElectronBinary(dir)).toBe(path.join(dir, 'dist', 'electron'));
  });
});

describe('npm start: better-sqlite3 for Electron', () => {
  it('keeps one build per better-sqlite3 version, Electron version, platform and architecture', () => {
    const file = electronBindingPath({
      projectDir: '/p',
      sqliteVersion: '12.11.1',
      electronVersion: '45.4.1',
      platform: 'win32',
      arch: 'arm64',
    });
    expect(file).toBe(path.join('/p', '.electron-native', 'better-sqlite3-12.11.1-electron-45.4.1-win32-arm64.node'));
  });
});
