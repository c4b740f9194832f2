/**
 * Explicit assignment of prescribers to practices (spec §5). An explicit assignment is stored as
 * practice_source 'manual', which a practice column in a later import never overrides.
 */
import { AppError } from '../errors';
import { prescriberKey } from '../../domain';
import type { Db } from '../open';
import { GROUP_DISPENSINGS } from './engine';
import { expectRow, queryAll, queryColumn, queryOne, statement } from '../query';

export interface AssignmentRow {
  prescriber: string;
  practice: string;
  group: string;
}

export function assignPrescriber(
  db: Db,
  prescriberId: number,
  practiceId: number | null,
): { prescriberId: number; practiceId: number | null } {
  if (!db.prepare('SELECT 1 FROM prescriber WHERE id = ?').get(prescriberId)) {
    throw new AppError('not_found', 'Deze voorschrijver bestaat niet (meer).', 'prescriberId');
  }
  if (practiceId !== null && !db.prepare('SELECT 1 FROM practice WHERE id = ?').get(practiceId)) {
    throw new AppError('validation', 'Kies een bestaande praktijk.', 'practiceId');
  }
  db.prepare("UPDATE prescriber SET practice_id = ?, practice_source = 'manual' WHERE id = ?").run(practiceId, prescriberId);
  return { prescriberId, practiceId };
}

/**
 * Applies a mapping, creating groups, practices and prescribers that do not exist yet. All or
 * nothing: one bad row changes nothing, and the error names the row (its file line when known).
 */
export function assignMany(db: Db, rows: AssignmentRow[], describeRow: (index: number) => string = (i) => `Toewijzing ${i + 1}`) {
  const counts = { assigned: 0, createdPrescribers: 0, createdPractices: 0, createdGroups: 0 };
  const prescriberIds: number[] = [];
  const fail = (index: number, field: string, reason: string): never => {
    throw new AppError('validation', `${describeRow(index)}, kolom ${field}: ${reason}`, field);
  };
  db.transaction(() => {
    rows.forEach((row, index) => {
      const prescriberId = findOrCreatePrescriber(
        db,
        row.prescriber,
        () => counts.createdPrescribers++,
        (reason) => fail(index, 'prescriber', reason),
      );
      let practiceId: number | null = null;
      if (row.practice !== '') {
        const practice = queryOne<{ id: number; group_name: string }>(
          db,
          'SELECT p.id, g.name AS group_name FROM practice p JOIN fto_group g ON g.id = p.group_id WHERE p.name = ? COLLATE NOCASE',
          row.practice,
        );
        if (practice) {
          if (row.group !== '' && row.group.toLocaleLowerCase('nl') !== practice.group_name.toLocaleLowerCase('nl')) {
            fail(index, 'group', `praktijk "${row.practice}" hoort bij FTO-groep "${practice.group_name}", niet bij "${row.group}".`);
          }
          practiceId = practice.id;
        } else {
          if (row.group === '')
            fail(index, 'group', `praktijk "${row.practice}" bestaat nog niet; vul de FTO-groep in waarin ze moet komen.`);
          let group = queryOne<{ id: number }>(db, 'SELECT id FROM fto_group WHERE name = ? COLLATE NOCASE', row.group);
          if (!group) {
            group = { id: Number(db.prepare('INSERT INTO fto_group (name) VALUES (?)').run(row.group).lastInsertRowid) };
            counts.createdGroups++;
          }
          practiceId = Number(
            db.prepare('INSERT INTO practice (group_id, name) VALUES (?, ?)').run(group.id, row.practice).lastInsertRowid,
          );
          counts.createdPractices++;
        }
      }
      assignPrescriber(db, prescriberId, practiceId);
      prescriberIds.push(prescriberId);
      counts.assigned++;
    });
  })();
  return Object.assign(counts, { prescriberIds });
}

