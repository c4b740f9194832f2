import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * `fto web` as its own process on a database file, its data folder (the session key) in `dataDir`,
 * and the addresses it prints. Every process is added to `started`, so the test can end what is left.
 */
export async function startFtoWeb(file: string, dataDir: string, started: ChildProcess[], port = 0) {
  const env = { ...process.env, XDG_CONFIG_HOME: dataDir };
  const child = spawn(process.execPath, [path.resolve('cli/fto.mjs'), 'web', '--db', file, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  started.push(child);
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let output = '';
  const launchUrl = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Open in uw browser: (\S+)/.exec(output);
      if (found) resolve(found[1]!);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', () => reject(new Error(`fto web stopte: ${output}`)));
  });
  return {
    child,
    ended,
    /** The one-time address that lets this browser in. */
    launchUrl,
    url: new URL('/', launchUrl).href,
    port: Number(new URL(launchUrl).port),
    stop: async () => {
      child.kill('SIGKILL');
      await ended;
    },
  };
}
