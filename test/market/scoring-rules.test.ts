import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { makeTempDir, writeTree } from '../support/run-bin.js';

const market = (fit: string, extraCriteria = '') => `kind: market
id: uk-retail
name: UK retail
currency: GBP
criteria:
  sectors: [retail, betting]
  regions: [UK]
  employees: { min: 100, max: 1000 }
  incumbent: any${extraCriteria}
fit:
${fit}
accounts:
  - name: Fits Ltd
    sector: retail
    region: UK
    employees: 500
  - name: Punters plc
    sector: betting
    region: UK
    employees: 500
accounts_file: accounts.csv
`;
const CSV = 'name,sector,region,employees\nFar Away,retail,France,50\nBookies,Betting,UK,200\nFits Too,retail,uk,100\n';

async function run(files: Record<string, string>, mode: 'check' | 'validate' = 'check') {
  const dir = await writeTree(await makeTempDir('personakit-scoring-'), { 'personakit.yaml': 'name: t\n', ...files });
  const result = await lint({ mode, cwd: dir, paths: [] });
  return result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`);
}

describe('schema of the weighted-scoring settings', () => {
  it('rejects weights for criteria the market does not state or score, at their keys', async () => {
    const fit = '  weights: { sectors: 2, revenue: 3, incumbent: 1 }\n  threshold: 0.5';
    expect(await run({ 'm.yaml': market(fit), 'accounts.csv': CSV }, 'validate')).toEqual([
      'm.yaml:11:26 error schema fit.weights gives "revenue" a weight, but criteria does not state revenue, so it is never scored; add criteria.revenue or remove the weight',
      'm.yaml:11:38 error schema fit.weights gives "incumbent" a weight, but criteria.incumbent is "any", which is never scored; remove the weight, or set incumbent to none or prefer',
    ]);
    // Stated criteria: quiet.
    const stated = '  weights: { sectors: 2, regions: 3, employees: 0 }\n  threshold: 0.5';
    expect(await run({ 'm.yaml': market(stated), 'accounts.csv': CSV }, 'validate')).toEqual([]);
  });

  it('rejects tiers that are not highest first, each at its position', async () => {
    const fit = '  tiers:\n    A: 85\n    B: 90\n    C: 50\n    D: 50\n  threshold: 0.5';
    expect(await run({ 'm.yaml': market(fit), 'accounts.csv': CSV }, 'validate')).toEqual([
      'm.yaml:13:8 error schema tier "B" starts at 90, higher than tier "A" (85) above it; list tiers highest first, each starting below the one before',
      'm.yaml:15:8 error schema tier "D" starts at 50, the same score as tier "C" (50) above it; list tiers highest first, each starting below the one before',
    ]);
    const ordered = '  tiers: { A: 85, B: 70, C: 50 }\n  threshold: 0.5';
    expect(await run({ 'm.yaml': market(ordered), 'accounts.csv': CSV }, 'validate')).toEqual([]);
  });

  it('rejects min_known outside 0–1 and a disqualifier of the wrong shape, at their values', async () => {
    const fit = '  min_known: 1.5\n  disqualify: { sectors: betting }';
    const out = await run({ 'm.yaml': market(fit), 'accounts.csv': CSV }, 'validate');
    expect(out.map((d) => d.split(' error ')[0])).toEqual(['m.yaml:11:14', 'm.yaml:12:26']);
    expect(out[0]).toMatch(/min_known/);
  });
});

describe('account-misfit with weights, tiers and disqualifiers', () => {
  it('says "disqualified by", gives the score and the costliest criteria, inline and in the CSV', async () => {
    const fit =
      '  weights: { regions: 3, employees: 1, sectors: 1 }\n  threshold: 0.7\n  disqualify: { sectors: [betting] }';
    expect(await run({ 'm.yaml': market(fit), 'accounts.csv': CSV })).toEqual([
      'accounts.csv:2:1 warning account-misfit account "Far Away" does not fit: score 20 of 100, below the threshold 70; lost: regions 60 points (region "France" is not one of UK), employees 20 points (employees 50 is below the minimum 100)',
      'accounts.csv:3:1 warning account-misfit account "Bookies" does not fit: disqualified by sectors (sector "Betting"); score 100 of 100',
      'm.yaml:19:11 warning account-misfit account "Punters plc" does not fit: disqualified by sectors (sector "betting"); score 100 of 100',
    ]);
  });

  it('names only the disqualifier and the score of a disqualified account, also when criteria mismatch', async () => {
    const fit = '  weights: { regions: 3 }\n  threshold: 0.7\n  disqualify: { sectors: [betting] }';
    const csv = 'name,sector,region,employees\nFar Bookies,betting,France,50\nNear Bookies,betting,UK,\n';
    const out = await run({ 'm.yaml': market(fit), 'accounts.csv': csv });
    expect(out.filter((d) => d.startsWith('accounts.csv'))).toEqual([
      'accounts.csv:2:1 warning account-misfit account "Far Bookies" does not fit: disqualified by sectors (sector "betting"); score 20 of 100, below the threshold 70',
      'accounts.csv:3:1 warning account-misfit account "Near Bookies" does not fit: disqualified by sectors (sector "betting"); score 100 of 100',
    ]);
  });

  it('stays as before without the new settings', async () => {
    expect(await run({ 'm.yaml': market('  threshold: 0.7'), 'accounts.csv': CSV })).toEqual([
      'accounts.csv:2:1 warning account-misfit account "Far Away" does not fit: employees (employees 50 is below the minimum 100); regions (region "France" is not one of UK); matches 1 of 3 scored criteria (0.33, below the threshold 0.7)',
    ]);
  });
});
