export declare function electronBindingPath(options: {
  projectDir: string;
  sqliteVersion: string;
  electronVersion: string;
  platform?: string;
  arch?: string;
}): string;
export declare function currentElectronBindingPath(): string;
export declare function buildElectronSqlite(): Promise<string>;
