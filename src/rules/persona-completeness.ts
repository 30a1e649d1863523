import type { Finding } from '../diagnostic.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { completenessFor, findingAt, idPointer, nameOf } from './facts.js';
import { defineRule, type DocumentContext } from './rule.js';

export const personaCompleteness = defineRule({
  id: 'persona-completeness',
  severity: 'error',
  description:
    "A persona's completeness (filled headings of eight) is below the minimum; the message lists the missing headings.",
  help: 'Fill the headings the message lists (about, personality, goals, challenges, hangouts, value, objections, messages), or lower `completeness.min` in personakit.yaml or with --min-completeness.',
  checkDocument(doc: WorkspaceDocument, context: DocumentContext): Finding[] {
    if (doc.kind !== 'persona') return [];
    const min = context.completenessMin;
    const c = completenessFor(context, doc);
    if (c.percent >= min) return [];
    return [
      findingAt(
        'persona-completeness',
        doc,
        idPointer(doc),
        `${nameOf(doc)} is incomplete — missing: ${c.missing.join(', ')} (${c.filled}/${c.total} = ${c.percent} %, minimum ${min} %)`,
      ),
    ];
  },
});
