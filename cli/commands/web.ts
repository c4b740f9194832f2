import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCoreHost } from '../../db/host';
import { defaultDatabasePath } from '../../db/paths';
import { createPollServer } from '../../db/polls/server';
import type { Command } from '../command';
import { startWebShell } from '../web-shell';

export const rendererDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/renderer');

export const webCommand: Command = {
  name: 'web',
  summary: 'Start de app in de browser (op 127.0.0.1), voor machines zonder Electron.',
  usage: 'fto web [--db BESTAND] [--port POORT]',
  options: { db: { type: 'string' }, port: { type: 'string' } },
  async run({ values }, io) {
    const file = typeof values.db === 'string' ? values.db : defaultDatabasePath();
    // The poll server listens on the room's network only while a poll is open (see README).
    const polls = createPollServer({ core: () => host.core });
    const host = openCoreHost(file, {}, polls);
    const shell = await startWebShell({ host, staticDir: rendererDist, port: values.port ? Number(values.port) : 0 });
    io.out(`FTO Toolkit draait. Open in uw browser: ${shell.url}`);
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
