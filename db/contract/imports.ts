import { z } from 'zod';
import { byId, deleteImpact, id, method, noInput } from './common';

/** The fields of one dispensing row that an export can hold (spec §1); the names `--map` files use too. */
export const importFieldNames = [
  'patientKey',
  'dispenseDate',
  'atc',
  'product',
  'prescriberName',
  'prescriberAgb',
  'quantity',
  'daysSupply',
  'dosing',
  'ownGp',
  'practice',
  'pharmacy',
  'formCode',
] as const;
export const importField = z.enum(importFieldNames);
export type ImportField = z.infer<typeof importField>;

/**
 * Field -> header text as it stands in the file. null means "use no column for this field" (to settle
 * two columns that match an optional field). Fields left out keep their automatic match.
 */
export const columnMapping = z.partialRecord(importField, z.string().nullable());
export type ColumnMapping = z.infer<typeof columnMapping>;

/** A file as the UI sends it: its name (the extension decides how it is read) and its bytes in base64. */
export const importFile = z.object({
  name: z.string().trim().min(1, { error: 'Het bestand heeft geen naam.' }),
  contentBase64: z.string(),
  mapping: columnMapping.optional(),
});

export const rejectedRow = z.object({
  /** Row number as in the file (1 = first line / first spreadsheet row). */
  row: z.number().int().positive(),
  field: importField.nullable(),
  reason: z.string(),
});

/** The counts of spec §8: read = imported + alreadyPresent + notOpioid + rejected + empty. */
const importCounts = {
  read: z.number().int(),
  imported: z.number().int(),
  alreadyPresent: z.number().int(),
  notOpioid: z.number().int(),
  rejected: z.number().int(),
  empty: z.number().int(),
};

/** The spec §8 summary of one file. */
export const fileSummary = z.object({
  file: z.string(),
  ...importCounts,
  rejectedRows: z.array(rejectedRow),
});

export const fieldInfo = z.object({
  field: importField,
  /** Dutch label for the mapping screen, e.g. "Afleverdatum". */
  label: z.string(),
  /** Required, or (prescriber name / AGB) one of the two required. */
  required: z.boolean(),
});

export const fileAnalysis = z.object({
  fileName: z.string(),
  /** Row number (as in the file) of the header row; null when none was found. */
  headerRow: z.number().int().positive().nullable(),
  /** The cells of the header row, in column order ('' for an empty header cell). */
  headers: z.array(z.string()),
  /** Which column each field will be read from (the mapping applied: remembered or given). */
  matched: z.array(z.object({ field: importField, header: z.string(), column: z.number().int().nonnegative() })),
  /** Columns refused for privacy (spec §6): never read, never stored. */
  refused: z.array(z.object({ header: z.string(), column: z.number().int().nonnegative(), reason: z.string() })),
  /** What stops the import until a mapping settles it (missing required field, two columns for one field). */
  problems: z.array(z.object({ field: importField.nullable(), message: z.string() })),
  /** True when `problems` is not empty: show the mapping screen. */
  needsMapping: z.boolean(),
  /** True when a mapping remembered for these headers was applied. */
  rememberedMapping: z.boolean(),
  /** Number of rows below the header row (what `read` will be). */
  dataRows: z.number().int().nonnegative(),
  /** The first rows below the header, for the mapping screen ('' in refused columns). */
  preview: z.array(z.array(z.string())),
  fields: z.array(fieldInfo),
});

export const importJobStatus = z.enum(['waiting', 'running', 'done', 'failed']);

export const importJobFile = fileSummary.extend({
  status: importJobStatus,
  /** The import_batch made for this file (null until it is done, or when it failed). */
  batchId: id.nullable(),
  /** Why this file was not imported (nothing of it changed the database). */
  error: z.string().nullable(),
});

export const importProgress = z.object({
  jobId: z.string(),
  /** 0..1 over all files of the job. */
  fraction: z.number().min(0).max(1),
  done: z.boolean(),
  /** Name of the file being read now. */
  currentFile: z.string().nullable(),
  files: z.array(importJobFile),
});

