/**
 * The entry of every worker thread of the import: an import job (its own connection, one transaction
 * per file, progress back to the main thread), the parser of a large file, or a one-off task
 * (analysing a large file, loading the demo group); see jobs.ts and pipeline.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadDemo } from '../demo/load';
import { openDatabase } from '../open';
import { runImportJob, type WorkerInput, type WorkerMessage } from './jobs';
import { answerTask, runParser, type ParserInput, type TaskInput } from './pipeline';
import { analyzeFile } from './run';

const input = workerData as WorkerInput | ParserInput | TaskInput;
const post = (message: unknown) => parentPort!.postMessage(message);

function withDatabase<T>(file: string, work: (db: ReturnType<typeof openDatabase>) => T): T {
  // In Electron during development, better-sqlite3 built for Electron is named here (see electron/main.ts).
  const nativeBinding = process.env.FTO_NATIVE_BINDING || undefined;
  const db = openDatabase(file, { mustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

switch (input.kind) {
  case 'parser':
    runParser(input);
    break;
  case 'analyze':
    answerTask(() => analyzeFile(input.source, input.remembered), post);
    break;
  case 'demo':
    answerTask(() => withDatabase(input.dbFile, loadDemo), post);
    break;
  case 'job':
    withDatabase(input.dbFile, (db) => runImportJob(db, input, (message: WorkerMessage) => post(message)));
    break;
}
