import type { Finding } from '../diagnostic.js';
import { isRecord } from '../model/completeness.js';
import { SCORED_CRITERIA } from '../model/market-criteria.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { findingAt } from './facts.js';
import { csvFinding, marketEvaluations } from './market-evaluation.js';
import { scoringSchemaProblems } from './market-scoring-schema.js';
import { defineRule, type RuleContext } from './rule.js';
import { CORE_RULES } from './types.js';

/**
 * The parts of a market's `schema` that JSON Schema cannot express, so `validate` reports them too:
 * cells of its accounts CSV of the wrong type (at csv:line:column), and fit.required naming a
 * criterion the market does not score (SPEC 7: "fit.required may name only scored criteria").
 */
export const marketSchema = defineRule({
  ...CORE_RULES.find((r) => r.id === 'schema')!,
  check(context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    // A bad cell of an accounts file two markets read is one problem, reported once.
    const seen = new Set<string>();
    for (const { doc, csvProblems } of marketEvaluations(context)) {
      findings.push(...requiredNotScored(doc), ...scoringSchemaProblems(doc));
      for (const p of csvProblems) {
        const key = `${p.file}:${p.line}:${p.column}:${p.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push(csvFinding('schema', doc, p.file, p.line, p.column, p.message));
      }
    }
    return findings;
  },
});

function requiredNotScored(doc: WorkspaceDocument): Finding[] {
  const fit = doc.data.fit;
  const criteria = isRecord(doc.data.criteria) ? doc.data.criteria : {};
  if (!isRecord(fit) || !Array.isArray(fit.required)) return [];
  const findings: Finding[] = [];
  fit.required.forEach((name: unknown, i) => {
    if (typeof name !== 'string') return;
    const pointer = `/fit/required/${i}`;
    if (name === 'incumbent' && criteria.incumbent === 'any') {
      findings.push(
        findingAt(
          'schema',
          doc,
          pointer,
          'fit.required names "incumbent", but criteria.incumbent is "any", which is never scored; remove it from fit.required, or set incumbent to none or prefer',
        ),
      );
    } else if (criteria[name] === undefined && (SCORED_CRITERIA as readonly string[]).includes(name)) {
      findings.push(
        findingAt(
          'schema',
          doc,
          pointer,
          `fit.required names "${name}", but criteria does not state ${name}, so it can never be scored; add criteria.${name} or remove it from fit.required`,
        ),
      );
    }
  });
  return findings;
}
