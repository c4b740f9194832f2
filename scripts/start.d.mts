export declare class StartError extends Error {}
export declare function ensureElectronBinary(electronDir: string): string;
export declare function ensureElectronSqlite(): string;
export declare function buildAll(): Promise<void>;
