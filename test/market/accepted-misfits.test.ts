import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse } from 'parse5';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { evaluateMarket } from '../../src/model/market-model.js';
import { renderReports } from '../../src/render/render.js';
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

async function check(accepted: string, settings = ''): Promise<string[]> {
  const dir = await writeTree(await makeTempDir('personakit-accepted-'), {
    'personakit.yaml': `name: t\n${settings}`,
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

  it('reports rotten entries even with account-misfit turned off, and stays quiet about the good ones', async () => {
    const accepted =
      'accepted_misfits:\n  - account: Nordhavn Freight A/S\n    reason: Customer\n  - account: Gone Ltd\n    reason: Old\n  - account: Fits Ltd\n    reason: Was a misfit once\n';
    expect(await check(accepted, 'rules:\n  account-misfit: off\n')).toEqual([
      'm.yaml:15:14 warning unused-disable accepted_misfits names "Gone Ltd", but no listed account of ',
      'm.yaml:17:14 warning unused-disable accepted_misfits names "Fits Ltd", but no listed account of ',
    ]);
    const good = 'accepted_misfits:\n  - account: Nordhavn Freight A/S\n    reason: Customer\n';
    expect(await check(good, 'rules:\n  account-misfit: off\n')).toEqual([]);
    // unused-disable itself can still be turned off.
    expect(await check(accepted, 'rules:\n  account-misfit: off\n  unused-disable: off\n')).toEqual([]);
  });

  it('keeps accepted accounts among the misfits of the model, marked accepted with the reason', async () => {
    const accepted =
      'accepted_misfits:\n  - account: nordhavn freight a/s\n    reason: Existing customer\n  - account: Fits Ltd\n    reason: Not a misfit\n';
    const dir = await writeTree(await makeTempDir('personakit-accepted-'), {
      'personakit.yaml': 'name: t\n',
      'm.yaml': MARKET(accepted),
      'accounts.csv': CSV,
    });
    dirs.push(dir);
    const { workspace } = await lint({ mode: 'check', cwd: dir, paths: [] });
    const model = await evaluateMarket(
      workspace.documents.find((d) => d.kind === 'market')!,
      workspace,
    );
    expect(model.totals).toMatchObject({ accounts: 4, fitting: 2, misfits: 2, acceptedMisfits: 1, fitRate: 0.5 });
    expect(model.accounts.map((a) => [a.name, a.fits, a.accepted])).toEqual([
      ['Fits Ltd', true, null],
      ['Nordhavn Freight A/S', false, { reason: 'Existing customer' }],
      ['Csv Fits', true, null],
      ['Le Havre SA', false, null],
    ]);
  });

  it('needs a reason (schema)', async () => {
    const rows = await check('accepted_misfits:\n  - account: Nordhavn Freight A/S\n');
    expect(rows.some((r) => r.includes('error schema missing required property "reason"'))).toBe(true);
  });

  it('marks the accepted account in the HTML and Markdown reports, with its reason, and only that one', async () => {
    const accepted =
      'accepted_misfits:\n  - account: nordhavn freight a/s\n    reason: Customer <since 2024> | renews in May\n';
    const dir = await writeTree(await makeTempDir('personakit-accepted-'), {
      'personakit.yaml': 'name: t\n',
      'm.yaml': MARKET(accepted),
      'accounts.csv': CSV,
    });
    dirs.push(dir);
    for (const format of ['html', 'md'] as const) {
      const out = path.join(dir, `out-${format}`);
      expect((await renderReports({ cwd: dir, paths: [], format, out, force: false })).refused).toBe(false);
      const text = await readFile(path.join(out, `market-m.${format}`), 'utf8');
      const html = format === 'html' ? text : new MarkdownIt({ html: true }).render(text);
      const rows = rowsOf(parse(html) as unknown as Node).filter((r) => /Nordhavn|Le Havre|Fits/.test(r));
      expect(
        rows.find((r) => r.includes('Nordhavn')),
        format,
      ).toMatch(/accepted:? ?Customer <since 2024> \| renews in May/);
      expect(
        rows.filter((r) => r.includes('accepted')),
        format,
      ).toHaveLength(1);
    }
  });
});

interface Node {
  nodeName: string;
  value?: string;
  childNodes?: Node[];
}

/** The text of every table row, as a reader sees it. */
function rowsOf(node: Node): string[] {
  const text = (n: Node): string =>
    n.nodeName === '#text' ? (n.value ?? '') : (n.childNodes ?? []).map(text).join(' ');
  if (node.nodeName === 'tr') return [text(node).replace(/\s+/g, ' ')];
  return (node.childNodes ?? []).flatMap(rowsOf);
}
