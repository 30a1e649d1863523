import { Readable } from 'node:stream';
import type { Io } from '../../src/cli/io.js';

/** An Io for in-process runCli tests: output is captured as strings, stdin is empty (or scripted). */
export interface MemoryIo extends Io {
  readonly out: string;
  readonly err: string;
}

export interface MemoryIoOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Text the command reads from stdin. */
  input?: string;
  isTTY?: Partial<Io['isTTY']>;
}

export function memoryIo(options: MemoryIoOptions = {}): MemoryIo {
  let out = '';
  let err = '';
  return {
    cwd: options.cwd ?? process.cwd(),
    env: { ...(options.env ?? {}) },
    stdout: { write: (t) => void (out += t) },
    stderr: { write: (t) => void (err += t) },
    stdin: Readable.from(options.input === undefined ? [] : [options.input]),
    isTTY: { stdin: false, stdout: false, stderr: false, ...options.isTTY },
    get out() {
      return out;
    },
    get err() {
      return err;
    },
  };
}
