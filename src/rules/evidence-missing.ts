import type { Finding } from '../diagnostic.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { findingAt, idPointer, nameOf } from './facts.js';
import { defineRule } from './rule.js';

export const evidenceMissing = defineRule({
  id: 'evidence-missing',
  severity: 'warning',
  description: 'A persona has no `evidence`: nothing shows the research it rests on.',
  help: 'Add an `evidence` list naming the interviews, surveys, CRM data or sales-team input behind the persona, each with its date.',
  checkDocument(doc: WorkspaceDocument): Finding[] {
    if (doc.kind !== 'persona') return [];
    const evidence = doc.data.evidence;
    // Present but not a list is a schema error; an empty list is as good as none.
    if (evidence !== undefined && evidence !== null && !(Array.isArray(evidence) && evidence.length === 0)) return [];
    return [
      findingAt(
        'evidence-missing',
        doc,
        idPointer(doc),
        `${nameOf(doc)} has no evidence; add the research it rests on (source and date)`,
      ),
    ];
  },
});
