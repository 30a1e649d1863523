import { completenessOf } from './completeness.js';
import type { Placeholders } from './placeholders.js';
import type { Change } from './diff-types.js';
import { diffValue } from './diff-values.js';

/**
 * What changed in a persona: the headings filled or emptied and the completeness they make, the
 * newest evidence date, then every field (goals, challenges, objections, messages, value entries,
 * roles, evidence…) item by item.
 */
export function diffPersona(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  placeholders: { base?: Placeholders; head?: Placeholders } = {},
): Change[] {
  const out: Change[] = [];
  // Each revision's own placeholder texts decide what fills a heading there.
  const was = completenessOf(before, placeholders.base);
  const now = completenessOf(after, placeholders.head);
  if (was.percent !== now.percent)
    out.push({ field: 'completeness', change: 'changed', before: `${was.percent} %`, after: `${now.percent} %` });
  now.headings.forEach((heading, i) => {
    if (heading.filled !== was.headings[i]!.filled)
      out.push({ field: 'headings', change: heading.filled ? 'filled' : 'emptied', item: heading.label });
  });
  const newestBefore = newestEvidence(before.evidence);
  const newestAfter = newestEvidence(after.evidence);
  if (newestBefore !== newestAfter)
    out.push({ field: 'newest evidence', change: 'changed', before: newestBefore, after: newestAfter });
  diffValue('', before, after, out, { skip: (field) => field === 'kind' || field === 'id' });
  return out;
}

/** The latest `date` of the evidence list (ISO dates compare as text), or null. */
export function newestEvidence(evidence: unknown): string | null {
  if (!Array.isArray(evidence)) return null;
  let newest: string | null = null;
  for (const item of evidence) {
    const date = (item as { date?: unknown } | null)?.date;
    if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && (newest === null || date > newest))
      newest = date;
  }
  return newest;
}
