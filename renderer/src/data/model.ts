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
