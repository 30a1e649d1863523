import path from 'node:path';
import type { Finding } from '../diagnostic.js';
import { UsageError } from '../errors.js';
import type { LoadedFile } from '../load/load-file.js';
import { isKind, KINDS, type Kind } from '../schema/compile.js';
import { show } from '../schema/messages.js';
import { suggestion } from '../schema/suggest.js';
import type { SchemaProblem } from '../schema/messages.js';
import { collectFiles, type CollectedFile } from './collect.js';
import { findSettingsFile } from './find-root.js';
import type { CheckedFile, FileToRead } from './checked-file.js';
import { documentPassFor, type DocumentPass, type DocumentPassRequest } from './document-pass.js';
import { readFiles, type ReadOptions } from './read-files.js';
import { defaultSettings, readSettings, type Settings } from './settings.js';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** One YAML document with a known kind. */
export interface WorkspaceDocument {
  kind: Kind;
  /** The document's id when it is a valid id (schema-invalid documents still count for references). */
  id?: string;
  data: Record<string, unknown>;
  file: string;
  absPath: string;
  docIndex: number;
  /** Diagnostics about this document are reported (it was asked about). */
  reported: boolean;
  /** The document passed its JSON Schema. */
  schemaValid: boolean;
}

export interface Workspace {
  cwd: string;
  settings: Settings;
  /** Every file read, reported or not. */
  files: LoadedFile[];
  /** Display paths of the files asked about, in path order. */
  reportedFiles: string[];
  documents: WorkspaceDocument[];
  /** Findings of loading and schema validation, for reported files only (and of the document pass, if it ran). */
  findings: Finding[];
  /**
   * Set when the document-scope rules of this mode already ran as the files were read (their
   * findings are in `findings`); personas then hold only their summary unless the pass kept
   * them whole (see document-pass.ts).
   */
  documentPass?: DocumentPass['mode'];
}

export interface LoadOptions {
  cwd: string;
  /** Paths, folders or globs from the command line; empty = the workspace's paths or cwd. */
  paths: readonly string[];
  /** How files are read: when to use worker threads (defaults suit the CLI). */
  read?: ReadOptions;
  /**
   * Run the document-scope rules while reading (spread over the reading threads, each document
   * while it is fresh), and keep only summaries of personas unless `summaries: false`.
   */
  documentRules?: DocumentPassRequest;
  /** Told the files to read once they are known, before any is read (render starts its writer thread then). */
  onPlanned?: (plan: WorkspacePlan) => void;
}

/** Which files a run reads and reports, decided before any is read (the cache hashes them first). */
export interface WorkspacePlan {
  cwd: string;
  settings: Settings;
  /** Every file to read, in workspace order. */
  files: FileToRead[];
  /** Absolute paths of the files asked about. */
  reported: Set<string>;
  /** Kind-less documents are reported (SPEC 7, "Which files"). */
  strictKinds: boolean;
}

/** Find the workspace, collect and parse its files, classify and schema-validate the documents. */
export async function loadWorkspace(options: LoadOptions): Promise<Workspace> {
  const plan = await planWorkspace(options);
  options.onPlanned?.(plan);
  if (!options.documentRules)
    return assembleWorkspace(plan, await readFiles(plan.files, plan.settings.limits, options.read));
  const pass = documentPassFor(options.documentRules, plan.settings);
  const workspace = assembleWorkspace(
    plan,
    await readFiles(plan.files, plan.settings.limits, { ...options.read, documentPass: pass }),
  );
  workspace.documentPass = pass.mode;
  return workspace;
}

/** Find personakit.yaml and collect the files to read, without reading them. */
export async function planWorkspace(options: LoadOptions): Promise<WorkspacePlan> {
  const { cwd } = options;
  const settingsFile = await findSettingsFile(path.resolve(cwd, options.paths[0] ?? '.'));
  const settings = settingsFile ? await readSettings(settingsFile, display(cwd, settingsFile)) : defaultSettings();
  const scopeSpecs = settings.root ? (settings.paths ?? [settings.root]) : [];

  let named: CollectedFile[];
  if (options.paths.length > 0) named = await collectFiles(options.paths, cwd, settings.root);
  else if (settings.root) named = await collectScope(scopeSpecs, cwd, settings);
  else named = await collectFiles(['.'], cwd);
  // Kind-less YAML is only a problem where personakit was pointed at (SPEC 7, "Which files").
  const strictKinds = options.paths.length > 0 || settings.root !== undefined;

  const reported = new Set(named.map((f) => f.absPath));
  // Workspace order first, whatever was named: "the first" of two duplicate ids must not depend on
  // which file the user asked about. Named files outside the workspace paths come after.
  let all = named;
  if (settings.root && options.paths.length > 0) {
    const scope = await collectScope(scopeSpecs, cwd, settings);
    const inScope = new Set(scope.map((f) => f.absPath));
    all = [...scope, ...named.filter((f) => !inScope.has(f.absPath))];
  }
  return {
    cwd,
    settings,
    files: all.map((f) => ({ absPath: f.absPath, file: display(cwd, f.absPath), reported: reported.has(f.absPath) })),
    reported,
    strictKinds,
  };
}

