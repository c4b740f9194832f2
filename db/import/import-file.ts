/**
 * Writing one export file into the database: the rows that the parser (this thread or a parser
 * thread, see pipeline.ts) validated land in one transaction, with the prescribers, practices and
 * pharmacies they name.
 */
import { AppError } from '../errors';
import type { Db } from '../open';
import { inlineBatches } from './batches';
import { headerSignature } from './columns';
import { loadDoseTables, toData } from './dose';
import { DispensingCursor } from './encode';
import { parallelBatches } from './pipeline';
import { patientNumbers, productNumbers } from './numbers';
import { IMPORT_WORKER_BESIDE } from './worker-url';
import { PARALLEL_FROM_BYTES, rememberedMappings, sourceHash, sourceSize, type FileSummary, type ImportSource } from './run';
import { queryAll, queryValue, statement } from '../query';

/** Roughly what one row of an export takes, to estimate the rows of a file from its size. */
const ROUGH_BYTES_PER_ROW = 150;

export interface ImportOptions {
  groupId: number;
  /** Called now and then with how far the file is read (0..1). */
  onProgress?: (fraction: number) => void;
  /** Read in a parser thread (default: for files of PARALLEL_FROM_BYTES and more). */
  parallel?: boolean;
  /** The caller no longer needs `bytes`: a parser thread may take them over instead of copying them. */
  giveBytes?: boolean;
  /** The file a large file's parser thread starts from (default: the one beside the sources or the CLI's bundle). */
  worker?: URL;
}

/**
 * Imports one file into a group, in one transaction. Throws an AppError (and changes nothing) when the
 * file cannot be read or its columns are not settled; rows that fail validation are counted and listed.
 */
