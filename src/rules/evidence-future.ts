import type { Finding } from '../diagnostic.js';
import { isRecord } from '../model/completeness.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { parseIsoDay } from './evidence-stale.js';
import { findingAt, nameOf } from './facts.js';
import { defineRule, type DocumentContext } from './rule.js';

export const evidenceFuture = defineRule({
  id: 'evidence-future',
  severity: 'warning',
  description: 'A persona evidence date lies after today (UTC): research cannot have been done yet.',
  help: 'Write the date the research was actually done (YYYY-MM-DD); research that is only planned belongs in a note, not in `evidence`.',
  checkDocument(doc: WorkspaceDocument, context: DocumentContext): Finding[] {
    if (doc.kind !== 'persona' || !Array.isArray(doc.data.evidence)) return [];
    const today = context.today;
    const todayMs = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
    const findings: Finding[] = [];
    doc.data.evidence.forEach((entry: unknown, index) => {
      if (!isRecord(entry) || typeof entry.date !== 'string') return;
      const day = parseIsoDay(entry.date);
      if (day === undefined || day <= todayMs) return;
      findings.push(
        findingAt(
          'evidence-future',
          doc,
          `/evidence/${index}/date`,
          `evidence[${index}].date of ${nameOf(doc)} is ${entry.date}, after today (${new Date(todayMs).toISOString().slice(0, 10)}); write the date the research was done`,
        ),
      );
    });
    return findings;
  },
});
