import type { Finding } from '../diagnostic.js';
import { completenessFor, findingAt, idPointer, nameOf, reportedDocuments } from './facts.js';
import { defineRule, type RuleContext } from './rule.js';

export const personaCompleteness = defineRule({
  id: 'persona-completeness',
  severity: 'error',
  description: "A persona's completeness (filled headings of eight) is below the minimum; the message lists the missing headings.",
  help: 'Fill the headings the message lists (about, personality, goals, challenges, hangouts, value, objections, messages), or lower `completeness.min` in personakit.yaml or with --min-completeness.',
  check(context: RuleContext): Finding[] {
    const min = context.completenessMin;
    return reportedDocuments(context, 'persona').flatMap((doc) => {
      const c = completenessFor(context, doc);
      if (c.percent >= min) return [];
      return [findingAt('persona-completeness', doc, idPointer(doc),
        `${nameOf(doc)} is incomplete — missing: ${c.missing.join(', ')} (${c.filled}/${c.total} = ${c.percent} %, minimum ${min} %)`)];
    });
  },
});
