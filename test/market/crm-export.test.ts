import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { separatorOf } from '../../src/load/csv-parser.js';
import { makeTempDir, writeTree } from '../support/run-bin.js';

const market = (extra = '') => `kind: market
id: m
name: M
criteria:
  regions: [UK]
  employees: { min: 10 }
accounts_file: accounts.csv
${extra}`;

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function check(yaml: string, csv: string) {
  const dir = await writeTree(await makeTempDir('personakit-crm-'), {
    'personakit.yaml': 'name: t\n',
    'm.yaml': yaml,
    'accounts.csv': csv,
  });
  dirs.push(dir);
  const { diagnostics, workspace } = await lint({ mode: 'check', cwd: dir, paths: [] });
  return {
    workspace,
    rows: diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}`),
  };
}

const HUBSPOT =
  'Company name,Number of Employees,Annual Revenue,Country/Region\nNorthwind,120,5000000,UK\nTiny,3,1000,UK\n';

describe('CRM exports', () => {
  it('an unknown CRM header gets a did-you-mean and the accounts_columns line to add', async () => {
    const { rows } = await check(market(), HUBSPOT);
    const header = rows.filter((r) => r.startsWith('accounts.csv:1:'));
    expect(header.find((r) => r.startsWith('accounts.csv:1:1 schema unknown column'))).toContain(
      'unknown column "Company name" (did you mean "name"?); to read it as name, add to the market: accounts_columns: { "Company name": name }',
    );
    expect(header.some((r) => r.includes('accounts_columns: { "Number of Employees": employees }'))).toBe(true);
    expect(header.some((r) => r.includes('accounts_columns: { "Country/Region": region }'))).toBe(true);
  });

  it('with accounts_columns the export is read as it comes', async () => {
    const mapping =
      'accounts_columns:\n  Company name: name\n  number of employees: employees\n  Annual Revenue: revenue\n  Country/Region: region\n';
    const { rows } = await check(market(mapping), HUBSPOT);
    expect(rows).toEqual([
      'accounts.csv:3:1 account-misfit account "Tiny" does not fit: employees (employees 3 is below the minimum 10); matches 1 of 2 scored criteria (0.5, below the threshold 1)',
    ]);
  });

  it('a mapping to something that is no account field is a schema error at the value', async () => {
    const { rows } = await check(market('accounts_columns:\n  Company name: company\n'), HUBSPOT);
    expect(rows.find((r) => r.startsWith('m.yaml'))).toMatch(
      /^m\.yaml:9:17 schema accounts_columns\.Company name must be one of name, /,
    );
  });

  it('an unknown column far from any field or CRM header gets no guess', async () => {
    const { rows } = await check(market(), 'name,region,employees,Favourite colour\nA,UK,20,blue\n');
    expect(rows).toEqual([
      expect.stringMatching(/^accounts\.csv:1:23 schema unknown column "Favourite colour"; columns are account fields/),
    ]);
  });
});

describe('CSV separators', () => {
  it('reads a header with no comma but semicolons or tabs with that separator', async () => {
    for (const sep of [';', '\t']) {
      const csv =
        ['name', 'region', 'employees'].join(sep) +
        '\n' +
        ['A, Inc', 'UK', '50'].join(sep) +
        '\n' +
        ['B', 'FR', '50'].join(sep) +
        '\n';
      const { rows } = await check(market(), csv);
      expect(rows, JSON.stringify(sep)).toEqual([
        expect.stringMatching(/^accounts\.csv:3:1 account-misfit account "B" does not fit: regions/),
      ]);
    }
  });

  it('keeps commas whenever the header has one', () => {
    expect(separatorOf('name,region;x').name).toBe('comma');
    expect(separatorOf('name;region').name).toBe('semicolon');
    expect(separatorOf('name\tregion').name).toBe('tab');
    expect(separatorOf('name').name).toBe('comma');
  });
});
