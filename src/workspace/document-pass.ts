import type { Finding } from '../diagnostic.js';
import { CHECK_RULES, VALIDATE_RULES } from '../rules/registry.js';
import type { DocumentContext, Rule } from '../rules/rule.js';
import type { CheckedFile } from './checked-file.js';
import type { Settings } from './settings.js';
import { toDocument } from './workspace.js';

/**
 * The document-scope parts of the rules (Rule.checkDocument), run by the reading lanes right after
 * a file is parsed and validated, so that they are spread over every core like the parsing. Plain
 * data: it is handed to the worker threads as it is.
 */
export interface DocumentPass {
  mode: 'validate' | 'check';
  /** Today, in ms since the epoch (evidence-stale). */
  today: number;
  completenessMin: number;
  evidenceMaxAgeDays: number;
  /** Rules turned off in personakit.yaml: not run. */
  off: string[];
}

/**
 * The only persona fields the workspace-scope rules read: ids (references, duplicate-id,
 * persona-orphan) and the picture (picture-invalid). With the pass done, the other fields of the
 * 10,000 personas of a large workspace need neither be handed from the worker threads nor kept.
 * Journeys and markets are few and their workspace rules read them whole, so they stay whole.
 */
const PERSONA_SUMMARY = ['kind', 'id', 'picture'];

export function documentRules(pass: DocumentPass): Rule[] {
  const rules = pass.mode === 'check' ? [...VALIDATE_RULES, ...CHECK_RULES] : VALIDATE_RULES;
  return rules.filter((r) => r.checkDocument !== undefined && !pass.off.includes(r.id));
}

let cached: { pass: DocumentPass; rules: Rule[] } | undefined;

/**
 * Run the document rules on the documents of a file asked about (`reported`), into
 * `file.ruleFindings`, then cut every persona down to its summary (files not asked about too:
 * their ids still count for references).
 */
export function applyDocumentPass(file: CheckedFile, reported: boolean, pass: DocumentPass): void {
  if (cached?.pass !== pass) cached = { pass, rules: documentRules(pass) };
  const findings: Finding[] = [];
  file.documents.forEach((data, docIndex) => {
    const doc = toDocument(file, data, docIndex, reported, file.schema[docIndex] ?? []);
    if (!doc) return;
    if (reported) {
      const memos = new Map<string, unknown>();
      const context: DocumentContext = {
        today: new Date(pass.today),
        completenessMin: pass.completenessMin,
        evidenceMaxAgeDays: pass.evidenceMaxAgeDays,
        memo: <T>(key: string, compute: () => T): T => {
          if (!memos.has(key)) memos.set(key, compute());
          return memos.get(key) as T;
        },
      };
      for (const rule of cached!.rules) findings.push(...rule.checkDocument!(doc, context));
    }
    if (doc.kind === 'persona') file.documents[docIndex] = summaryOf(doc.data);
  });
  file.ruleFindings = findings;
}

function summaryOf(data: Record<string, unknown>): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  for (const key of PERSONA_SUMMARY) if (Object.hasOwn(data, key)) summary[key] = data[key];
  return summary;
}

/** What a run asks for: the rules of `mode` as of `today`; the rest comes from personakit.yaml. */
export interface DocumentPassRequest {
  mode: DocumentPass['mode'];
  today: Date;
  /** Overrides completeness.min (--min-completeness). */
  minCompleteness?: number;
}

export function documentPassFor(request: DocumentPassRequest, settings: Settings): DocumentPass {
  return {
    mode: request.mode,
    today: request.today.getTime(),
    completenessMin: request.minCompleteness ?? settings.completenessMin,
    evidenceMaxAgeDays: settings.evidenceMaxAgeDays,
    off: Object.keys(settings.rules).filter((id) => settings.rules[id] === 'off'),
  };
}
