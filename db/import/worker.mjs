// Entry of the import's worker threads (jobs and parsers). Run from the sources (tsx CLI, browser
// shell, Vitest), the thread first registers tsx so that it can load the TypeScript modules; a
// bundled build (the CLI, Electron) compiles worker-main.ts itself and gives the core that file instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