export const importBatch = z.object({
  id,
  fileName: z.string(),
  importedAt: z.string(),
  groupId: id.nullable(),
  groupName: z.string().nullable(),
  ...importCounts,
  /** Dispensings of this import still in the database (= imported). */
  dispensings: z.number().int(),
  /** Said when the stored dispensings were recomputed with newer rules, e.g. "Herberekend met de regels van versie 2 op 01-12-2026". */
  note: z.string().nullable(),
});

export const strengthUnit = z.enum(['mg', 'mg/ml', 'ug/h'], { error: 'Kies mg per stuk, mg per ml of µg per uur.' });
export const route = z.enum(['oral', 'transdermal', 'transmucosal', 'parenteral'], {
  error: 'Kies een toedieningsweg: oraal, transdermaal, transmucosaal of parenteraal.',
});

/** The strength of one unit (spec §9): mg per unit, mg per ml (a liquid) or µg per hour (a patch). */
export const productStrength = z.object({
  value: z.number().positive(),
  /** The exact value, e.g. "12,5" or "1/3". */
  text: z.string(),
  unit: strengthUnit,
});

export const product = z.object({
  /** The product text as in the exports; overrides are keyed by it. */
  product: z.string(),
  atc: z.string(),
  opioidClass: z.enum(['strong', 'weak']),
  /** What spec §3 rules 2-3 decided (the majority, when the product's dispensings differ). */
  longActingByRule: z.boolean(),
  /** Which rule decided: 'form' (dosage-form code) or 'text' (product text; some dispensings suffice). */
  rule: z.enum(['form', 'text']),
  /** The user's own decision (rule 1), null when none. */
  override: z.boolean().nullable(),
  /** What counts: the override when set, otherwise the rule. */
  longActing: z.boolean(),
  /** Decided by the text rule and not yet confirmed by an override. */
  needsReview: z.boolean(),
  /** Some of its dispensings have a long-acting form code while the text says short (spec §3: listed for review). */
  formTextDisagree: z.boolean(),
  dispensings: z.number().int(),
  /** Spec §9 strength of one unit: the user's when set, otherwise read from the text; null when unknown. */
  strength: productStrength.nullable(),
  /** What the product text gives (null: it could not be read). */
  strengthByText: productStrength.nullable(),
  strengthByHand: z.boolean(),
  /** Spec §9 route: the user's when set, otherwise from the text. */
  route,
  routeByText: route,
  routeByHand: z.boolean(),
  /** mg oral morphine per mg (per µg/h for a patch); null where spec §9 has no factor. */
  omeFactor: z.number().nullable(),
  /** Dispensings whose dosing text gives a dose in mg or µg that could not be turned into units: the strength is unknown (spec §4.3). */
  massDosesUnread: z.number().int().nonnegative(),
});

export const importSummary = z.object({ groupId: id, groupName: z.string(), files: z.array(fileSummary) });

/** Import of pharmacy exports, its history, and the short/long-acting check of the products seen. */
export const importsContract = {
  /** Reads a file (nothing is stored): header row, matched columns, refused columns, problems. */
  'imports.analyze': method(importFile, fileAnalysis),
  /** Starts importing files into a group in the background; poll `imports.progress`. */
  'imports.start': method(
    z.object({ groupId: id, files: z.array(importFile).min(1, { error: 'Kies ten minste één bestand.' }) }),
    z.object({ jobId: z.string() }),
  ),
  'imports.progress': method(z.object({ jobId: z.string() }), importProgress),
  /** Every import, newest first. */
  'imports.list': method(z.object({ groupId: id.optional() }).default({}), z.array(importBatch)),
  'imports.undoImpact': method(byId, deleteImpact),
  /** Removes an import whole: its dispensings, and prescribers, practices, pharmacies it made that are now unused. */
  'imports.undo': method(byId, z.object({ removedDispensings: z.number().int() })),
  /** The rejected rows of one import, for export. */
  'imports.rejections': method(byId, z.object({ fileName: z.string(), rows: z.array(rejectedRow) })),

  'products.list': method(noInput, z.array(product)),
  'products.setOverride': method(z.object({ product: z.string().min(1), longActing: z.boolean() }), product),
  'products.clearOverride': method(z.object({ product: z.string().min(1) }), product),

  /** Fills an empty database with the fictional demo FTO group, through the real importer. */
  'demo.load': method(noInput, importSummary),
};
