import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { hashBytes } from '../load/hash-bytes.js';
import { readFileBytes, withFileBytes } from '../load/load-file.js';
import type { LintOptions } from '../lint/lint.js';
import type { RuleMeta } from '../rules/types.js';
import type { CheckedFile } from '../lint/checked-file.js';
import { filesInFlight } from '../lint/concurrency.js';
import { planWorkspace, type WorkspacePlan } from '../workspace/workspace.js';
import { CACHE_FORMAT, codeFingerprint, dependencyState, externalDependencies } from './fingerprint.js';
import { statSignature } from './signature.js';
import { CacheStore, type StoredFile, type StoredFiles, type StoredResult } from './store.js';

export interface CacheOptions {
  /** Cache folder; default node_modules/.cache/personakit in the workspace (or the working folder). */
  location?: string;
  /** The time the files' stat is judged against (tests); default now. */
  now?: number;
}

export interface CachedLintResult {
  diagnostics: Diagnostic[];
  files: string[];
  rules: RuleMeta[];
  reportedDocuments: number;
  /** 'result': nothing changed, the last answer was reused; 'files': unchanged files were not parsed again. */
  reuse: 'result' | 'files' | 'none';
}

/**
 * lint() with a content-hashed cache, two levels deep. The whole answer is reused when every input
 * is unchanged: the bytes of every YAML file and of personakit.yaml, the CSVs and pictures the
 * rules read, the options, today's date and the code (the YAML files' bytes are not even read while
 * what the file system says about them is as it was: signature.ts). Otherwise unchanged files are not parsed or
 * validated again, and every rule runs over the whole workspace, so anything that depends on a
 * changed file (journeys naming a persona, markets listing it as a buyer) is recomputed.
 */
export async function cachedLint(options: LintOptions, cache: CacheOptions = {}): Promise<CachedLintResult> {
  const plan = await planWorkspace(options);
  const store = new CacheStore(cacheDir(plan, cache.location));
  const max = plan.settings.limits.maxFileBytes;
  const code = codeFingerprint();
  const base = keyBase(plan, options, code);
  const previous = await store.readResult();
  const depsUnchanged = (stored: StoredResult) => stored.deps.every(([dep, state]) => dependencyState(dep) === state);
  const reused = (stored: StoredResult): CachedLintResult => ({
    diagnostics: stored.diagnostics,
    files: stored.files,
    rules: stored.rules,
    reportedDocuments: stored.reportedDocuments,
    reuse: 'result',
  });

  // What the file system says about the files, before any is read (see signature.ts).
  const signature = statSignature(base, plan.files, cache.now ?? Date.now());
  if (signature !== undefined && previous?.signature === signature && depsUnchanged(previous)) return reused(previous);

  const hashes = plan.files.map((f) => withFileBytes(f.absPath, f.file, max, hashBytes));
  const key = runKey(base, plan, hashes);
  if (previous?.key === key && depsUnchanged(previous)) {
    // The same bytes under new times (a checkout, a touch): the next run can trust the new ones.
    if (signature !== undefined)
      await store.write({ ...previous, signature }).catch(() => {
        // Only a shortcut, as below.
      });
    return reused(previous);
  }

  // Only now the parser, the schemas and the rules: a warm run that reuses the answer loads none of them.
  const [{ lintWorkspace }, { readFiles }, { assembleWorkspace }] = await Promise.all([
    import('../lint/lint.js'),
    import('../lint/read-files.js'),
    import('../lint/assemble.js'),
  ]);

  const header = JSON.stringify([CACHE_FORMAT, code, plan.settings.limits]);
  const entries = await store.readFiles(header);
  const files = new Array<CheckedFile>(plan.files.length);
  const misses: number[] = [];
  plan.files.forEach((f, i) => {
    const stored = entries[hashes[i]!];
    if (stored) files[i] = fromStored(stored, f.absPath, f.file, hashes[i]!);
    else misses.push(i);
  });
  const read = await readFiles(
    misses.map((i) => plan.files[i]!),
    plan.settings.limits,
    undefined,
    filesInFlight(options.concurrency, 'documents'),
  );
  misses.forEach((i, k) => (files[i] = read[k]!));

  const workspace = assembleWorkspace(plan, files);
  const result = await lintWorkspace(workspace, options);
  const reportedDocuments = workspace.documents.filter((d) => d.reported).length;
  const deps = externalDependencies(workspace.documents).map((dep): [string, string] => [dep, dependencyState(dep)]);

  const stale = Object.keys(entries).length !== plan.files.length - misses.length;
  const nextFiles: StoredFiles | undefined =
    misses.length > 0 || stale ? { header, entries: toStoredEntries(files) } : undefined;
  await store
    .write(
      {
        key,
        ...(signature !== undefined ? { signature } : {}),
        deps,
        diagnostics: result.diagnostics,
        files: result.files,
        rules: result.rules,
        reportedDocuments,
      },
      nextFiles,
    )
    .catch(() => {
      // The cache is only a shortcut: a read-only or full disk must not fail the check.
    });
  return {
    diagnostics: result.diagnostics,
    files: result.files,
    rules: result.rules,
    reportedDocuments,
    reuse: misses.length < plan.files.length ? 'files' : 'none',
  };
}

