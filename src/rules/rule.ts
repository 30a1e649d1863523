import type { Finding } from '../diagnostic.js';
import type { Workspace, WorkspaceDocument } from '../workspace/workspace.js';
import type { Placeholders } from '../model/placeholders.js';
import type { RuleMeta } from './types.js';

/** What a rule sees: the whole loaded workspace (references resolve across it) and injected facts. */
export interface RuleContext {
  workspace: Workspace;
  /** Today's date (UTC); injected so tests control evidence-stale. */
  today: Date;
  /** Minimum persona completeness in percent, after command-line overrides. */
  completenessMin: number;
  /** Position of a node in any workspace file (parses that file's positions on demand). */
  locate(file: string, docIndex: number, pointer: string): { line: number; column: number };
  /**
   * Compute a derived model once per run and share it between rules (and reports):
   * e.g. market fit, which both account-misfit and market-share need. The key names the model.
   */
  memo<T>(key: string, compute: () => T): T;
}

/**
 * What the document-scope part of a rule sees: one document and plain facts, nothing of the rest
 * of the workspace. Plain data on purpose: it travels to the file-reading threads, where this part
 * runs while files are read (src/workspace/document-pass.ts).
 */
export interface DocumentContext {
  today: Date;
  completenessMin: number;
  evidenceMaxAgeDays: number;
  /** Texts that fill no heading (placeholder-text, completeness). */
  placeholders: Placeholders;
  /** Like RuleContext.memo: completeness and alignment are shared by the rules of a document. */
  memo<T>(key: string, compute: () => T): T;
}

/**
 * The one rule shape: metadata plus a pure function from the workspace to findings.
 * Findings may name any file; the engine keeps only those of files that were asked about.
 *
 * A rule declares its scope by its parts: `checkDocument` looks at one reported document alone
 * (completeness, a persona's own goals, a journey's stages), so it runs as each file is read
 * (lint/document-pass.ts); `checkWorkspace` looks across documents (references, duplicate ids).
 * `check` is always the whole rule: both parts over the loaded workspace.
 */
export interface Rule extends RuleMeta {
  check(context: RuleContext): Finding[] | Promise<Finding[]>;
  checkDocument?(doc: WorkspaceDocument, context: DocumentContext): Finding[];
  /** The cross-document part of a rule that has a `checkDocument` (none: it has none). */
  checkWorkspace?(context: RuleContext): Finding[] | Promise<Finding[]>;
}

/** A rule of workspace scope only, or one made of a document part and an optional workspace part. */
export type RuleDefinition =
  | (RuleMeta & { check(context: RuleContext): Finding[] | Promise<Finding[]> })
  | (RuleMeta & Required<Pick<Rule, 'checkDocument'>> & Pick<Rule, 'checkWorkspace'>);

export function defineRule(rule: RuleDefinition): Rule {
  if ('check' in rule) return rule;
  const { checkDocument, checkWorkspace } = rule;
  return {
    ...rule,
    async check(context: RuleContext): Promise<Finding[]> {
      const findings = checkWorkspace ? [...(await checkWorkspace(context))] : [];
      const documentContext = documentContextOf(context);
      for (const doc of context.workspace.documents)
        if (doc.reported) findings.push(...checkDocument(doc, documentContext));
      return findings;
    },
  };
}

/** The document context of a run on the main thread (memo shared with the workspace rules). */
export function documentContextOf(context: RuleContext): DocumentContext {
  return {
    today: context.today,
    completenessMin: context.completenessMin,
    evidenceMaxAgeDays: context.workspace.settings.evidenceMaxAgeDays,
    placeholders: context.workspace.settings.placeholders,
    memo: context.memo,
  };
}
