import type { Limits } from '../load/limits.js';
import { UsageError } from '../errors.js';
import { checkFile, type CheckedFile, type FileToRead } from './checked-file.js';
import type { DocumentRunner } from './document-pass.js';

/** Files are claimed in chunks: small enough to balance threads, large enough to keep atomics rare. */
const CHUNK = 32;

export interface LaneOutput {
  files: Array<[number, CheckedFile]>;
  errors: Array<[number, { message: string; hint?: string }]>;
}

/** What a worker posts: JSON text for most files (far cheaper to pass than a structured clone). */
export interface EncodedBatch {
  json: string;
  /** Files whose data JSON cannot carry (.inf / .nan numbers), passed as structured clones. */
  cloned: Array<[number, CheckedFile]>;
  errors: LaneOutput['errors'];
}

/**
 * Work through chunks of `files` claimed from the shared counter until none are left. `emit`
 * receives each finished chunk, so a worker can hand its results over (and drop them) as it goes.
 */
export function runLane(
  files: readonly FileToRead[],
  limits: Limits,
  counter: Int32Array,
  emit: (chunk: LaneOutput, cloneIndexes: Set<number>) => void,
  jsonSafety = false,
  runner?: DocumentRunner,
): void {
  for (;;) {
    const start = Atomics.add(counter, 0, CHUNK);
    if (start >= files.length) return;
    const out: LaneOutput = { files: [], errors: [] };
    const cloneIndexes = new Set<number>();
    for (let i = start; i < Math.min(start + CHUNK, files.length); i++) {
      const inspect = jsonSafety ? (bytes: Buffer) => void (mayHoldNonFinite(bytes) && cloneIndexes.add(i)) : undefined;
      try {
        out.files.push([i, checkFile(files[i]!, limits, runner, inspect)]);
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        out.errors.push([i, e.hint === undefined ? { message: e.message } : { message: e.message, hint: e.hint }]);
      }
    }
    emit(out, cloneIndexes);
  }
}

/** YAML's .inf and .nan become Infinity and NaN, which JSON would turn into null. */
export function mayHoldNonFinite(bytes: Buffer): boolean {
  for (const word of ['.inf', '.Inf', '.INF', '.nan', '.NaN', '.NAN']) if (bytes.includes(word)) return true;
  return false;
}

export function encodeBatch(output: LaneOutput, cloneIndexes: Set<number>): EncodedBatch {
  const plain = output.files.filter(([i]) => !cloneIndexes.has(i));
  return {
    json: JSON.stringify(plain),
    cloned: output.files.filter(([i]) => cloneIndexes.has(i)),
    errors: output.errors,
  };
}

export function decodeBatch(batch: EncodedBatch): LaneOutput {
  const files = JSON.parse(batch.json) as Array<[number, CheckedFile]>;
  // parseYaml never keeps null documents, but marks unreadable ones `undefined`, which JSON made null.
  for (const [, file] of files) file.documents = file.documents.map((d) => (d === null ? undefined : d));
  return { files: [...files, ...batch.cloned], errors: batch.errors };
}
