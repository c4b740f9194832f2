export declare class StartError extends Error {}
export declare function ensureElectronBinary(electronDir: string): string;
export declare function electronBindingPath(options: {
  projectDir: string;
  sqliteVersion: string;
  electronVersion: string;
  platform?: string;
  arch?: string;
}): string;
export declare function ensureElectronSqlite(): Promise<string>;
export declare function buildAll(): Promise<void>;
