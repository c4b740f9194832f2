export declare const projectDir: string;
export declare function buildElectron(options?: { outDir?: string }): Promise<string[]>;
