import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from './core';
import type { CoreServices } from './handler';
import { AppError } from './errors';
import { openDatabase, type Db, type OpenOptions } from './open';
import type { PollNetwork } from './polls/server';

/**
 * Owns the open database and the core on it, and can switch to another file: what Electron's main
 * process and the browser shell both need. Transports call `host.core`, which always points at the
 * current database.
 */
export interface CoreHost {
  readonly core: Core;
  readonly file: string;
  readonly db: Db;
  /** A folder the user chose in a dialog: paths in it may be given to the core from now on. */
  allowFolder(dir: string): void;
  close(): void;
}

export interface HostOptions extends OpenOptions, CoreServices {
  /**
   * Keeps every path given to the core (backups, other databases) inside these folders, the
   * database's own folder and folders allowed later: a page must not write files elsewhere.
   */
  confineTo?: string[];
}

/**
 * The host's connection waits only briefly for a lock held by another connection (an import): the
 * core then waits without blocking the thread and tries again (see core.ts), so other calls go on.
 */
const HOST_BUSY_TIMEOUT_MS = 20;

function openForHost(file: string, options: OpenOptions): Db {
  const db = openDatabase(file, options);
  db.pragma(`busy_timeout = ${HOST_BUSY_TIMEOUT_MS}`);
  return db;
}

export function openCoreHost(file: string, options: HostOptions, polls?: PollNetwork): CoreHost {
  const { confineTo, renderPdf, importWorker, ...openOptions } = options;
  let db = openForHost(file, openOptions);
  let current = path.resolve(file);
  const roots = confineTo ? [path.dirname(current), ...confineTo].map(realFolder) : null;
  let core: Core;

  const checkPath = (given: string, field: string): string => {
    const resolved = path.resolve(given);
    if (!roots) return resolved;
    const real = realPath(resolved);
    if (roots.some((root) => real === root || real.startsWith(root + path.sep))) return resolved;
    throw new AppError(
      'validation',
      `${resolved} ligt buiten de map van de app (${roots[0]}). Kies een bestand in die map${roots.length > 1 ? ` of in ${roots.slice(1).join(', ')}` : ''}.`,
      field,
    );
  };

  const build = () => {
    core = createCore({
      db,
      file: current,
      checkPath,
      polls,
      renderPdf,
      importWorker,
      openDatabase: (next) => {
        const nextDb = openForHost(next, openOptions); // throws before anything changes when the file is unusable
        db.close();
        db = nextDb;
        current = path.resolve(next);
        build();
        return { db, file: current };
      },
    });
  };
  build();

  return {
    get core() {
      return core;
    },
    get file() {
      return current;
    },
    get db() {
      return db;
    },
    allowFolder: (dir) => {
      if (roots && !roots.includes(realFolder(dir))) roots.push(realFolder(dir));
    },
    close: () => db.close(),
  };
}

function realFolder(dir: string): string {
  return realPath(path.resolve(dir));
}

/** The path with every symbolic link in its existing part resolved, so a link cannot lead outside. */
function realPath(target: string): string {
  const missing: string[] = [];
  let existing = target;
  while (!fs.existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    missing.unshift(path.basename(existing));
    existing = parent;
  }
  return path.join(fs.realpathSync(existing), ...missing);
}
