import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Finding } from '../diagnostic.js';
import type { SchemaProblem } from '../schema/messages.js';
import type { RuleMeta } from '../rules/types.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/** The last run's whole answer, valid while its key and its external dependencies are unchanged. */
export interface StoredResult {
  key: string;
  /** What the file system said about the files when `key` was taken (signature.ts), if they had settled. */
  signature?: string;
  /** [absolute path, dependencyState] of every CSV and picture the rules read. */
  deps: Array<[string, string]>;
  diagnostics: Diagnostic[];
  files: string[];
  /** The rules' metadata the reporters were given (SARIF describes every rule). */
  rules: RuleMeta[];
  reportedDocuments: number;
}

/** What a file's bytes parse and validate to; findings without their display path, which can change. */
export interface StoredFile {
  documents: unknown[];
  findings: Array<Omit<Finding, 'file'>>;
  hasDirectives: boolean;
  schema: (SchemaProblem[] | null)[];
}

export interface StoredFiles {
  /** Cache format, code fingerprint and parse limits: entries are valid only under the same ones. */
  header: string;
  /** By content hash: a renamed or copied file is still a hit. */
  entries: Record<string, StoredFile>;
}

const RESULT_FILE = 'result.json';
const FILES_FILE = 'files.json';

/**
 * A missing, unreadable or corrupt cache file is simply no cache. Read synchronously: the run
 * waits for it anyway, and the promise-based read cost more CPU than the read (bench/README.md).
 */
async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export class CacheStore {
  constructor(readonly dir: string) {}

  readResult(): Promise<StoredResult | undefined> {
    return readJson<StoredResult>(path.join(this.dir, RESULT_FILE));
  }

  async readFiles(header: string): Promise<StoredFiles['entries']> {
    const stored = await readJson<StoredFiles>(path.join(this.dir, FILES_FILE));
    return stored && stored.header === header && stored.entries && typeof stored.entries === 'object'
      ? stored.entries
      : {};
  }

  /** Atomic writes: a run interrupted while saving leaves the previous cache, never half of one. */
  async write(result: StoredResult, files?: StoredFiles): Promise<void> {
    if (files) await writeFileAtomic(path.join(this.dir, FILES_FILE), JSON.stringify(files));
    await writeFileAtomic(path.join(this.dir, RESULT_FILE), JSON.stringify(result));
  }
}
