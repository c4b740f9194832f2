import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it, vi } from 'vitest';

const root = path.resolve(__dirname, '../..');

/** The fuses an installer must have, and how each must be set. */
const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  grantFileProtocolExtraPrivileges: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
} as const;

function looseFuses(config: { electronFuses?: Record<string, unknown> | null }): string[] {
  const fuses = config.electronFuses ?? {};
  return Object.entries(REQUIRED_FUSES)
    .filter(([name, value]) => fuses[name] !== value)
    .map(([name, value]) => `${name} moet ${value} zijn, is ${String(fuses[name])}`);
}

const builderConfig = () =>
  yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, unknown> };

describe('Electron fuses (issue 12.7)', () => {
  it('electron-builder.yml sets every fuse to its safe value', () => {
    expect(looseFuses(builderConfig())).toEqual([]);
  });

  it('the check fails when a fuse is loosened (runAsNode: true) or left out', () => {
    const config = builderConfig();
    expect(looseFuses({ ...config, electronFuses: { ...config.electronFuses, runAsNode: true } })).toEqual([
      'runAsNode moet false zijn, is true',
    ]);
    expect(looseFuses({ ...config, electronFuses: { ...config.electronFuses, onlyLoadAppFromAsar: undefined } })).toHaveLength(1);
    expect(looseFuses({ ...config, electronFuses: null })).toHaveLength(7);
  });
});

// A stand-in BrowserWindow that records what it loads and what the page's address serves.
const loaded: { url: string; served: string | null; javascript: unknown }[] = [];
vi.mock('electron', () => ({
  BrowserWindow: class {
    javascript: unknown;
    constructor(options: { webPreferences: { javascript?: unknown } }) {
      this.javascript = options.webPreferences.javascript;
    }
    loadFile = vi.fn(() => {
      throw new Error('a file:// page must not be used');
    });
    loadURL = vi.fn(async (url: string) => {
      const { printDocument } = await import('../../electron/pdf');
      loaded.push({ url, served: printDocument(url), javascript: this.javascript });
    });
    webContents = { executeJavaScript: vi.fn(async () => true), printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7')) };
    destroy = vi.fn();
  },
}));

describe('the deck PDF in Electron (issue 12.7)', () => {
  it('is printed from the app protocol on its own origin, never from a file:// page, and forgotten afterwards', async () => {
    const { electronPdfRenderer, printDocument } = await import('../../electron/pdf');
    const html = '<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src \'none\'"><p>deck</p>';
    const pdf = await electronPdfRenderer(html, { kind: 'slides', width: 1280, height: 720 });
    expect(pdf.toString()).toBe('%PDF-1.7');
    expect(loaded).toHaveLength(1);
    expect(loaded[0]!.url).toMatch(/^app:\/\/print\/[0-9a-f-]{36}\.html$/);
    expect(loaded[0]!.served).toBe(html);
    expect(loaded[0]!.javascript).toBe(true);
    expect(printDocument(loaded[0]!.url)).toBeNull();
    expect(printDocument('app://fto/index.html')).toBeNull();
  });
});
