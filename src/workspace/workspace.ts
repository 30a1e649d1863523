import path from 'node:path';
import type { Finding } from '../diagnostic.js';
import { UsageError } from '../errors.js';
import type { AccountsTable } from '../load/accounts-csv.js';
import type { LoadedFile } from '../load/load-file.js';
import type { PictureLook } from '../load/picture.js';
import type { Kind } from '../schema/compile.js';
import { display } from '../util/paths.js';
import { collectFiles, type CollectedFile } from './collect.js';
import { findSettingsFile } from './find-root.js';
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
  documentPass?: 'validate' | 'check';
  /** What the rules and models need from files other than the YAML, read when loading (lint/facts.ts). */
  facts: WorkspaceFacts;
}

/**
 * Facts gathered from disk for the reported documents, keyed by factKey(doc), so that rules and
 * models read no file themselves.
 */
export interface WorkspaceFacts {
  /** Each market's accounts_file, read whole. */
  accounts: Map<string, AccountsTable>;
  /** What the disk says about each persona's picture path (inside the workspace; gathered when picture-invalid runs). */
  pictures: Map<string, PictureLook>;
}

/** The key of a document's facts. */
export function factKey(doc: Pick<WorkspaceDocument, 'file' | 'docIndex'>): string {
  return `${doc.file}#${doc.docIndex}`;
}

export interface PlanOptions {
  cwd: string;
  /** Paths, folders or globs from the command line; empty = the workspace's paths or cwd. */
  paths: readonly string[];
}

export interface FileToRead {
  absPath: string;
  /** Display path. */
  file: string;
  /** The file was asked about: the document pass runs the rules on it. */
  reported?: boolean;
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

/** Find personakit.yaml and collect the files to read, without reading them. */
export async function planWorkspace(options: PlanOptions): Promise<WorkspacePlan> {
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
