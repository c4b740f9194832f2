import path from 'node:path';
import { createCore, type Core } from './core';
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
  close(): void;
}

export function openCoreHost(file: string, options: OpenOptions = {}, polls?: PollNetwork): CoreHost {
  let db = openDatabase(file, options);
  let current = path.resolve(file);
  let core: Core;

  const build = () => {
    core = createCore({
      db,
      file: current,
      polls,
      openDatabase: (next) => {
        const nextDb = openDatabase(next, options); // throws before anything changes when the file is unusable
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
    close: () => db.close(),
  };
}
