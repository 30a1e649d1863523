import { describe, expect, it } from 'vitest';
import { FitBreakdown } from '../../src/model/market-breakdown.js';
import type { Account } from '../../src/model/market-criteria.js';
import { fitAccount, readFitDefinition } from '../../src/model/market-fit.js';
import { isNearMiss } from '../../src/model/market-rank.js';

const source = { in: 'inline', index: 0, pointer: '/accounts/0' } as const;

function nearMiss(fit: Record<string, unknown>, account: Account): boolean {
  const definition = readFitDefinition({
    criteria: { sectors: ['retail'], regions: ['UK'], problems: ['slow close'], employees: { min: 10 } },
    fit,
  });
  return isNearMiss(fitAccount(account, source, definition), definition.threshold);
}

describe('isNearMiss: one criterion away from fitting', () => {
  const threeOfFour: Account = { name: 'a', sector: 'food', region: 'UK', problems: ['slow close'], employees: 50 };
  const twoOfFour: Account = { name: 'b', sector: 'food', region: 'UK', problems: ['other'], employees: 50 };

  it('holds when the heaviest mismatch turned into a match reaches the threshold', () => {
    expect(nearMiss({ threshold: 1 }, threeOfFour)).toBe(true);
    expect(nearMiss({ threshold: 0.8 }, twoOfFour)).toBe(false);
    expect(nearMiss({ threshold: 0.75 }, twoOfFour)).toBe(true);
  });

  it('weighs the mismatches: a heavy one can be made up, a light one not', () => {
    // 2 of 4 matched by count; with sectors ×3 the sector mismatch is worth 3 of 6.
    expect(nearMiss({ threshold: 0.9, weights: { sectors: 3 } }, twoOfFour)).toBe(false);
    expect(nearMiss({ threshold: 0.8, weights: { sectors: 3 } }, twoOfFour)).toBe(true);
  });

  it('never holds for a fitting account, a failed required criterion, a disqualified one or nothing scored', () => {
    expect(nearMiss({ threshold: 0.5 }, threeOfFour)).toBe(false); // fits
    expect(nearMiss({ threshold: 1, required: ['sectors'] }, threeOfFour)).toBe(false);
    expect(nearMiss({ threshold: 1, disqualify: { regions: ['UK'] } }, threeOfFour)).toBe(false);
    expect(nearMiss({ threshold: 1 }, { name: 'unknown' })).toBe(false);
  });
});

describe('FitBreakdown: accounts and fits by sector or region', () => {
  it('folds spellings as the criteria compare them, names groups as the criteria spell them, puts "not given" last', () => {
    const b = new FitBreakdown(['Food Distribution']);
    b.add('food distribution', true);
    b.add('  FOOD   distribution ', false);
    b.add('retail', true);
    b.add(undefined, false);
    b.add(' ', true);
    expect(b.result()).toEqual({
      groups: [
        { label: 'Food Distribution', fitting: 1, total: 2 },
        { label: 'retail', fitting: 1, total: 1 },
        { label: null, fitting: 1, total: 2 },
      ],
      others: 0,
    });
  });

  it('sums the smallest groups beyond the limit into one', () => {
    const b = new FitBreakdown(undefined);
    for (const [name, n] of [
      ['a', 5],
      ['b', 4],
      ['c', 3],
      ['d', 2],
      ['e', 1],
    ] as const)
      for (let i = 0; i < n; i++) b.add(name, i === 0);
    expect(b.result(3)).toEqual({
      groups: [
        { label: 'a', fitting: 1, total: 5 },
        { label: 'b', fitting: 1, total: 4 },
        { label: '3 others', fitting: 3, total: 6 },
      ],
      others: 3,
    });
  });
});
