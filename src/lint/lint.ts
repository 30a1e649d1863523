import { compareDiagnostics, type Diagnostic, type Finding, type Severity } from '../diagnostic.js';
import { PositionResolver } from '../load/resolve.js';
import { checkRuleSettings } from '../workspace/settings.js';
import type { DocumentPassRequest } from './document-pass.js';
import type { Workspace } from '../workspace/workspace.js';
import { loadWorkspace, type LoadOptions } from './assemble.js';
import { allRuleMeta, CHECK_RULES, VALIDATE_RULES } from '../rules/registry.js';
import type { Rule, RuleContext } from '../rules/rule.js';
import type { RuleMeta } from '../rules/types.js';
import { applyDirectives, type Resolved } from '../rules/unused-disable.js';
import { pictureInvalid } from '../rules/picture-invalid.js';
import { filesInFlight } from './concurrency.js';
import { gatherFacts } from './facts.js';

export interface LintOptions extends LoadOptions {
  /** `validate`: syntax, schema, kinds, ids. `check`: every rule. */
  mode: 'validate' | 'check';
  /** Today's date for evidence-stale; defaults to now. */
  today?: Date;
  /** Overrides completeness.min from personakit.yaml. */
  minCompleteness?: number;
  /** Errors only: warnings are neither reported nor counted. */
  quiet?: boolean;
  /**
   * Only the diagnostics are wanted: the result's workspace holds personas as summaries (kind,
   * id, picture) rather than their full data. Off by default: render and library callers read
   * the documents. Either way the document-scope rules run as files are read (on every core).
   */
  diagnosticsOnly?: boolean;
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
  // One `today` for both halves of every rule.
  const today = options.today ?? new Date();
  const documentRules: DocumentPassRequest = { mode: options.mode, today, summaries: options.diagnosticsOnly === true };
  if (options.minCompleteness !== undefined) documentRules.minCompleteness = options.minCompleteness;
  return lintWorkspace(await loadWorkspace({ ...options, documentRules }), { ...options, today });
}

/**
 * Run the rules over a loaded workspace: rules see every document (references resolve across the
 * workspace), findings are kept only for the files asked about, then positioned, given their
 * configured severity and filtered by comment directives.
 */
export async function lintWorkspace(
  workspace: Workspace,
  options: Omit<LintOptions, Exclude<keyof LoadOptions, 'concurrency'>>,
): Promise<LintResult> {
  const meta = allRuleMeta();
  checkRuleSettings(workspace.settings, meta);
  await gatherFacts(workspace, {
    pictures: options.mode === 'check' && severityOf(pictureInvalid.id, pictureInvalid.severity, workspace) !== 'off',
    concurrency: filesInFlight(options.concurrency, 'facts'),
  });
  const loaded = new Map(workspace.files.map((f) => [f.file, f]));
  const resolver = new PositionResolver((file) => loaded.get(file));
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
  // A finding about a reported market's accounts file is reported with the market.
  const reported = new Set(workspace.reportedFiles);
  for (const table of workspace.facts.accounts.values()) reported.add(table.path);
  const defaults = new Map(meta.map((r) => [r.id, r.severity]));
  const severityFor = (finding: Finding) =>
    severityOf(finding.rule, finding.severity ?? defaults.get(finding.rule) ?? 'error', workspace);
  // The findings stay in the lists they came in: 70,000 CSV misfits are not copied into one more
  // array, whose growth would leave its earlier copies behind until V8 next collects its old space.
  const findings: Finding[][] = [workspace.findings];
  if (workspace.documentPass !== undefined && workspace.documentPass !== options.mode) {
    throw new Error(`the workspace was read for ${workspace.documentPass}, not ${options.mode}`);
  }
  for (const rule of rules) {
    if (severityOf(rule.id, rule.severity, workspace) === 'off') continue;
    // The document part already ran as the files were read: only the cross-document part is left.
    const check =
      workspace.documentPass && rule.checkDocument ? rule.checkWorkspace?.bind(rule) : rule.check.bind(rule);
    if (!check) continue;
    const found = await check(context);
    const isReported = (finding: Finding) => reported.has(finding.owner ?? finding.file);
    findings.push(found.every(isReported) ? found : found.filter(isReported));
  }
  // The rules' shared models and, when only diagnostics are wanted, the accounts files' rows are
  // not needed to place the findings: let them go before the diagnostics are made.
  memos.clear();
  if (options.diagnosticsOnly) workspace.facts.accounts.clear();

  const resolve = (finding: Finding, severity: Severity) => resolver.resolve(finding, severity);
  const position = (finding: Finding): Resolved | undefined => {
    const severity = severityFor(finding);
    return severity === 'off' ? undefined : { finding, diagnostic: resolve(finding, severity) };
  };
  const directives = filesWithDirectives(workspace);
  let diagnostics: Diagnostic[];
  if (directives.size === 0) {
    // The usual case: findings straight to diagnostics, without pairs of both in between.
    diagnostics = [];
    for (const list of findings)
      for (const finding of list) {
        const severity = severityFor(finding);
        if (severity !== 'off' && !(options.quiet && severity === 'warning'))
          diagnostics.push(resolve(finding, severity));
      }
  } else {
    let resolved = findings
      .flat()
      .map(position)
      .filter((r): r is Resolved => r !== undefined);
    resolved = suppress(resolved, directives, resolver, meta, options.mode === 'check', position);
    diagnostics = resolved.map((r) => r.diagnostic).filter((d) => !(options.quiet && d.severity === 'warning'));
  }
  diagnostics.sort(compareDiagnostics);
  return {
    diagnostics,
    files: workspace.reportedFiles,
    workspace,
    rules: meta,
  };
}

/** The reported files that hold comment directives. */
function filesWithDirectives(workspace: Workspace): Set<string> {
  const reported = new Set(workspace.reportedFiles);
  return new Set(workspace.files.filter((f) => f.hasDirectives && reported.has(f.file)).map((f) => f.file));
}

/** Apply the comment directives of the reported files that have any (only those files' text is re-read). */
function suppress(
  items: Resolved[],
  withDirectives: Set<string>,
  resolver: PositionResolver,
  meta: readonly RuleMeta[],
  reportUnused: boolean,
  position: (finding: Finding) => Resolved | undefined,
): Resolved[] {
  const byFile = new Map<string, Resolved[]>();
  const out: Resolved[] = [];
  for (const item of items) {
    const file = item.diagnostic.file;
    if (!withDirectives.has(file)) out.push(item);
    else if (byFile.has(file)) byFile.get(file)!.push(item);
    else byFile.set(file, [item]);
  }
  for (const file of withDirectives) {
    const index = resolver.index(file);
    const fileItems = byFile.get(file) ?? [];
    if (!index) {
      out.push(...fileItems);
      continue;
    }
    const { kept, unused } = applyDirectives(file, index, fileItems, meta, reportUnused);
    out.push(...kept);
    for (const finding of unused) {
      const item = position(finding);
      if (item) out.push(item);
    }
  }
  return out;
}

function severityOf(rule: string, fallback: Severity, workspace: Workspace): Severity | 'off' {
  return workspace.settings.rules[rule] ?? fallback;
}
