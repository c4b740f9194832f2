/** The import worker: its own connection, one transaction per file, progress back to the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../open';
import type { WorkerInput, WorkerMessage } from './jobs';
import { runImportJob } from './jobs';

const input = workerData as WorkerInput;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const db = openDatabase(input.dbFile, { mustExist: true });
try {
  runImportJob(db, input, post);
} finally {
  db.close();
}
