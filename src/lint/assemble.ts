import { isKind, KINDS } from '../schema/compile.js';
import { show, type SchemaProblem } from '../schema/messages.js';
import { suggestion } from '../schema/suggest.js';
import type { LoadedFile } from '../load/load-file.js';
import { planWorkspace, type PlanOptions, type Workspace, type WorkspacePlan } from '../workspace/workspace.js';
import type { CheckedFile } from './checked-file.js';
import { toDocument } from './documents.js';
import { documentPassFor, type DocumentPassRequest } from './document-pass.js';
import { readFiles } from './read-files.js';
import { filesInFlight, type Concurrency } from './concurrency.js';
import { gatherFacts } from './facts.js';

export interface LoadOptions extends PlanOptions {
  /**
   * Run the document-scope rules as each file is read, while its documents are fresh, and keep
   * only summaries of personas unless `summaries: false`.
   */
  documentRules?: DocumentPassRequest;
  /** How many files are read at once (default `auto`). */
  concurrency?: Concurrency;
  /** Keep the accounts files' own `x-` columns on the accounts (render --format csv needs them). */
  ownColumns?: boolean;
}

/**
 * Find the workspace, collect and parse its files, classify and schema-validate the documents,
 * and read the accounts_file of every reported market (the market model reads no file).
 */
export async function loadWorkspace(options: LoadOptions): Promise<Workspace> {
  const plan = await planWorkspace(options);
  const pass = options.documentRules ? documentPassFor(options.documentRules, plan.settings) : undefined;
  const documents = filesInFlight(options.concurrency, 'documents');
  const workspace = assembleWorkspace(plan, await readFiles(plan.files, plan.settings.limits, pass, documents));
  if (pass) workspace.documentPass = pass.mode;
  await gatherFacts(workspace, {
    pictures: false,
    concurrency: filesInFlight(options.concurrency, 'facts'),
    ownColumns: options.ownColumns === true,
  });
  return workspace;
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
    facts: { accounts: new Map(), pictures: new Map() },
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
