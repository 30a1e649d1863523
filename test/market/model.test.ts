import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../src/model/market-format.js';
import { evaluateMarket } from '../../src/model/market-model.js';
import { loadWorkspace } from '../../src/lint/assemble.js';
import { makeTempDir, REPO_ROOT, writeTree } from '../support/run-bin.js';

async function marketOf(cwd: string, paths: string[]) {
  const workspace = await loadWorkspace({ cwd, paths });
  const doc = workspace.documents.find((d) => d.kind === 'market');
  if (!doc) throw new Error('no market document');
  return { workspace, doc };
}

describe('the sample market (examples/README.md "The market on purpose")', () => {
  it('has 19 fitting and 11 misfit accounts of 30, and the documented sizing', async () => {
    const { workspace, doc } = await marketOf(REPO_ROOT, ['examples/markets']);
    const model = await evaluateMarket(doc, workspace);
    expect(model.totals).toEqual({
      accounts: 30,
      inline: 8,
      fromFile: 22,
      excluded: 0,
      fitting: 19,
      misfits: 11,
      acceptedMisfits: 0,
      fitRate: 19 / 30,
    });
    expect(model.sizing.estimatedMarket).toEqual({
      value: 47_880_000,
      basis: 'estimated',
      currency: 'GBP',
      label: 'estimated addressable market',
    });
    expect(model.sizing.summedSpend.value).toBe(782_000);
    expect(model.sizing.addressableSpend.basis).toBe('estimated');
    expect(formatPercent(model.sizing.requiredShare!)).toBe('7.9 %');
    expect(model.sizing.verdict).toBe('within');
    expect(model.accountsFile).toMatchObject({
      path: 'examples/markets/accounts.csv',
      status: 'read',
      rows: 22,
      badRows: 0,
    });
    expect(JSON.parse(JSON.stringify(model))).toEqual(model); // JSON-ready: no undefined, Infinity, Map…
  });

  it('scores the showcase accounts as the README explains', async () => {
    const { workspace, doc } = await marketOf(REPO_ROOT, ['examples/markets']);
    const model = await evaluateMarket(doc, workspace);
    const byName = new Map(model.accounts.map((a) => [a.name, a]));
    const get = (name: string) => byName.get(name)!;
    expect(
      model.accounts.filter((a) => !a.fits).map((a) => (a.source.in === 'csv' ? `${a.name}@${a.source.line}` : a.name)),
    ).toEqual([
      'Nordhavn Freight A/S',
      'Crumb & Co Bakeries',
      'Ashgrove Parcel Hub Ltd',
      'Tinworth Trade Counters',
      'Tamar Beverages Ltd@11',
      'Rotterdam Cross-Dock BV@15',
      'Meridian Software Group@16',
      'Thamesgate Fulfilment Park@17',
      'Ouse Valley Builders Merchants@18',
      'Wexford Agri Supplies@22',
      'Humber Port Logistics@23',
    ]);
    expect(get('Nordhavn Freight A/S')).toMatchObject({ matched: 7, scored: 8, failedRequired: ['regions'] });
    expect(get('Tamar Beverages Ltd')).toMatchObject({ score: 0.75, failed: ['growth_stages', 'incumbent'] });
    expect(get('Loch Carron Logistics')).toMatchObject({ fits: true, matched: 7, scored: 8, failed: ['incumbent'] });
    expect(get('Shannon Beverage Distributors')).toMatchObject({ fits: true, unknown: ['revenue'] });
    expect(get('Fenland Fresh Produce')).toMatchObject({
      fits: true,
      matched: 5,
      scored: 6,
      failed: ['employees'],
      unknown: ['revenue', 'buys_category'],
    });
    expect(get('Cork Harbour Foods')).toMatchObject({ fits: true, matched: 4, scored: 4 });
    expect(get('Ards Retail Distribution')).toMatchObject({ fits: true, matched: 4, scored: 5, score: 0.8 });
    expect(get('Severn Chilled Foods')).toMatchObject({ fits: true, failed: [] });
    expect(get('Dundee Drinks Wholesale')).toMatchObject({ fits: true, failed: [] });
    expect(get('Pennine Build Supplies')).toMatchObject({ fits: true, failed: [] });
    expect(get('Fletcher, Dunn & Sons Ltd').fits).toBe(true);
  });
});

/** Write an accounts CSV of `rows` rows: every 4th is in the wrong sector, every 1000th has a bad number. */
async function generateAccounts(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('name,sector,employees,region,buys_category,problems,annual_spend\r\n');
  for (let i = 1; i <= rows; i++) {
    const sector = i % 4 === 0 ? 'software' : 'Wholesale';
    const employees = i % 1000 === 0 ? '"1,000"' : String(50 + (i % 500));
    const line = `"Company ${i}, Ltd",${sector},${employees},UK,${i % 2 ? 'yes' : 'TRUE'},slow close;audit,${i % 10}\r\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

describe('a 100,000-row accounts_file', () => {
  it('is streamed into correct totals, keeping only a capped list of accounts', async () => {
    const dir = await writeTree(await makeTempDir('personakit-big-'), {
      'market.yaml':
        'kind: market\nid: big\nname: Big\ncriteria:\n  sectors: [wholesale]\n  employees: { min: 50, max: 600 }\n  regions: [uk]\nfit:\n  required: [sectors]\naccounts_file: accounts.csv\nsizing:\n  total_companies: 1000\n  average_annual_spend: 100\n  revenue_target: 5000\n',
    });
    const rows = 100_000;
    await generateAccounts(path.join(dir, 'accounts.csv'), rows);
    const { workspace, doc } = await marketOf(dir, []);
    let inlineMisfits = 0;
    let problems = 0;
    const csvMisfits: number[] = [];
    const model = await evaluateMarket(doc, workspace, {
      onMisfit: () => inlineMisfits++,
      onCsvMisfit: (misfit) => csvMisfits.push(misfit.line),
      onCsvProblem: () => problems++,
    });
    expect(inlineMisfits).toBe(0);
    const misfits = csvMisfits.length;
    const lastMisfitLine = csvMisfits[misfits - 1];
    const bad = rows / 1000; // i % 1000 === 0, all of them also i % 4 === 0
    const wrongSector = rows / 4 - bad;
    const fitting = rows - bad - wrongSector;
    // Spend i % 10 over fitting rows: i not divisible by 4 (or 1000); sum it the slow way to check the fold.
    let spend = 0;
    for (let i = 1; i <= rows; i++) if (i % 4 !== 0) spend += i % 10;
    expect(model.totals).toEqual({
      accounts: rows - bad,
      inline: 0,
      fromFile: rows - bad,
      excluded: bad,
      fitting,
      misfits: wrongSector,
      acceptedMisfits: 0,
      fitRate: fitting / (rows - bad),
    });
    expect(misfits).toBe(wrongSector);
    expect(problems).toBe(bad);
    // Row i is on line i + 1; row 100,000 has a bad cell, so the last misfit is row 99,996 on line 99,997.
    expect(lastMisfitLine).toBe(rows - 4 + 1);
    expect(model.sizing.summedSpend.value).toBe(spend);
    expect(model.sizing.estimatedMarket!.value).toBeCloseTo((fitting / (rows - bad)) * 1000 * 100, 6);
    expect(model.accounts).toHaveLength(1000);
    expect(model.omittedAccounts).toBe(rows - bad - 1000);
  });
});
