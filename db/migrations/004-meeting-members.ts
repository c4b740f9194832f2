import type { Migration } from './index';

export const migration: Migration = {
  version: 4,
  name: 'meeting-members',
  sql: /* sql */ `
-- A member who left the group stays on old attendance lists but is no longer offered for new meetings.
ALTER TABLE person ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));

-- The follow-up overview and the home screen look agreements up by their evaluation date.
CREATE INDEX agreement_evaluation ON agreement(evaluation_date);
`,
};
