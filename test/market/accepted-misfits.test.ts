import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { makeTempDir, writeTree } from '../support/run-bin.js';

const MARKET = (accepted: string) => `kind: market
id: m
name: M
criteria:
  regions: [UK]
accounts:
  - name: Fits Ltd
    region: UK
  - name: Nordhavn Freight A/S
    region: Denmark
accounts_file: accounts.csv
${accepted}`;
const CSV = 'name,region\nCsv Fits,UK\nLe Havre SA,France\n';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function check(accepted: string): Promise<string[]> {
  const dir = await writeTree(await makeTempDir('personakit-accepted-'), {
    'personakit.yaml': 'name: t\n',
    'm.yaml': MARKET(accepted),
    'accounts.csv': CSV,
  });
  dirs.push(dir);
  const { diagnostics } = await lint({ mode: 'check', cwd: dir, paths: [] });
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message.slice(0, 60)}`);
}

describe('accepted_misfits', () => {
  it('without it, every misfit warns', async () => {
    expect(await check('')).toEqual([
      'accounts.csv:3:1 warning account-misfit account "Le Havre SA" does not fit: regions (region "France"',
      'm.yaml:9:11 warning account-misfit account "Nordhavn Freight A/S" does not fit: regions (region',
    ]);
  });

  it('silences account-misfit for the accepted accounts, inline and CSV, names compared as account names', async () => {
    const accepted =
      'accepted_misfits:\n  - account: nordhavn  freight a/s\n    reason: Existing customer\n  - account: LE HAVRE SA\n    reason: Pilot site\n';
    expect(await check(accepted)).toEqual([]);
  });

  it('reports an entry that names no listed account, or an account that fits, as unused-disable at the entry', async () => {
    const accepted =
      'accepted_misfits:\n  - account: Nordhavn Freight A/S\n    reason: Customer\n  - account: Gone Ltd\n    reason: Old\n  - account: Fits Ltd\n    reason: Was a misfit once\n';
    expect(await check(accepted)).toEqual([
      'accounts.csv:3:1 warning account-misfit account "Le Havre SA" does not fit: regions (region "France"',
      'm.yaml:15:14 warning unused-disable accepted_misfits names "Gone Ltd", but no listed account of ',
      'm.yaml:17:14 warning unused-disable accepted_misfits names "Fits Ltd", but no listed account of ',
    ]);
  });

  it('needs a reason (schema)', async () => {
    const rows = await check('accepted_misfits:\n  - account: Nordhavn Freight A/S\n');
    expect(rows.some((r) => r.includes('error schema missing required property "reason"'))).toBe(true);
  });
});
