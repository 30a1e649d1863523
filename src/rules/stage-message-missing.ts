import type { Finding } from '../diagnostic.js';
import { alignmentFor, findingAt, isBlank, reportedDocuments, stageLabel } from './facts.js';
import { recordItems } from '../model/alignment.js';
import { defineRule, type RuleContext } from './rule.js';

export const stageMessageMissing = defineRule({
  id: 'stage-message-missing',
  severity: 'warning',
  description: 'A buying stage with no `message`: nothing says what we communicate at that stage.',
  help: "Add a `message` to the stage: what we tell the customer there, in the customer's terms.",
  check(context: RuleContext): Finding[] {
    return reportedDocuments(context, 'journey').flatMap((doc) => {
      const stages = alignmentFor(context, doc).buyingStages;
      return recordItems(doc.data.stages)
        .filter(([stage]) => isBlank(stage.message))
        .map(([, i]) => findingAt('stage-message-missing', doc, `/stages/${i}`,
          `buying stage ${stageLabel(stages.find((b) => b.index === i)!)} has no message; add what we communicate at this stage`));
    });
  },
});
