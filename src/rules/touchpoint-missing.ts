import type { Finding } from '../diagnostic.js';
import { alignmentFor, findingAt, isBlank, reportedDocuments, stageLabel } from './facts.js';
import { recordItems } from '../model/alignment.js';
import { defineRule, type RuleContext } from './rule.js';

export const touchpointMissing = defineRule({
  id: 'touchpoint-missing',
  severity: 'warning',
  description: 'A buying stage with no touchpoint: nothing says where the customer meets us at that stage.',
  help: 'Add `touchpoints` to the stage: the channel (web, email, sales-meeting, phone…), what happens there and who owns it.',
  check(context: RuleContext): Finding[] {
    return reportedDocuments(context, 'journey').flatMap((doc) => {
      const stages = alignmentFor(context, doc).buyingStages;
      return recordItems(doc.data.stages)
        .filter(([stage]) => isBlank(stage.touchpoints))
        .map(([, i]) => findingAt('touchpoint-missing', doc, `/stages/${i}`,
          `buying stage ${stageLabel(stages.find((b) => b.index === i)!)} has no touchpoint; add where the customer meets us at this stage`));
    });
  },
});
