import type { Finding } from '../diagnostic.js';
import { recordItems } from '../model/alignment.js';
import { isRecord } from '../model/completeness.js';
import type { Kind } from '../schema/compile.js';
import { suggestion } from '../schema/suggest.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { documentsById, eachRecord, findingAt, reportedDocuments } from './facts.js';
import { defineRule, type RuleContext } from './rule.js';

const RULE = 'unknown-reference';

/** A reference found in a document: the id it names and where it is. */
interface Reference {
  id: string;
  pointer: string;
}

/** What ids one reference list may name, and what else those ids could wrongly be. */
interface Target {
  /** "persona", "buying stage"… */
  what: string;
  valid: ReadonlySet<string> | ReadonlyMap<string, unknown>;
  /** Ids of other things, by what they are, for "… is a market, not a persona". */
  others: Array<[string, ReadonlySet<string> | ReadonlyMap<string, unknown>]>;
  /** Where the ids live, when not the whole workspace: " in this journey". */
  scope?: string;
  /** What the field should hold, for the fix. */
  fix: string;
}

export const unknownReference = defineRule({
  id: RULE,
  severity: 'error',
  description:
    'A reference (journey personas, aligns_with, value addresses, milestone stage, buyer_personas, accounts_file) names nothing.',
  help: 'Use the id of something that exists: a persona id in the workspace, a buying stage of the same journey, or a goal or challenge of the same persona (the message suggests the closest id); for accounts_file, a readable CSV file, relative to the market file.',
  // References within one document: a journey's stages, a persona's goals and challenges.
  checkDocument(doc: WorkspaceDocument): Finding[] {
    if (doc.kind === 'journey') return journeyStageReferences(doc);
    if (doc.kind === 'persona') return personaAddresses(doc);
    return [];
  },
  // References to personas anywhere in the workspace.
  checkWorkspace(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    const personas: Target = {
      what: 'persona',
      valid: documentsById(context, 'persona'),
      others: otherKinds(context, 'persona'),
      fix: 'list the ids of personas in the workspace',
    };
    for (const doc of reportedDocuments(context, 'journey'))
      findings.push(...unresolved(doc, stringsAt(doc.data.personas, '/personas'), personas));
    for (const doc of reportedDocuments(context, 'market')) {
      const criteria = doc.data.criteria;
      if (isRecord(criteria))
        findings.push(...unresolved(doc, stringsAt(criteria.buyer_personas, '/criteria/buyer_personas'), personas));
    }
    return findings;
  },
});

function journeyStageReferences(doc: WorkspaceDocument): Finding[] {
  const ids = (list: string) =>
    new Set(recordItems(doc.data[list]).flatMap(([item]) => (typeof item.id === 'string' ? [item.id] : [])));
  const stages: Target = {
    what: 'buying stage',
    scope: ' in this journey',
    valid: ids('stages'),
    others: [
      ['sales stage', ids('sales_stages')],
      ['milestone', ids('milestones')],
    ],
    fix: "use the id of one of this journey's stages",
  };
  const refs: Reference[] = [];
  for (const [sales, i] of recordItems(doc.data.sales_stages))
    refs.push(...stringsAt(sales.aligns_with, `/sales_stages/${i}/aligns_with`));
  for (const [milestone, i] of recordItems(doc.data.milestones)) {
    if (typeof milestone.stage === 'string') refs.push({ id: milestone.stage, pointer: `/milestones/${i}/stage` });
  }
  return unresolved(doc, refs, stages);
}

function personaAddresses(doc: WorkspaceDocument): Finding[] {
  const own = new Set<string>();
  const addOwn = (item: Record<string, unknown>) => void (typeof item.id === 'string' && own.add(item.id));
  eachRecord(doc.data.goals, addOwn);
  eachRecord(doc.data.challenges, addOwn);
  // Run on every persona: only references that name nothing get a pointer and a message.
  const refs: Reference[] = [];
  eachRecord(doc.data.value, (entry, i) => {
    if (!Array.isArray(entry.addresses)) return;
    entry.addresses.forEach((id: unknown, k) => {
      if (typeof id === 'string' && !own.has(id)) refs.push({ id, pointer: `/value/${i}/addresses/${k}` });
    });
  });
  if (refs.length === 0) return [];
  return unresolved(doc, refs, {
    what: 'goal or challenge',
    scope: ' in this persona',
    valid: own,
    others: [],
    fix: "addresses lists ids of this persona's goals and challenges",
  });
}

function unresolved(doc: WorkspaceDocument, refs: Reference[], target: Target): Finding[] {
  const findings: Finding[] = [];
  for (const ref of refs) {
    if (target.valid.has(ref.id)) continue;
    const actually = target.others.find(([, ids]) => ids.has(ref.id))?.[0];
    const message = actually
      ? `"${ref.id}" is a ${actually}, not a ${target.what}; ${target.fix}`
      : `${target.what} "${ref.id}" does not exist${target.scope ?? ''}${suggestion(ref.id, target.valid.keys())}; ${target.fix}`;
    findings.push(findingAt(RULE, doc, ref.pointer, message));
  }
  return findings;
}

/** The string entries of a list (other types are schema errors, not references). */
function stringsAt(value: unknown, pointer: string): Reference[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v, i): Reference[] => (typeof v === 'string' ? [{ id: v, pointer: `${pointer}/${i}` }] : []));
}

function otherKinds(context: RuleContext, kind: Kind): Target['others'] {
  return (['persona', 'journey', 'market'] as const)
    .filter((k) => k !== kind)
    .map((k) => [k, documentsById(context, k)]);
}
