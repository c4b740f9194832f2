/**
 * Files only the user can read: the database, its -wal/-shm, backups, exports and the browser shell's
 * key are made 0600 and the app's folders 0700 (Linux and macOS; Windows keeps its own ACLs). A file
 * or folder found looser is tightened, and the caller tells the user so.
 */
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;
const posix = process.platform !== 'win32';

/** Tightens an existing file or folder readable or writable by others; true when it changed it. */
export function tighten(target: string, mode = PRIVATE_FILE_MODE): boolean {
  if (!posix) return false;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return false;
  }
  if ((stat.mode & 0o077) === 0) return false;
  fs.chmodSync(target, mode);
  return true;
}

/**
 * Makes a folder (and missing parents) 0700. Folders that already exist are left as they are unless
 * `own` says the folder is the app's own (the data folder, backups/): then a looser one is tightened.
 * Returns the folders it tightened.
 */
export function makePrivateDir(dir: string, own = false): string[] {
  const resolved = path.resolve(dir);
  const existed = fs.existsSync(resolved);
  fs.mkdirSync(resolved, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (!existed && posix) fs.chmodSync(resolved, PRIVATE_DIR_MODE); // the umask may have loosened it
  return own && existed && tighten(resolved, PRIVATE_DIR_MODE) ? [resolved] : [];
}

/** Writes a new file that only the user can read (also when it already existed with looser rights). */
export function writePrivateFile(file: string, data: string | Uint8Array): void {
  fs.writeFileSync(file, data, { mode: PRIVATE_FILE_MODE });
  tighten(file);
}

/** "De rechten van ... zijn aangescherpt": one Dutch line for what was tightened, or null. */
export function tightenedNotice(paths: string[]): string | null {
  if (paths.length === 0) return null;
  return `Alleen u kunt deze bestanden nu lezen (de rechten waren ruimer en zijn aangescherpt): ${paths.join(', ')}.`;
}
