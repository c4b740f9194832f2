import type { ColumnMapping, ImportField } from '../../../db/contract/imports';
import type { MethodOutput } from '../api';
import { toCsv } from '../download';
import type { T } from '../i18n';

export type { ColumnMapping, ImportField };
export type Analysis = MethodOutput<'imports.analyze'>;
export type Progress = MethodOutput<'imports.progress'>;
export type JobFile = Progress['files'][number];
export type RejectedRow = JobFile['rejectedRows'][number];
export type Batch = MethodOutput<'imports.list'>[number];
export type Product = MethodOutput<'products.list'>[number];
export type UnreadDosing = MethodOutput<'dosing.unread'>[number];
export type DosingEntry = MethodOutput<'dosing.list'>[number];
export type Strength = NonNullable<Product['strength']>;
export type Route = Product['route'];

/** Routes in the order of spec §9, for the select (mirrors the contract's enum; the compiler checks it). */
export const routes = ['oral', 'transdermal', 'transmucosal', 'parenteral'] as const satisfies readonly Route[];
export const strengthUnits = ['mg', 'mg/ml', 'ug/h'] as const satisfies readonly Strength['unit'][];

/**
 * An exact fraction of daily units as the user would type it: a whole or decimal number when it is one
 * ("2", "1,5"), otherwise the fraction ("1/3"). `decimal` is the language's decimal sign.
 */
export function formatUnits({ num, den }: { num: number; den: number }, decimal = ','): string {
  if (den === 1) return String(num);
  let rest = den;
  for (const factor of [2, 5]) while (rest % factor === 0) rest /= factor;
  if (rest !== 1) return `${num}/${den}`;
  return String(num / den).replace('.', decimal);
}

/** A file the user picked, read and analysed, waiting to be imported. */
export interface PickedFile {
  key: string;
  name: string;
  base64: string;
  analysis?: Analysis;
  /** The user's choices on the mapping screen (sent with the import). */
  mapping?: ColumnMapping;
  /** Why the file cannot be imported (it could not be read). */
  error?: string;
}

/** The rejected rows as a CSV the user can open in Excel. */
export function rejectionsCsv(rows: RejectedRow[], fieldLabel: (field: ImportField) => string, t: T): string {
  return toCsv([
    [t('summary.row'), t('summary.field'), t('summary.reason')],
    ...rows.map((r) => [r.row, r.field ? fieldLabel(r.field) : '', r.reason]),
  ]);
}

export function csvName(fileName: string): string {
  return `${fileName.replace(/\.[^.]+$/, '')}-afgewezen-regels.csv`;
}
