/**
 * The entry of every worker thread of the import: an import job (its own connection, one transaction
 * per file, progress back to the main thread) or the parser of a large file (see pipeline.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../open';
import { runImportJob, type WorkerInput, type WorkerMessage } from './jobs';
import { runParser, type ParserInput } from './pipeline';

const input = workerData as WorkerInput | ParserInput;
if (input.kind === 'parser') runParser(input);
else {
  const db = openDatabase(input.dbFile, { mustExist: true });
  try {
    runImportJob(db, input, (message: WorkerMessage) => parentPort!.postMessage(message));
  } finally {
    db.close();
  }
}
