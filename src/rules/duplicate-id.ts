import type { Finding } from '../diagnostic.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { CORE_RULES } from './types.js';
import { defineRule, type RuleContext } from './rule.js';

/** Lists whose items carry ids, per kind; lists in one group share one namespace (goals and challenges). */
const ID_LISTS: Record<string, string[][]> = {
  persona: [['goals', 'challenges']],
  journey: [['stages'], ['sales_stages'], ['milestones']],
  market: [],
};

export const duplicateId = defineRule({
  ...CORE_RULES.find((r) => r.id === 'duplicate-id')!,
  // Ids of the items of one document's lists.
  checkDocument: duplicatesWithin,
  // Document ids across the workspace.
  checkWorkspace(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    const first = new Map<string, WorkspaceDocument>();
    for (const doc of context.workspace.documents) {
      if (doc.id === undefined) continue;
      const key = `${doc.kind}\u0000${doc.id}`;
      const original = first.get(key);
      if (!original) first.set(key, doc);
      else {
        const at = context.locate(original.file, original.docIndex, '/id');
        findings.push({
          rule: 'duplicate-id',
          file: doc.file,
          docIndex: doc.docIndex,
          pointer: '/id',
          message: `${doc.kind} id "${doc.id}" is already used at ${original.file}:${at.line}:${at.column}; ids must be unique per kind`,
        });
      }
    }
    return findings;
  },
});

function duplicatesWithin(doc: WorkspaceDocument): Finding[] {
  const findings: Finding[] = [];
  for (const group of ID_LISTS[doc.kind] ?? []) {
    // Where each id was first seen: the list and the item's index, worded only for a duplicate.
    const seen = new Map<string, { list: string; index: number }>();
    for (const list of group) {
      const items = doc.data[list];
      if (!Array.isArray(items)) continue;
      for (let i = 0; i < items.length; i++) {
        const item: unknown = items[i];
        const id = item !== null && typeof item === 'object' ? (item as Record<string, unknown>).id : undefined;
        if (typeof id !== 'string') continue;
        const previous = seen.get(id);
        if (previous === undefined) seen.set(id, { list, index: i });
        else
          findings.push({
            rule: 'duplicate-id',
            file: doc.file,
            docIndex: doc.docIndex,
            pointer: `/${list}/${i}/id`,
            message: `id "${id}" of ${list}[${i}] is already used by ${previous.list}[${previous.index}]${group.length > 1 ? ` (${group.join(' and ')} share one set of ids)` : ''}; rename one of them`,
          });
      }
    }
  }
  return findings;
}
