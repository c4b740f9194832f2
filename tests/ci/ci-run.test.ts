import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

const root = path.resolve(__dirname, '../..');

/** Runs .ci/run with stand-ins for dpkg, apt-get and npm; `missing` are the packages dpkg does not know. */
function runCi(missing: string[]): { code: number | null; aptCalls: string[]; npmCalls: string[] } {
  const bin = tempDir();
  const log = path.join(bin, 'log');
  const stub = (name: string, body: string) => fs.writeFileSync(path.join(bin, name), `#!/usr/bin/env bash\n${body}\n`, { mode: 0o755 });
  stub('dpkg', `case "$2" in ${missing.length ? missing.join('|') : '__none__'}) exit 1;; *) exit 0;; esac`);
  stub('apt-get', `echo "apt-get $*" >> ${log}`);
  stub('npm', `echo "npm $*" >> ${log}`);
  const run = spawnSync('bash', [path.join(root, '.ci/run')], {
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    encoding: 'utf8',
  });
  const lines = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [];
  return { code: run.status, aptCalls: lines.filter((l) => l.startsWith('apt-get')), npmCalls: lines.filter((l) => l.startsWith('npm')) };
}

describe('.ci/run installs what is missing, package by package (issue 12.9)', () => {
  it('a machine with Calc but not Impress gets Impress', () => {
    const { code, aptCalls, npmCalls } = runCi(['libreoffice-impress']);
    expect(code).toBe(0);
    expect(aptCalls).toEqual(['apt-get update -qq', 'apt-get install -y -qq --no-install-recommends libreoffice-impress']);
    expect(npmCalls).toEqual(['npm ci --no-audit --no-fund', 'npm test']);
  });

  it('installs every missing package and nothing when all are there', () => {
    expect(runCi(['chromium', 'poppler-utils', 'fonts-dejavu-core']).aptCalls[1]).toBe(
      'apt-get install -y -qq --no-install-recommends chromium poppler-utils fonts-dejavu-core',
    );
    expect(runCi([]).aptCalls).toEqual([]);
  });

  it('every test that runs LibreOffice gives it its own profile', () => {
    const files = fs
      .readdirSync(path.join(root, 'tests'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.ts$/.test(f) && !f.startsWith('ci'));
    const calls = files.flatMap((f) =>
      (fs.readFileSync(path.join(root, 'tests', f), 'utf8').match(/execFileSync\([^)]*(soffice|libreoffice)[\s\S]{0,300}?\]/g) ?? []).map(
        (call) => ({ f, call }),
      ),
    );
    expect(calls.length).toBeGreaterThanOrEqual(2); // the PPTX check and the LibreOffice-made spreadsheets
    expect(calls.filter(({ call }) => !call.includes('-env:UserInstallation=')).map(({ f }) => f)).toEqual([]);
  });
});
