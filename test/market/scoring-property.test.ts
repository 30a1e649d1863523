import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCORED_CRITERIA, type Account } from '../../src/model/market-criteria.js';
import { fitAccount, readFitDefinition } from '../../src/model/market-fit.js';
import { criteria, word } from './market-arbitraries.js';

const SOURCE = { in: 'inline', index: 0, pointer: '/accounts/0' } as const;

const account: fc.Arbitrary<Account> = fc.record(
  {
    name: fc.constant('Acme'),
    sector: word,
    region: word,
    growth_stage: word,
    problems: fc.array(
      word.filter((w) => w !== ''),
      { maxLength: 3 },
    ),
    employees: fc.integer({ min: 0, max: 1200 }),
    revenue: fc.integer({ min: 0, max: 1200 }),
    buys_category: fc.boolean(),
    incumbent: word,
    annual_spend: fc.integer({ min: 0, max: 100 }),
  },
  { requiredKeys: ['name'] },
);

const fit = fc.record(
  {
    // Shares an account can hit exactly (k of n criteria), where rounding would show first.
    threshold: fc.oneof(
      fc.constantFrom(0, 0.3, 0.7, 0.9, 1),
      fc.integer({ min: 1, max: 8 }).chain((n) => fc.integer({ min: 0, max: n }).map((k) => k / n)),
    ),
    required: fc.subarray([...SCORED_CRITERIA]),
  },
  { requiredKeys: [] },
);

/** SPEC 3.3 as it was written before weights: counts, not weights. */
function countVerdict(outcomes: string[], required: boolean[], threshold: number) {
  const matched = outcomes.filter((o) => o === 'match').length;
  const scored = outcomes.filter((o) => o !== 'unknown').length;
  const requiredFailed = outcomes.some((o, i) => o === 'mismatch' && required[i]);
  return {
    fits: scored > 0 && matched / scored >= threshold && !requiredFailed,
    score: scored > 0 ? matched / scored : null,
  };
}

describe('weights of 1 everywhere (property, random markets and accounts)', () => {
  it('give the verdicts, scores and outcomes of scoring without weights, and of counting', () => {
    fc.assert(
      fc.property(criteria, fit, account, (c, f, a) => {
        const plain = readFitDefinition({ criteria: c, fit: f });
        const ones = readFitDefinition({
          criteria: c,
          fit: { ...f, weights: Object.fromEntries(plain.scored.map((name) => [name, 1])) },
        });
        const before = fitAccount(a, SOURCE, plain);
        const weighted = fitAccount(a, SOURCE, ones);
        const pick = (x: typeof before) => ({
          fits: x.fits,
          score: x.score,
          points: x.points,
          matched: x.matched,
          scored: x.scored,
          results: x.results,
          failed: x.failed,
          failedRequired: x.failedRequired,
          unknown: x.unknown,
        });
        expect(pick(weighted)).toEqual(pick(before));
        const counted = countVerdict(
          before.results.map((r) => r.outcome),
          before.results.map((r) => plain.required.includes(r.criterion)),
          plain.threshold,
        );
        expect({ fits: before.fits, score: before.score }).toEqual(counted);
        // Without the new settings the words are those of counting.
        expect(before.summary).not.toMatch(/score \d|points|disqualified|not enough data/);
      }),
      { numRuns: 3000, seed: 25 },
    );
  });
});
