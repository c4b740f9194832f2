import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'FTO Toolkit';
export const DATABASE_FILE_NAME = 'fto.sqlite';

/**
 * The folder Electron calls `userData` for this app, computed without Electron so that the CLI and
 * the browser shell find the same database as the desktop app.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(appData, PRODUCT_NAME);
}

export function defaultDatabasePath(): string {
  return path.join(userDataDir(), DATABASE_FILE_NAME);
}
