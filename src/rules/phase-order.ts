import type { Finding } from '../diagnostic.js';
import { PHASES } from '../model/alignment.js';
import { alignmentFor, findingAt, reportedDocuments, stageLabel } from './facts.js';
import { defineRule, type RuleContext } from './rule.js';

export const phaseOrder = defineRule({
  id: 'phase-order',
  severity: 'error',
  description: 'Buying stages whose phases go backwards (a retention stage before an adoption stage…).',
  help: `Order the stages so that phases run ${PHASES.join(' → ')}, or correct the stage's \`phase\`.`,
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const doc of reportedDocuments(context, 'journey')) {
      const { phaseRegressions, buyingStages } = alignmentFor(context, doc);
      for (const regression of phaseRegressions) {
        const stage = buyingStages.find((b) => b.index === regression.stage)!;
        const after = buyingStages.find((b) => b.index === regression.after)!;
        findings.push(findingAt('phase-order', doc, `/stages/${stage.index}/phase`,
          `buying stage ${stageLabel(stage)} is in phase ${stage.phase}, but comes after ${stageLabel(after)} in phase ${after.phase}; ` +
          `phases run ${PHASES.join(' → ')}: move the stage or correct its phase`));
      }
    }
    return findings;
  },
});
