/** The parser thread: plans the file like the writer would, then posts batches of validated rows. */
import { workerData } from 'node:worker_threads';
import { AppError } from '../errors';
import { AHEAD, POSTED, TAKEN, type ParserInput, type ParserMessage } from './pipeline';
import { inlineBatches } from './run';

const { source, remembered, port, counters } = workerData as ParserInput;

function post(message: ParserMessage): void {
  port.postMessage(message);
  Atomics.add(counters, POSTED, 1);
  Atomics.notify(counters, POSTED);
}

try {
  const { plan, batches } = inlineBatches(source, remembered);
  post({ plan });
  for (const batch of batches) {
    post(batch);
    // Too far ahead of the writer: wait, so that the batches in between do not pile up in memory.
    for (let taken = Atomics.load(counters, TAKEN); Atomics.load(counters, POSTED) - taken > AHEAD; taken = Atomics.load(counters, TAKEN)) {
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
