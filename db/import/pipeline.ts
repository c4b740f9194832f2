/**
 * Two cores for one import: a parser thread reads and validates the rows while the calling thread
 * writes them. The writer pulls batches synchronously (receiveMessageOnPort, Atomics.wait), so the
 * import stays one synchronous SQLite transaction; the parser waits when it is too far ahead, so
 * memory stays bounded.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../errors';
import type { DoseTablesData } from './dose';
import { isSpreadsheetName } from './table';
import { inlineBatches, type BatchSource, type RowPlan } from './batches';
import { batchBuffers, type Batch } from './encode';
import { analyzeFile, PARALLEL_FROM_BYTES, sourceSize, type FileAnalysis, type ImportSource, type RememberedMappings } from './run';

/** Counters in shared memory: batches the parser posted, batches the writer took. */
export const POSTED = 0;
export const TAKEN = 1;
/** Set by the parser as soon as it runs: a thread that never starts is reported, not waited for. */
export const STARTED = 2;
/** How many batches the parser may be ahead of the writer. */
export const AHEAD = 8;

export type ParserMessage = { plan: RowPlan } | Batch | { done: true } | { error: string; field?: string };

export interface ParserInput {
  kind: 'parser';
  source: ImportSource;
  remembered: RememberedMappings;
  dose: DoseTablesData;
  port: MessagePort;
  counters: Int32Array;
}

/** The parser thread's young generation (three times V8's semi-space), see parallelBatches. */
const PARSER_YOUNG_MB = 96;

/** A parser thread that does not start in this time (its code could not load) fails the import. */
const START_MS = 30_000;
/** A parser that stops answering (it died) must not hang the import forever; a huge workbook may take long. */
const STALL_MS = 600_000;

/**
 * Starts the parser thread and waits for its plan of the file (or its reason to refuse the file);
 * the batches then follow as the parser makes them.
 */
export function parallelBatches(
  source: ImportSource,
  remembered: RememberedMappings,
  dose: DoseTablesData,
  giveBytes: boolean,
  workerFile: URL,
): BatchSource {
  const counters = new Int32Array(new SharedArrayBuffer(12));
  const { port1, port2 } = new MessageChannel();
  // Bytes that fill their own buffer can be handed over whole; otherwise they are copied.
  const whole = 'bytes' in source && source.bytes.byteOffset === 0 && source.bytes.byteLength === source.bytes.buffer.byteLength;
  const transferList = [port2, ...(giveBytes && whole ? [source.bytes.buffer as ArrayBuffer] : [])];
  const input: ParserInput = { kind: 'parser', source, remembered, dose, port: port2 as unknown as MessagePort, counters };
  // A young generation larger than the default: each batch lives until it is posted, and with room for
  // several of them the garbage collector copies fewer of them (about half a second of CPU less for a
  // million rows).
  const worker = new Worker(workerFile, { workerData: input, transferList, resourceLimits: { maxYoungGenerationSizeMb: PARSER_YOUNG_MB } });
  worker.unref();
  // Its failures reach the import through the messages or the start guard; unheard, the 'error'
  // event would end the whole process after the import has already said what went wrong.
  worker.on('error', () => undefined);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    port1.close();
    void worker.terminate();
  };

  let waitedSince = Date.now();
  const next = (): Exclude<ParserMessage, { error: string }> => {
    for (;;) {
      const received = receiveMessageOnPort(port1);
      if (!received) {
        const waited = Date.now() - waitedSince;
        if (!Atomics.load(counters, STARTED) && waited > START_MS) {
          throw new AppError('internal', `De leesdraad voor ${source.name} startte niet (${workerFile.href}); er is niets geïmporteerd.`);
        }
        if (waited > STALL_MS) throw new AppError('internal', `Het lezen van ${source.name} is vastgelopen; er is niets geïmporteerd.`);
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
    for (let message = next(); !('done' in message); message = next()) yield message as Batch;
  }
  return { plan: first.plan, batches: batches(), close: stop };
}

/** The parser thread's work: plans the file like the writer would, then posts batches of validated rows. */
export function runParser({ source, remembered, dose, port, counters }: ParserInput): void {
  Atomics.store(counters, STARTED, 1);
  const post = (message: ParserMessage, transfer: Transferable[] = []) => {
    port.postMessage(message, transfer);
    Atomics.add(counters, POSTED, 1);
    Atomics.notify(counters, POSTED);
  };
  try {
    const { plan, batches } = inlineBatches(source, remembered, dose);
    post({ plan });
    for (const batch of batches) {
      post(batch, batchBuffers(batch));
      // Too far ahead of the writer: wait, so that the batches in between do not pile up in memory.
      for (
        let taken = Atomics.load(counters, TAKEN);
        Atomics.load(counters, POSTED) - taken > AHEAD;
        taken = Atomics.load(counters, TAKEN)
      ) {
        Atomics.wait(counters, TAKEN, taken, 1000);
      }
    }
    post({ done: true });
  } catch (error) {
    post(
      error instanceof AppError
        ? { error: error.message, ...(error.field ? { field: error.field } : {}) }
        : { error: `Er ging onverwacht iets mis bij het lezen: ${(error as Error)?.message ?? String(error)}` },
    );
  } finally {
    port.close();
  }
}

/** A task done in a worker thread so that this thread (in the app: the one that answers the UI) stays free. */
export type TaskInput = { kind: 'analyze'; source: ImportSource; remembered: RememberedMappings } | { kind: 'demo'; dbFile: string };

type TaskMessage = { value: unknown } | { error: string; code: ErrorCode; field?: string };

export async function runTaskInWorker<T>(input: TaskInput, name: string, workerFile: URL): Promise<T> {
  const worker = new Worker(workerFile, { workerData: input });
  try {
    const message = await new Promise<TaskMessage>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new AppError('internal', `Het verwerken van ${name} stopte onverwacht (code ${code}).`)));
    });
    if ('error' in message) throw new AppError(message.code, message.error, message.field);
    return message.value as T;
  } finally {
    void worker.terminate();
  }
}

/** The worker's side: the task's value, or its error as plain data. */
export function answerTask(task: () => unknown, post: (message: TaskMessage) => void): void {
  try {
    post({ value: task() });
  } catch (error) {
    post(
      error instanceof AppError
        ? { error: error.message, code: error.code, ...(error.field ? { field: error.field } : {}) }
        : { error: `Er ging onverwacht iets mis: ${(error as Error)?.message ?? String(error)}`, code: 'internal' },
    );
  }
}

/** Analyses a file (which reads all of it); a spreadsheet or a large text file in a worker thread. */
export function analyzeOffThread(
  source: ImportSource,
  remembered: RememberedMappings,
  workerFile: URL,
): Promise<FileAnalysis> | FileAnalysis {
  if (sourceSize(source) < PARALLEL_FROM_BYTES && !isSpreadsheetName(source.name)) return analyzeFile(source, remembered);
  return runTaskInWorker<FileAnalysis>({ kind: 'analyze', source, remembered }, source.name, workerFile);
}
