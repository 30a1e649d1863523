import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/schema/suggest.js';

/** The plain version: full edit distance to every candidate, then the first closest within input.length / 3. */
function reference(input: string, candidates: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    if (Math.abs(a.length - b.length) > 8) return Infinity;
    let before: number[] = [];
    let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      for (let j = 1; j <= b.length; j++) {
        row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          row[j] = Math.min(row[j]!, before[j - 2]! + 1);
      }
      before = prev;
      prev = row;
    }
    return prev[b.length]!;
  };
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(input.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(input.length / 3)) && best !== input
    ? best
    : undefined;
}

describe('did you mean', () => {
  it('suggests close ids, transpositions and case slips, and nothing far away', () => {
    expect(didYouMean('finance-fiona', ['ops-omar', 'finance-fionna'])).toBe('finance-fionna');
    expect(didYouMean('tpye', ['type', 'text'])).toBe('type');
    expect(didYouMean('Goals', ['goals'])).toBe('goals');
    expect(didYouMean('goals', ['goals'])).toBeUndefined();
    expect(didYouMean('zzz', ['goals', 'type'])).toBeUndefined();
  });

  it('picks what the full edit distance picks (first of the closest), for random inputs', () => {
    const word = fc.stringMatching(/^[a-cA-C-]{0,14}$/);
    fc.assert(
      fc.property(
        word,
        fc.array(word, { maxLength: 30 }),
        (input, candidates) => didYouMean(input, candidates) === reference(input, candidates),
      ),
      { numRuns: 3000, seed: 7 },
    );
  });

  // Candidates are first compared by the letters they share (ASCII only); other characters,
  // including one whose lower case is longer ("İ"), go straight to the full distance.
  it('picks what the full edit distance picks with letters beyond ASCII', () => {
    const word = fc.stringMatching(/^[abiAB\u0130\u00e9\u00c9\u00df-]{0,12}$/);
    fc.assert(
      fc.property(
        word,
        fc.array(word, { maxLength: 30 }),
        (input, candidates) => didYouMean(input, candidates) === reference(input, candidates),
      ),
      { numRuns: 2000, seed: 11 },
    );
  });
});
