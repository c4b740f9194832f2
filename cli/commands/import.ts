import fs from 'node:fs';
import { columnMapping, type ColumnMapping } from '../../db/contract/imports';
import { AppError } from '../../db/errors';
import { checkFile, type FileSummary, type ImportSource } from '../../db/import/run';
import { importFile } from '../../db/import/import-file';
import { openDatabase, type Db } from '../../db/open';
import { requireOption, type Command, type CommandIo } from '../command';

/** The group an import goes into: the named one (made when missing), or the only one there is. */
export function resolveGroup(db: Db, name: string | undefined): { id: number; created: boolean } {
  const create = (groupName: string) => ({
    id: Number(db.prepare('INSERT INTO fto_group (name) VALUES (?)').run(groupName).lastInsertRowid),
    created: true,
  });
  if (name !== undefined) {
    const trimmed = name.trim();
    if (!trimmed) throw new AppError('validation', 'De optie --group heeft een naam nodig.');
    const found = db.prepare('SELECT id FROM fto_group WHERE name = ?').get(trimmed) as { id: number } | undefined;
    return found ? { id: found.id, created: false } : create(trimmed);
  }
  const groups = db.prepare('SELECT id FROM fto_group').all() as { id: number }[];
  if (groups.length === 1) return { id: groups[0]!.id, created: false };
  if (groups.length === 0) return create('FTO-groep');
  throw new AppError('validation', 'De database heeft meer dan één FTO-groep: kies er een met --group NAAM.');
}

function readMapping(file: string): ColumnMapping {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('validation', `Het koppelingsbestand ${file} is geen leesbare JSON: ${(error as Error).message}`);
  }
  const parsed = columnMapping.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'validation',
      `Het koppelingsbestand ${file} klopt niet${issue?.path.length ? ` bij "${issue.path.join('.')}"` : ''}: gebruik een object van veldnaam (zoals patientKey, dispenseDate, atc) naar kolomnaam.`,
    );
  }
  return parsed.data;
}

function readSource(file: string, mapping: ColumnMapping | undefined): ImportSource {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile())
    throw new AppError('not_found', `Het bestand ${file} bestaat niet of kan niet worden gelezen.`);
  return { name: file, path: file, ...(mapping ? { mapping } : {}) };
}

export function summaryLines(summary: FileSummary): string[] {
  const n = (value: number) => value.toLocaleString('nl-NL');
  const lines = [
    `${summary.file}: ${n(summary.read)} regels gelezen: ${n(summary.imported)} geïmporteerd, ${n(summary.alreadyPresent)} al aanwezig, ` +
      `${n(summary.notOpioid)} geen opioïde, ${n(summary.rejected)} afgekeurd, ${n(summary.empty)} leeg.`,
  ];
  const shown = summary.rejectedRows.slice(0, 20);
  for (const r of shown) lines.push(`  regel ${r.row}${r.field ? ` (${r.field})` : ''}: ${r.reason}`);
  if (summary.rejectedRows.length > shown.length)
    lines.push(`  … en nog ${n(summary.rejectedRows.length - shown.length)} afgekeurde regels (alle staan in --json).`);
  return lines;
}

/** An import waits this long for another import in the same database before it gives up. */
const WAIT_FOR_OTHER_IMPORT_MS = 60 * 60_000;

/** When another import (or the app) is writing, says so, and lets this import wait for it instead of failing. */
function waitForOtherWriters(db: Db, io: CommandIo): void {
  db.pragma('busy_timeout = 0');
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
  } catch {
    io.err('Er loopt al een import in deze database. Deze import wacht tot die klaar is en gaat dan verder…');
  } finally {
    db.pragma(`busy_timeout = ${WAIT_FOR_OTHER_IMPORT_MS}`);
  }
}

export const importCommand: Command = {
  name: 'import',
  usage: 'fto import BESTAND... --db BESTAND [--group NAAM] [--map koppeling.json] [--json] [--progress]',
  options: {
    db: { type: 'string' },
    group: { type: 'string' },
    map: { type: 'string' },
    json: { type: 'boolean' },
    progress: { type: 'boolean' },
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const dbFile = requireOption(values, 'db', this);
    if (positionals.length === 0) throw new AppError('validation', `Geef ten minste één bestand om te importeren. Gebruik: ${this.usage}`);
    const mapping = typeof values.map === 'string' ? readMapping(values.map) : undefined;
    const sources = positionals.map((file) => readSource(file, mapping));
    const db = openDatabase(dbFile);
    try {
      waitForOtherWriters(db, io);
      // With several files, every file's columns are checked before the first is imported, so a bad
      // file stops the lot (a single file is checked by its own import, before anything is written).
      if (sources.length > 1) for (const source of sources) checkFile(db, source);
      const group = resolveGroup(db, typeof values.group === 'string' ? values.group : undefined);
      const groupId = group.id;
      let files: FileSummary[];
      try {
        files = sources.map((source) => {
          // --progress: how far each file is, on stderr (stdout stays the summary), for long imports.
          let shown = -1;
          const onProgress = values.progress
            ? (fraction: number) => {
                const percent = Math.floor(fraction * 100);
                if (percent > shown) io.err(`Voortgang ${source.name}: ${(shown = percent)}%`);
              }
            : undefined;
          return importFile(db, source, { groupId, ...(onProgress ? { onProgress } : {}) }).summary;
        });
      } catch (error) {
        // A refused file changes nothing: not even the group this command just made for it.
        if (group.created && !db.prepare('SELECT 1 FROM import_batch WHERE group_id = ?').get(groupId)) {
          db.prepare('DELETE FROM fto_group WHERE id = ?').run(groupId);
        }
        throw error;
      }
      if (values.json) io.out(JSON.stringify({ files }, null, 2));
      else for (const summary of files) io.out(summaryLines(summary).join('\n'));
    } finally {
      db.close();
    }
  },
};
