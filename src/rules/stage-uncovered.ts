import type { Finding } from '../diagnostic.js';
import type { Alignment, SalesStage } from '../model/alignment.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { alignmentFor, findingAt, stageLabel } from './facts.js';
import { defineRule, type DocumentContext } from './rule.js';

export const stageUncovered = defineRule({
  id: 'stage-uncovered',
  severity: 'error',
  description:
    "A buying stage that no sales stage aligns with: a gap in the seller's process (only when the journey has `sales_stages`).",
  help: "Add the buying stage's id to the `aligns_with` of the sales stage that serves it (the message suggests the nearest one), or add a sales stage for it.",
  checkDocument(doc: WorkspaceDocument, context: DocumentContext): Finding[] {
    const findings: Finding[] = [];
    if (doc.kind !== 'journey') return findings;
    const alignment = alignmentFor(context, doc);
    for (const index of alignment.uncovered) {
      const row = alignment.buyingStages.findIndex((b) => b.index === index);
      const stage = alignment.buyingStages[row]!;
      const nearest = nearestSalesStage(alignment, row);
      const fix = nearest
        ? `add "${stage.id}" to the aligns_with of the nearest sales stage, "${nearest.id}", or add a sales stage for it`
        : 'add a sales stage that aligns with it';
      findings.push(
        findingAt(
          'stage-uncovered',
          doc,
          `/stages/${index}`,
          `no sales stage aligns with buying stage ${stageLabel(stage)}; ${fix}`,
        ),
      );
    }
    return findings;
  },
});

/**
 * The sales stage serving the closest covered buying stage: the one before wins a tie, because a
 * gap usually means the previous sales stage was meant to stretch further.
 */
export function nearestSalesStage(alignment: Alignment, row: number): SalesStage | undefined {
  const { matrix, salesStages } = alignment;
  for (let d = 1; d < matrix.length; d++) {
    const before = matrix[row - d];
    if (before) {
      const col = before.lastIndexOf(true);
      if (col >= 0) return salesStages[col];
    }
    const after = matrix[row + d];
    if (after) {
      const col = after.indexOf(true);
      if (col >= 0) return salesStages[col];
    }
  }
  return undefined;
}