export function importFile(db: Db, source: ImportSource, options: ImportOptions): { batchId: number; summary: FileSummary } {
  if (db.prepare('SELECT 1 FROM fto_group WHERE id = ?').get(options.groupId) === undefined) {
    throw new AppError('validation', 'Kies een bestaande FTO-groep voor de import.', 'groupId');
  }
  const size = sourceSize(source);
  const parallel = options.parallel ?? size >= PARALLEL_FROM_BYTES;
  const giveBytes = options.giveBytes ?? false;
  // Bytes a parser thread takes over are hashed before it starts; anything else while it starts reading.
  const hashedFirst = parallel && giveBytes ? sourceHash(source) : null;
  // The user's table of dosing texts and product strengths (spec §4.4, §9) as they are now.
  const dose = toData(loadDoseTables(db));
  const { plan, batches, close } = parallel
    ? parallelBatches(source, rememberedMappings(db), dose, giveBytes, options.worker ?? IMPORT_WORKER_BESIDE)
    : inlineBatches(source, rememberedMappings(db), dose);
  let sha256: string;
  try {
    sha256 = hashedFirst ?? sourceHash(source);
  } catch (error) {
    close();
    throw error;
  }
  // A large file into a table not much bigger: building the secondary indexes afresh at the end (one
  // sorted pass) is far cheaper than a million random index inserts. Inside the transaction, so a
  // crash midway restores them with everything else.
  const existing = queryValue<number | null>(db, 'SELECT max(id) AS n FROM dispensing') ?? 0;
  const rebuildIndexes = parallel && size / ROUGH_BYTES_PER_ROW >= existing / 2;
  const { headers, columns } = plan;
  const summary: FileSummary = {
    file: source.name,
    read: 0,
    imported: 0,
    alreadyPresent: 0,
    notOpioid: 0,
    rejected: 0,
    empty: 0,
    rejectedRows: [],
  };
  const usedMapping = Object.fromEntries(Object.entries(columns).map(([field, column]) => [field, headers[column]]));

  const run = db.transaction(() => {
    const batchId = Number(
      db
        .prepare(
          `INSERT INTO import_batch (group_id, file_name, file_sha256, mapping, read_rows, imported_rows, already_present_rows,
             not_opioid_rows, rejected_rows, empty_rows) VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0)`,
        )
        .run(options.groupId, source.name, sha256, JSON.stringify(usedMapping)).lastInsertRowid,
    );
    const insert = db.prepare(
      `INSERT INTO dispensing (batch_id, identity, pharmacy_key, patient_id, dispense_date, product_id, prescriber_id, quantity, days_supply,
         dosing, days_of_use, own_gp_key, practice_name, days_source, route, daily_ome, dose_class)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (identity) DO NOTHING`,
    );
    const entities = entityResolver(db, batchId, options.groupId);
    const indexes = rebuildIndexes
      ? queryAll<{ name: string; sql: string }>(
          db,
          "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'dispensing' AND sql IS NOT NULL",
        )
      : [];
    for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);

    // The patient number of each of the file's patient keys, by its ordinal (see DispensingRow).
    const patientIds: number[] = [];
    for (const batch of batches) {
      const { empty, notOpioid, rejections } = batch;
      const row = new DispensingCursor(batch);
      summary.read += empty + notOpioid + rejections.length + batch.identities.length;
      summary.empty += empty;
      summary.notOpioid += notOpioid;
      summary.rejected += rejections.length;
      summary.rejectedRows.push(...rejections);
      while (row.next()) {
        if (row.pharmacy) entities.pharmacy(row.pharmacy);
        const prescriberId = entities.prescriber(row.prescriberKey, row.prescriberName, row.prescriberAgb, row.practice);
        const { changes } = insert.run(
          batchId,
          row.identity,
          row.pharmacy ?? '',
          patientIds[row.patientOrdinal] ?? (patientIds[row.patientOrdinal] = entities.patient(row.patientKey)),
          row.date,
          entities.product(row),
          prescriberId,
          row.quantity,
          row.daysSupply,
          row.dosing,
          row.daysOfUse,
          row.ownGp,
          row.practice,
          row.daysSource,
          row.route,
          row.dailyOme,
          row.doseClass,
        );
        if (changes) summary.imported++;
        else summary.alreadyPresent++;
      }
      options.onProgress?.(batch.fraction);
    }

    for (const { sql } of indexes) db.exec(sql);
    db.prepare(
      `UPDATE import_batch SET read_rows = ?, imported_rows = ?, already_present_rows = ?, not_opioid_rows = ?,
         rejected_rows = ?, empty_rows = ?, rejections = ? WHERE id = ?`,
    ).run(
      summary.read,
      summary.imported,
      summary.alreadyPresent,
      summary.notOpioid,
      summary.rejected,
      summary.empty,
      JSON.stringify(summary.rejectedRows),
      batchId,
    );
    // A mapping the user had to give, and that worked, is remembered for files with the same headers.
    if (source.mapping) {
      db.prepare(
        `INSERT INTO column_mapping (header_signature, mapping) VALUES (?, ?)
         ON CONFLICT (header_signature) DO UPDATE SET mapping = excluded.mapping, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      ).run(headerSignature(headers), JSON.stringify(source.mapping));
    }
    return batchId;
  });
  // Random identity hashes land all over the index: with SQLite's default 2 MB page cache a million
  // rows would thrash it. 64 MB for the duration of the import holds the identity index (the others are rebuilt).
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -65536');
  let batchId: number;
  try {
    batchId = run.immediate(); // the write lock first: waiting for another writer, never failing halfway on a stale snapshot
  } finally {
    close();
    db.pragma(`cache_size = ${cacheSize}`);
  }
  options.onProgress?.(1);
  return { batchId, summary };
}

/**
 * Prescribers (by key, spec §5), pharmacies (by name), patients and products, found or created as rows need them. A
 * practice column assigns a prescriber that has no practice yet; an explicit ('manual') choice wins.
 */
function entityResolver(db: Db, batchId: number, groupId: number) {
  const findPrescriber = statement<{
    id: number;
    name: string;
    agb: string | null;
    practice_id: number | null;
    practice_source: string | null;
  }>(db, 'SELECT id, name, agb, practice_id, practice_source FROM prescriber WHERE key = ?');
  const insertPrescriber = db.prepare('INSERT INTO prescriber (key, name, agb, import_batch_id) VALUES (?, ?, ?, ?)');
  const renamePrescriber = db.prepare('UPDATE prescriber SET name = ? WHERE id = ?');
  const assign = db.prepare("UPDATE prescriber SET practice_id = ?, practice_source = 'data', practice_batch_id = ? WHERE id = ?");
  const findPractice = statement<{ id: number }>(db, 'SELECT id FROM practice WHERE name = ?');
  const insertPractice = db.prepare('INSERT INTO practice (group_id, name, import_batch_id) VALUES (?, ?, ?)');
  const findPharmacy = db.prepare('SELECT id FROM pharmacy WHERE name = ?');
  const insertPharmacy = db.prepare('INSERT INTO pharmacy (group_id, name, import_batch_id) VALUES (?, ?, ?)');

  interface Known {
    id: number;
    named: boolean;
    unassigned: boolean;
  }
  const prescribers = new Map<string, Known>();
  const practices = new Map<string, number>();
  const pharmacies = new Set<string>();
  // Spellings already handled: most rows name a pharmacy seen before, so no lowercased copy is made per row.
  const pharmacySpellings = new Set<string>();

  const practiceId = (name: string) => {
    const key = name.toLowerCase();
    let id = practices.get(key);
    if (id === undefined) {
      const row = findPractice.get(name);
      id = row ? row.id : Number(insertPractice.run(groupId, name, batchId).lastInsertRowid);
      practices.set(key, id);
    }
    return id;
  };

  return {
    prescriber(key: string, name: string, agb: string | null, practice: string | null): number {
      let known = prescribers.get(key);
      if (!known) {
        const row = findPrescriber.get(key);
        known = row
          ? { id: row.id, named: row.name !== row.agb, unassigned: row.practice_id === null && row.practice_source === null }
          : { id: Number(insertPrescriber.run(key, name, agb, batchId).lastInsertRowid), named: name !== agb, unassigned: true };
        prescribers.set(key, known);
      }
      // A prescriber first seen by AGB code only gets its name from the first row that has one.
      if (!known.named && name !== agb) {
        renamePrescriber.run(name, known.id);
        known.named = true;
      }
      if (known.unassigned && practice) {
        assign.run(practiceId(practice), batchId, known.id);
        known.unassigned = false;
      }
      return known.id;
    },
    patient: patientNumbers(db),
    product: productNumbers(db),
    pharmacy(name: string): void {
      if (pharmacySpellings.has(name)) return;
      pharmacySpellings.add(name);
      const key = name.toLowerCase();
      if (pharmacies.has(key)) return;
      if (!findPharmacy.get(name)) insertPharmacy.run(groupId, name, batchId);
      pharmacies.add(key);
    },
  };
}
