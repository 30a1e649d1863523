import { parentPort, workerData } from 'node:worker_threads';
import { setV8Flags } from '../util/v8-flags.js';
import { writeReport, type ReportFile } from './write-report.js';

// The writer thread (see report-writer.ts): writes batches of reports in order and counts them in
// `state[0]`; after a failure it sets `state[1]`, writes nothing more, and says what failed. While
// it writes a batch `state[3]` is 1; once `state[2]` is set (an interrupt) it starts no new file.
const { tempTag, state, v8Flags } = workerData as { tempTag: string; state: Int32Array; v8Flags?: string };
// Running, its modules loaded: now the flags can change without this thread paying for it.
setV8Flags(v8Flags);
let failure: { target: string; message: string } | undefined;
parentPort!.on('message', (message: ReportFile[] | 'end') => {
  if (message === 'end') {
    parentPort!.postMessage({ ended: true, failure });
    return;
  }
  Atomics.store(state, 3, 1);
  for (const file of message) {
    if (failure !== undefined || Atomics.load(state, 2) !== 0) break;
    try {
      writeReport(file, tempTag);
    } catch (e) {
      failure = { target: file.target, message: (e as Error).message };
      Atomics.store(state, 1, 1);
    }
  }
  Atomics.add(state, 0, 1);
  Atomics.store(state, 3, 0);
  Atomics.notify(state, 3);
});
