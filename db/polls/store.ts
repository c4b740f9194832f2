import { createHash, randomInt } from 'node:crypto';
import { POLL_LIMITS, type PollKind, type PollResult } from '../contract/polls';
import { AppError } from '../errors';
import { NOW } from '../meetings/store';
import type { Db } from '../open';
import { normalizeText, pollDistribution } from './results';
import { queryAll, queryColumn, queryOne } from '../query';

/** Letters and digits nobody mixes up on a screen or types wrong (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G). */
export const CODE_ALPHABET = 'ACDEFHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 5;
/** More phones than any meeting room holds; beyond this a poll takes no new devices. */
export const MAX_DEVICES = 500;

export interface PollRow {
  id: number;
  meeting_id: number;
  slide_id: string | null;
  question_id: string | null;
  kind: PollKind;
  question: string;
  options: string;
  code: string;
  status: 'open' | 'closed';
  results_hidden: number;
  result: string | null;
  opened_at: string;
  closed_at: string | null;
}

export function newCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export function getPollRow(db: Db, id: number): PollRow {
  const row = queryOne<PollRow>(db, 'SELECT * FROM poll WHERE id = ?', id);
  if (!row) throw new AppError('not_found', 'Deze peiling bestaat niet (meer).');
  return row;
}

export const listPollRows = (db: Db, meetingId: number) =>
  queryAll<PollRow>(db, 'SELECT * FROM poll WHERE meeting_id = ? ORDER BY id', meetingId);
export const openPollRows = (db: Db) => queryAll<PollRow>(db, "SELECT * FROM poll WHERE status = 'open' ORDER BY id");

/** The live distribution of an open poll, or the one kept when it closed. */
export function pollResultOf(db: Db, row: PollRow): PollResult {
  if (row.result !== null) return JSON.parse(row.result) as PollResult;
  const values = queryColumn<string>(db, 'SELECT value FROM poll_answer WHERE poll_id = ?', row.id);
  return pollDistribution(row.kind, JSON.parse(row.options) as string[], values);
}

/** Closes a poll: its distribution is kept and the single answers (with the device hashes) deleted. */
export function closePoll(db: Db, id: number): void {
  db.transaction(() => {
    const row = getPollRow(db, id);
    if (row.status === 'closed') return;
    const result = pollResultOf(db, row);
    db.prepare(`UPDATE poll SET status = 'closed', result = ?, closed_at = ${NOW} WHERE id = ?`).run(JSON.stringify(result), id);
    db.prepare('DELETE FROM poll_answer WHERE poll_id = ?').run(id);
  })();
}

/** The value to store for a phone's answer, or a Dutch message why it is refused. */
export function checkAnswer(kind: PollKind, options: string[], value: number | string): string {
  if (kind === 'choice') {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= options.length)
      throw new AppError('validation', 'Kies een van de antwoorden.', 'value');
    return String(value);
  }
  if (kind === 'number') {
    const number = typeof value === 'number' ? value : Number(value.trim().replace(/\s/g, '').replace(',', '.'));
    if (!Number.isFinite(number) || (typeof value === 'string' && value.trim() === ''))
      throw new AppError('validation', 'Vul een getal in, bijvoorbeeld 7 of 2,5.', 'value');
    if (Math.abs(number) > POLL_LIMITS.numberMax) throw new AppError('validation', 'Dat getal is te groot.', 'value');
    return String(number);
  }
  const text = typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
  if (normalizeText(text) === '') throw new AppError('validation', 'Vul een kort antwoord in.', 'value');
  if (text.length > POLL_LIMITS.textAnswerLength)
    throw new AppError('validation', `Een antwoord mag hoogstens ${POLL_LIMITS.textAnswerLength} tekens lang zijn.`, 'value');
  if (/[\u0000-\u001f\u007f]/.test(text)) throw new AppError('validation', 'Het antwoord bevat tekens die niet kunnen.', 'value');
  return text;
}

/** A device is stored only as a hash of its token with the poll, so polls cannot be linked to each other. */
export const deviceHash = (pollId: number, device: string) =>
  createHash('sha256').update(`${pollId}:${device}`).digest('base64url').slice(0, 22);
