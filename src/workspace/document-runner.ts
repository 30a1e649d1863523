import type { Finding } from '../diagnostic.js';
import { CHECK_RULES, VALIDATE_RULES } from '../rules/registry.js';
import type { DocumentContext, Rule } from '../rules/rule.js';
import type { DocumentPass, DocumentRunner } from './document-pass.js';
import { toDocument } from './workspace.js';

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
