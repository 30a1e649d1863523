import { compareDiagnostics, type Diagnostic, type Finding, type Severity } from '../diagnostic.js';
import { PositionResolver } from '../load/resolve.js';
import { loadWorkspace, type LoadOptions, type Workspace } from '../workspace/workspace.js';
import { allRuleMeta, CHECK_RULES, VALIDATE_RULES } from './registry.js';
import type { Rule, RuleContext } from './rule.js';
import type { RuleMeta } from './types.js';

export interface LintOptions extends LoadOptions {
  /** `validate`: syntax, schema, kinds, ids. `check`: every rule. */
  mode: 'validate' | 'check';
  /** Today's date for evidence-stale; defaults to now. */
  today?: Date;
  /** Overrides completeness.min from personakit.yaml. */
  minCompleteness?: number;
  /** Errors only: warnings are neither reported nor counted. */
  quiet?: boolean;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  /** Display paths of the files asked about. */
  files: string[];
  workspace: Workspace;
  rules: RuleMeta[];
}

/** Load the workspace and run the rules of the mode; returns data, prints nothing. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const workspace = await loadWorkspace(options);
  return lintWorkspace(workspace, options);
}

export async function lintWorkspace(workspace: Workspace, options: Omit<LintOptions, keyof LoadOptions>): Promise<LintResult> {
  const absPaths = new Map(workspace.files.map((f) => [f.file, f.absPath]));
  const resolver = new PositionResolver((file) => absPaths.get(file));
  const memos = new Map<string, unknown>();
  const context: RuleContext = {
    workspace,
    today: options.today ?? new Date(),
    completenessMin: options.minCompleteness ?? workspace.settings.completenessMin,
    locate: (file, docIndex, pointer) => resolver.index(file)?.locate(docIndex, pointer) ?? { line: 1, column: 1 },
    memo: <T>(key: string, compute: () => T): T => {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
  };
  const rules: readonly Rule[] = options.mode === 'check' ? [...VALIDATE_RULES, ...CHECK_RULES] : VALIDATE_RULES;
  const reported = new Set(workspace.reportedFiles);
  const findings: Finding[] = [...workspace.findings];
  for (const rule of rules) {
    if (severityOf(rule.id, rule.severity, workspace) === 'off') continue;
    for (const finding of await rule.check(context)) if (reported.has(finding.file)) findings.push(finding);
  }
  const meta = allRuleMeta();
  const defaults = new Map(meta.map((r) => [r.id, r.severity]));
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const severity = severityOf(finding.rule, finding.severity ?? defaults.get(finding.rule) ?? 'error', workspace);
    if (severity === 'off' || (options.quiet && severity === 'warning')) continue;
    diagnostics.push(resolver.resolve(finding, severity));
  }
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, files: workspace.reportedFiles, workspace, rules: meta };
}

function severityOf(rule: string, fallback: Severity, workspace: Workspace): Severity | 'off' {
  return workspace.settings.rules[rule] ?? fallback;
}
