/**
 * Import jobs: the app starts one, the work runs in a worker thread with its own database connection
 * (so the UI and other calls stay responsive), and the UI polls the progress.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { z } from 'zod';
import type { ColumnMapping, importProgress } from '../contract/imports';
import { AppError } from '../errors';
import type { Db } from '../open';
import { type FileSummary } from './run';
import { importFile } from './import-file';

type Progress = z.infer<typeof importProgress>;
type JobFile = Progress['files'][number];

export interface WorkerInput {
  kind: 'job';
  dbFile: string;
  /** This thread's own file (a URL), which a large file's parser thread starts from too. */
  worker: string;
  groupId: number;
  files: { name: string; bytes: Uint8Array; mapping?: ColumnMapping }[];
}

export type WorkerMessage =
  | { type: 'progress'; index: number; fraction: number }
  | { type: 'file'; index: number; batchId: number; summary: FileSummary }
  | { type: 'failed'; index: number; message: string };

/** Imports the files one after another, each in its own transaction; a failed file changes nothing. */
export function runImportJob(db: Db, input: Omit<WorkerInput, 'dbFile' | 'kind'>, post: (message: WorkerMessage) => void): void {
  input.files.forEach((file, index) => {
    post({ type: 'progress', index, fraction: 0 });
    try {
      const { batchId, summary } = importFile(db, file, {
        groupId: input.groupId,
        giveBytes: true, // this job's own copy, used once
        worker: new URL(input.worker),
        onProgress: (fraction) => post({ type: 'progress', index, fraction }),
      });
      post({ type: 'file', index, batchId, summary });
    } catch (error) {
      const message =
        error instanceof AppError ? error.message : `Er ging onverwacht iets mis: ${(error as Error)?.message ?? String(error)}`;
      post({ type: 'failed', index, message });
    }
  });
}

interface Job {
  id: string;
  files: JobFile[];
  /** Bytes per file, to weigh the progress of files of different sizes. */
  sizes: number[];
  fractions: number[];
  done: boolean;
}

const jobs = new Map<string, Job>();
/** Finished jobs kept for polling; older ones are forgotten. */
const KEEP_JOBS = 20;

const emptySummary = (file: string): FileSummary => ({
  file,
  read: 0,
  imported: 0,
  alreadyPresent: 0,
  notOpioid: 0,
  rejected: 0,
  empty: 0,
  rejectedRows: [],
});

/** Starts a job in a worker thread and returns its id; the worker opens the database file itself. */
export function startImportJob(input: Omit<WorkerInput, 'kind' | 'worker'>, workerFile: URL): string {
  const job: Job = {
    id: randomUUID(),
    files: input.files.map((f) => ({ ...emptySummary(f.name), status: 'waiting', batchId: null, error: null })),
    sizes: input.files.map((f) => Math.max(1, f.bytes.length)),
    fractions: input.files.map(() => 0),
    done: false,
  };
  jobs.set(job.id, job);
  for (const old of [...jobs.values()].filter((j) => j.done).slice(0, Math.max(0, jobs.size - KEEP_JOBS))) jobs.delete(old.id);

  const apply = (message: WorkerMessage) => {
    const file = job.files[message.index]!;
    if (message.type === 'progress') {
      file.status = 'running';
      job.fractions[message.index] = message.fraction;
    } else if (message.type === 'file') {
      Object.assign(file, message.summary, { status: 'done', batchId: message.batchId });
      job.fractions[message.index] = 1;
    } else {
      Object.assign(file, { status: 'failed', error: message.message });
      job.fractions[message.index] = 1;
    }
  };
  const finish = (reason: string | null) => {
    for (const file of job.files) {
      if (file.status === 'waiting' || file.status === 'running') Object.assign(file, { status: 'failed', error: reason });
    }
    job.done = true;
  };

  if (input.dbFile === ':memory:')
    throw new AppError('conflict', 'Importeren in de achtergrond kan niet met een database in het geheugen.');
  const worker = new Worker(workerFile, { workerData: { ...input, kind: 'job', worker: workerFile.href } satisfies WorkerInput });
  worker.on('message', apply);
  worker.on('error', (error) => finish(`Het importeren is onverwacht gestopt: ${error.message}. Er is niets van dit bestand opgeslagen.`));
  worker.on('exit', (code) => finish(code === 0 ? null : 'Het importeren is onverwacht gestopt. Er is niets van dit bestand opgeslagen.'));
  return job.id;
}

export function jobProgress(id: string): Progress {
  const job = jobs.get(id);
  if (!job) throw new AppError('not_found', 'Deze import is niet (meer) bekend.');
  const total = job.sizes.reduce((a, b) => a + b, 0);
  const fraction = job.sizes.reduce((sum, size, k) => sum + size * job.fractions[k]!, 0) / total;
  const current = job.files.find((f) => f.status === 'running');
  return {
    jobId: job.id,
    fraction: job.done ? 1 : Math.min(1, fraction),
    done: job.done,
    currentFile: job.done ? null : (current?.file ?? null),
    files: job.files.map((f) => ({ ...f, rejectedRows: [...f.rejectedRows] })),
  };
}
