import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffRevisions } from '../../src/lint/diff-revisions.js';
import type { DocumentChange, WorkspaceDiff } from '../../src/model/diff-types.js';
import { diffJson } from '../../src/report/diff-json.js';
import { diffMarkdown } from '../../src/report/diff-markdown.js';
import { diffStylish } from '../../src/report/diff-stylish.js';
import { GitRepo } from './git-repo.js';
import { BASE, headFiles } from './workspace-fixture.js';

const today = new Date('2026-06-01T00:00:00Z');
let repo: GitRepo;
let diff: WorkspaceDiff;

beforeAll(async () => {
  repo = new GitRepo();
  repo.write(BASE).commit('base');
  const head = headFiles();
  repo.write(head.write).remove(...head.remove);
  for (const [from, to] of head.move) repo.move(from, to);
  repo.commit('head');
  diff = await diffRevisions({ cwd: repo.dir, base: 'HEAD~1', head: 'HEAD', today });
}, 60_000);

afterAll(() => repo.cleanup());

const doc = (kind: string, id: string): DocumentChange => {
  const found = diff.documents.find((d) => d.kind === kind && d.id === id);
  if (!found) throw new Error(`no change for ${kind} ${id}: ${diff.documents.map((d) => d.id).join(', ')}`);
  return found;
};
const has = (d: DocumentChange, expected: Record<string, unknown>) =>
  expect(d.changes).toContainEqual(expect.objectContaining(expected));

