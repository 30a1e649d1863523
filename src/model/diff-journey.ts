import { alignmentOf, type Alignment } from './alignment.js';
import type { Change, ChangeKind } from './diff-types.js';
import { diffValue } from './diff-values.js';

/**
 * What changed in a journey: its alignment (cells of buying × sales stages gained or lost, gaps
 * and crossings appearing or resolved, phases now missing), then every field item by item
 * (stages added, removed or reordered, a stage's phase or emotion, milestones and celebrations).
 */
export function diffJourney(before: Record<string, unknown>, after: Record<string, unknown>): Change[] {
  const out: Change[] = [];
  const was = alignmentOf(before);
  const now = alignmentOf(after);
  compareSets(out, 'alignment', cells(was), cells(now), 'added', 'removed');
  compareSets(out, 'gaps', gaps(was), gaps(now), 'appeared', 'resolved');
  compareSets(out, 'crossings', crossings(was), crossings(now), 'appeared', 'resolved');
  compareSets(out, 'phases missing', new Set(was.phasesMissing), new Set(now.phasesMissing), 'appeared', 'resolved');
  // aligns_with is reported as the alignment cells above, in the reader's terms.
  diffValue('', before, after, out, {
    skip: (field) => field === 'kind' || field === 'id' || /^sales_stages\[[^\]]*\]\.aligns_with$/.test(field),
  });
  return out;
}

/** "buying stage × sales stage" for every aligned pair. */
function cells(a: Alignment): Set<string> {
  const set = new Set<string>();
  a.matrix.forEach((row, r) =>
    row.forEach((aligned, c) => {
      if (aligned) set.add(`${a.buyingStages[r]!.id} × ${a.salesStages[c]!.id}`);
    }),
  );
  return set;
}

/** Buying stages no sales stage aligns with. */
function gaps(a: Alignment): Set<string> {
  return new Set(a.uncovered.map((index) => a.buyingStages.find((b) => b.index === index)!.id));
}

/** Sales stages that run ahead of the buyer, with the one that reached further. */
function crossings(a: Alignment): Set<string> {
  const id = (index: number) => a.salesStages.find((s) => s.index === index)!.id;
  return new Set(a.crossings.map((c) => `${id(c.sales)} (after ${id(c.reachedFurther)})`));
}

function compareSets(
  out: Change[],
  field: string,
  was: Set<string>,
  now: Set<string>,
  gained: ChangeKind,
  lost: ChangeKind,
): void {
  for (const item of now) if (!was.has(item)) out.push({ field, change: gained, item });
  for (const item of was) if (!now.has(item)) out.push({ field, change: lost, item });
}
