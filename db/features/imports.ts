import type { importsContract } from '../contract/imports';
import type { CoreContext, Handlers } from '../handler';
import { loadDemo } from '../demo/load';
import { AppError } from '../errors';
import { jobProgress, startImportJob } from '../import/jobs';
import { analyzeOffThread, runTaskInWorker } from '../import/pipeline';
import { rememberedMappings } from '../import/run';
import { productRows, requireProduct } from './products';
import type { Db } from '../open';
import { queryAll, queryOne } from '../query';

interface BatchRow {
  id: number;
  file_name: string;
  imported_at: string;
  group_id: number | null;
  group_name: string | null;
  read_rows: number;
  imported_rows: number;
  already_present_rows: number;
  not_opioid_rows: number;
  rejected_rows: number;
  empty_rows: number;
  dispensings: number;
  note: string | null;
}

const decode = (base64: string) => Buffer.from(base64, 'base64');
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('nl-NL')} ${n === 1 ? one : many}`;

/** Import of exports, the import history with undo, and the short/long-acting check of products. */
export function importsHandlers(context: CoreContext): Handlers<keyof typeof importsContract> {
  const { db } = context;

  const getBatch = (id: number): BatchRow => {
    const row = queryOne<BatchRow>(
      db,
      `SELECT b.*, g.name AS group_name, (SELECT count(*) FROM dispensing d WHERE d.batch_id = b.id) AS dispensings
         FROM import_batch b LEFT JOIN fto_group g ON g.id = b.group_id WHERE b.id = ?`,
      id,
    );
    if (!row) throw new AppError('not_found', 'Deze import bestaat niet (meer).');
    return row;
  };

  return {
    'imports.analyze': ({ name, contentBase64, mapping }) =>
      analyzeOffThread(
        { name, bytes: decode(contentBase64), ...(mapping ? { mapping } : {}) },
        rememberedMappings(db),
        context.importWorker,
      ),
    'imports.start': ({ groupId, files }) => {
      if (!db.prepare('SELECT 1 FROM fto_group WHERE id = ?').get(groupId)) {
        throw new AppError('validation', 'Kies een bestaande FTO-groep voor de import.', 'groupId');
      }
      const jobId = startImportJob(
        {
          dbFile: context.file,
          groupId,
          files: files.map((f) => ({ name: f.name, bytes: decode(f.contentBase64), ...(f.mapping ? { mapping: f.mapping } : {}) })),
        },
        context.importWorker,
      );
      return { jobId };
    },
    'imports.progress': ({ jobId }) => jobProgress(jobId),
    'imports.list': ({ groupId }) =>
      queryAll<BatchRow>(
        db,
        `WITH counts AS (SELECT batch_id, count(*) AS n FROM dispensing GROUP BY batch_id)
           SELECT b.*, g.name AS group_name, coalesce(c.n, 0) AS dispensings
           FROM import_batch b LEFT JOIN fto_group g ON g.id = b.group_id LEFT JOIN counts c ON c.batch_id = b.id
           WHERE ? IS NULL OR b.group_id = ? ORDER BY b.imported_at DESC, b.id DESC`,
        groupId ?? null,
        groupId ?? null,
      ).map((row) => ({
        id: row.id,
        fileName: row.file_name,
        importedAt: row.imported_at,
        groupId: row.group_id,
        groupName: row.group_name,
        read: row.read_rows,
        imported: row.imported_rows,
        alreadyPresent: row.already_present_rows,
        notOpioid: row.not_opioid_rows,
        rejected: row.rejected_rows,
        empty: row.empty_rows,
        dispensings: row.dispensings,
        note: row.note,
      })),
    'imports.undoImpact': ({ id }) => {
      const batch = getBatch(id);
      return {
        name: batch.file_name,
        consequences: [
          `${plural(batch.dispensings, 'uitgifte wordt', 'uitgiften worden')} verwijderd`,
          'voorschrijvers, praktijken en apotheken die deze import aanmaakte en die daarna nergens meer bij horen, worden ook verwijderd',
        ],
        blockedBy: null,
      };
    },
    'imports.undo': ({ id }) => {
      getBatch(id);
      return { removedDispensings: undoImport(db, id) };
    },
    'imports.rejections': ({ id }) => {
      const batch = queryOne<{ file_name: string; rejections: string }>(
        db,
        'SELECT file_name, rejections FROM import_batch WHERE id = ?',
        id,
      );
      if (!batch) throw new AppError('not_found', 'Deze import bestaat niet (meer).');
      return { fileName: batch.file_name, rows: JSON.parse(batch.rejections) };
    },

    'products.list': () => productRows(db, null),
    'products.setOverride': ({ product, longActing }) => {
      requireProduct(db, product);
      db.prepare(
        `INSERT INTO product_class (product, long_acting) VALUES (?, ?)
         ON CONFLICT (product) DO UPDATE SET long_acting = excluded.long_acting, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      ).run(product, longActing ? 1 : 0);
      return productRows(db, product)[0]!;
    },
    'products.clearOverride': ({ product }) => {
      requireProduct(db, product);
      db.prepare('DELETE FROM product_class WHERE product = ?').run(product);
      return productRows(db, product)[0]!;
    },

    // In a worker with its own connection (the app stays responsive); a database in memory cannot be shared.
    'demo.load': () =>
      context.file === ':memory:'
        ? loadDemo(db)
        : runTaskInWorker<ReturnType<typeof loadDemo>>({ kind: 'demo', dbFile: context.file }, 'de demo-groep', context.importWorker),
  };
}

