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

/** The rows of a Markdown table under `heading` (up to the next heading), cut into cells. */
function rowsUnder(md: string, heading: string): string[][] {
  const start = md.indexOf(`${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rest = md.slice(start + heading.length + 1);
  const end = rest.search(/^#{1,3} /m);
  return (end < 0 ? rest : rest.slice(0, end))
    .split('\n')
    .filter((l) => /^\| \d/.test(l))
    .map((l) => l.split(' | ').map((c) => c.replace(/^\| /, '')));
}

describe('the ranked target list in market reports (issue 23: ranked first, for every market)', () => {
  it('ranks and explains every point when the market uses weights, tiers or disqualifiers (Markdown)', async () => {
    const md = await report(WEIGHTED, 'md');
    expect(md.indexOf('## Target accounts')).toBeLessThan(md.indexOf('## Sizing'));
    expect(md.indexOf('## Target accounts')).toBeLessThan(md.indexOf('## Criteria'));
    const targets = rowsUnder(md, '## Target accounts');
    expect(targets.map((r) => r.slice(0, 5))).toEqual([
      ['1', '**Sparse**', 'A', '100', '50 %'], // exactly min_known (0.5) of the weight known
      ['2', '**Tier &lt;b&gt;B&lt;/b&gt;**', 'B', '66.7', '100 %'],
    ]);
    expect(targets[1]!.join(' | ')).toContain(
      '*Problems we solve ×2:* **−33.3** none of its problems ("other") is one we solve',
    );
    const out = rowsUnder(md, '### Accounts that do not fit');
    expect(out.map((r) => r.slice(0, 3))).toEqual([['3', '**Bookies**', 'disqualified']]);
    expect(out[0]!.join(' | ')).toContain('**disqualified** *Sectors:* sector "betting"');
    const stricter = await report(`${WEIGHTED}\n  min_known: 0.51`, 'md');
    expect(rowsUnder(stricter, '## Target accounts').map((r) => r.slice(0, 5))).toEqual([
      ['1', '**Tier &lt;b&gt;B&lt;/b&gt;**', 'B', '66.7', '100 %'],
      ['2', '**Sparse**', 'not enough data', '100', '50 %'],
    ]);
    expect(stricter).toContain(
      'not enough data to tier it: 50 % of the weight known, 51 % needed; fill in problems and sector',
    );
    expect(md).toContain('tiers: A from 85, B from 60, given only with at least 50 % of the weight known');
  });

  it('shows the ranked list in HTML with the names escaped', async () => {
    const html = await report(WEIGHTED, 'html');
    expect(html).toContain('<h2>Target accounts</h2>');
    expect(html).toContain('<strong>Tier &lt;b&gt;B&lt;/b&gt;</strong>');
    expect(html).not.toContain('<b>B</b>');
    expect(html.indexOf('<h2>Target accounts</h2>')).toBeLessThan(html.indexOf('<h2>Sizing</h2>'));
  });

  it('ranks a market without the new settings too: best score first, then by annual spend', async () => {
    const md = await report('  threshold: 0.5', 'md');
    // Bookies and Sparse match all they can be scored on; Bookies spends more. No tier, no known share.
    expect(rowsUnder(md, '## Target accounts').map((r) => r.slice(0, 3))).toEqual([
      ['1', '**Bookies**', '3/3'],
      ['2', '**Sparse**', '1/1'],
      ['3', '**Tier &lt;b&gt;B&lt;/b&gt;**', '2/3'],
    ]);
    expect(md).toContain('| # | Account | Score | Mismatches it can carry | Unknown | Annual spend |');
    expect(md).not.toContain('Known');
    const html = await report('  threshold: 0.5', 'html');
    expect(html).not.toContain('>Tier</th>');
  });

  it('lists the near misses (one match short of the threshold) between the fitting and the other accounts', async () => {
    const market = `kind: market
id: near
name: Near
criteria:
  sectors: [retail]
  regions: [UK]
  problems: [slow close]
fit:
  threshold: 0.8
  required: [regions]
accounts:
  - { name: Fits, sector: retail, region: UK, problems: [slow close] }
  - { name: OneShort, sector: food, region: UK, problems: [slow close] }
  - { name: TwoShort, sector: food, region: UK, problems: [other] }
  - { name: WrongRegion, sector: retail, region: France, problems: [slow close] }
`;
    const cwd = await writeTree(await makeTempDir('personakit-near-'), { 'm.yaml': market });
    dirs.push(cwd);
    for (const format of ['md', 'html'] as const) {
      const out = path.join(cwd, `out-${format}`);
      await renderReports({ cwd, paths: ['m.yaml'], format, out, force: true });
      const text = await readFile(path.join(out, `market-near.${format}`), 'utf8');
      const at = (name: string) => text.indexOf(format === 'md' ? `**${name}**` : `<strong>${name}</strong>`);
      const near = text.indexOf(format === 'md' ? '### Near misses' : '<h3 class="sub-heading">Near misses</h3>');
      const misfits = text.indexOf(format === 'md' ? '### Accounts that do not fit' : '>Accounts that do not fit</h3>');
      expect([at('Fits') < near, near < at('OneShort'), at('OneShort') < misfits], format).toEqual([true, true, true]);
      // Two mismatches are more than one match away; a failed required criterion rules an account out.
      expect([misfits < at('TwoShort'), misfits < at('WrongRegion')], format).toEqual([true, true]);
    }
  });
});
