import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCORED_CRITERIA, type Account } from '../../src/model/market-criteria.js';
import { fitAccount, readFitDefinition, scoreAccount, summariseFit } from '../../src/model/market-fit.js';
import { MisfitWords } from '../../src/model/market-words.js';
import { criteria, word } from './market-arbitraries.js';

const SOURCE = { in: 'inline', index: 0, pointer: '/accounts/0' } as const;
const fitSettings = fc.record(
  {
    threshold: fc.constantFrom(0, 0.5, 0.7, 1),
    required: fc.subarray([...SCORED_CRITERIA]),
    weights: fc.dictionary(fc.constantFrom(...SCORED_CRITERIA), fc.constantFrom(0, 0.5, 1, 2, 3)),
    tiers: fc.constant({ A: 85, B: 70, C: 50 }),
    min_known: fc.constantFrom(0, 0.6, 1),
    disqualify: criteria,
  },
  { requiredKeys: [] },
);
// Problem lists shared between accounts, as the rows of an accounts file share them.
const SHARED_PROBLEMS = [Object.freeze(['fraud']), Object.freeze(['slow close', 'Fraud'])] as unknown as string[][];
const account: fc.Arbitrary<Account> = fc.record(
  {
    name: fc.constant('Acme'),
    sector: word,
    region: word,
    growth_stage: word,
    problems: fc.oneof(fc.constantFrom(...SHARED_PROBLEMS), fc.array(word, { maxLength: 2 })),
    employees: fc.integer({ min: 0, max: 1200 }),
    revenue: fc.integer({ min: 0, max: 1200 }),
    buys_category: fc.boolean(),
    incumbent: word,
  },
  { requiredKeys: ['name'] },
);

describe('MisfitWords: the summaries of a market’s misfits, built once per shape', () => {
  it('word every account exactly as summariseFit and the full description do (property, random markets)', () => {
    fc.assert(
      fc.property(criteria, fitSettings, fc.array(account, { minLength: 1, maxLength: 40 }), (c, f, accounts) => {
        const definition = readFitDefinition({ criteria: c, fit: f, currency: 'GBP' });
        const words = new MisfitWords(definition);
        for (const a of accounts) {
          const score = scoreAccount(a, definition);
          if (score.fits) continue;
          const expected = summariseFit(a, score, definition);
          expect(words.summary(a, score)).toBe(expected);
          expect(fitAccount(a, SOURCE, definition).summary).toBe(expected);
        }
      }),
      { numRuns: 500, seed: 2525 },
    );
  });

  it('stays right past the values it remembers: a column of unique figures', () => {
    const definition = readFitDefinition({
      criteria: { employees: { max: 100 }, revenue: { min: 5e6 } },
      currency: 'GBP',
      fit: { disqualify: { revenue: { max: 1e6 } } },
    });
    const words = new MisfitWords(definition);
    for (let i = 0; i < 2500; i += 1) {
      const a: Account = { name: `A${i}`, employees: 101 + i, revenue: 1000 * i };
      const score = scoreAccount(a, definition);
      expect(words.summary(a, score)).toBe(summariseFit(a, score, definition));
    }
    const last = { name: 'Z', employees: 3000, revenue: 250 };
    expect(words.summary(last, scoreAccount(last, definition))).toBe(
      'disqualified by revenue (revenue £250 is within at most £1,000,000); score 0 of 100, below the threshold 100',
    );
  });
});
