import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/model/market-criteria.js';
import { fitAccount, readFitDefinition, scoreAccount, summariseFit } from '../../src/model/market-fit.js';
import { compareRank, TopRanked, type RankKey } from '../../src/model/market-rank.js';

const SOURCE = { in: 'inline', index: 0, pointer: '/accounts/0' } as const;
const CRITERIA = {
  sectors: ['retail'],
  regions: ['UK'],
  employees: { min: 100, max: 1000 },
  growth_stages: ['mature'],
  buys_category: true,
};
const GOOD: Account = {
  name: 'Good Ltd',
  sector: 'retail',
  region: 'UK',
  employees: 500,
  growth_stage: 'mature',
  buys_category: true,
};

const definition = (fit: Record<string, unknown> = {}, criteria: Record<string, unknown> = CRITERIA) =>
  readFitDefinition({ criteria, fit });
const fit = (
  account: Partial<Account>,
  fitSettings: Record<string, unknown> = {},
  criteria?: Record<string, unknown>,
) => fitAccount({ ...GOOD, ...account }, SOURCE, definition(fitSettings, criteria));

describe('fit.weights', () => {
  it('scores 100 × matched weight ÷ scored weight, and fits from 100 × threshold', () => {
    const weights = { sectors: 4, regions: 3, employees: 2, growth_stages: 1, buys_category: 0 };
    // growth stage (1) and employees (2) mismatch: 7 of 10 weight matched (buys_category weighs 0).
    const a = fit({ growth_stage: 'start-up', employees: 5 }, { weights, threshold: 0.7 });
    expect(a).toMatchObject({ points: 70, score: 0.7, fits: true, matched: 3, scored: 5 });
    expect(fit({ growth_stage: 'start-up', employees: 5 }, { weights, threshold: 0.71 }).fits).toBe(false);
    // The same two mismatches without weights: 3 of 5 = 60 points.
    expect(fit({ growth_stage: 'start-up', employees: 5 }, { threshold: 0.7 })).toMatchObject({
      points: 60,
      fits: false,
    });
  });

  it('breaks the score down per criterion: weight, outcome, points (adding up to the score), reason', () => {
    const a = fit({ region: 'France', employees: undefined }, { weights: { sectors: 2 } });
    expect(a.results.map((r) => [r.criterion, r.weight, r.outcome, r.points])).toEqual([
      ['sectors', 2, 'match', 40],
      ['employees', 1, 'unknown', 0],
      ['regions', 1, 'mismatch', -20],
      ['growth_stages', 1, 'match', 20],
      ['buys_category', 1, 'match', 20],
    ]);
    expect(a.results.filter((r) => r.points > 0).reduce((s, r) => s + r.points, 0)).toBe(a.points);
    expect(a.results[2]!.reason).toBe('region "France" is not one of UK');
  });

  it('words a misfit with its score and the criteria that cost the most points, heaviest first', () => {
    const a = fit(
      { region: 'France', growth_stage: 'start-up', employees: undefined },
      { weights: { regions: 3, growth_stages: 1, sectors: 2 }, threshold: 0.8, required: ['regions'] },
    );
    expect(a.summary).toBe(
      'score 42.9 of 100, below the threshold 80; lost: regions 42.9 points (region "France" is not one of UK) [required], growth_stages 14.3 points (growth stage "start-up" is not one of mature); unknown: employees',
    );
    expect(a.mainReasons).toEqual([
      'regions −42.9 [required]: region "France" is not one of UK',
      'growth_stages −14.3: growth stage "start-up" is not one of mature',
    ]);
  });

  it('stays quiet without fit.weights: the counting score and the words of before', () => {
    const a = fit({ region: 'France' }, { threshold: 0.5 });
    expect(a.summary).toBe('matches 4 of 5 scored criteria (0.8)');
    const b = fit({ region: 'France' });
    expect(b.summary).toBe(
      'regions (region "France" is not one of UK); matches 4 of 5 scored criteria (0.8, below the threshold 1)',
    );
    expect(b.results.every((r) => r.weight === 1)).toBe(true);
    expect(b).toMatchObject({ points: 80, standing: 'untiered', tier: null, disqualifiedBy: [] });
  });

  it('does not fit when only weight 0 was scored (nothing counts)', () => {
    const weights = { sectors: 0, regions: 0, employees: 0, growth_stages: 0, buys_category: 0 };
    expect(fit({}, { weights })).toMatchObject({ fits: false, points: null, score: null, knownShare: null });
  });
});

