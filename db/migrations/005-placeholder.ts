import type { Migration } from './index';

// TEMP: stands in for another branch's migration 5 so that 007 can run here; dropped at merge.
export const migration: Migration = { version: 5, name: 'placeholder-5', sql: '' };