/**
 * Removes an import whole: its dispensings, the practice assignments its practice column made, then
 * what it created (prescribers, practices, pharmacies) when nothing uses it any more. Anything another
 * table points at, or the user assigned, stays.
 */
export function undoImport(db: Db, batchId: number): number {
  return db.transaction(() => {
    const removed = db.prepare('DELETE FROM dispensing WHERE batch_id = ?').run(batchId).changes;
    // A patient key or a product stays only while a dispensing names it.
    db.prepare('DELETE FROM patient WHERE id NOT IN (SELECT patient_id FROM dispensing)').run();
    db.prepare('DELETE FROM dispensed_product WHERE id NOT IN (SELECT product_id FROM dispensing)').run();
    db.prepare(
      "UPDATE prescriber SET practice_id = NULL, practice_source = NULL WHERE practice_batch_id = ? AND practice_source = 'data'",
    ).run(batchId);
    const created = (table: string) =>
      queryAll<{ id: number }>(db, `SELECT id FROM ${table} WHERE import_batch_id = ?`, batchId).map((r) => r.id);
    for (const id of created('prescriber')) {
      const manual = db.prepare("SELECT 1 FROM prescriber WHERE id = ? AND practice_source = 'manual'").get(id);
      if (!manual && !isReferenced(db, 'prescriber', id)) db.prepare('DELETE FROM prescriber WHERE id = ?').run(id);
    }
    for (const id of created('practice')) {
      if (!isReferenced(db, 'practice', id)) db.prepare('DELETE FROM practice WHERE id = ?').run(id);
    }
    for (const id of created('pharmacy')) {
      const used = db.prepare('SELECT 1 FROM dispensing d JOIN pharmacy f ON f.name = d.pharmacy_key WHERE f.id = ? LIMIT 1').get(id);
      if (!used && !isReferenced(db, 'pharmacy', id)) db.prepare('DELETE FROM pharmacy WHERE id = ?').run(id);
    }
    db.prepare('DELETE FROM import_batch WHERE id = ?').run(batchId);
    return removed;
  })();
}

/** Whether any row of any table (whoever added it) points at this row through a foreign key. */
function isReferenced(db: Db, table: string, id: number): boolean {
  const tables = queryAll<{ name: string }>(db, "SELECT name FROM sqlite_master WHERE type = 'table'");
  for (const { name } of tables) {
    const keys = queryAll<{ from: string; to: string | null }>(
      db,
      'SELECT "from", "to" FROM pragma_foreign_key_list(?) WHERE "table" = ?',
      name,
      table,
    );
    for (const key of keys) {
      const target = key.to ?? 'id';
      if (target !== 'id') continue;
      if (db.prepare(`SELECT 1 FROM "${name}" WHERE "${key.from}" = ? LIMIT 1`).get(id)) return true;
    }
  }
  return false;
}