describe('known share and fit.min_known', () => {
  const sparse = { employees: undefined, growth_stage: undefined, buys_category: undefined };
  it('is the share of the total weight with data; below min_known the account has no tier but says what to fill', () => {
    const a = fit(sparse, { tiers: { A: 85 }, weights: { growth_stages: 3 } });
    // known: sectors 1 + regions 1 of 1+1+1+3+1 = 7.
    expect(a.knownShare).toBeCloseTo(2 / 7);
    expect(a).toMatchObject({ fits: true, points: 100, standing: 'not-enough-data', tier: null });
    expect(a.mainReasons).toEqual([
      'not enough data to tier it: 29 % of the weight known, 50 % needed; fill in growth_stage, employees and buys_category',
    ]);
  });

  it('fires and stays quiet around the setting', () => {
    expect(fit(sparse, { tiers: { A: 85 }, min_known: 0.4 })).toMatchObject({ knownShare: 0.4, tier: 'A' });
    expect(fit(sparse, { tiers: { A: 85 }, min_known: 0.41 })).toMatchObject({ standing: 'not-enough-data' });
    // The default is 0.5: two of five known is not enough.
    expect(fit(sparse, { tiers: { A: 85 } })).toMatchObject({ standing: 'not-enough-data' });
    // Without any of the new settings nothing is "not enough data".
    expect(fit(sparse, {})).toMatchObject({ standing: 'untiered', knownShare: 0.4 });
  });

  it('says so in a misfit message with the fields to fill, heaviest first', () => {
    const d = definition({ min_known: 0.8, weights: { buys_category: 5 } });
    const account = { ...GOOD, region: 'France', buys_category: undefined };
    expect(summariseFit(account, scoreAccount(account, d), d)).toBe(
      'score 75 of 100, below the threshold 100; lost: regions 25 points (region "France" is not one of UK); not enough data to tier it: 44 % of the weight known, 80 % needed; fill in buys_category',
    );
  });
});

describe('fit.tiers', () => {
  const weights = { sectors: 2, regions: 2, employees: 2, growth_stages: 2, buys_category: 2 };
  const tiers = { A: 85, B: 70, C: 50 };
  it('gives the highest tier whose lowest score the account reaches, and none below the lowest', () => {
    expect(fit({}, { tiers, weights, threshold: 0 }).tier).toBe('A');
    expect(fit({ region: 'France' }, { tiers, weights, threshold: 0 })).toMatchObject({ points: 80, tier: 'B' });
    expect(fit({ region: 'France', sector: 'x' }, { tiers, threshold: 0 })).toMatchObject({
      points: 60,
      tier: 'C',
      standing: 'tiered',
    });
    expect(fit({ region: 'France', sector: 'x', employees: 1 }, { tiers, threshold: 0 })).toMatchObject({
      points: 40,
      tier: null,
      standing: 'untiered',
    });
  });

  it('accepts any names, and tiers given out of order still rank by score', () => {
    const t = fit({ region: 'France' }, { tiers: { bronze: 10, gold: 80, silver: 50 }, threshold: 0 });
    expect(t.tier).toBe('gold');
  });

  it('gives no tier to an account that fails a required criterion', () => {
    expect(fit({ region: 'France' }, { tiers, required: ['regions'], threshold: 0 })).toMatchObject({
      points: 80,
      tier: null,
      standing: 'fails-required',
    });
  });
});

