/**
 * The entry of every worker thread of the import: an import job (its own connection, one transaction
 * per file, progress back to the main thread), the parser of a large file, or the analysis of one
 * (see pipeline.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../open';
import { runImportJob, type WorkerInput, type WorkerMessage } from './jobs';
import { runAnalyze, runParser, type AnalyzeInput, type ParserInput } from './pipeline';

const input = workerData as WorkerInput | ParserInput | AnalyzeInput;
if (input.kind === 'parser') runParser(input);
else if (input.kind === 'analyze') runAnalyze(input, (message) => parentPort!.postMessage(message));
else {
  const db = openDatabase(input.dbFile, { mustExist: true });
  try {
    runImportJob(db, input, (message: WorkerMessage) => parentPort!.postMessage(message));
  } finally {
    db.close();
  }
}
