import type { MethodOutput } from './api';

export type Group = MethodOutput<'groups.list'>[number];
export type Practice = MethodOutput<'practices.list'>[number];
export type Prescriber = MethodOutput<'prescribers.list'>[number];
export type Pharmacy = MethodOutput<'pharmacies.list'>[number];
export type DatabaseInfo = MethodOutput<'database.info'>;
