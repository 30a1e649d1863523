import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UsageError } from '../errors.js';
import { isTempFileOf, newTempTag, registerTempSweeper } from '../util/atomic-write.js';
import { encodeBatch } from './encode-batch.js';
import { writeReport, type ReportFile } from './write-report.js';

/** Where reports go: straight to disk, or through the writer thread. */
export interface ReportWriter {
  write(file: ReportFile): void;
  /** Every report is on disk once this resolves; rejects with the first failure. */
  finish(): Promise<void>;
  /** The run failed elsewhere: stop writing, leave no temporary file. */
  abort(): Promise<void>;
}

// Compiled only: the thread runs dist/render/write-worker.js. From sources (tests), no thread.
const WORKER_URL = new URL('./write-worker.js', import.meta.url);
const BATCH = 32;
/** Batches the thread may be behind before the main thread writes reports itself. */
const MAX_BEHIND = 8;

export function syncWriter(): ReportWriter {
  return {
    write(file) {
      try {
        writeReport(file);
      } catch (e) {
        throw cannotWrite(file.target, (e as Error).message);
      }
    },
    finish: async () => {},
    abort: async () => {},
  };
}

/**
 * A writer thread: the main thread draws the next reports while the kernel's work of creating
 * and filling files (~0.05 s for 1,000 new reports) happens beside it. Reports go over in
 * batches, their text encoded into one buffer that moves to the thread (encode-batch.ts); the
 * thread counts the batches it has written and raises a flag on a failure in shared memory,
 * which the main thread reads without waiting. Undefined when there is no compiled thread.
 * `folders` are the output's folders, searched for the thread's temporary files on an interrupt;
 * `v8Flags` are set by the thread once it runs (see util/v8-flags.ts for why not before).
 */
export function threadWriter(folders: () => Iterable<string>, v8Flags?: string): ReportWriter | undefined {
  if (!existsSync(fileURLToPath(WORKER_URL))) return undefined;
  const tempTag = newTempTag();
  const state = new Int32Array(new SharedArrayBuffer(16)); // [batches written, failed, stop, busy]
  const worker = new Worker(WORKER_URL, { workerData: { tempTag, state, v8Flags } });
  worker.unref(); // not what keeps the process alive while drawing; finish() holds it while it waits
  let failure: { target: string; message: string } | undefined;
  let crash: Error | undefined;
  const ended = new Promise<void>((resolve) => {
    worker.on('message', (m: { ended: boolean; failure?: { target: string; message: string } }) => {
      failure ??= m.failure;
      if (m.ended) resolve();
    });
    worker.once('error', (e) => {
      crash = e;
      resolve();
    });
    worker.once('exit', () => resolve());
  });
  const sweep = () => {
    // An interrupt: the thread starts no new file, and the one it is writing is finished (renamed)
    // before its folders are searched, so no temporary file can appear after the search.
    Atomics.store(state, 2, 1);
    Atomics.wait(state, 3, 1, 2000);
    for (const dir of folders())
      for (const name of listing(dir)) if (isTempFileOf(name, tempTag)) rmSync(path.join(dir, name), { force: true });
  };
  const unregister = registerTempSweeper(sweep);
  const stop = async () => {
    unregister();
    Atomics.store(state, 2, 1);
    await worker.terminate();
    Atomics.store(state, 3, 0); // the thread is gone, whatever it was doing
    sweep();
  };
  let batch: ReportFile[] = [];
  let posted = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const { files, transfer } = encodeBatch(batch);
    worker.postMessage(files, transfer);
    posted++;
    batch = [];
  };
  return {
    write(file) {
      if (Atomics.load(state, 1) !== 0) return; // finish() reports the failure
      if (posted - Atomics.load(state, 0) > MAX_BEHIND) {
        // The thread is behind (a slow disk): help rather than queue more.
        try {
          writeReport(file);
        } catch (e) {
          throw cannotWrite(file.target, (e as Error).message);
        }
        return;
      }
      batch.push(file);
      if (batch.length >= BATCH) flush();
    },
    async finish() {
      // Waited for now: without this the process could end while the last batches are written.
      worker.ref();
      flush();
      worker.postMessage('end');
      await ended;
      await stop();
      if (failure !== undefined) throw cannotWrite(failure.target, failure.message);
      if (crash !== undefined || Atomics.load(state, 0) < posted)
        throw new Error(
          `the report-writing thread stopped before writing every report${crash ? `: ${crash.message}` : ''}`,
        );
    },
    abort: stop,
  };
}

function cannotWrite(target: string, message: string): UsageError {
  return new UsageError(`cannot write ${target}: ${message}`, 'check that the output folder is writable');
}

function listing(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
