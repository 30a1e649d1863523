import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, runBin, writeTree } from '../support/run-bin.js';

/** Inputs too slow for the normal run: a 100 MB CRM export is streamed, not refused and not held whole. */
describe('fuzz: very large inputs through the built binary', () => {
  it('a 100 MB accounts CSV is streamed to a result (exit 0 or 1), within the default limit', async () => {
    const dir = await writeTree(await makeTempDir(), {
      'personakit.yaml': 'name: Big\n',
      'markets/m.yaml':
        'kind: market\nid: big\nname: Big\ncriteria: {sectors: [retail], employees: {min: 10}}\naccounts_file: accounts.csv\n',
    });
    const out = createWriteStream(path.join(dir, 'markets', 'accounts.csv'));
    out.write('name,sector,employees,annual_spend\n');
    let bytes = 0;
    for (let i = 0; bytes < 100 * 1024 * 1024; i++) {
      const row = `"=cmd|' /C calc'!A${i}",${i % 3 ? 'retail' : 'banking'},${i % 500},${i % 9000}\n`;
      bytes += row.length;
      if (!out.write(row)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const r = await runBin(['check', '--format', 'json', '--quiet'], { cwd: dir, timeoutMs: 300_000 });
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    JSON.parse(r.stdout);
  });
});
