import { open } from 'node:fs/promises';
import type { Finding } from '../diagnostic.js';
import { UsageError } from '../errors.js';
import { decodeUtf8 } from './decode.js';
import type { Limits } from './limits.js';
import { parseYaml } from './parse-yaml.js';

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
}

const DIRECTIVE = 'personakit-disable';

/** Read, decode and parse one YAML file. Unreadable files are usage errors (exit 2). */
export async function loadFile(absPath: string, file: string, limits: Limits): Promise<LoadedFile> {
  const bytes = await readLimited(absPath, file, limits.maxFileBytes);
  if (bytes === 'too-large') {
    return fileWith(absPath, file, [{ rule: 'yaml-syntax', file, line: 1, column: 1, message: `the file is larger than ${formatBytes(limits.maxFileBytes)}; split it, or raise limits.maxFileBytes in personakit.yaml` }]);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return fileWith(absPath, file, [{ rule: 'yaml-syntax', file, line: decoded.line, column: decoded.column, message: decoded.message }]);
  const parsed = parseYaml(decoded.text, limits);
  return {
    file,
    absPath,
    documents: parsed.documents,
    findings: parsed.errors.map((e) => ({ ...e, file })),
    hasDirectives: decoded.text.includes(DIRECTIVE),
  };
}

function fileWith(absPath: string, file: string, findings: Finding[]): LoadedFile {
  return { file, absPath, documents: [], findings, hasDirectives: false };
}

/** Read at most `max` bytes; a FIFO or device never blocks us because collect() admits only regular files. */
async function readLimited(absPath: string, file: string, max: number): Promise<Buffer | 'too-large'> {
  let handle;
  try {
    handle = await open(absPath, 'r');
    const { size } = await handle.stat();
    if (size > max) return 'too-large';
    return await handle.readFile();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.code === 'ENOENT' ? 'it no longer exists' : err.message;
    throw new UsageError(`cannot read ${file}: ${why}`, 'fix the file permissions or leave it out of the checked paths');
  } finally {
    await handle?.close();
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KiB`;
  return `${n} bytes`;
}
