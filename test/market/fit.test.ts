import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/model/market-criteria.js';
import { fitAccount, readFitDefinition, scoreAccount, summariseFit } from '../../src/model/market-fit.js';

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

const fit = (
  account: Partial<Account>,
  fitSettings?: Record<string, unknown>,
  criteria: Record<string, unknown> = CRITERIA,
) =>
  fitAccount(
    { ...GOOD, ...account },
    SOURCE,
    readFitDefinition({ criteria, ...(fitSettings ? { fit: fitSettings } : {}) }),
  );

describe('fit: threshold, required criteria, unknowns', () => {
  it('needs every scored criterion by default (threshold 1.0)', () => {
    expect(fit({}).fits).toBe(true);
    expect(fit({ growth_stage: 'start-up' }).fits).toBe(false);
  });

  it('fits at exactly the threshold and not just below it', () => {
    // 4 of 5 = 0.8
    expect(fit({ growth_stage: 'start-up' }, { threshold: 0.8 })).toMatchObject({
      fits: true,
      matched: 4,
      scored: 5,
      score: 0.8,
    });
    // 3 of 5 = 0.6
    const below = fit({ growth_stage: 'start-up', buys_category: false }, { threshold: 0.8 });
    expect(below).toMatchObject({
      fits: false,
      score: 0.6,
      failed: ['growth_stages', 'buys_category'],
      failedRequired: [],
    });
    expect(below.summary).toContain('matches 3 of 5 scored criteria (0.6, below the threshold 0.8)');
  });

  it('counts unknowns as neither match nor mismatch, and lists them', () => {
    const partial = fit(
      { employees: undefined, buys_category: undefined, growth_stage: 'start-up' },
      { threshold: 0.6 },
    );
    // sectors, regions match; growth_stages mismatches; employees, buys_category unknown → 2 of 3
    expect(partial).toMatchObject({ fits: true, matched: 2, scored: 3, unknown: ['employees', 'buys_category'] });
    expect(partial.summary).toBe('matches 2 of 3 scored criteria (0.67); unknown: employees, buys_category');
  });

  it('a required criterion that mismatches excludes the account whatever the score', () => {
    const misfit = fit({ region: 'Denmark' }, { threshold: 0.5, required: ['regions'] });
    expect(misfit).toMatchObject({ fits: false, score: 0.8, failedRequired: ['regions'] });
    expect(misfit.summary).toBe(
      'regions (region "Denmark" is not one of UK) [required]; matches 4 of 5 scored criteria (0.8)',
    );
    expect(fit({ growth_stage: 'start-up' }, { threshold: 0.5, required: ['regions'] }).fits).toBe(true);
  });

  it('a required criterion that is unknown does not exclude the account (only a mismatch does)', () => {
    expect(fit({ region: undefined }, { required: ['regions'] })).toMatchObject({ fits: true, unknown: ['regions'] });
  });

  it('ignores fit.required entries the market does not state (they are a schema finding instead)', () => {
    const definition = readFitDefinition({
      criteria: { regions: ['UK'], incumbent: 'any' },
      fit: { required: ['sectors', 'incumbent', 'regions'] },
    });
    expect(definition.required).toEqual(['regions']);
    expect(definition.requiredNotStated).toEqual(['sectors', 'incumbent']);
  });

  it('an account with nothing scorable does not fit', () => {
    const blank = fitAccount(
      { name: 'Blank' },
      SOURCE,
      readFitDefinition({ criteria: { sectors: ['retail'], regions: ['UK'] }, fit: { threshold: 0 } }),
    );
    expect(blank).toMatchObject({ fits: false, score: null, scored: 0, unknown: ['sectors', 'regions'] });
    expect(blank.summary).toBe('no criterion could be scored; unknown: sectors, regions');
    const noCriteria = fitAccount(GOOD, SOURCE, readFitDefinition({ criteria: {} }));
    expect(noCriteria).toMatchObject({ fits: false, score: null });
    expect(noCriteria.summary).toBe('the market states no criteria to score it on');
  });

  it('threshold 0 still needs one scored criterion, and still honours required', () => {
    expect(
      fit({ sector: 'x', region: 'y', employees: 1, growth_stage: 'z', buys_category: false }, { threshold: 0 }).fits,
    ).toBe(true);
    expect(fit({ region: 'y' }, { threshold: 0, required: ['regions'] }).fits).toBe(false);
  });

  it('falls back to threshold 1 when fit.threshold is not a share', () => {
    expect(readFitDefinition({ criteria: {}, fit: { threshold: 'most' } }).threshold).toBe(1);
    expect(readFitDefinition({ criteria: {}, fit: { threshold: 1.5 } }).threshold).toBe(1);
  });
});

describe('the short misfit summary (for findings beyond the detail limit)', () => {
  it('reads exactly like the full description, for accounts of every shape', () => {
    const definitions = [
      readFitDefinition({
        criteria: { ...CRITERIA, problems: ['late stock'], incumbent: 'none', revenue: { min: 5e6 } },
        currency: 'GBP',
        fit: { threshold: 0.6, required: ['sectors', 'regions'] },
      }),
      readFitDefinition({ criteria: { incumbent: 'prefer', employees: { max: 50 } } }),
      readFitDefinition({ criteria: {} }),
    ];
    const variants: Partial<Account>[] = [
      {},
      { sector: 'mining' },
      { region: 'France', employees: 5 },
      { employees: 5000, revenue: 1e6 },
      { growth_stage: undefined, buys_category: false },
      { problems: ['late stock'] },
      { problems: ['noise', 'dust'], incumbent: 'Rival' },
      { sector: undefined, region: undefined, employees: undefined, growth_stage: undefined, buys_category: undefined },
    ];
    let compared = 0;
    for (const definition of definitions) {
      for (const variant of variants) {
        const account = { ...GOOD, ...variant } as Account;
        const full = fitAccount(account, SOURCE, definition);
        const score = scoreAccount(account, definition);
        expect(summariseFit(account, score, definition)).toBe(full.summary);
        compared++;
      }
    }
    expect(compared).toBe(24);
  });
});
