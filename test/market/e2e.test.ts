import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runBin } from '../support/run-bin.js';

interface JsonOut {
  diagnostics: Array<{ file: string; line: number; column: number; severity: string; rule: string; message: string }>;
  summary: { errors: number; warnings: number };
}

describe('personakit check on markets (built binary)', () => {
  it('passes examples/ with exactly the 15 documented account misfits as warnings (11 + 4 of the weighted market)', async () => {
    const result = await runBin(['check', 'examples', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as JsonOut;
    expect(out.summary).toEqual({ errors: 0, warnings: 15, files: expect.any(Number) });
    expect(out.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`).sort()).toEqual([
      'examples/markets/accounts.csv:11 account-misfit',
      'examples/markets/accounts.csv:11 account-misfit',
      'examples/markets/accounts.csv:15 account-misfit',
      'examples/markets/accounts.csv:15 account-misfit',
      'examples/markets/accounts.csv:16 account-misfit',
      'examples/markets/accounts.csv:17 account-misfit',
      'examples/markets/accounts.csv:18 account-misfit',
      'examples/markets/accounts.csv:18 account-misfit',
      'examples/markets/accounts.csv:22 account-misfit',
      'examples/markets/accounts.csv:23 account-misfit',
      'examples/markets/accounts.csv:23 account-misfit',
      'examples/markets/uk-ie-midmarket-warehousing.yaml:109 account-misfit',
      'examples/markets/uk-ie-midmarket-warehousing.yaml:121 account-misfit',
      'examples/markets/uk-ie-midmarket-warehousing.yaml:87 account-misfit',
      'examples/markets/uk-ie-midmarket-warehousing.yaml:98 account-misfit',
    ]);
    const nordhavn = out.diagnostics.find((d) => d.message.includes('Nordhavn'))!;
    expect(nordhavn.message).toBe(
      'account "Nordhavn Freight A/S" does not fit: regions (region "Denmark" is not one of England, Scotland, Wales, Northern Ireland or Ireland) [required]; matches 7 of 8 scored criteria (0.88)',
    );
  });

  it("reports a CRM export's bad cell at csv:line:column (BOM, CRLF, quoted line break before it) and exits 1", async () => {
    const cwd = path.join(FIXTURES, 'market-csv-errors');
    const check = await runBin(['check'], { cwd });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('markets/crm-export.csv\n');
    expect(check.stdout).toMatch(
      /3:26 +error +employees "1,200" is not a whole number; remove the thousands separators, and write digits only \(e\.g\. 1200\) +schema/,
    );
    expect(check.stdout).toMatch(
      /7:1 +warning +account "Oslo Engros" does not fit: regions \(region "Norway" is not one of Germany or France\) \[required\]/,
    );
    expect(check.stdout).toMatch(
      /14:19 +warning +required share 307\.7 % \(revenue target €200,000 ÷ summed annual spend of fitting accounts €65,000\) exceeds the achievable 50 %/,
    );
    expect(check.stdout).toContain('✖ 3 problems (1 error, 2 warnings)');

    const validate = await runBin(['validate', '--format', 'json'], { cwd });
    expect(validate.code).toBe(1);
    const out = JSON.parse(validate.stdout) as JsonOut;
    expect(out.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual([
      'markets/crm-export.csv:3:26 schema',
    ]);
  });
});
