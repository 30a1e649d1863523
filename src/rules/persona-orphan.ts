import type { Finding } from '../diagnostic.js';
import { findingAt, idPointer, reportedDocuments } from './facts.js';
import { defineRule, type RuleContext } from './rule.js';

export const personaOrphan = defineRule({
  id: 'persona-orphan',
  severity: 'warning',
  description: 'A persona that no journey uses (only when the workspace holds journeys).',
  help: "Add the persona's id to the `personas` of the journeys they travel, or remove the persona if nobody buys that way.",
  check(context: RuleContext): Finding[] {
    // Journeys anywhere in the workspace count, not only those in the files asked about (SPEC 7).
    const journeys = context.workspace.documents.filter((d) => d.kind === 'journey');
    if (journeys.length === 0) return [];
    const used = new Set<unknown>(journeys.flatMap((j) => (Array.isArray(j.data.personas) ? j.data.personas : [])));
    return reportedDocuments(context, 'persona')
      .filter((doc) => doc.id !== undefined && !used.has(doc.id))
      .map((doc) =>
        findingAt(
          'persona-orphan',
          doc,
          idPointer(doc),
          `persona "${doc.id}" is in no journey; add "${doc.id}" to the personas of the journeys they travel`,
        ),
      );
  },
});
