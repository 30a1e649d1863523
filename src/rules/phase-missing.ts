import type { Finding } from '../diagnostic.js';
import { PHASES } from '../model/alignment.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { alignmentFor, findingAt, nameOf } from './facts.js';
import { defineRule, type DocumentContext } from './rule.js';

export const phaseMissing = defineRule({
  id: 'phase-missing',
  severity: 'warning',
  description: `A journey without a stage in each phase (${PHASES.join(', ')}); often "the journey ends at the sale".`,
  help: 'Add stages for the missing phases: retention (after the sale, up to advocacy) is far cheaper than acquisition, so the journey should not stop at the first purchase.',
  checkDocument(doc: WorkspaceDocument, context: DocumentContext): Finding[] {
    if (doc.kind !== 'journey') return [];
    const { buyingStages, phasesMissing } = alignmentFor(context, doc);
    // A stage without a valid phase is a schema error, and which phase it meant is unknown.
    if (buyingStages.length === 0 || phasesMissing.length === 0 || buyingStages.some((b) => !b.phase)) return [];
    const endsAtSale = phasesMissing.includes('retention') ? ' — the journey ends at the sale' : '';
    return [
      findingAt(
        'phase-missing',
        doc,
        '/stages',
        `${nameOf(doc)} has no ${phasesMissing.join(' or ')} stage${endsAtSale}; add stages for ${phasesMissing.join(', ')}`,
        'key',
      ),
    ];
  },
});
