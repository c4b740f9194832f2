import { z } from 'zod';
import { byId, id, method, noInput } from './common';

// Live polls: the chair asks the room one question, participants answer anonymously on their phones
// over the meeting room's network (db/polls/). The phone methods are what the poll server calls for
// the phone page; they know a poll only by its code and show nothing but its question.

export const pollKind = z.enum(['choice', 'number', 'text'], { error: 'Kies meerkeuze, getal of korte tekst.' });
export type PollKind = z.infer<typeof pollKind>;

export const POLL_LIMITS = { options: 8, optionLength: 80, questionLength: 300, textAnswerLength: 120, numberMax: 1_000_000 } as const;

/** The distribution: one bar per choice, per number (or range of numbers), or per distinct short text. */
export const pollResult = z.object({
  count: z.number().int(),
  bars: z.array(z.object({ label: z.string(), count: z.number().int() })),
  /** Numbers only: the median of the answers (null without answers). */
  median: z.number().nullable(),
});
export type PollResult = z.infer<typeof pollResult>;

/** Where phones reach an open poll: the interface's address, the port and the code. */
export const pollAddress = z.object({
  url: z.string(),
  /** The address without "http://", as people type it. */
  short: z.string(),
  code: z.string(),
  /** The QR code of url: an SVG path on a square of `size` modules (quiet zone included). */
  qr: z.object({ size: z.number().int(), path: z.string() }),
});
export type PollAddress = z.infer<typeof pollAddress>;

export const poll = z.object({
  id,
  meetingId: id,
  slideId: z.string().nullable(),
  /** The module's case question, e.g. 'casus-1'; null: a question of the chair's own. */
  questionId: z.string().nullable(),
  kind: pollKind,
  question: z.string(),
  options: z.array(z.string()),
  status: z.enum(['open', 'closed']),
  /** The chair keeps the results off the screens until the poll closes (or shows them again). */
  resultsHidden: z.boolean(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  result: pollResult,
  /** Open polls only, when the poll server listens. */
  address: pollAddress.nullable(),
  /** Why there is no address for an open poll (no network found), in Dutch. */
  addressProblem: z.string().nullable(),
});
export type Poll = z.infer<typeof poll>;

export const networkChoice = z.object({
  name: z.string(),
  address: z.string(),
  /** The interface the default route goes through (the room's network, usually). */
  isDefault: z.boolean(),
});
export const pollNetwork = z.object({
  interfaces: z.array(networkChoice),
  /** The interface polls use: the chosen one while it exists, otherwise the default one. */
  current: z.string().nullable(),
  /** The user's choice, kept in the settings; null: the default route's interface. */
  chosen: z.string().nullable(),
});

const question = z
  .string({ error: 'Vul de vraag in.' })
  .trim()
  .min(1, { error: 'Vul de vraag in.' })
  .max(POLL_LIMITS.questionLength, { error: `De vraag mag hoogstens ${POLL_LIMITS.questionLength} tekens lang zijn.` });
const option = z
  .string()
  .trim()
  .max(POLL_LIMITS.optionLength, { error: `Een keuze mag hoogstens ${POLL_LIMITS.optionLength} tekens lang zijn.` });

export const pollOpenInput = z
  .object({
    meetingId: id,
    slideId: z.string().trim().min(1).max(100).nullable().default(null),
    questionId: z.string().trim().min(1).max(100).nullable().default(null),
    kind: pollKind,
    question,
    /** Choices (kind choice); empty lines are left out. */
    options: z
      .array(option)
      .default([])
      .transform((list) => list.filter((o) => o !== '')),
    resultsHidden: z.boolean().default(false),
  })
  .refine((i) => i.kind !== 'choice' || (i.options.length >= 2 && i.options.length <= POLL_LIMITS.options), {
    error: `Geef 2 tot ${POLL_LIMITS.options} keuzes, één per regel.`,
    path: ['options'],
  })
  .refine((i) => new Set(i.options.map((o) => o.toLowerCase())).size === i.options.length, {
    error: 'Elke keuze mag maar één keer voorkomen.',
    path: ['options'],
  });

const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{4,6}$/, { error: 'Onbekende code.' });

export const pollsContract = {
  /** Every run of the meeting's polls, oldest first, with their results (live while open). */
  'polls.list': method(z.object({ meetingId: id }), z.array(poll)),
  /** Opens a poll (closing any other open one) and starts listening on the room's network. */
  'polls.open': method(pollOpenInput, poll),
  /** Closes the poll: the distribution is kept, the single answers are deleted. */
  'polls.close': method(byId, poll),
  'polls.setResultsHidden': method(z.object({ id, hidden: z.boolean() }), poll),
  /** The network interfaces phones can reach the poll on, and which one is used. */
  'polls.network': method(noInput, pollNetwork),
  /** null: the interface of the default route. An open poll moves to the new address at once. */
  'polls.setInterface': method(z.object({ name: z.string().trim().min(1).max(100).nullable() }), pollNetwork),

  /** The phone page: the open poll with this code (closed polls only while the server still answers). */
  'polls.phoneQuestion': method(
    z.object({ code }),
    z.object({ kind: pollKind, question: z.string(), options: z.array(z.string()), status: z.enum(['open', 'closed']) }),
  ),
  /** One phone's answer: a choice's index, a number or a short text; a second answer replaces the first. */
  'polls.phoneAnswer': method(
    z.object({
      code,
      /** The phone's random token (kept in its browser); stored only as a hash with the poll. */
      device: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: 'Ongeldig toestel.' }),
      value: z.union([z.number(), z.string().max(1000)]),
    }),
    z.object({ saved: z.literal(true) }),
  ),
};
