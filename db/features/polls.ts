import type { Poll, pollsContract } from '../contract/polls';
import type { CoreContext, Handlers } from '../handler';
import { AppError } from '../errors';
import { getMeeting, NOW } from '../meetings/store';
import { currentInterface } from '../polls/network';
import { qrPath } from '../polls/qr';
import type { PollListening } from '../polls/server';
import {
  checkAnswer,
  closePoll,
  deviceHash,
  getPollRow,
  listPollRows,
  MAX_DEVICES,
  newCode,
  openPollRows,
  pollResultOf,
  type PollRow,
} from '../polls/store';
import { expectRow, queryOne, statement } from '../query';

const INTERFACE_SETTING = 'polls.interface';
const NO_SERVER = 'Telefoons kunnen hier niet antwoorden: de peilingserver draait alleen in de app en in "fto web".';
const NO_NETWORK = 'Er is geen netwerk gevonden. Verbind deze computer met het (wifi-)netwerk van de zaal en open de peiling opnieuw.';

/** Polls: opening, closing and reading them for the chair; the phone side for the poll server. */
export function pollsHandlers(context: CoreContext): Handlers<keyof typeof pollsContract> {
  const { db } = context;
  const network = context.polls;
  const qrCache = new Map<string, { size: number; path: string }>();

  const chosenInterface = () => {
    const row = queryOne<{ value: string }>(db, 'SELECT value FROM setting WHERE key = ?', INTERFACE_SETTING);
    return row ? (JSON.parse(row.value) as string | null) : null;
  };
  const networkInfo = () => {
    const interfaces = network?.interfaces() ?? [];
    const chosen = chosenInterface();
    return { interfaces, chosen, current: currentInterface(interfaces, chosen)?.name ?? null };
  };

  /** Why the last attempt to listen failed (an interface that went away, say); shown instead of an address. */
  let listenProblem: string | null = null;
  /** Listens for this open poll on the current interface; without a network the poll just gets no address. */
  const listenFor = async (row: PollRow): Promise<void> => {
    const choice = network && currentInterface(network.interfaces(), chosenInterface());
    if (!network || !choice) return;
    try {
      await network.start(choice, row.code);
      listenProblem = null;
    } catch (error) {
      listenProblem = `De peiling kon niet op het netwerk ${choice.name} (${choice.address}) worden gezet: ${(error as Error).message}. Kies een ander netwerk of open de peiling opnieuw.`;
    }
  };

  const addressOf = (listening: PollListening) => {
    const short = `${listening.host}:${listening.port}/${listening.code}`;
    const url = `http://${short}`;
    if (!qrCache.has(url)) qrCache.set(url, qrPath(url));
    return { url, short, code: listening.code, qr: qrCache.get(url)! };
  };

  const toPoll = (row: PollRow): Poll => {
    const listening = network?.current();
    const reachable = row.status === 'open' && listening?.code === row.code ? listening : null;
    return {
      id: row.id,
      meetingId: row.meeting_id,
      slideId: row.slide_id,
      questionId: row.question_id,
      kind: row.kind,
      question: row.question,
      options: JSON.parse(row.options) as string[],
      status: row.status,
      resultsHidden: row.results_hidden === 1,
      openedAt: row.opened_at,
      closedAt: row.closed_at,
      result: pollResultOf(db, row),
      address: reachable ? addressOf(reachable) : null,
      addressProblem: row.status === 'open' && !reachable ? (network ? (listenProblem ?? NO_NETWORK) : NO_SERVER) : null,
    };
  };

  const closeAndMaybeStop = (id: number) => {
    closePoll(db, id);
    if (openPollRows(db).length === 0) network?.stopSoon();
  };

  /** The poll behind a phone's code: the open one, or the last one with it while the server still answers. */
  const pollByCode = (code: string) => {
    const row = queryOne<PollRow>(db, 'SELECT * FROM poll WHERE code = ? ORDER BY id DESC LIMIT 1', code);
    if (!row) throw new AppError('not_found', 'Deze peiling bestaat niet.');
    return row;
  };

  const upsertAnswer = db.prepare(
    `INSERT INTO poll_answer (poll_id, device, value) VALUES (?, ?, ?)
     ON CONFLICT (poll_id, device) DO UPDATE SET value = excluded.value, updated_at = ${NOW}`,
  );
  const hasAnswer = db.prepare('SELECT 1 FROM poll_answer WHERE poll_id = ? AND device = ?');
  const answerCount = statement<number>(db, 'SELECT count(*) FROM poll_answer WHERE poll_id = ?').pluck();

  return {
    'polls.list': async ({ meetingId }) => {
      getMeeting(db, meetingId);
      const rows = listPollRows(db, meetingId);
      // After a restart of the app an open poll gets a listening server again (on a new port).
      const open = rows.find((r) => r.status === 'open');
      if (open && network && network.current()?.code !== open.code) await listenFor(open);
      return rows.map(toPoll);
    },
    'polls.open': async (input) => {
      getMeeting(db, input.meetingId);
      for (const row of openPollRows(db)) closePoll(db, row.id);
      const insert = db.prepare(
        `INSERT INTO poll (meeting_id, slide_id, question_id, kind, question, options, code, results_hidden)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      // The code is random; the unique index on open polls' codes makes a (very rare) repeat try again.
      let id = 0;
      for (let attempt = 0; id === 0; attempt++) {
        try {
          id = Number(
            insert.run(
              input.meetingId,
              input.slideId,
              input.questionId,
              input.kind,
              input.question,
              JSON.stringify(input.kind === 'choice' ? input.options : []),
              newCode(),
              input.resultsHidden ? 1 : 0,
            ).lastInsertRowid,
          );
        } catch (error) {
          if (attempt > 5) throw error;
        }
      }
      const row = getPollRow(db, id);
      await listenFor(row);
      return toPoll(row);
    },
    'polls.close': ({ id }) => {
      closeAndMaybeStop(id);
      return toPoll(getPollRow(db, id));
    },
    'polls.setResultsHidden': ({ id, hidden }) => {
      getPollRow(db, id);
      db.prepare('UPDATE poll SET results_hidden = ? WHERE id = ?').run(hidden ? 1 : 0, id);
      return toPoll(getPollRow(db, id));
    },
    'polls.network': () => networkInfo(),
    'polls.setInterface': async ({ name }) => {
      if (name !== null && !network?.interfaces().some((c) => c.name === name))
        throw new AppError('validation', 'Kies een netwerk uit de lijst.', 'name');
      db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
        INTERFACE_SETTING,
        JSON.stringify(name),
      );
      const [open] = openPollRows(db);
      if (open) await listenFor(open);
      return networkInfo();
    },
    'polls.phoneQuestion': ({ code }) => {
      const row = pollByCode(code);
      return { kind: row.kind, question: row.question, options: JSON.parse(row.options) as string[], status: row.status };
    },
    'polls.phoneAnswer': ({ code, device, value }) => {
      const row = pollByCode(code);
      if (row.status !== 'open') throw new AppError('conflict', 'De peiling is gesloten.');
      const stored = checkAnswer(row.kind, JSON.parse(row.options) as string[], value);
      const hash = deviceHash(row.id, device);
      if (!hasAnswer.get(row.id, hash) && expectRow(answerCount.get(row.id)) >= MAX_DEVICES)
        throw new AppError('conflict', 'Deze peiling is vol.');
      upsertAnswer.run(row.id, hash, stored);
      return { saved: true as const };
    },
  };
}
