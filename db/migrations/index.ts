import { migration as foundation } from './001-foundation';
import { migration as dispensings } from './002-dispensings';
import { migration as meetings } from './003-meetings';
import { migration as meetingMembers } from './004-meeting-members';
import { migration as placeholder5 } from './005-placeholder';
import { migration as placeholder6 } from './006-placeholder';
import { migration as polls } from './007-polls';

export interface Migration {
  /** The `user_version` the database has after this migration. */
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in order. A new one gets the next number and is appended; old ones never change once released. */
export const migrations: readonly Migration[] = [foundation, dispensings, meetings, meetingMembers, placeholder5, placeholder6, polls];

export const latestVersion = migrations.length;
