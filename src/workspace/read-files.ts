import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UsageError } from '../errors.js';
import type { Limits } from '../load/limits.js';
import { checkFile, type CheckedFile, type FileToRead } from './checked-file.js';
import { loadDocumentRunner, type DocumentPass } from './document-pass.js';
import { decodeBatch, runLane, type EncodedBatch, type LaneOutput } from './read-lane.js';

export interface ReadOptions {
  /**
   * Below this many files everything runs on the main thread: a worker costs ~0.1 s of start-up
   * (thread, modules, schema compilation), which only pays off on large workspaces (bench/).
   */
  parallelFrom?: number;
  /** Most threads in all, main included (default: the machine's parallelism, at most 4). */
  maxThreads?: number;
  /** The main thread reads too (default). false leaves all reading to workers, so tests can see them work. */
  mainThreadReads?: boolean;
  /** Run the document-scope rules as files are read, and keep only summaries of personas if it says so (document-pass.ts). */
  documentPass?: DocumentPass;
}

const DEFAULT_PARALLEL_FROM = 1500;
// Compiled only: the worker runs dist/workspace/read-worker.js. From sources (tests), no worker.
const WORKER_URL = new URL('./read-worker.js', import.meta.url);
const workerAvailable = () => existsSync(fileURLToPath(WORKER_URL));

/**
 * Read, parse and validate files, in order. Large sets are shared between the main thread and
 * worker threads, which pull chunks from one atomic counter so a slow or late-starting worker
 * never leaves the others idle. Unreadable files are usage errors: the first in path order wins.
 */
export async function readFiles(
  files: readonly FileToRead[],
  limits: Limits,
  options: ReadOptions = {},
): Promise<CheckedFile[]> {
  const threads = Math.min(options.maxThreads ?? 4, availableParallelism());
  const pass = options.documentPass;
  if (files.length < (options.parallelFrom ?? DEFAULT_PARALLEL_FROM) || threads < 2 || !workerAvailable()) {
    const runner = pass ? await loadDocumentRunner(pass) : undefined;
    return files.map((f) => checkFile(f, limits, runner));
  }
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from({ length: threads - 1 }, () => startWorker(files, limits, counter, pass));
  const runner = pass ? await loadDocumentRunner(pass) : undefined;
  const results: (CheckedFile | undefined)[] = new Array(files.length);
  const errors = new Map<number, UsageError>();
  const merge = (output: LaneOutput) => {
    for (const [index, file] of output.files) results[index] = file;
    for (const [index, e] of output.errors) errors.set(index, new UsageError(e.message, e.hint));
  };
  if (options.mainThreadReads !== false) runLane(files, limits, counter, merge, false, runner);
  for (const settled of await Promise.allSettled(workers)) if (settled.status === 'fulfilled') merge(settled.value);
  // A worker that failed (it should not) leaves holes: fill them here rather than lose files.
  for (let i = 0; i < files.length; i++) {
    if (results[i] === undefined && !errors.has(i)) {
      try {
        results[i] = checkFile(files[i]!, limits, runner);
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        errors.set(i, e);
      }
    }
  }
  if (errors.size > 0) throw errors.get(Math.min(...errors.keys()))!;
  return results as CheckedFile[];
}

/** A reader thread; resolves with everything it read once it says 'done'. */
function startWorker(
  files: readonly FileToRead[],
  limits: Limits,
  counter: Int32Array,
  pass: DocumentPass | undefined,
): Promise<LaneOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { files, limits, counter, pass } });
    const all: LaneOutput = { files: [], errors: [] };
    worker.on('message', (message: EncodedBatch | 'done') => {
      if (message === 'done') {
        resolve(all);
        void worker.terminate();
        return;
      }
      const chunk = decodeBatch(message);
      for (const entry of chunk.files) all.files.push(entry);
      for (const entry of chunk.errors) all.errors.push(entry);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`file reader thread exited with code ${code}`)));
  });
}
