import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReports, type Audience } from '../../src/render/render.js';
import { REPO_ROOT, runBin } from '../support/run-bin.js';
import { persona, workspace } from './workspace.js';

/** The text a reader sees on an HTML page (the stylesheet and attributes left out). */
function visibleText(html: string): string {
  const parts: string[] = [];
  type Node = { nodeName: string; value?: string; childNodes?: Node[] };
  const walk = (node: Node) => {
    if (node.nodeName === 'style' || node.nodeName === 'head') return;
    if (node.nodeName === '#text') parts.push(node.value ?? '');
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parse(html) as unknown as Node);
  return parts.join(' ');
}

/** A workspace with a YAML syntax error, a file without a known kind, a schema error and warnings. */
async function faultyWorkspace(): Promise<string> {
  return workspace({
    'personas/good.yaml': persona('good'),
    'personas/gappy.yaml':
      'kind: persona\nid: gappy\nname: Gappy\nroles: [user]\nabout: { job_title: 7 }\nunknown_key: 1\n',
    'personas/broken.yaml': 'kind: persona\nid: broken\nname: [unclosed\n',
    'notes/no-kind.yaml': 'title: meeting notes\n',
    'notes/odd-kind.yaml': 'kind: campaign\nid: c\n',
  });
}

async function render(cwd: string, audience: Audience, format: 'html' | 'md'): Promise<string> {
  const out = path.join(cwd, `out-${audience}-${format}`);
  const result = await renderReports({ cwd, paths: [], format, out, force: true, audience });
  expect(result.refused).toBe(false);
  return out;
}

async function pages(out: string, ext: string): Promise<Map<string, string>> {
  const names = (await readdir(out)).filter((n) => n.endsWith(`.${ext}`));
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(path.join(out, n), 'utf8')] as const)));
}

describe('--audience client (the default)', () => {
  const QA = [
    /\.ya?ml\b/i, // file paths
    /\.csv\b/i,
    /\b(errors?|warnings?)\b/i, // statuses and counts
    /no problems/i,
    /complete(ness)?\b/i,
    /\b\d+ ?%? of \d+ headings/i,
    /personakit/i, // tool jargon
    /sizing\.|max_share|accounts_file|annual_spend|celebrate:|evidence:/, // YAML keys
    /not filled in yet|the eight headings/i,
  ];

  it.each(['html', 'md'] as const)('shows no QA artefact in any %s report of the examples', async (format) => {
    const out = path.join(await workspace({}), 'out');
    await renderReports({ cwd: REPO_ROOT, paths: ['examples'], format, out, force: false });
    for (const [name, page] of await pages(out, format)) {
      const text = format === 'html' ? visibleText(page) : page;
      for (const pattern of QA) expect(text, `${name}: ${pattern}`).not.toMatch(pattern);
    }
  });

  it('shows no QA artefact when forced over a workspace with errors, and leaves empty headings out', async () => {
    const dir = await faultyWorkspace();
    const out = await render(dir, 'client', 'html');
    const all = await pages(out, 'html');
    for (const [name, page] of all)
      for (const pattern of QA) expect(visibleText(page), `${name}: ${pattern}`).not.toMatch(pattern);
    const gappy = visibleText(all.get('persona-gappy.html')!);
    expect(gappy).toContain('About');
    expect(gappy).not.toContain('Objections');
  });
});

describe('--audience team', () => {
  let dir: string;
  let check: { errors: number; warnings: number };
  beforeAll(async () => {
    dir = await faultyWorkspace();
    const r = await runBin(['check', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as { summary?: { errors: number; warnings: number } };
    check = results.summary ?? countOf(r.stdout);
  });

  it.each(['html', 'md'] as const)(
    'counts on the %s index equal check’s, file-level problems included',
    async (format) => {
      const out = await render(dir, 'team', format);
      const index = await readFile(path.join(out, `index.${format}`), 'utf8');
      expect(check.errors).toBeGreaterThanOrEqual(3);
      if (format === 'html') expect(index).toContain(`${check.errors} / ${check.warnings}`);
      else
        expect(index).toContain(
          `${check.errors} ${check.errors === 1 ? 'error' : 'errors'}, ${check.warnings} ${check.warnings === 1 ? 'warning' : 'warnings'}`,
        );
      // The files that gave no report are listed with their positions.
      expect(index).toMatch(/personas\/broken\.yaml:\d+:\d+/);
      expect(index).toMatch(/notes\/odd-kind\.yaml:\d+:\d+/);
      expect(index).toContain('Problems in files without a report');
    },
  );

  it('lists each document’s problems with their positions in its report', async () => {
    const out = await render(dir, 'team', 'html');
    const gappy = await readFile(path.join(out, 'persona-gappy.html'), 'utf8');
    expect(visibleText(gappy)).toMatch(/Problems to fix: \d+ errors?/);
    expect(gappy).toMatch(/personas\/gappy\.yaml:5:\d+/);
    expect(gappy).toMatch(/personas\/gappy\.yaml:6:\d+/);
    expect(gappy).toContain('Not filled in yet');
  });
});

/** Counts from check's JSON when it has no summary: every diagnostic of every file. */
function countOf(json: string): { errors: number; warnings: number } {
  const text = JSON.stringify(JSON.parse(json));
  return {
    errors: (text.match(/"severity":"error"/g) ?? []).length,
    warnings: (text.match(/"severity":"warning"/g) ?? []).length,
  };
}
