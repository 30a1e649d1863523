import type { Finding } from '../diagnostic.js';
import type { Placeholders } from '../model/placeholders.js';
import { CHECK_RULES, VALIDATE_RULES } from '../rules/registry.js';
import type { DocumentContext, Rule } from '../rules/rule.js';
import type { Settings } from '../workspace/settings.js';
import { toDocument } from './documents.js';
import type { DocumentRunner } from './checked-file.js';

/**
 * The document-scope parts of the rules (Rule.checkDocument), run right after a file is parsed
 * and validated, while its documents are fresh; personas can then be cut to the summary the
 * workspace-scope rules read.
 */
export interface DocumentPass {
  mode: 'validate' | 'check';
  /** Today, in ms since the epoch (evidence-stale). */
  today: number;
  completenessMin: number;
  evidenceMaxAgeDays: number;
  placeholders: Placeholders;
  /** Rules turned off in personakit.yaml: not run. */
  off: string[];
  /** Cut personas down to what the workspace-scope rules read (diagnostics alone are wanted). */
  summaries: boolean;
}

/** What a run asks for: the rules of `mode` as of `today`; the rest comes from personakit.yaml. */
export interface DocumentPassRequest {
  mode: DocumentPass['mode'];
  today: Date;
  /** Overrides completeness.min (--min-completeness). */
  minCompleteness?: number;
  /** Keep only summaries of personas (default); false keeps every document whole, for render. */
  summaries?: boolean;
}

export function documentPassFor(request: DocumentPassRequest, settings: Settings): DocumentPass {
  return {
    mode: request.mode,
    today: request.today.getTime(),
    completenessMin: request.minCompleteness ?? settings.completenessMin,
    evidenceMaxAgeDays: settings.evidenceMaxAgeDays,
    placeholders: settings.placeholders,
    off: Object.keys(settings.rules).filter((id) => settings.rules[id] === 'off'),
    summaries: request.summaries ?? true,
  };
}

/**
 * The only persona fields the workspace-scope rules read: ids (references, duplicate-id,
 * persona-orphan) and the picture (picture-invalid). With the pass done, the other fields of the
 * 10,000 personas of a large workspace need not be kept.
 * Journeys and markets are few and their workspace rules read them whole, so they stay whole.
 */
const PERSONA_SUMMARY = ['kind', 'id', 'picture'];

export function documentRules(pass: DocumentPass): Rule[] {
  const rules = pass.mode === 'check' ? [...VALIDATE_RULES, ...CHECK_RULES] : VALIDATE_RULES;
  return rules.filter((r) => r.checkDocument !== undefined && !pass.off.includes(r.id));
}

/**
 * Runs the document rules on the documents of a file asked about (`reported`), into
 * `file.ruleFindings`, then, if the pass says so, cuts every persona down to its summary (files
 * not asked about too: their ids still count for references).
 */
export function documentRunner(pass: DocumentPass): DocumentRunner {
  const rules = documentRules(pass);
  // One context for the run; its memo holds one document's models at a time.
  const memos = new Map<string, unknown>();
  const context: DocumentContext = {
    today: new Date(pass.today),
    completenessMin: pass.completenessMin,
    evidenceMaxAgeDays: pass.evidenceMaxAgeDays,
    placeholders: pass.placeholders,
    memo: <T>(key: string, compute: () => T): T => {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
  };
  return (file, reported) => {
    const findings: Finding[] = [];
    file.documents.forEach((data, docIndex) => {
      const doc = toDocument(file, data, docIndex, reported, file.schema[docIndex] ?? []);
      if (!doc) return;
      if (reported) {
        memos.clear();
        for (const rule of rules) for (const finding of rule.checkDocument!(doc, context)) findings.push(finding);
      }
      if (pass.summaries && doc.kind === 'persona') file.documents[docIndex] = summaryOf(doc.data);
    });
    file.ruleFindings = findings;
  };
}

function summaryOf(data: Record<string, unknown>): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  for (const key of PERSONA_SUMMARY) {
    if (!Object.hasOwn(data, key)) continue;
    summary[key] = data[key];
  }
  return summary;
}
