import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const projectDir = path.dirname(fileURLToPath(import.meta.url));

// Caches outside node_modules, and the config loaded as it is (`--configLoader native`, in package.json):
// anything written into node_modules makes npm distrust its record of the installed tree, and
// electron-builder, which asks npm for the app's dependencies, then leaves better-sqlite3's own
// dependencies out of the installer.
export const cacheDir = path.join(projectDir, '.cache', 'vite');

// The renderer is built to plain files that both shells load: Electron through its app:// protocol,
// the browser shell over 127.0.0.1. Relative paths keep it working under either.
export default defineConfig({
  root: 'renderer',
  base: './',
  cacheDir,
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    // The page is read from disk (app:// or 127.0.0.1), not over a network: one bundle with reveal.js is fine.
    chunkSizeWarningLimit: 1500,
  },
});
