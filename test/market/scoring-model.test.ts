import { describe, expect, it } from 'vitest';
import { evaluateMarket } from '../../src/model/market-model.js';
import { loadWorkspace } from '../../src/lint/assemble.js';
import { makeTempDir, writeTree } from '../support/run-bin.js';

const MARKET = `kind: market
id: icp
name: ICP
criteria:
  sectors: [retail, betting]
  regions: [UK]
  employees: { min: 100, max: 1000 }
  problems: [slow close]
fit:
  threshold: 0.5
  weights: { regions: 3, problems: 2 }
  tiers: { A: 85, B: 60 }
  min_known: 0.5
  disqualify: { sectors: [betting] }
accounts:
  - { name: Small spender, sector: retail, region: UK, employees: 500, problems: [slow close], annual_spend: 10 }
  - { name: Big spender, sector: retail, region: UK, employees: 500, problems: [slow close], annual_spend: 90 }
  - { name: Bookies, sector: betting, region: UK, employees: 500, problems: [slow close], annual_spend: 500 }
  - { name: Tier B, sector: retail, region: UK, employees: 500, problems: [other], annual_spend: 5 }
  - { name: Sparse, region: UK }
accounts_file: accounts.csv
`;
const CSV =
  'name,sector,region,employees,problems,annual_spend\nAbroad,retail,France,500,slow close,1000\nNo spend,retail,UK,500,slow close,\n';

async function model(options: Parameters<typeof evaluateMarket>[2] = {}) {
  const cwd = await writeTree(await makeTempDir('personakit-rank-'), {
    'personakit.yaml': 'name: t\n',
    'm.yaml': MARKET,
    'accounts.csv': CSV,
  });
  const workspace = await loadWorkspace({ cwd, paths: [] });
  return evaluateMarket(workspace.documents[0]!, workspace, options);
}

describe('the market model with weighted scoring', () => {
  it('ranks accounts by tier, then score, then annual spend, inline and CSV together', async () => {
    const m = await model();
    expect(m.ranked.map((a) => [a.name, a.tier, a.standing, a.points && Math.round(a.points)])).toEqual([
      ['Big spender', 'A', 'tiered', 100],
      ['Small spender', 'A', 'tiered', 100],
      ['No spend', 'A', 'tiered', 100], // no annual spend: after any figure
      ['Tier B', 'B', 'tiered', 71], // problems (weight 2 of 7) mismatch
      ['Abroad', null, 'untiered', 57], // regions (3 of 7) mismatch: below tier B
      ['Sparse', null, 'not-enough-data', 100], // only regions known: 3 of 7 < 0.5
      ['Bookies', null, 'disqualified', 100],
    ]);
    expect(m.ranked.find((a) => a.name === 'Sparse')!.mainReasons).toEqual([
      'not enough data to tier it: 43 % of the weight known, 50 % needed; fill in problems, sector and employees',
    ]);
    expect(m.ranked.find((a) => a.name === 'Bookies')!.disqualifiedBy).toEqual([
      { criterion: 'sectors', reason: 'sector "betting"' },
    ]);
    expect(m.fit).toMatchObject({
      weights: { sectors: 1, employees: 1, regions: 3, problems: 2 },
      minKnown: 0.5,
      tiers: [
        { name: 'A', min: 85 },
        { name: 'B', min: 60 },
      ],
      disqualify: { sectors: ['betting'] },
    });
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });

  it('keeps only the best rankLimit accounts, and ranks nothing with 0 (what check asks for)', async () => {
    expect((await model({ rankLimit: 2 })).ranked.map((a) => a.name)).toEqual(['Big spender', 'Small spender']);
    const unranked = await model({ rankLimit: 0 });
    expect(unranked.ranked).toEqual([]);
    expect(unranked.accounts).toHaveLength(7);
  });

  it('passes every scored account to onScored, in listing order', async () => {
    const seen: string[] = [];
    await model({ onScored: (account, source, score) => seen.push(`${account.name}:${source.in}:${score.fits}`) });
    expect(seen).toEqual([
      'Small spender:inline:true',
      'Big spender:inline:true',
      'Bookies:inline:false',
      'Tier B:inline:true',
      'Sparse:inline:true',
      'Abroad:csv:true',
      'No spend:csv:true',
    ]);
  });
});
