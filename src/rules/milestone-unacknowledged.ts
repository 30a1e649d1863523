import type { Finding } from '../diagnostic.js';
import { recordItems } from '../model/alignment.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { findingAt, isBlank } from './facts.js';
import { defineRule } from './rule.js';

export const milestoneUnacknowledged = defineRule({
  id: 'milestone-unacknowledged',
  severity: 'warning',
  description: 'A milestone with no `celebrate`: the customer reaches it and we do not acknowledge it.',
  help: 'Add `celebrate` with the channel and message we use every time a customer reaches this milestone.',
  checkDocument(doc: WorkspaceDocument): Finding[] {
    if (doc.kind !== 'journey') return [];
    return recordItems(doc.data.milestones)
      .filter(([milestone]) => isBlank(milestone.celebrate))
      .map(([milestone, i]) =>
        findingAt(
          'milestone-unacknowledged',
          doc,
          `/milestones/${i}`,
          `milestone ${typeof milestone.id === 'string' ? `"${milestone.id}" ` : ''}is not celebrated; add celebrate with the channel and message that acknowledge it`,
        ),
      );
  },
});
