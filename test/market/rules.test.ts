import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { makeTempDir, writeTree } from '../support/run-bin.js';

const MARKET = `kind: market
id: uk-retail
name: UK retail
currency: GBP
criteria:
  sectors: [retail]
  regions: [UK]
  employees: { min: 100, max: 1000 }
fit:
  threshold: 0.6
  required: [regions]
accounts:
  - name: Fits Ltd
    sector: retail
    region: UK
    employees: 500
    annual_spend: 10000
  - name: Nordhavn Logistik
    sector: retail
    region: Denmark
    annual_spend: 5000
accounts_file: accounts.csv
sizing:
  revenue_target: 1000
`;

const CSV =
  'name,sector,region,employees,annual_spend\nRow Fits,retail,uk,100,2000\nToo Big,software,UK,5000,100\nBad Cell,retail,UK,"1,000",50\n';

async function run(files: Record<string, string>, mode: 'check' | 'validate' = 'check', paths: string[] = []) {
  const dir = await writeTree(await makeTempDir('personakit-market-'), { 'personakit.yaml': 'name: t\n', ...files });
  const result = await lint({ mode, cwd: dir, paths });
  return result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`);
}

describe('market rules', () => {
  it('account-misfit: one warning per misfit, at the inline name or the CSV row; schema error at the bad CSV cell', async () => {
    expect(await run({ 'market.yaml': MARKET, 'accounts.csv': CSV })).toEqual([
      'accounts.csv:3:1 warning account-misfit account "Too Big" does not fit: sectors (sector "software" is not one of retail); employees (employees 5,000 is above the maximum 1,000); matches 1 of 3 scored criteria (0.33, below the threshold 0.6)',
      'accounts.csv:4:20 error schema employees "1,000" is not a whole number; remove the thousands separators, and write digits only (e.g. 1000)',
      'market.yaml:18:11 warning account-misfit account "Nordhavn Logistik" does not fit: regions (region "Denmark" is not one of UK) [required]; matches 1 of 2 scored criteria (0.5, below the threshold 0.6); unknown: employees',
    ]);
  });

  it('validate reports the CSV cell errors too, but no fit or share findings', async () => {
    expect(await run({ 'market.yaml': MARKET, 'accounts.csv': CSV }, 'validate')).toEqual([
      'accounts.csv:4:20 error schema employees "1,000" is not a whole number; remove the thousands separators, and write digits only (e.g. 1000)',
    ]);
  });

  it('CSV findings are reported when the market file is asked about, not otherwise', async () => {
    const files = {
      'markets/market.yaml': MARKET,
      'markets/accounts.csv': CSV,
      'other.yaml': 'kind: market\nid: other\nname: Other\ncriteria: {}\n',
      'personakit.yaml': 'name: t\npaths: [markets, other.yaml]\n',
    };
    expect((await run(files, 'check', ['other.yaml'])).filter((d) => d.includes('accounts.csv'))).toEqual([]);
    expect((await run(files, 'check', ['markets/market.yaml'])).filter((d) => d.includes('accounts.csv'))).toHaveLength(
      2,
    );
  });

  it('a CSV read by two markets checked together: misfit warnings name their market, a bad cell is reported once', async () => {
    const wide = MARKET.replace('id: uk-retail', 'id: uk-any')
      .replace('sectors: [retail]', 'sectors: [retail, software]')
      .replace('threshold: 0.6', 'threshold: 0.7');
    const files = { 'market.yaml': MARKET, 'wide.yaml': wide, 'accounts.csv': CSV };
    const all = await run(files);
    // The bad cell is one problem, whichever market reads it.
    expect(all.filter((d) => d.startsWith('accounts.csv:4:20'))).toEqual([
      'accounts.csv:4:20 error schema employees "1,000" is not a whole number; remove the thousands separators, and write digits only (e.g. 1000)',
    ]);
    const misfits = all.filter((d) => d.startsWith('accounts.csv:3:1'));
    expect(misfits).toEqual([
      'accounts.csv:3:1 warning account-misfit account "Too Big" does not fit market "uk-any": employees (employees 5,000 is above the maximum 1,000); matches 2 of 3 scored criteria (0.67, below the threshold 0.7)',
      'accounts.csv:3:1 warning account-misfit account "Too Big" does not fit market "uk-retail": sectors (sector "software" is not one of retail); employees (employees 5,000 is above the maximum 1,000); matches 1 of 3 scored criteria (0.33, below the threshold 0.6)',
    ]);
    // One of them checked alone: nothing to tell apart, so the warning reads as usual.
    expect((await run(files, 'check', ['market.yaml'])).filter((d) => d.startsWith('accounts.csv:3:1'))).toEqual([
      'accounts.csv:3:1 warning account-misfit account "Too Big" does not fit: sectors (sector "software" is not one of retail); employees (employees 5,000 is above the maximum 1,000); matches 1 of 3 scored criteria (0.33, below the threshold 0.6)',
    ]);
  });

  it('a missing accounts_file is unknown-reference at the accounts_file key', async () => {
    const out = await run({ 'market.yaml': MARKET });
    expect(out.filter((d) => d.includes('unknown-reference'))).toEqual([
      'market.yaml:22:1 error unknown-reference accounts_file "accounts.csv" (accounts.csv) does not exist; the path is relative to this market file — correct it, or remove accounts_file',
    ]);
    expect(await run({ 'market.yaml': MARKET }, 'validate')).toEqual([]);
  });

  it('an accounts_file outside the workspace is not read, even through a symbolic link', async () => {
    const outside = await writeTree(await makeTempDir('personakit-outside-'), { 'secret.csv': 'name\nroot:x:0:0\n' });
    const escape = MARKET.replace('accounts_file: accounts.csv', `accounts_file: ${path.join(outside, 'secret.csv')}`);
    const out = await run({ 'market.yaml': escape });
    expect(out.filter((d) => d.includes('accounts_file'))).toEqual([
      expect.stringMatching(
        /^market\.yaml:22:1 error unknown-reference accounts_file ".*secret\.csv" \(.*\) is outside the workspace; keep account files inside the workspace folder$/,
      ),
    ]);
    expect(out.join('\n')).not.toContain('root:x');
    const dir = await writeTree(await makeTempDir('personakit-market-'), {
      'personakit.yaml': 'name: t\n',
      'market.yaml': MARKET,
    });
    await symlink(path.join(outside, 'secret.csv'), path.join(dir, 'accounts.csv'));
    const linked = (await lint({ mode: 'check', cwd: dir, paths: [] })).diagnostics.filter(
      (d) => d.rule === 'unknown-reference',
    );
    expect(linked.map((d) => d.message)).toEqual([
      'accounts_file "accounts.csv" (accounts.csv) is outside the workspace; keep account files inside the workspace folder',
    ]);
  });

  it('fit.required naming a criterion the market does not score is a schema error at that entry', async () => {
    const market =
      'kind: market\nid: m\nname: M\ncriteria:\n  regions: [UK]\n  incumbent: any\nfit:\n  required: [regions, sectors, incumbent]\n';
    expect(await run({ 'm.yaml': market }, 'validate')).toEqual([
      'm.yaml:8:23 error schema fit.required names "sectors", but criteria does not state sectors, so it can never be scored; add criteria.sectors or remove it from fit.required',
      'm.yaml:8:32 error schema fit.required names "incumbent", but criteria.incumbent is "any", which is never scored; remove it from fit.required, or set incumbent to none or prefer',
    ]);
  });

  it('market-share: required share above max_share, with both figures labelled', async () => {
    const market = MARKET.replace('revenue_target: 1000', 'revenue_target: 5000\n  max_share: 0.25');
    const out = (await run({ 'market.yaml': market, 'accounts.csv': CSV })).filter((d) => d.includes('market-share'));
    // Fitting: Fits Ltd (10,000) and Row Fits (2,000): summed 12,000; 5,000 ÷ 12,000 = 41.7 %.
    expect(out).toEqual([
      'market.yaml:24:19 warning market-share required share 41.7 % (revenue target £5,000 ÷ summed annual spend of fitting accounts £12,000) exceeds the achievable 25 % (sizing.max_share); lower the target, widen the criteria, or raise max_share if evidence supports it',
    ]);
  });

  it('market-share: quiet within max_share and without a revenue target', async () => {
    expect(
      (await run({ 'market.yaml': MARKET, 'accounts.csv': CSV })).filter((d) => d.includes('market-share')),
    ).toEqual([]);
    const noTarget = MARKET.replace('sizing:\n  revenue_target: 1000\n', '');
    expect(
      (await run({ 'market.yaml': noTarget, 'accounts.csv': CSV })).filter((d) => d.includes('market-share')),
    ).toEqual([]);
  });

  it('market-share: fires when accounts are listed and none fits, at the accounts', async () => {
    const market = MARKET.replace('regions: [UK]', 'regions: [France]').replace('accounts_file: accounts.csv\n', '');
    const out = (await run({ 'market.yaml': market })).filter((d) => d.includes('market-share'));
    expect(out).toEqual([
      'market.yaml:13:3 warning market-share no account fits market "uk-retail": not any of the 2 listed accounts (see account-misfit), so nothing supports the revenue target £1,000; widen the criteria, lower fit.threshold, or list accounts that are real prospects',
    ]);
  });

  it('market-share: a revenue target with no addressable spend fires instead of dividing by zero', async () => {
    const market = MARKET.replace(/ {4}annual_spend: \d+\n/g, '').replace('accounts_file: accounts.csv\n', '');
    const out = (await run({ 'market.yaml': market })).filter((d) => d.includes('market-share'));
    expect(out).toEqual([
      'market.yaml:21:19 warning market-share the revenue target £1,000 has no addressable spend to come from: the summed annual spend of fitting accounts is £0 (1 fitting account has no annual_spend); give annual_spend for fitting accounts, or sizing.total_companies and average_annual_spend for an estimate',
    ]);
    expect(out.join()).not.toMatch(/Infinity|NaN/);
  });

  it('rules can be turned off in personakit.yaml', async () => {
    const out = await run({
      'market.yaml': MARKET,
      'accounts.csv': CSV,
      'personakit.yaml': 'name: t\nrules:\n  account-misfit: off\n',
    });
    expect(out.filter((d) => d.includes('account-misfit'))).toEqual([]);
    expect(out.filter((d) => d.includes(' schema '))).toHaveLength(1);
  });

  it('never crashes on a schema-invalid market: invalid accounts are left out, bad criteria ignored', async () => {
    const market =
      'kind: market\nid: m\nname: M\ncriteria:\n  regions: UK\n  sectors: [retail]\naccounts:\n  - just a string\n  - name: Ok\n    sector: retail\n  - name: Bad\n    employees: many\nsizing:\n  revenue_target: -5\n';
    const out = await run({ 'm.yaml': market });
    expect(out.every((d) => d.includes(' schema '))).toBe(true);
    expect(out.length).toBeGreaterThan(0);
  });
});

describe('account-misfit on a large CSV', () => {
  const HEADER = 'name,sector,region,employees,growth_stage,buys_category,problems,incumbent,annual_spend';
  const MARKET_ALL = `kind: market
id: m
name: M
criteria:
  sectors: [retail, food distribution]
  regions: [UK, Ireland]
  employees: { min: 100, max: 1000 }
  growth_stages: [scale-up]
  buys_category: true
  problems: [dock congestion]
  incumbent: none
fit:
  threshold: 0.7
  required: [sectors]
accounts_file: accounts.csv
`;
  const rows = Array.from({ length: 40 }, (_, i) =>
    [
      `Company ${i} ${'x'.repeat(i % 20)}`,
      ['retail', 'software', ' Food  Distribution', ''][i % 4],
      ['UK', 'Denmark', 'ireland'][i % 3],
      String(i * 37),
      ['scale-up', 'start-up', ''][i % 3],
      ['true', 'no', ''][i % 3],
      ['dock congestion', 'manual booking;stock accuracy', ''][i % 3],
      ['', 'Slotterly'][i % 2],
      String(i * 1000),
    ].join(','),
  );

  it('words each CSV misfit as a fully scored account would be worded', async () => {
    const { fitAccount, readFitDefinition } = await import('../../src/model/market-fit.js');
    const { readAccountsCsv } = await import('../../src/load/accounts-csv.js');
    const { parse } = await import('yaml');
    const dir = await writeTree(await makeTempDir('personakit-market-'), {
      'personakit.yaml': 'name: t\n',
      'markets/m.yaml': MARKET_ALL,
      'markets/accounts.csv': `${HEADER}\n${rows.join('\n')}\n`,
    });
    // Every row scored in full (per-criterion reasons), independently of the rule's compact path.
    const definition = readFitDefinition(parse(MARKET_ALL));
    const expected: string[] = [];
    await readAccountsCsv(path.join(dir, 'markets/accounts.csv'), {
      maxBytes: 1 << 20,
      onProblem: () => undefined,
      onAccount: (account, line) => {
        const fit = fitAccount(account, { in: 'csv', file: 'markets/accounts.csv', line }, definition);
        if (!fit.fits)
          expected.push(
            `markets/accounts.csv:${line}:1 warning account-misfit account "${fit.name}" does not fit: ${fit.summary}`,
          );
      },
    });
    expect(expected.length).toBeGreaterThan(20);
    const result = await lint({ mode: 'check', cwd: dir, paths: [] });
    const lines = result.diagnostics
      .filter((d) => d.rule === 'account-misfit')
      .map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`);
    expect(lines).toEqual(expected);
  });

  it('a CSV misfit diagnostic reads as a plain one: keys, spread, JSON, clone and deep equality', async () => {
    const dir = await writeTree(await makeTempDir('personakit-market-'), {
      'personakit.yaml': 'name: t\n',
      'markets/m.yaml': MARKET_ALL,
      'markets/accounts.csv': `${HEADER}\n${rows[1]}\n`,
    });
    const [d] = (await lint({ mode: 'check', cwd: dir, paths: [] })).diagnostics.filter(
      (x) => x.rule === 'account-misfit',
    );
    const plain = {
      file: 'markets/accounts.csv',
      line: 2,
      column: 1,
      severity: 'warning',
      rule: 'account-misfit',
      message: d!.message,
    };
    expect(d!.message).toMatch(/^account "Company 1 x" does not fit: sectors \(sector "software" is not one of/);
    expect(Object.keys(d!)).toEqual(Object.keys(plain));
    expect({ ...d }).toStrictEqual(plain);
    expect(JSON.parse(JSON.stringify(d))).toStrictEqual(plain);
    expect(structuredClone(d)).toStrictEqual(plain);
    expect(d).toEqual(plain);
  });

  it('a CSV misfit diagnostic takes a new severity as a plain one does: only that row changes', async () => {
    const dir = await writeTree(await makeTempDir('personakit-market-'), {
      'personakit.yaml': 'name: t\n',
      'markets/m.yaml': MARKET_ALL,
      'markets/accounts.csv': `${HEADER}\n${rows[1]}\n${rows[1]}\n`,
    });
    const [first, second] = (await lint({ mode: 'check', cwd: dir, paths: [] })).diagnostics.filter(
      (x) => x.rule === 'account-misfit',
    );
    expect([first!.line, second!.line]).toEqual([2, 3]);
    first!.severity = 'error';
    expect([first!.severity, second!.severity]).toEqual(['error', 'warning']);
    expect({ ...first }).toMatchObject({ line: 2, severity: 'error' });
  });
});
