import type { Finding } from '../diagnostic.js';
import type { Workspace } from '../workspace/workspace.js';
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
 * The one rule shape: metadata plus a pure function from the workspace to findings.
 * Findings may name any file; the engine keeps only those of files that were asked about.
 */
export interface Rule extends RuleMeta {
  check(context: RuleContext): Finding[] | Promise<Finding[]>;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
