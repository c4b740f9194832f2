import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../db/version';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

describe('fto CLI', () => {
  it('prints Dutch help listing the commands', () => {
    const { code, stdout } = runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Gebruik: npx fto OPDRACHT');
    expect(stdout).toMatch(/^\s+init\s+Maakt een nieuwe, lege database/m);
  });

  it('init creates a database file at the latest schema', () => {
    const file = path.join(tempDir(), 'sub', 'groep.sqlite');
    const { code, stdout } = runCli(['init', '--db', file]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Database klaar: ${file}`);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('fails with one Dutch line on stderr and no stack trace', () => {
    for (const args of [['init'], ['init', '--db'], ['init', '--onbekend', 'x'], ['bestaatniet']]) {
      const { code, stderr } = runCli(args);
      expect(code, args.join(' ')).not.toBe(0);
      expect(stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });

  it('keeps the app version equal to package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });
});