describe('fit.disqualify', () => {
  const disqualify = { sectors: ['gambling'], incumbent: 'prefer', employees: { min: 5000 } };
  it('rules an account out whatever its score, and says which criteria disqualified it', () => {
    const crit = { ...CRITERIA, sectors: ['retail', 'gambling'] };
    const a = fit({ sector: 'Gambling', incumbent: 'Rival plc' }, { disqualify, tiers: { A: 90 } }, crit);
    expect(a).toMatchObject({ points: 100, fits: false, tier: null, standing: 'disqualified' });
    expect(a.disqualifiedBy).toEqual([
      { criterion: 'sectors', reason: 'sector "Gambling"' },
      { criterion: 'incumbent', reason: 'served by Rival plc' },
    ]);
    expect(a.summary).toBe(
      'disqualified by sectors (sector "Gambling"), incumbent (served by Rival plc); score 100 of 100',
    );
  });

  it('says only what disqualified the account and its score: its mismatches and unknowns decide nothing', () => {
    const a = fit(
      { sector: 'Gambling', region: 'France', employees: undefined },
      { disqualify: { sectors: ['gambling'] }, weights: { regions: 3 } },
      { ...CRITERIA, sectors: ['retail', 'gambling'] },
    );
    expect(a.summary).toBe('disqualified by sectors (sector "Gambling"); score 50 of 100, below the threshold 100');
    // The breakdown is still in the model (and so in the reports), and the main reasons name the costliest.
    expect(a.results.find((r) => r.criterion === 'regions')).toMatchObject({ outcome: 'mismatch', points: -50 });
    expect(a.mainReasons).toEqual([
      'disqualified by sectors (sector "Gambling")',
      'regions −50: region "France" is not one of UK',
    ]);
    // Not disqualified, the same account's summary lists what it lost and what is unknown.
    expect(fit({ sector: 'retail', region: 'France', employees: undefined }, { weights: { regions: 3 } }).summary).toBe(
      'score 50 of 100, below the threshold 100; lost: regions 50 points (region "France" is not one of UK); unknown: employees',
    );
  });

  it('stays quiet when no disqualifier matches, and unknowns never disqualify', () => {
    expect(fit({}, { disqualify }).fits).toBe(true);
    expect(fit({ employees: undefined, sector: undefined }, { disqualify, threshold: 0.5 }).fits).toBe(true);
    expect(fit({ employees: 6000 }, { disqualify }).disqualifiedBy[0]).toEqual({
      criterion: 'employees',
      reason: 'employees 6,000 is within at least 5,000',
    });
  });

  it('takes every criterion shape: lists, ranges, booleans, problems, incumbent none', () => {
    const crit = { sectors: ['retail'] };
    const out = (account: Partial<Account>, d: Record<string, unknown>) =>
      fit({ ...account }, { disqualify: d }, crit).standing;
    expect(out({ region: 'Mars' }, { regions: ['mars'] })).toBe('disqualified');
    expect(out({ growth_stage: 'declining' }, { growth_stages: ['declining'] })).toBe('disqualified');
    expect(out({ revenue: 10 }, { revenue: { max: 100 } })).toBe('disqualified');
    expect(out({ buys_category: false }, { buys_category: false })).toBe('disqualified');
    expect(out({ problems: ['fraud'] }, { problems: ['fraud'] })).toBe('disqualified');
    expect(out({ incumbent: '' }, { incumbent: 'none' })).toBe('disqualified');
    expect(out({ incumbent: 'X' }, { incumbent: 'none' })).toBe('untiered');
  });
});

describe('ranking', () => {
  const key = (group: number, points: number | null, spend: number | null, order: number): RankKey => ({
    group,
    points,
    spend,
    order,
  });
  it('orders by tier group, then score, then annual spend (missing last), then listing order', () => {
    const keys = [
      key(1, 0.9, 10, 0),
      key(0, 0.5, null, 1),
      key(0, 0.5, 20, 2),
      key(0, 0.9, 5, 3),
      key(0, null, 50, 4),
      key(0, 0.5, 20, 5),
    ];
    expect([...keys].sort(compareRank).map((k) => k.order)).toEqual([3, 2, 5, 1, 4, 0]);
  });

  it('keeps the best of a long stream, in order, holding a bounded number', () => {
    const top = new TopRanked<number>(3);
    for (let i = 0; i < 1000; i++) top.add(key(0, (i * 7919) % 1000, null, i), i);
    expect(top.result().map((i) => (i * 7919) % 1000)).toEqual([999, 998, 997]);
    expect(new TopRanked<number>(0).wants(key(0, 1, 1, 0))).toBe(false);
  });
});
