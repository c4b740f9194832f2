import { migration as foundation } from './001-foundation';
import { migration as dispensings } from './002-dispensings';
import { migration as meetings } from './003-meetings';
import { migration as meetingMembers } from './004-meeting-members';
import { migration as dose } from './005-dose';
import { migration as groupScope } from './006-group-scope';
import type { Db } from '../open';
import { migration as polls } from './007-polls';
import { migration as dispensingChecks } from './008-dispensing-checks';
import { migration as patients } from './009-patients';
import { migration as dispensedProducts } from './010-dispensed-products';

export interface Migration {
  /** The `user_version` the database has after this migration. */
  version: number;
  name: string;
  sql: string;
  /** Work that SQL alone cannot do (recomputing with the app's rules), after `sql`, in the same transaction. */
  run?: (db: Db) => void;
}

/** Every migration, in order. A new one gets the next number and is appended; old ones never change once released. */
export const migrations: readonly Migration[] = [
  foundation,
  dispensings,
  meetings,
  meetingMembers,
  dose,
  groupScope,
  polls,
  dispensingChecks,
  patients,
  dispensedProducts,
];

export const latestVersion = migrations.length;
