import type { Finding } from '../diagnostic.js';
import { recordItems } from '../model/alignment.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { alignmentFor, findingAt, isBlank, stageLabel } from './facts.js';
import { defineRule, type DocumentContext, type Rule } from './rule.js';
import type { RuleMeta } from './types.js';

/**
 * The shape shared by rules that want every buying stage to say something (a message, a touchpoint):
 * one finding per stage whose `field` is blank, at the stage.
 */
export function stageFieldRule(meta: Omit<RuleMeta, 'mandatory'>, field: string, problem: string): Rule {
  return defineRule({
    ...meta,
    checkDocument(doc: WorkspaceDocument, context: DocumentContext): Finding[] {
      if (doc.kind !== 'journey') return [];
      const stages = alignmentFor(context, doc).buyingStages;
      return recordItems(doc.data.stages)
        .filter(([stage]) => isBlank(stage[field]))
        .map(([, i]) =>
          findingAt(
            meta.id,
            doc,
            `/stages/${i}`,
            `buying stage ${stageLabel(stages.find((b) => b.index === i)!)} ${problem}`,
          ),
        );
    },
  });
}