describe('personakit diff between two commits', () => {
  it('names both revisions and versions its shape', () => {
    expect(diff.version).toBe(1);
    expect(diff.base.revision).toBe('HEAD~1');
    expect(diff.head.commit).toBe(repo.git('rev-parse', 'HEAD').trim());
  });

  it('reports a persona: headings, completeness, items added, removed and reworded, roles, evidence', () => {
    const fiona = doc('persona', 'finance-fiona');
    expect(fiona.status).toBe('changed');
    has(fiona, { field: 'goals', change: 'added', item: 'cut-costs' });
    has(fiona, { field: 'challenges[audit-risk].text', change: 'reworded' });
    has(fiona, { field: 'objections', change: 'removed', item: 'Locked in to a three-year ERP contract' });
    has(fiona, { field: 'headings', change: 'emptied', item: 'objections' });
    has(fiona, { field: 'roles', change: 'added', item: 'decision-maker' });
    has(fiona, { field: 'evidence', change: 'added', item: 'survey 2026-01-15' });
    has(fiona, { field: 'newest evidence', change: 'changed', before: '2025-05-01', after: '2026-01-15' });
  });

  it('fills a heading and raises completeness', () => {
    // fiona gains hangouts and loses objections: both headings move, completeness stays at 7/8.
    const fiona = doc('persona', 'finance-fiona');
    has(fiona, { field: 'headings', change: 'filled', item: 'hangouts' });
    expect(fiona.changes.some((c) => c.field === 'completeness')).toBe(false);
  });

  it('keys documents by id: a moved file is no change, a new id is removed + added and looks renamed', () => {
    expect(diff.documents.some((d) => d.id === 'moving-mo')).toBe(false);
    expect(doc('persona', 'gareth-gatekeeper')).toMatchObject({ status: 'added', looksRenamedFrom: 'gary-gatekeeper' });
    expect(doc('persona', 'gary-gatekeeper')).toMatchObject({ status: 'removed', looksRenamedTo: 'gareth-gatekeeper' });
    expect(doc('persona', 'old-olga')).toMatchObject({ status: 'removed' });
    expect(doc('persona', 'old-olga').looksRenamedTo).toBeUndefined();
    expect(doc('persona', 'nina-new').status).toBe('added');
  });

  it('reports a journey: stage phase and emotion, alignment cells, gaps, crossings, phases missing, celebrations', () => {
    const journey = doc('journey', 'cfo-buys');
    has(journey, { field: 'stages[trust].phase', change: 'changed', before: 'retention', after: 'adoption' });
    has(journey, { field: 'stages[trust].emotion', change: 'changed', before: 2, after: -1 });
    has(journey, { field: 'alignment', change: 'added', item: 'aware × care' });
    has(journey, { field: 'alignment', change: 'removed', item: 'trust × care' });
    has(journey, { field: 'gaps', change: 'appeared', item: 'trust' });
    has(journey, { field: 'crossings', change: 'appeared', item: 'care (after close)' });
    has(journey, { field: 'phases missing', change: 'appeared', item: 'retention' });
    has(journey, { field: 'milestones[first-close].celebrate', change: 'added' });
    has(journey, { field: 'personas', change: 'added', item: 'nina-new' });
  });

  it('reports a market: criteria, the accounts that start or stop fitting and why, fit rate and sizing', () => {
    const market = doc('market', 'uk-finance');
    has(market, { field: 'criteria.employees.max', change: 'changed', before: 1000, after: 5000 });
    has(market, { field: 'criteria.sectors', change: 'removed', item: 'logistics' });
    const northwind = market.changes.find((c) => c.item === 'Northwind Ltd');
    expect(northwind).toMatchObject({ field: 'accounts', change: 'stops-fitting' });
    expect(northwind?.note).toMatch(/^sectors: match → mismatch/);
    expect(market.changes.find((c) => c.item === 'Southwind Ltd')).toMatchObject({ change: 'starts-fitting' });
    expect(market.changes.find((c) => c.item === 'Southwind Ltd')?.note).toMatch(/employees: mismatch → match/);
    has(market, {
      field: 'addressable market',
      change: 'changed',
      before: '£1,000 (summed)',
      after: '£2,000 (summed)',
    });
    has(market, { field: 'required share', change: 'changed', before: '10 %', after: '5 %' });
  });

  it('reports a file that does not parse at one revision, and does not crash', () => {
    expect(diff.unreadable).toEqual([expect.objectContaining({ file: 'personas/broken-later.yaml', at: 'head' })]);
    expect(diff.documents.some((d) => d.id === 'broken-bea')).toBe(false);
  });

  it('lists the problems new at head and those fixed since base', () => {
    const rules = (list: WorkspaceDiff['findings']['new']) => list.map((d) => d.rule).sort();
    expect(rules(diff.findings.new)).toEqual(
      expect.arrayContaining(['unknown-reference', 'stage-uncovered', 'stage-order', 'phase-missing', 'yaml-syntax']),
    );
    expect(rules(diff.findings.fixed)).toContain('milestone-unacknowledged');
    expect(diff.summary.newErrors).toBeGreaterThan(0);
    expect(diff.summary).toMatchObject({ added: 2, removed: 2, changed: 3, unreadable: 1 });
  });

  it('prints JSON that parses back to the model', () => {
    expect(JSON.parse(diffJson(diff))).toEqual(JSON.parse(JSON.stringify(diff)));
  });

  it('prints stylish text for a terminal, coloured only when asked', () => {
    const plain = diffStylish(diff, { color: false });
    expect(plain).toContain('changed  persona finance-fiona (Finance Fiona)');
    expect(plain).toContain('added (looks renamed from gary-gatekeeper)');
    expect(plain).not.toMatch(/\u001b\[/);
    expect(diffStylish(diff, { color: true })).toMatch(/\u001b\[/);
  });
});

describe('the Markdown pull-request comment', () => {
  const md = new MarkdownIt({ html: true });
  const ALLOWED_HTML = /^<\/?(details|summary|code|br)>$/;

  it('starts with a summary table whose rows all have their cells', () => {
    const tokens = md.parse(diffMarkdown(diff), {});
    const firstTable = tokens.findIndex((t) => t.type === 'table_open');
    expect(firstTable).toBeGreaterThan(-1);
    expect(tokens.slice(0, firstTable).some((t) => t.type === 'html_block')).toBe(false);
  });

  it('keeps every table intact: each row has as many cells as its header', () => {
    const tokens = md.parse(diffMarkdown(diff), {});
    let columns = 0;
    let cells = 0;
    let rows = 0;
    for (const t of tokens) {
      if (t.type === 'tr_open') cells = 0;
      if (t.type === 'th_open' || t.type === 'td_open') cells++;
      if (t.type === 'tr_close') {
        rows++;
        if (columns === 0) columns = cells;
        expect(cells).toBe(columns);
      }
      if (t.type === 'table_close') columns = 0;
    }
    expect(rows).toBeGreaterThan(20);
  });

  it('puts each document in a collapsible section and lets no raw HTML through from the data', () => {
    const text = diffMarkdown(diff);
    expect(text.match(/<details>/g)?.length).toBeGreaterThanOrEqual(diff.documents.length);
    const html: string[] = [];
    const walk = (tokens: ReturnType<typeof md.parse>) => {
      for (const t of tokens) {
        if (t.type === 'html_block' || t.type === 'html_inline') html.push(t.content);
        if (t.children) walk(t.children);
      }
    };
    walk(md.parse(text, {}));
    for (const block of html)
      for (const tag of block.match(/<[^>]*>/g) ?? []) expect(tag, `in ${block}`).toMatch(ALLOWED_HTML);
    const rendered = md.render(text);
    expect(rendered).not.toMatch(/<script|<b>|<a /);
    expect(rendered).toContain('&lt;script&gt;');
  });
});