function cacheDir(plan: WorkspacePlan, location: string | undefined): string {
  if (location !== undefined) return path.resolve(plan.cwd, location);
  return path.join(plan.settings.root ?? plan.cwd, 'node_modules', '.cache', 'personakit');
}

/** Everything a run's answer depends on apart from its files and the external files checked separately. */
function keyBase(plan: WorkspacePlan, options: LintOptions, code: string): string {
  const settingsBytes = plan.settings.file
    ? readFileBytes(plan.settings.file, plan.settings.file, Number.MAX_SAFE_INTEGER)
    : 'none';
  return JSON.stringify({
    format: CACHE_FORMAT,
    code,
    cwd: plan.cwd,
    mode: options.mode,
    quiet: options.quiet ?? false,
    minCompleteness: options.minCompleteness ?? null,
    today: (options.today ?? new Date()).toISOString().slice(0, 10),
    settings: settingsBytes === 'none' ? 'none' : hashBytes(settingsBytes),
    files: plan.files.length,
  });
}

/**
 * The run's key: its base, then the files one by one, separated by NUL (which no path contains),
 * rather than as one JSON text of 10,000 entries built first (bench/README.md, "Warm --cache").
 */
function runKey(base: string, plan: WorkspacePlan, hashes: string[]): string {
  const key = createHash('sha1').update(base);
  plan.files.forEach((f, i) => key.update(`\0${f.absPath}\0${f.file}\0${f.reported ? 1 : 0}\0${hashes[i]}`));
  return key.digest('hex');
}

function fromStored(stored: StoredFile, absPath: string, file: string, hash: string): CheckedFile {
  return {
    file,
    absPath,
    // JSON has no `undefined`: unreadable documents come back as null (parseYaml never keeps a null one).
    documents: stored.documents.map((d) => (d === null ? undefined : d)),
    findings: stored.findings.map((f) => ({ ...f, file })),
    hasDirectives: stored.hasDirectives,
    schema: stored.schema,
    hash,
  };
}

/**
 * Entries for the files of this run only (old ones drop out). Files whose data JSON cannot carry
 * (YAML's .inf and .nan: Infinity, NaN) are parsed every time rather than stored.
 */
function toStoredEntries(files: CheckedFile[]): StoredFiles['entries'] {
  const entries: StoredFiles['entries'] = {};
  files.forEach((f) => {
    if (!f.documents.every(jsonSafe)) return;
    entries[f.hash] = {
      documents: f.documents,
      findings: f.findings.map(({ file: _file, ...rest }) => rest),
      hasDirectives: f.hasDirectives,
      schema: f.schema,
    };
  });
  return entries;
}

/** JSON keeps this value as it is: no non-finite number anywhere in it (depth is bounded by limits.maxDepth). */
function jsonSafe(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(jsonSafe);
  for (const key in value) if (!jsonSafe((value as Record<string, unknown>)[key])) return false;
  return true;
}