/** Classify the documents of files already read (in plan order) into a workspace. */
export function assembleWorkspace(plan: WorkspacePlan, files: CheckedFile[]): Workspace {
  const { cwd, settings, reported, strictKinds } = plan;
  const workspace: Workspace = {
    cwd,
    settings,
    files,
    reportedFiles: files.filter((f) => reported.has(f.absPath)).map((f) => f.file),
    documents: [],
    findings: [],
  };
  for (const file of files) {
    const isReported = reported.has(file.absPath);
    if (isReported) workspace.findings.push(...file.findings, ...(file.ruleFindings ?? []));
    file.documents.forEach((data, docIndex) =>
      classify(workspace, file, data, docIndex, isReported, strictKinds, file.schema[docIndex] ?? []),
    );
  }
  return workspace;
}

/** `problems`: the document's schema problems, found while its file was read (see checked-file.ts). */
function classify(
  ws: Workspace,
  file: LoadedFile,
  data: unknown,
  docIndex: number,
  reported: boolean,
  strictKinds: boolean,
  problems: readonly SchemaProblem[],
): void {
  const report = (message: string, pointer = '', at: 'key' | 'value' = 'value') => {
    if (reported && strictKinds)
      ws.findings.push({ rule: 'unknown-kind', file: file.file, docIndex, pointer, at, message });
  };
  if (data === undefined) return; // unreadable: its yaml-syntax finding says why
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    report('the document is not a mapping of fields; a personakit document is a mapping that starts with `kind:`');
    return;
  }
  const record = data as Record<string, unknown>;
  if (!Object.hasOwn(record, 'kind')) {
    report(`the document has no "kind" field; add kind: ${KINDS.join(', kind: ')}`);
    return;
  }
  if (!isKind(record.kind)) {
    const value = record.kind;
    report(
      typeof value === 'string'
        ? `unknown kind "${value}"${suggestion(value, KINDS)}; use one of ${KINDS.join(', ')}`
        : `kind must be one of ${KINDS.join(', ')} — got ${show(value)}`,
      '/kind',
    );
    return;
  }
  ws.documents.push(toDocument(file, record, docIndex, reported, problems)!);
  if (reported) {
    for (const p of problems)
      ws.findings.push({ rule: 'schema', file: file.file, docIndex, pointer: p.pointer, at: p.at, message: p.message });
  }
}

/** The workspace document of parsed data, when it is a mapping of a known kind (else undefined). */
export function toDocument(
  file: Pick<LoadedFile, 'file' | 'absPath'>,
  data: unknown,
  docIndex: number,
  reported: boolean,
  problems: readonly SchemaProblem[],
): WorkspaceDocument | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  if (!Object.hasOwn(record, 'kind') || !isKind(record.kind)) return undefined;
  const id = typeof record.id === 'string' && ID_PATTERN.test(record.id) ? record.id : undefined;
  const doc: WorkspaceDocument = {
    kind: record.kind,
    data: record,
    file: file.file,
    absPath: file.absPath,
    docIndex,
    reported,
    schemaValid: problems.length === 0,
  };
  if (id !== undefined) doc.id = id;
  return doc;
}

async function collectScope(specs: readonly string[], cwd: string, settings: Settings): Promise<CollectedFile[]> {
  try {
    return await collectFiles(specs, cwd, settings.root);
  } catch (e) {
    if (e instanceof UsageError && settings.file) {
      throw new UsageError(
        `${e.message} (listed under "paths" in ${display(cwd, settings.file)})`,
        'fix "paths" in personakit.yaml',
      );
    }
    throw e;
  }
}

export function display(cwd: string, absPath: string): string {
  // The common case without path.relative (10,000 calls were a tenth of a cached run): a path
  // below cwd with no `.` or `..` segment to normalise away.
  const plainBelow =
    absPath.startsWith(cwd) &&
    absPath[cwd.length] === path.sep &&
    !cwd.endsWith(path.sep) &&
    !absPath.includes(`${path.sep}.`, cwd.length);
  const rel = plainBelow ? absPath.slice(cwd.length + 1) : path.relative(cwd, absPath);
  const shown = rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? absPath : rel;
  return path.sep === '/' ? shown : shown.split(path.sep).join('/');
}

/** Like Promise.all over a map, with at most `limit` in flight (10k files must not exhaust file handles). */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
