import type { Finding } from '../diagnostic.js';
import { PHASES } from '../model/alignment.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { alignmentFor, findingAt, stageLabel } from './facts.js';
import { defineRule, type DocumentContext } from './rule.js';

export const phaseOrder = defineRule({
  id: 'phase-order',
  severity: 'error',
  description: 'Buying stages whose phases go backwards (a retention stage before an adoption stage…).',
  help: `Order the stages so that phases run ${PHASES.join(' → ')}, or correct the stage's \`phase\`.`,
  checkDocument(doc: WorkspaceDocument, context: DocumentContext): Finding[] {
    if (doc.kind !== 'journey') return [];
    const { phaseRegressions, buyingStages } = alignmentFor(context, doc);
    return phaseRegressions.map((regression) => {
      const stage = buyingStages.find((b) => b.index === regression.stage)!;
      const after = buyingStages.find((b) => b.index === regression.after)!;
      return findingAt(
        'phase-order',
        doc,
        `/stages/${stage.index}/phase`,
        `buying stage ${stageLabel(stage)} is in phase ${stage.phase}, but comes after ${stageLabel(after)} in phase ${after.phase}; ` +
          `phases run ${PHASES.join(' → ')}: move the stage or correct its phase`,
      );
    });
  },
});
