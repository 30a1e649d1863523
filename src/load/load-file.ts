import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Finding } from '../diagnostic.js';
import { UsageError } from '../errors.js';
import { decodeUtf8 } from './decode.js';
import type { Limits } from './limits.js';
import { parseYaml } from './parse-yaml.js';
import type { PositionIndex } from './positions.js';

export interface LoadedFile {
  /** Display path: relative to the working folder when inside it, forward slashes. */
  file: string;
  absPath: string;
  /** The non-empty YAML documents, in stream order (index = docIndex); `undefined` = unreadable (see findings). */
  documents: unknown[];
  /** yaml-syntax findings of this file. */
  findings: Finding[];
  /** The file has `personakit-disable` comments, so suppressions must look at its text. */
  hasDirectives: boolean;
  /** Where the documents' nodes are, from the same parse (absent for a file read from the cache). */
  positions?: PositionIndex;
}

const DIRECTIVE = 'personakit-disable';

/** Read, decode and parse one YAML file. Unreadable files are usage errors (exit 2). */
export async function loadFile(absPath: string, file: string, limits: Limits): Promise<LoadedFile> {
  return loadBytes(readFileBytes(absPath, file, limits.maxFileBytes), absPath, file, limits);
}

/** Decode and parse bytes already read (the loader reads them first to hash them for the cache). */
export function loadBytes(bytes: Buffer | 'too-large', absPath: string, file: string, limits: Limits): LoadedFile {
  if (bytes === 'too-large') {
    return fileWith(absPath, file, [
      {
        rule: 'yaml-syntax',
        file,
        line: 1,
        column: 1,
        message: `the file is larger than ${formatBytes(limits.maxFileBytes)}; split it, or raise limits.maxFileBytes in personakit.yaml`,
      },
    ]);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok)
    return fileWith(absPath, file, [
      { rule: 'yaml-syntax', file, line: decoded.line, column: decoded.column, message: decoded.message },
    ]);
  const parsed = parseYaml(decoded.text, limits);
  return {
    file,
    absPath,
    documents: parsed.documents,
    findings: parsed.errors.map((e) => ({ ...e, file })),
    hasDirectives: decoded.text.includes(DIRECTIVE),
    positions: parsed.positions,
  };
}

function fileWith(absPath: string, file: string, findings: Finding[]): LoadedFile {
  return { file, absPath, documents: [], findings, hasDirectives: false };
}

/**
 * Read at most `max` bytes. Synchronous on purpose: for 10,000 small files, promise-based
 * open/stat/read/close costs several times the reading itself (measured in bench/), and the
 * loader has nothing else to do meanwhile. A FIFO or device never blocks us because collect()
 * admits only regular files.
 */
export function readFileBytes(absPath: string, file: string, max: number): Buffer | 'too-large' {
  return withOpenFile(absPath, file, (fd) => (fstatSync(fd).size > max ? 'too-large' : readFileSync(fd)));
}

/** readFileBytes without blocking: several files can be on their way at once (lint/read-files.ts). */
export async function readFileBytesAsync(absPath: string, file: string, max: number): Promise<Buffer | 'too-large'> {
  let handle;
  try {
    handle = await open(absPath, 'r');
    return (await handle.stat()).size > max ? 'too-large' : await handle.readFile();
  } catch (e) {
    throw unreadable(e, file);
  } finally {
    await handle?.close();
  }
}

let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * readFileBytes for a moment: `use` sees the bytes in one buffer reused from call to call, valid
 * only until it returns. Hashing every file of a cached run this way allocates nothing per file
 * (10,000 buffers of garbage were a tenth of a warm run).
 */
export function withFileBytes<T>(
  absPath: string,
  file: string,
  max: number,
  use: (bytes: Buffer | 'too-large') => T,
): T {
  return use(readFileBytesReused(absPath, file, max));
}

/** readFileBytes into the buffer withFileBytes reuses: the bytes are valid until the next read on this thread. */
export function readFileBytesReused(absPath: string, file: string, max: number): Buffer | 'too-large' {
  return withOpenFile(absPath, file, (fd) => {
    // Most files fit the buffer, and then one read does: from a regular file (collect() admits
    // nothing else) a read that does not fill the buffer has reached the end. That spares the
    // fstat and the empty read that used to confirm it, two system calls of five per file
    // (~20 ms over 10,000 files on one thread, more when both threads read: bench/README).
    let length = readSync(fd, scratch, 0, scratch.length, null);
    if (length < scratch.length) return length > max ? 'too-large' : scratch.subarray(0, length);
    const size = fstatSync(fd).size;
    if (size > max) return 'too-large';
    if (scratch.length < size + 1)
      scratch = Buffer.concat([
        scratch.subarray(0, length),
        Buffer.allocUnsafe(Math.max(size + 1, scratch.length * 2) - length),
      ]);
    // Until end of file, like readFileSync: the file may have grown since fstat.
    for (;;) {
      if (length === scratch.length) scratch = Buffer.concat([scratch, Buffer.allocUnsafe(scratch.length)]);
      const n = readSync(fd, scratch, length, scratch.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return length > max ? 'too-large' : scratch.subarray(0, length);
  });
}

function withOpenFile<T>(absPath: string, file: string, read: (fd: number) => T): T {
  let fd: number | undefined;
  try {
    fd = openSync(absPath, 'r');
    return read(fd);
  } catch (e) {
    throw unreadable(e, file);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function unreadable(e: unknown, file: string): UsageError {
  const err = e as NodeJS.ErrnoException;
  const why =
    err.code === 'EACCES' || err.code === 'EPERM'
      ? 'permission denied'
      : err.code === 'ENOENT'
        ? 'it no longer exists'
        : err.message;
  return new UsageError(`cannot read ${file}: ${why}`, 'fix the file permissions or leave it out of the checked paths');
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KiB`;
  return `${n} bytes`;
}
