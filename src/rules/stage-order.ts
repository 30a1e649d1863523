import type { Finding } from '../diagnostic.js';
import { recordItems } from '../model/alignment.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { alignmentFor, findingAt, stageLabel } from './facts.js';
import { defineRule, type DocumentContext } from './rule.js';

export const stageOrder = defineRule({
  id: 'stage-order',
  severity: 'error',
  description:
    'Sales stages that cross: a later sales stage starts at an earlier buying stage than a sales stage before it already reached, so it runs ahead of the buyer.',
  help: "Reorder `sales_stages` to follow the customer's stages, or correct the `aligns_with` of one of the two sales stages the message names.",
  checkDocument(doc: WorkspaceDocument, context: DocumentContext): Finding[] {
    const findings: Finding[] = [];
    if (doc.kind !== 'journey') return findings;
    const { crossings, salesStages, buyingStages } = alignmentFor(context, doc);
    const raw = new Map(recordItems(doc.data.sales_stages).map(([s, i]) => [i, s]));
    for (const crossing of crossings) {
      const later = salesStages.find((s) => s.index === crossing.sales)!;
      const earlier = salesStages.find((s) => s.index === crossing.reachedFurther)!;
      const starts = buyingStages[later.first!]!;
      const reached = buyingStages[earlier.first!]!;
      // Point at the aligns_with entry that names the too-early buying stage.
      const entries = raw.get(later.index)?.aligns_with;
      const entry = Array.isArray(entries) ? entries.indexOf(starts.id) : -1;
      const pointer = `/sales_stages/${later.index}/aligns_with${entry >= 0 ? `/${entry}` : ''}`;
      findings.push(
        findingAt(
          'stage-order',
          doc,
          pointer,
          `sales stage "${later.id}" starts at buying stage ${stageLabel(starts)}, earlier than ${stageLabel(reached)} ` +
            `where sales stage "${earlier.id}" before it already starts: the sales stages cross and the seller runs ahead of the buyer; ` +
            'reorder the sales stages or fix their aligns_with',
        ),
      );
    }
    return findings;
  },
});