/** What assignMany would change, row by row, without changing anything (it runs and is rolled back). */
export function assignPreview(db: Db, rows: AssignmentRow[], describeRow?: (index: number) => string) {
  const practiceOf = statement<{ name: string; practice: string | null }>(
    db,
    'SELECT r.name, p.name AS practice, r.practice_source AS source FROM prescriber r LEFT JOIN practice p ON p.id = r.practice_id WHERE r.id = ?',
  );
  const known = new Set(queryColumn<number>(db, 'SELECT id FROM prescriber'));
  const rollback = new Error('preview');
  let preview: ReturnType<typeof previewRows> | undefined;
  function previewRows(
    ids: number[],
    before: Map<number, { practice: string | null; source: string | null }>,
    counts: ReturnType<typeof assignMany>,
  ) {
    const { prescriberIds: _ids, ...totals } = counts;
    return {
      ...totals,
      rows: ids.map((id, index) => {
        const after = expectRow(practiceOf.get(id));
        const was = before.get(id);
        return {
          row: index + 1,
          prescriber: after.name,
          newPrescriber: !known.has(id),
          before: was?.practice ?? null,
          after: after.practice,
          changes: !was || was.practice !== after.practice || was.source !== 'manual',
        };
      }),
    };
  }
  const before = new Map(
    queryAll<{
      id: number;
      practice: string | null;
      source: string | null;
    }>(
      db,
      'SELECT r.id, p.name AS practice, r.practice_source AS source FROM prescriber r LEFT JOIN practice p ON p.id = r.practice_id',
    ).map((r) => [r.id, r]),
  );
  try {
    db.transaction(() => {
      const counts = assignMany(db, rows, describeRow);
      preview = previewRows(counts.prescriberIds, before, counts);
      throw rollback;
    })();
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return preview!;
}

/** By key (AGB code or normalised name), then by name; a number of up to 8 digits is an AGB code that lost its zeros. */
function findOrCreatePrescriber(db: Db, written: string, onCreate: () => void, fail: (reason: string) => never): number {
  const value = written.trim().replace(/\s+/g, ' ');
  const agb = /^\d{1,8}$/.test(value) ? value.padStart(8, '0') : null;
  const byKey = queryOne<{ id: number }>(db, 'SELECT id FROM prescriber WHERE key = ?', agb ?? value);
  if (byKey) return byKey.id;
  if (/^\d+$/.test(value) && !agb) fail(`"${value}" is geen AGB-code (8 cijfers).`);
  if (!agb) {
    const byName = queryAll<{ id: number }>(db, 'SELECT id FROM prescriber WHERE name = ? COLLATE NOCASE', value);
    if (byName.length > 1) fail(`er zijn ${byName.length} voorschrijvers met de naam "${value}"; gebruik hun AGB-code.`);
    if (byName.length === 1) return byName[0]!.id;
  }
  onCreate();
  return Number(
    db.prepare('INSERT INTO prescriber (key, name, agb) VALUES (?, ?, ?)').run(prescriberKey(value, agb), value, agb).lastInsertRowid,
  );
}

/**
 * Prescribers without a practice that have dispensings, most dispensings first: candidates for
 * assignment. With a group: only dispensings of that group's pharmacies (spec §5 "Group scope").
 * A merged prescriber is not listed; its dispensings count for the prescriber it was merged into.
 */
export function unassignedPrescribers(db: Db, groupId: number | null = null) {
  return queryAll<{ id: number; key: string; name: string; agb: string | null; dispensings: number; strong: number; last: string | null }>(
    db,
    `SELECT r.id, r.key, r.name, r.agb, count(d.id) AS dispensings,
                coalesce(sum(p.opioid_class = 'strong'), 0) AS strong, max(d.dispense_date) AS last
         FROM prescriber r
         JOIN (SELECT id AS source, id AS target FROM prescriber UNION ALL SELECT from_id, into_id FROM prescriber_merge) m ON m.target = r.id
         JOIN dispensing d ON d.prescriber_id = m.source
         JOIN dispensed_product p ON p.id = d.product_id
         WHERE r.practice_id IS NULL AND r.id NOT IN (SELECT from_id FROM prescriber_merge)
           ${groupId === null ? '' : `AND ${GROUP_DISPENSINGS}`}
         GROUP BY r.id
         ORDER BY dispensings DESC, r.name`,
    ...(groupId === null ? [] : [groupId, groupId]),
  ).map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    agb: r.agb,
    dispensings: r.dispensings,
    strongDispensings: r.strong,
    lastDispensing: r.last,
  }));
}

/**
 * Reads a mapping file: a CSV (`;`, `,` or tab, UTF-8 or Windows-1252) or a spreadsheet, through the
 * importer's reader, whose header row names prescriber, practice and group (Dutch names work too).
 */
export async function readMappingFile(fileName: string, bytes: Uint8Array): Promise<(AssignmentRow & { line: number })[]> {
  const { readTable } = await import('../import/table'); // with the spreadsheet library: loaded when a file is read
  const rows = [...readTable(fileName, { bytes }).rows].filter((r) => r.cells.some((cell) => cell.trim() !== ''));
  const [headerRow, ...dataRows] = rows;
  const header = (headerRow?.cells ?? []).map((h) => h.trim().toLowerCase());
  const columnOf = (names: string[]) => header.findIndex((h) => names.includes(h));
  const columns = {
    prescriber: columnOf(['prescriber', 'voorschrijver', 'agb', 'arts']),
    practice: columnOf(['practice', 'praktijk', 'huisartspraktijk']),
    group: columnOf(['group', 'groep', 'fto-groep', 'fto groep']),
  };
  if (columns.prescriber < 0 || columns.practice < 0) {
    throw new AppError(
      'validation',
      `${fileName}: de kopregel mist de kolom ${columns.prescriber < 0 ? 'prescriber' : 'practice'} (kolommen: prescriber, practice, group).`,
    );
  }
  if (dataRows.length === 0) throw new AppError('validation', `${fileName}: het bestand bevat geen toewijzingen.`);
  return dataRows.map(({ row, cells }) => {
    const cell = (column: number) => (column < 0 ? '' : (cells[column] ?? '').trim());
    if (cell(columns.prescriber) === '')
      throw new AppError('validation', `${fileName}, regel ${row}, kolom prescriber: vul de voorschrijver in.`);
    return { prescriber: cell(columns.prescriber), practice: cell(columns.practice), group: cell(columns.group), line: row };
  });
}
