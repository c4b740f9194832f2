// One import case of bench/import.ts, in a process of its own so that its peak memory is its own:
// imports FILE into a new database DB the way `fto import` does and prints what it measured as JSON.
// WORKER, when given, is the parser thread's bundled entry (dist/cli/worker.mjs), as the CLI and the app run it.
import { pathToFileURL } from 'node:url';
import { importFile } from '../db/import/import-file';
import { openDatabase } from '../db/open';

const [file, dbFile, worker] = process.argv.slice(2) as [string, string, string | undefined];
const db = openDatabase(dbFile);
const groupId = Number(db.prepare("INSERT INTO fto_group (name) VALUES ('Bench')").run().lastInsertRowid);
const start = performance.now();
const { summary } = importFile(db, { name: file, path: file }, { groupId, ...(worker ? { worker: pathToFileURL(worker) } : {}) });
const ms = performance.now() - start;
db.close();
process.stdout.write(
  JSON.stringify({ ms, read: summary.read, imported: summary.imported, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }),
);
