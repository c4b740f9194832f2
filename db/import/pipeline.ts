/**
 * Two cores for one import: a parser thread reads and validates the rows while the calling thread
 * writes them. The writer pulls batches synchronously (receiveMessageOnPort, Atomics.wait), so the
 * import stays one synchronous SQLite transaction; the parser waits when it is too far ahead, so
 * memory stays bounded.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import type { Batch, ImportSource, RememberedMappings, RowPlan } from './run';

/** Counters in shared memory: batches the parser posted, batches the writer took. */
export const POSTED = 0;
export const TAKEN = 1;
/** How many batches the parser may be ahead of the writer. */
export const AHEAD = 8;

export type ParserMessage = { plan: RowPlan } | Batch | { done: true } | { error: string; field?: string };

export interface ParserInput {
  source: ImportSource;
  remembered: RememberedMappings;
  port: MessagePort;
  counters: Int32Array;
}

/** A parser that stops answering (it died) must not hang the import forever. */
const STALL_MS = 120_000;

function parserUrl(): URL {
  const override = process.env.FTO_PARSE_WORKER;
  return override ? new URL(override, `file://${process.cwd()}/`) : new URL('./parse-worker.mjs', import.meta.url);
}

/**
 * Starts the parser thread and waits for its plan of the file (or its reason to refuse the file);
 * the batches then follow as the parser makes them.
 */
export function parallelBatches(source: ImportSource, remembered: RememberedMappings, giveBytes: boolean): { plan: RowPlan; batches: Iterable<Batch> } {
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  // Bytes that fill their own buffer can be handed over whole; otherwise they are copied.
  const whole = 'bytes' in source && source.bytes.byteOffset === 0 && source.bytes.byteLength === source.bytes.buffer.byteLength;
  const transferList = [port2, ...(giveBytes && whole ? [source.bytes.buffer as ArrayBuffer] : [])];
  const worker = new Worker(parserUrl(), { workerData: { source, remembered, port: port2, counters }, transferList });
  worker.unref();
  const stop = () => {
    port1.close();
    void worker.terminate();
  };

  let waitedSince = Date.now();
  const next = (): Exclude<ParserMessage, { error: string }> => {
    for (;;) {
      const received = receiveMessageOnPort(port1);
      if (!received) {
        if (Date.now() - waitedSince > STALL_MS) throw new AppError('internal', `Het lezen van ${source.name} is vastgelopen; er is niets geïmporteerd.`);
        Atomics.wait(counters, POSTED, Atomics.load(counters, POSTED), 200);
        continue;
      }
      waitedSince = Date.now();
      Atomics.add(counters, TAKEN, 1);
      Atomics.notify(counters, TAKEN);
      const message = received.message as ParserMessage;
      if ('error' in message) throw new AppError('import', message.error, message.field);
      return message;
    }
  };

  let first: ReturnType<typeof next>;
  try {
    first = next();
  } catch (error) {
    stop();
    throw error;
  }
  if (!('plan' in first)) throw new AppError('internal', 'De parser begon niet met een plan.');
  function* batches(): Generator<Batch> {
    try {
      for (let message = next(); !('done' in message); message = next()) yield message as Batch;
    } finally {
      stop();
    }
  }
  return { plan: first.plan, batches: batches() };
}
