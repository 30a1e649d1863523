import type { Finding } from '../diagnostic.js';
import { isRecord } from '../model/completeness.js';
import { SCORED_CRITERIA } from '../model/market-criteria.js';
import type { WorkspaceDocument } from '../workspace/workspace.js';
import { findingAt } from './facts.js';

/**
 * What JSON Schema cannot say about fit.weights and fit.tiers (README, "Weighted scoring"): a weight
 * for a criterion the market does not score, and tiers that are not listed highest first.
 */
export function scoringSchemaProblems(doc: WorkspaceDocument): Finding[] {
  const fit = doc.data.fit;
  if (!isRecord(fit)) return [];
  return [...weightsNotScored(doc, fit), ...tiersOutOfOrder(doc, fit)];
}

function weightsNotScored(doc: WorkspaceDocument, fit: Record<string, unknown>): Finding[] {
  if (!isRecord(fit.weights)) return [];
  const criteria = isRecord(doc.data.criteria) ? doc.data.criteria : {};
  const findings: Finding[] = [];
  for (const name of Object.keys(fit.weights)) {
    if (!(SCORED_CRITERIA as readonly string[]).includes(name)) continue; // the JSON Schema reports it
    const pointer = `/fit/weights/${name}`;
    if (name === 'incumbent' && criteria.incumbent === 'any')
      findings.push(
        findingAt(
          'schema',
          doc,
          pointer,
          'fit.weights gives "incumbent" a weight, but criteria.incumbent is "any", which is never scored; remove the weight, or set incumbent to none or prefer',
          'key',
        ),
      );
    else if (criteria[name] === undefined)
      findings.push(
        findingAt(
          'schema',
          doc,
          pointer,
          `fit.weights gives "${name}" a weight, but criteria does not state ${name}, so it is never scored; add criteria.${name} or remove the weight`,
          'key',
        ),
      );
  }
  return findings;
}

function tiersOutOfOrder(doc: WorkspaceDocument, fit: Record<string, unknown>): Finding[] {
  if (!isRecord(fit.tiers)) return [];
  const findings: Finding[] = [];
  let above: [string, number] | undefined;
  for (const [name, min] of Object.entries(fit.tiers)) {
    if (name.startsWith('x-') || typeof min !== 'number') continue;
    if (above && min >= above[1])
      findings.push(
        findingAt(
          'schema',
          doc,
          `/fit/tiers/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          `tier "${name}" starts at ${min}, ${min === above[1] ? 'the same score as' : 'higher than'} tier "${above[0]}" (${above[1]}) above it; list tiers highest first, each starting below the one before`,
        ),
      );
    else above = [name, min];
  }
  return findings;
}
