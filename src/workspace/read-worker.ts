import { parentPort, workerData } from 'node:worker_threads';
import type { Limits } from '../load/limits.js';
import type { FileToRead } from './checked-file.js';
import { loadDocumentRunner, type DocumentPass } from './document-pass.js';
import { encodeBatch, runLane } from './read-lane.js';

// A file-reading thread (see read-files.ts): same work as the main thread's lane, results as JSON.
const { files, limits, counter, pass } = workerData as {
  files: FileToRead[];
  limits: Limits;
  counter: Int32Array;
  pass?: DocumentPass;
};
const runner = pass ? await loadDocumentRunner(pass) : undefined;
runLane(
  files,
  limits,
  counter,
  (chunk, cloneIndexes) => parentPort!.postMessage(encodeBatch(chunk, cloneIndexes)),
  true,
  runner,
);
parentPort!.postMessage('done');
