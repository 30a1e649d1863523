import type { Finding } from '../diagnostic.js';
import { findingAt, idPointer, nameOf, reportedDocuments } from './facts.js';
import { defineRule, type RuleContext } from './rule.js';

export const evidenceMissing = defineRule({
  id: 'evidence-missing',
  severity: 'warning',
  description: 'A persona has no `evidence`: nothing shows the research it rests on.',
  help: 'Add an `evidence` list naming the interviews, surveys, CRM data or sales-team input behind the persona, each with its date.',
  check(context: RuleContext): Finding[] {
    return reportedDocuments(context, 'persona').flatMap((doc) => {
      const evidence = doc.data.evidence;
      // Present but not a list is a schema error; an empty list is as good as none.
      if (evidence !== undefined && evidence !== null && !(Array.isArray(evidence) && evidence.length === 0)) return [];
      return [findingAt('evidence-missing', doc, idPointer(doc), `${nameOf(doc)} has no evidence; add the research it rests on (source and date)`)];
    });
  },
});
