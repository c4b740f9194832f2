/**
 * worker.mjs beside this module: in the sources it registers tsx and loads worker-main.ts; in the
 * CLI's bundle (dist/cli/, see scripts/build-cli.mjs) it is worker-main.ts bundled. Electron's
 * bundle has its own file, which main.ts gives the core.
 */
export const IMPORT_WORKER_BESIDE = new URL('./worker.mjs', import.meta.url);
