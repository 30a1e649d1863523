import { describe, expect, it } from 'vitest';
import type { Account, CriterionName, MarketCriteria } from '../../src/model/market-criteria.js';
import { readFitDefinition, fitAccount, type AccountFit } from '../../src/model/market-fit.js';

const CRITERIA = {
  sectors: ['Food Distribution', 'third-party logistics'],
  employees: { min: 150, max: 2500 },
  revenue: { min: 20_000_000, max: 500_000_000 },
  regions: ['England', 'Ireland'],
  growth_stages: ['scale-up', 'mature'],
  buys_category: true,
  problems: ['dock congestion', 'manual booking'],
  incumbent: 'none',
};

/** Score one account against a market that states only `criterion` (with the value above, or `value`). */
function scoreOne(
  criterion: CriterionName,
  account: Omit<Account, 'name'>,
  value?: unknown,
): AccountFit['results'][number] {
  const definition = readFitDefinition({ currency: 'GBP', criteria: { [criterion]: value ?? CRITERIA[criterion] } });
  const fit = fitAccount({ name: 'Acme', ...account }, { in: 'inline', index: 0, pointer: '/accounts/0' }, definition);
  expect(fit.results).toHaveLength(1);
  return fit.results[0]!;
}

const outcome = (criterion: CriterionName, account: Omit<Account, 'name'>, value?: unknown) =>
  scoreOne(criterion, account, value).outcome;

describe('each criterion: match, mismatch, unknown', () => {
  it('sectors, regions and growth stages compare strings ignoring case and stray spaces', () => {
    expect(outcome('sectors', { sector: 'food distribution' })).toBe('match');
    expect(outcome('sectors', { sector: '  THIRD-PARTY   logistics ' })).toBe('match');
    expect(outcome('sectors', { sector: 'software' })).toBe('mismatch');
    expect(outcome('sectors', {})).toBe('unknown');
    expect(outcome('sectors', { sector: '  ' })).toBe('unknown');
    expect(outcome('regions', { region: 'ireland' })).toBe('match');
    expect(outcome('regions', { region: 'Denmark' })).toBe('mismatch');
    expect(outcome('regions', {})).toBe('unknown');
    expect(outcome('growth_stages', { growth_stage: 'Mature' })).toBe('match');
    expect(outcome('growth_stages', { growth_stage: 'declining' })).toBe('mismatch');
    expect(outcome('growth_stages', {})).toBe('unknown');
  });

  it('answers alike for a value seen many times and past the values a market remembers', () => {
    const definition = readFitDefinition({ criteria: { sectors: ['Retail', 'food  distribution'] } });
    const judged = (sector: string) =>
      fitAccount({ name: 'Acme', sector }, { in: 'inline', index: 0, pointer: '/accounts/0' }, definition).results[0]!
        .outcome;
    const known = () => {
      for (let i = 0; i < 3; i += 1) {
        expect(judged('retail')).toBe('match');
        expect(judged(' Food Distribution ')).toBe('match');
        expect(judged('retailing')).toBe('mismatch');
      }
    };
    known();
    for (let i = 0; i < 1500; i += 1) expect(judged(`sector ${i}`)).toBe('mismatch');
    known();
    expect(judged('RETAIL')).toBe('match');
  });

  it('employees and revenue: inclusive ranges, open ends, unknown without a figure', () => {
    for (const [employees, expected] of [
      [149, 'mismatch'],
      [150, 'match'],
      [2500, 'match'],
      [2501, 'mismatch'],
      [0, 'mismatch'],
    ] as const) {
      expect(outcome('employees', { employees }), `employees ${employees}`).toBe(expected);
    }
    expect(outcome('employees', {})).toBe('unknown');
    expect(outcome('employees', { employees: 10 }, { max: 10 })).toBe('match');
    expect(outcome('employees', { employees: 1_000_000 }, { min: 10 })).toBe('match');
    for (const [revenue, expected] of [
      [19_999_999.99, 'mismatch'],
      [20_000_000, 'match'],
      [500_000_000, 'match'],
      [500_000_000.01, 'mismatch'],
    ] as const) {
      expect(outcome('revenue', { revenue }), `revenue ${revenue}`).toBe(expected);
    }
    expect(outcome('revenue', {})).toBe('unknown');
  });

  it('buys_category matches the same boolean either way', () => {
    expect(outcome('buys_category', { buys_category: true })).toBe('match');
    expect(outcome('buys_category', { buys_category: false })).toBe('mismatch');
    expect(outcome('buys_category', { buys_category: false }, false)).toBe('match');
    expect(outcome('buys_category', {})).toBe('unknown');
  });

  it('problems match on at least one shared problem; none given is unknown', () => {
    expect(outcome('problems', { problems: ['stock accuracy', 'Dock Congestion'] })).toBe('match');
    expect(outcome('problems', { problems: ['stock accuracy'] })).toBe('mismatch');
    expect(outcome('problems', { problems: [] })).toBe('unknown');
    expect(outcome('problems', {})).toBe('unknown');
  });

  it('incumbent: none wants no competitor (absent or empty counts as none), prefer wants one, any is not scored', () => {
    expect(outcome('incumbent', {})).toBe('match');
    expect(outcome('incumbent', { incumbent: '  ' })).toBe('match');
    expect(outcome('incumbent', { incumbent: 'Yardwick' })).toBe('mismatch');
    expect(outcome('incumbent', { incumbent: 'Yardwick' }, 'prefer')).toBe('match');
    expect(outcome('incumbent', {}, 'prefer')).toBe('mismatch');
    const any = readFitDefinition({ criteria: { incumbent: 'any', regions: ['UK'] } });
    expect(any.scored).toEqual(['regions']);
  });

  it('says why in words, with thousands separators and the currency', () => {
    expect(scoreOne('employees', { employees: 4200 }, { max: 2000 }).reason).toBe(
      'employees 4,200 is above the maximum 2,000',
    );
    expect(scoreOne('employees', { employees: 40 }).reason).toBe('employees 40 is below the minimum 150');
    expect(scoreOne('employees', { employees: 150 }).reason).toBe('employees 150 is within 150 to 2,500');
    expect(scoreOne('revenue', { revenue: 1_150_000_000 }).reason).toBe(
      'revenue £1,150,000,000 is above the maximum £500,000,000',
    );
    expect(scoreOne('regions', { region: 'Denmark' }).reason).toBe('region "Denmark" is not one of England or Ireland');
    expect(scoreOne('problems', { problems: ['customs paperwork'] }).reason).toBe(
      'none of its problems ("customs paperwork") is one we solve',
    );
    expect(scoreOne('incumbent', { incumbent: 'Dockora' }).reason).toBe('already served by Dockora');
    expect(scoreOne('revenue', {}).reason).toBe('no revenue figure');
  });

  it('ignores criteria of the wrong type rather than crash (the schema reports them)', () => {
    const definition = readFitDefinition({
      criteria: {
        sectors: 'retail',
        employees: { min: 'ten' },
        regions: ['UK'],
        incumbent: 'sometimes',
      } as unknown as MarketCriteria,
    });
    expect(definition.scored).toEqual(['regions']);
  });
});
