import type { Migration } from './index';

// TEMP: stands in for another branch's migration 6 so that 007 can run here; dropped at merge.
export const migration: Migration = { version: 6, name: 'placeholder-6', sql: '' };
