import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCoreHost } from '../../db/host';
import { defaultDatabasePath, userDataDir } from '../../db/paths';
import { writePrivateFile } from '../../db/private-files';
import { createPollServer } from '../../db/polls/server';
import type { Command } from '../command';
import { startWebShell, type WebShell, type WebShellOptions } from '../web-shell';
import { nodeServices } from '../../db/services';

export const rendererDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/renderer');
const PORT_FILE = 'browser-poort';

export const webCommand: Command = {
  name: 'web',
  usage: 'fto web [--db BESTAND] [--port POORT]',
  options: { db: { type: 'string' }, port: { type: 'string' } },
  async run({ values }, io) {
    const file = typeof values.db === 'string' ? values.db : defaultDatabasePath();
    const stateDir = userDataDir();
    // The poll server listens on the room's network only while a poll is open (see README).
    const polls = createPollServer({ core: () => host.core });
    const host = openCoreHost(file, { confineTo: [stateDir], ...nodeServices() }, polls);
    const shell = await startOnRememberedPort({ host, staticDir: rendererDist, stateDir }, values.port ? Number(values.port) : null);
    io.out(`FTO Toolkit draait. Open in uw browser: ${shell.launchUrl}`);
    io.out('Dit adres werkt één keer en alleen voor u; deel het niet.');
    io.out(`Database: ${host.file}`);
    io.out('Stoppen: Ctrl+C');
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await shell.close();
    await polls.close();
    host.close();
  },
};

/**
 * Without --port the shell takes the port it had last time when it is free, so that a page still
 * open from before a restart reaches it again (a new port would be another origin to the browser).
 */
async function startOnRememberedPort(options: WebShellOptions, port: number | null): Promise<WebShell> {
  const portFile = path.join(options.stateDir, PORT_FILE);
  if (port !== null) return startWebShell({ ...options, port });
  const remembered = Number(fs.existsSync(portFile) ? fs.readFileSync(portFile, 'utf8').trim() : '');
  let shell: WebShell;
  try {
    shell = await startWebShell({ ...options, port: Number.isInteger(remembered) && remembered > 0 ? remembered : 0 });
  } catch {
    shell = await startWebShell({ ...options, port: 0 }); // taken by another program now
  }
  writePrivateFile(portFile, String(shell.port));
  return shell;
}
