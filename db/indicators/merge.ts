/**
 * Prescriber merges: two prescriber records that are one person (one exported with an AGB code, one
 * by name; or names written differently) count as one. A merge is a row in prescriber_merge; the
 * indicators read every dispensing of the merged prescriber as the target's (engine.ts loadRegistry),
 * so deleting the row undoes it and nothing else is rewritten.
 */
import { AppError } from '../errors';
import type { Db } from '../open';
import { queryAll, queryColumn, queryOne } from '../query';

export interface PrescriberBrief {
  id: number;
  key: string;
  name: string;
  agb: string | null;
  practice: string | null;
  dispensings: number;
}

/** Titles that say nothing about who the person is. */
const TITLES = new Set(['dr', 'drs', 'dokter', 'prof', 'mr', 'mw', 'mevr', 'dhr', 'arts']);

/**
 * A name reduced to what identifies the person: lower case, no accents, no titles, and no spaces,
 * dots or hyphens (so "J.P. de Vries", "dr. JP de  Vries" and "j p de vries" are the same).
 */
export function nameSignature(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !TITLES.has(word));
  return words.join('');
}

function briefs(db: Db): PrescriberBrief[] {
  return queryAll<PrescriberBrief>(
    db,
    `SELECT r.id, r.key, r.name, r.agb, p.name AS practice,
              (SELECT count(*) FROM dispensing d WHERE d.prescriber_id = r.id) AS dispensings
       FROM prescriber r LEFT JOIN practice p ON p.id = r.practice_id
       ORDER BY r.id`,
  );
}

/**
 * Proposed merges: prescribers (not merged yet) with the same name signature, at most one of them with
 * an AGB code (two different AGB codes are two people). The target is the one with the AGB code, else
 * the one with the most dispensings (a tie: the smallest id). Dismissed pairs are not proposed again.
 */
export function mergeProposals(db: Db): { from: PrescriberBrief; into: PrescriberBrief; reason: string }[] {
  const merged = new Set(queryColumn<number>(db, 'SELECT from_id FROM prescriber_merge'));
  const dismissed = new Set(queryColumn<string>(db, "SELECT from_id || '-' || into_id FROM prescriber_merge_dismissal"));
  const bySignature = new Map<string, PrescriberBrief[]>();
  for (const prescriber of briefs(db)) {
    if (merged.has(prescriber.id)) continue;
    const signature = nameSignature(prescriber.name);
    if (signature === '' || /^\d+$/.test(signature)) continue;
    bySignature.set(signature, [...(bySignature.get(signature) ?? []), prescriber]);
  }
  const proposals: { from: PrescriberBrief; into: PrescriberBrief; reason: string }[] = [];
  for (const same of bySignature.values()) {
    if (same.length < 2) continue;
    const withAgb = same.filter((p) => p.agb !== null);
    if (withAgb.length > 1) continue;
    const into = withAgb[0] ?? [...same].sort((a, b) => b.dispensings - a.dispensings || a.id - b.id)[0]!;
    for (const from of same) {
      if (from === into || dismissed.has(`${from.id}-${into.id}`)) continue;
      const reason =
        from.name !== into.name
          ? from.name.toLowerCase() === into.name.toLowerCase()
            ? 'de namen verschillen alleen in hoofdletters'
            : 'de namen verschillen alleen in spaties, punten, voorletters of een titel'
          : withAgb.length === 1
            ? 'dezelfde naam, één keer met en één keer zonder AGB-code'
            : 'dezelfde naam';
      proposals.push({ from, into, reason });
    }
  }
  return proposals;
}

/** The merges in force, newest first. */
export function listMerges(db: Db): { from: PrescriberBrief; into: PrescriberBrief; mergedAt: string }[] {
  const byId = new Map(briefs(db).map((p) => [p.id, p]));
  return queryAll<{
    from_id: number;
    into_id: number;
    merged_at: string;
  }>(db, 'SELECT from_id, into_id, merged_at FROM prescriber_merge ORDER BY merged_at DESC, from_id').map((row) => ({
    from: byId.get(row.from_id)!,
    into: byId.get(row.into_id)!,
    mergedAt: row.merged_at,
  }));
}

function requirePrescriber(db: Db, id: number, field: string): { id: number; name: string } {
  const row = queryOne<{ id: number; name: string }>(db, 'SELECT id, name FROM prescriber WHERE id = ?', id);
  if (!row) throw new AppError('not_found', 'Deze voorschrijver bestaat niet (meer).', field);
  return row;
}

/** Merges `fromId` into `intoId`: from now on its dispensings count as the target's. */
export function mergePrescribers(db: Db, fromId: number, intoId: number): { fromId: number; intoId: number } {
  const from = requirePrescriber(db, fromId, 'fromId');
  const into = requirePrescriber(db, intoId, 'intoId');
  if (fromId === intoId) throw new AppError('validation', 'Kies twee verschillende voorschrijvers.', 'intoId');
  if (db.prepare('SELECT 1 FROM prescriber_merge WHERE from_id = ?').get(fromId)) {
    throw new AppError('conflict', `${from.name} is al samengevoegd; maak dat eerst ongedaan.`, 'fromId');
  }
  if (db.prepare('SELECT 1 FROM prescriber_merge WHERE from_id = ?').get(intoId)) {
    throw new AppError('validation', `${into.name} is zelf samengevoegd met een andere voorschrijver; kies die.`, 'intoId');
  }
  db.prepare('INSERT INTO prescriber_merge (from_id, into_id) VALUES (?, ?)').run(fromId, intoId);
  return { fromId, intoId };
}

/** Undoes a merge: the prescriber counts on its own again. */
export function unmergePrescriber(db: Db, fromId: number): { fromId: number } {
  const from = requirePrescriber(db, fromId, 'fromId');
  if (db.prepare('DELETE FROM prescriber_merge WHERE from_id = ?').run(fromId).changes === 0) {
    throw new AppError('validation', `${from.name} is met niemand samengevoegd.`, 'fromId');
  }
  return { fromId };
}

/** The preparer says these two are different people: the pair is not proposed again. */
export function dismissMerge(db: Db, fromId: number, intoId: number): { fromId: number; intoId: number } {
  requirePrescriber(db, fromId, 'fromId');
  requirePrescriber(db, intoId, 'intoId');
  db.prepare('INSERT OR IGNORE INTO prescriber_merge_dismissal (from_id, into_id) VALUES (?, ?)').run(fromId, intoId);
  return { fromId, intoId };
}

/** A prescriber by key (AGB code or name key) or, failing that, by a unique name: for the CLI. */
export function prescriberIdByKey(db: Db, written: string, field: string): number {
  const value = written.trim().replace(/\s+/g, ' ');
  const key = /^\d{1,8}$/.test(value) ? value.padStart(8, '0') : value;
  const byKey = queryOne<{ id: number }>(db, 'SELECT id FROM prescriber WHERE key = ?', key);
  if (byKey) return byKey.id;
  const byName = queryAll<{ id: number }>(db, 'SELECT id FROM prescriber WHERE name = ? COLLATE NOCASE', value);
  if (byName.length === 1) return byName[0]!.id;
  throw new AppError(
    'not_found',
    byName.length > 1
      ? `Er zijn ${byName.length} voorschrijvers met de naam "${value}"; gebruik hun sleutel (AGB-code).`
      : `Voorschrijver "${value}" bestaat niet.`,
    field,
  );
}
