import type { Migration } from './index';

/** TEMP: stands in for another branch's migration 5 so that 6 can be tested; the coordinator drops it. */
export const migration: Migration = { version: 5, name: 'placeholder', sql: 'SELECT 1;' };
