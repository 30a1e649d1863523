import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { makeTempDir, writeTree } from '../support/run-bin.js';

const MARKET = `kind: market
id: m
name: M
criteria:
  regions: [UK]
accounts_file: accounts.csv
sizing:
  revenue_target: 1000
`;

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function share(csv: string): Promise<string[]> {
  const dir = await writeTree(await makeTempDir('personakit-share-'), {
    'personakit.yaml': 'name: t\n',
    'm.yaml': MARKET,
    'accounts.csv': csv,
  });
  dirs.push(dir);
  const { diagnostics } = await lint({ mode: 'check', cwd: dir, paths: [] });
  return diagnostics.filter((d) => d.rule === 'market-share').map((d) => d.message);
}

describe('market-share when no account can be scored', () => {
  it('says the listed accounts were left out for their errors, not that none are listed', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `Co ${i},UK,"${i},000"`).join('\n');
    const [message] = await share(`name,region,employees\n${rows}\n`);
    expect(message).toContain(
      'all 30 listed accounts are left out of the sizing because of schema errors in their rows (fix those first)',
    );
    expect(message).not.toContain('no accounts are listed');
  });

  it('still says "no accounts are listed" when there are none', async () => {
    const [message] = await share('name,region\n');
    expect(message).toContain('no accounts are listed');
  });
});
