import { defineConfig } from 'vitest/config';
import { cacheDir } from './vite.config.mjs';

export default defineConfig({
  cacheDir,
  test: {
    include: ['tests/**/*.test.ts'],
    // Real SQLite files, real browsers and child processes: generous, and in few workers on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
