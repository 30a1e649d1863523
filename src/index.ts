/**
 * personakit's library API. Importing it never parses argv, prints, or exits:
 * everything returns data (diagnostics, models) for the caller to present.
 */
export type { Diagnostic, Finding, Severity } from './diagnostic.js';
export { countBySeverity, compareDiagnostics } from './diagnostic.js';
export { UsageError, SettingsError, InterruptedError } from './errors.js';
export type { Concurrency } from './lint/concurrency.js';
export { lint, type LintOptions, type LintResult } from './lint/lint.js';
export type { Workspace, WorkspaceDocument } from './workspace/workspace.js';
// Two loaded workspaces are what diffWorkspaces() compares.
export { loadWorkspace, type LoadOptions } from './lint/assemble.js';
export type { Settings } from './workspace/settings.js';
export { formatDiagnostics, reporters } from './report/index.js';
export { FORMATS, type Format, type ReportOptions, type Reporter } from './report/types.js';
export type { RuleMeta } from './rules/types.js';
export type { Rule, RuleContext } from './rules/rule.js';
export { allRuleMeta } from './rules/registry.js';
export { KINDS, type Kind, readSchema, SCHEMAS_DIR } from './schema/compile.js';
export { validateAgainst } from './schema/validate.js';
export { completenessOf, HEADINGS, type Completeness } from './model/completeness.js';
export { alignmentOf, PHASES, type Alignment, type Phase } from './model/alignment.js';
export { evaluateMarket, type MarketModel } from './model/market-model.js';
export { diffWorkspaces, type DiffWorkspacesOptions } from './lint/diff-linted.js';
export { diffRevisions, type DiffRevisionsOptions } from './lint/diff-revisions.js';
export type {
  WorkspaceDiff,
  DocumentChange,
  Change,
  ChangeKind,
  DiffRevision,
  DiffSummary,
} from './model/diff-types.js';
