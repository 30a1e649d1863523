import type { Finding } from '../diagnostic.js';
import { recordItems } from '../model/alignment.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { findingAt } from './facts.js';
import { defineRule } from './rule.js';

const KINDS = { goals: 'goal', challenges: 'challenge' } as const;

export const valueUnaddressed = defineRule({
  id: 'value-unaddressed',
  severity: 'warning',
  description: 'A persona goal or challenge that no `value` entry addresses.',
  help: 'Add the goal or challenge id to the `addresses` of a `value` entry that helps with it, add a new `value` entry, or drop the goal or challenge if we cannot help with it.',
  checkDocument(doc: WorkspaceDocument): Finding[] {
    if (doc.kind !== 'persona') return [];
    const findings: Finding[] = [];
    const addressed = new Set<unknown>(recordItems(doc.data.value).flatMap(([entry]) => (Array.isArray(entry.addresses) ? entry.addresses : [])));
    for (const [list, what] of Object.entries(KINDS)) {
      for (const [item, i] of recordItems(doc.data[list])) {
        if (typeof item.id !== 'string' || addressed.has(item.id)) continue;
        findings.push(findingAt('value-unaddressed', doc, `/${list}/${i}/id`,
          `${what} "${item.id}" is not addressed by any value entry; add "${item.id}" to the addresses of the value that helps with it`));
      }
    }
    return findings;
  },
});
