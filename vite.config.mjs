import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built to plain files that both shells load: Electron through its app:// protocol,
// the browser shell over 127.0.0.1. Relative paths keep it working under either.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    // The page is read from disk (app:// or 127.0.0.1), not over a network: one bundle with reveal.js is fine.
    chunkSizeWarningLimit: 1500,
  },
});
