import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors';
import { latestVersion, migrations } from './migrations';
import { userDataDir } from './paths';
import { makePrivateDir, tighten, tightenedNotice, writePrivateFile } from './private-files';
import { queryAll } from './query';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  /** Open an existing file only; never create one. */
  mustExist?: boolean;
}

/**
 * Opens (and creates, when missing) a database file, sets the connection pragmas and migrates it
 * to the latest schema. A file that already holds data is backed up before it is migrated; a file
 * written by a newer version of the app is refused, so that an old app never damages it.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const tightened: string[] = [];
  if (file !== ':memory:') {
    if (options.mustExist && !fs.existsSync(file)) {
      throw new AppError('not_found', `Het databasebestand ${file} bestaat niet.`);
    }
    const dir = path.dirname(path.resolve(file));
    tightened.push(...makePrivateDir(dir, dir === userDataDir()));
    // SQLite gives the -wal and -shm files the rights of the database file, so 0600 here covers all three.
    if (!fs.existsSync(file)) writePrivateFile(file, '');
    for (const part of [file, `${file}-wal`, `${file}-shm`]) if (tighten(part)) tightened.push(path.resolve(part));
  }
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw new AppError('db_open', `Het databasebestand ${file} kan niet worden geopend: ${(error as Error).message}`);
  }
  try {
    refuseNewerSchema(db, file); // before anything is written, so a newer app's file stays untouched
    refuseForeignDatabase(db, file); // likewise another program's SQLite file
    configureConnection(db);
    migrate(db, file);
    if (tightened.length) {
      tightenedOnOpen.set(db, tightened);
      tightenedListener?.(tightenedNotice(tightened)!);
    }
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw new AppError('db_open', `Het bestand ${file} is geen bruikbare FTO-database: ${(error as Error).message}`);
  }
  return db;
}

/** Files and folders whose rights were looser than 0600/0700 and were tightened when the database was opened. */
const tightenedOnOpen = new WeakMap<Db, string[]>();
export const tightenedWhenOpened = (db: Db): string[] => tightenedOnOpen.get(db) ?? [];
let tightenedListener: ((notice: string) => void) | null = null;
/** The CLI prints the Dutch notice when a database it opens had its rights tightened. */
export function onPermissionsTightened(listener: ((notice: string) => void) | null): void {
  tightenedListener = listener;
}

export function configureConnection(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // FULL: a commit survives a power cut too, not only a crash (autosave during a meeting relies on it).
  db.pragma('synchronous = FULL');
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function refuseNewerSchema(db: Db, file: string): void {
  const current = schemaVersion(db);
  if (current > latestVersion) {
    throw new AppError(
      'db_too_new',
      `Het databasebestand ${file} is gemaakt met een nieuwere versie van de FTO Toolkit (schema ${current}, deze versie kent ${latestVersion}). Werk de app bij om het te openen.`,
    );
  }
}

/**
 * A SQLite file of another program (tables of its own, or a schema version without our tables) is
 * refused unchanged: migrating would add our tables to it.
 */
function refuseForeignDatabase(db: Db, file: string): void {
  const tables = queryAll<{ name: string }>(
    db,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  ).map((t) => t.name);
  const ours = tables.includes('fto_group');
  if (tables.length === 0 || ours) return;
  const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', …' : '');
  throw new AppError(
    'db_open',
    `Het bestand ${file} is geen FTO-database: het is een SQLite-bestand van een ander programma (met de tabellen ${shown}). Er is niets aan veranderd. Kies een FTO-database (fto.sqlite) of een nieuwe bestandsnaam.`,
  );
}

function migrate(db: Db, file: string): void {
  const current = schemaVersion(db);
  if (current === latestVersion) return;
  if (current > 0 && file !== ':memory:') backupDatabase(db, freeBackupPath(file, `voor-migratie-v${current}`));
  for (const migration of migrations.filter((m) => m.version > current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      migration.run?.(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/** A consistent copy of the whole database in one new file (also while other connections write). */
export function backupDatabase(db: Db, target: string): string {
  if (fs.existsSync(target)) throw new AppError('conflict', `Het bestand ${target} bestaat al; kies een andere naam.`);
  const dir = path.dirname(path.resolve(target));
  makePrivateDir(dir, path.basename(dir) === 'backups');
  writePrivateFile(target, ''); // VACUUM INTO fills an empty file, and keeps its rights
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

/** backupPathFor, with "-2", "-3", ... added when a backup of that second is already there. */
export function freeBackupPath(file: string, label: string, now = new Date()): string {
  const first = backupPathFor(file, label, now);
  let candidate = first;
  for (let k = 2; fs.existsSync(candidate); k++) candidate = first.replace(/\.sqlite$/, `-${k}.sqlite`);
  return candidate;
}

/** fto.sqlite -> backups/fto-<label>-2026-11-24T08-15-00.sqlite beside it. */
export function backupPathFor(file: string, label: string, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  return path.join(path.dirname(path.resolve(file)), 'backups', `${base}-${label}-${stamp}.sqlite`);
}
