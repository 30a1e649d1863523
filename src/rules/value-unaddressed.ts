import type { Finding } from '../diagnostic.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { eachRecord, findingAt } from './facts.js';
import { defineRule } from './rule.js';

const KINDS = [
  ['goals', 'goal'],
  ['challenges', 'challenge'],
] as const;

export const valueUnaddressed = defineRule({
  id: 'value-unaddressed',
  severity: 'warning',
  description: 'A persona goal or challenge that no `value` entry addresses.',
  help: 'Add the goal or challenge id to the `addresses` of a `value` entry that helps with it, add a new `value` entry, or drop the goal or challenge if we cannot help with it.',
  checkDocument(doc: WorkspaceDocument): Finding[] {
    if (doc.kind !== 'persona') return [];
    const findings: Finding[] = [];
    const addressed = new Set<unknown>();
    eachRecord(doc.data.value, (entry) => {
      if (Array.isArray(entry.addresses)) for (const id of entry.addresses) addressed.add(id);
    });
    for (const [list, what] of KINDS) {
      eachRecord(doc.data[list], (item, i) => {
        if (typeof item.id !== 'string' || addressed.has(item.id)) return;
        findings.push(
          findingAt(
            'value-unaddressed',
            doc,
            `/${list}/${i}/id`,
            `${what} "${item.id}" is not addressed by any value entry; add "${item.id}" to the addresses of the value that helps with it`,
          ),
        );
      });
    }
    return findings;
  },
});
