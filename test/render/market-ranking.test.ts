import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReports } from '../../src/render/render.js';
import { makeTempDir, writeTree } from '../support/run-bin.js';

const market = (fit: string) => `kind: market
id: icp
name: ICP
currency: GBP
criteria:
  sectors: [retail, betting]
  regions: [UK]
  problems: [slow close]
fit:
${fit}
accounts:
  - { name: Bookies, sector: betting, region: UK, problems: [slow close], annual_spend: 500 }
  - { name: "Tier <b>B</b>", sector: retail, region: UK, problems: [other], annual_spend: 10 }
  - { name: Sparse, region: UK }
`;
const WEIGHTED =
  '  threshold: 0.5\n  weights: { regions: 3, problems: 2 }\n  tiers: { A: 85, B: 60 }\n  disqualify: { sectors: [betting] }';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function report(fit: string, format: 'md' | 'html'): Promise<string> {
  const cwd = await writeTree(await makeTempDir('personakit-ranking-'), { 'm.yaml': market(fit) });
  dirs.push(cwd);
  const out = path.join(cwd, 'out');
  await renderReports({ cwd, paths: ['m.yaml'], format, out, force: true });
  return readFile(path.join(out, `market-icp.${format}`), 'utf8');
}

describe('the ranked list in market reports', () => {
  it('ranks and explains every point when the market uses weights, tiers or disqualifiers (Markdown)', async () => {
    const md = await report(WEIGHTED, 'md');
    const section = md.slice(md.indexOf('## Ranked accounts'), md.indexOf('## Sizing'));
    const rows = section.split('\n').filter((l) => /^\| \d/.test(l));
    expect(rows.map((r) => r.split(' | ').slice(0, 5))).toEqual([
      ['| 1', '**Sparse**', 'A', '100', '50 %'], // exactly min_known (0.5) of the weight known
      ['| 2', '**Tier &lt;b&gt;B&lt;/b&gt;**', 'B', '66.7', '100 %'],
      ['| 3', '**Bookies**', 'disqualified', '100', '100 %'],
    ]);
    expect(rows[1]).toContain('*Problems we solve ×2:* **−33.3** none of its problems ("other") is one we solve');
    expect(rows[2]).toContain('**disqualified** *Sectors:* sector "betting"');
    const stricter = await report(`${WEIGHTED}\n  min_known: 0.51`, 'md');
    expect(stricter).toContain('| 2 | **Sparse** | not enough data | 100 | 50 % |');
    expect(stricter).toContain(
      'not enough data to tier it: 50 % of the weight known, 51 % needed; fill in problems and sector',
    );
    expect(section).toContain('tiers: A from 85, B from 60, given only with at least 50 % of the weight known');
  });

  it('shows the ranked list in HTML with the names escaped', async () => {
    const html = await report(WEIGHTED, 'html');
    expect(html).toContain('<h2>Ranked accounts</h2>');
    expect(html).toContain('<strong>Tier &lt;b&gt;B&lt;/b&gt;</strong>');
    expect(html).not.toContain('<b>B</b>');
  });

  it('stays out of the report of a market without the new settings', async () => {
    expect(await report('  threshold: 0.5', 'md')).not.toContain('Ranked accounts');
    expect(await report('  threshold: 0.5', 'html')).not.toContain('Ranked accounts');
    expect(await report('  min_known: 0.5', 'md')).toContain('Ranked accounts');
  });
});
