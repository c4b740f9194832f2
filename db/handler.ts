import type { MethodName, MethodOutput, ParsedInput } from './contract';
import type { Db } from './open';
import type { PollNetwork } from './polls/server';
import type { PdfRenderer } from './reports/pdf';

/** One method of the contract: its parsed input in, its output (or a promise of it) out. */
export type Handler<M extends MethodName> = (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
export type Handlers<Names extends MethodName> = { [M in Names]: Handler<M> };

/**
 * What a core needs from the program it runs in besides the database. Electron prints PDFs with its
 * own Chromium and runs the import's worker from its bundle; the CLI, the browser shell and the
 * tests use `nodeServices()` (db/services.ts).
 */
export interface CoreServices {
  /** Turns a self-contained HTML document (a report, the deck) into PDF bytes. */
  renderPdf: PdfRenderer;
  /** The file every worker thread of the import starts from (db/import/worker-main.ts, bundled or not). */
  importWorker: URL;
}

export interface CoreOptions extends CoreServices {
  db: Db;
  /** The database file's path (':memory:' in some tests). */
  file: string;
  /** Provided by a host that can switch files (Electron, the browser shell); see db/host.ts. */
  openDatabase?: (file: string) => { db: Db; file: string };
  /** Refuses (AppError) a path the host does not allow, else gives it resolved; see db/host.ts. */
  checkPath?: (path: string, field: string) => string;
  /** The poll server on the room's network (Electron, the browser shell); without it polls get no address. */
  polls?: PollNetwork;
}

/** What every feature's handlers get: the open database and the options the core was made with. */
export type CoreContext = CoreOptions;
