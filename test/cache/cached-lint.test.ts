import { cp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedLint } from '../../src/cache/cached-lint.js';
import { SETTLED_MS } from '../../src/cache/signature.js';
import { lint, type LintOptions } from '../../src/lint/lint.js';
import { makeTempDir, REPO_ROOT } from '../support/run-bin.js';

// Every kind of edit a user makes between two runs; after each, the cached run must say exactly
// what an uncached run says. Applied in sequence, so later steps also start from a warm cache.
type Edit = [name: string, apply: (dir: string) => Promise<void>];
const p = (dir: string, rel: string) => path.join(dir, rel);
const edit = async (dir: string, rel: string, change: (text: string) => string) =>
  writeFile(p(dir, rel), change(await readFile(p(dir, rel), 'utf8')));

const EDITS: Edit[] = [
  ['nothing changes', async () => {}],
  [
    'a persona gains a schema error',
    (d) => edit(d, 'personas/it-manager-gareth.yaml', (t) => t.replace(/\nname: /, '\nnickname: G\nname: ')),
  ],
  [
    'a persona loses a heading (completeness)',
    (d) => edit(d, 'personas/ops-director-dana.yaml', (t) => t.replace(/\nobjections:\n(?: .*\n|\n)*?(?=\S)/, '\n')),
  ],
  [
    'a persona becomes invalid YAML',
    (d) => edit(d, 'personas/finance-director-farid.yaml', (t) => t.replace('\nname: ', '\nname: [unclosed\nx: ')),
  ],
  [
    'the broken persona is fixed again',
    (d) => edit(d, 'personas/finance-director-farid.yaml', (t) => t.replace('\nname: [unclosed\nx: ', '\nname: ')),
  ],
  ['a persona is deleted (journeys and the market name it)', (d) => rm(p(d, 'personas/it-manager-gareth.yaml'))],
  [
    'a persona is added',
    (d) => writeFile(p(d, 'personas/new-nadia.yaml'), 'kind: persona\nid: new-nadia\nname: New Nadia\n'),
  ],
  [
    'a persona id referenced by journeys is renamed',
    (d) =>
      edit(d, 'personas/shift-planner-priya.yaml', (t) => t.replace('id: shift-planner-priya', 'id: planner-priya')),
  ],
  [
    'a file is renamed with the same content',
    (d) => rename(p(d, 'personas/new-nadia.yaml'), p(d, 'personas/renamed-nadia.yaml')),
  ],
  ['a duplicate of a file appears', (d) => cp(p(d, 'personas/renamed-nadia.yaml'), p(d, 'personas/copy-nadia.yaml'))],
  [
    'a journey changes',
    (d) => edit(d, 'journeys/planner-adopts-at-her-site.yaml', (t) => t.replace(/\n {4}message: [^\n]*/, '')),
  ],
  [
    'personakit.yaml changes a severity',
    (d) => edit(d, 'personakit.yaml', (t) => t.replace('stage-message-missing: error', 'stage-message-missing: off')),
  ],
  ['personakit.yaml changes completeness', (d) => edit(d, 'personakit.yaml', (t) => t.replace('min: 100', 'min: 50'))],
  [
    'a row of the accounts CSV changes',
    (d) =>
      edit(d, 'markets/accounts.csv', (t) =>
        t.replace('Medway Chilled Logistics,food distribution', 'Medway Chilled Logistics,software'),
      ),
  ],
  ['the accounts CSV disappears', (d) => rm(p(d, 'markets/accounts.csv'))],
  [
    'a persona picture is replaced by a non-image',
    (d) => writeFile(p(d, 'personas/images/shift-planner-priya.png'), 'not a png'),
  ],
  [
    'a multi-document file is split into a stream',
    (d) => edit(d, 'personas/renamed-nadia.yaml', (t) => `${t}---\nkind: persona\nid: second-nadia\nname: Second\n`),
  ],
];

let dir: string;
let cacheDir: string;
beforeAll(async () => {
  dir = await makeTempDir('personakit-cache-');
  await cp(path.join(REPO_ROOT, 'examples'), dir, { recursive: true });
  cacheDir = path.join(dir, '..', `${path.basename(dir)}-cache`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

const options = (mode: LintOptions['mode'] = 'check', paths: string[] = []): LintOptions => ({
  cwd: dir,
  paths,
  mode,
  today: new Date('2027-01-15T00:00:00Z'),
});

async function expectSameAsUncached(opts: LintOptions) {
  const uncached = await lint(opts);
  const cached = await cachedLint(opts, { location: cacheDir });
  expect(cached.diagnostics).toEqual(uncached.diagnostics);
  expect(cached.files).toEqual(uncached.files);
  expect(cached.reportedDocuments).toBe(uncached.workspace.documents.filter((d) => d.reported).length);
  return cached;
}

describe('check --cache gives the same answer as an uncached check', () => {
  it('fills the cache on the first run and reuses the whole answer when nothing changed', async () => {
    expect((await expectSameAsUncached(options())).reuse).toBe('none');
    expect((await expectSameAsUncached(options())).reuse).toBe('result');
  });

  let before: unknown;
  it.each(EDITS.map((e, i) => [i, ...e] as const))('after edit %i: %s', async (i, name, apply) => {
    before ??= (await lint(options())).diagnostics;
    await apply(dir);
    const cached = await expectSameAsUncached(options());
    // The edit really changed the answer (so a stale cache would have been caught), unless it should not have.
    if (i !== 0 && !name.includes('same content')) expect(cached.diagnostics).not.toEqual(before);
    before = cached.diagnostics;
    // Unchanged files are never parsed again, whatever changed elsewhere.
    expect(cached.reuse).not.toBe('none');
    // And a second run with no further change reuses everything.
    expect((await expectSameAsUncached(options())).reuse).toBe('result');
  });

  it('keys the answer on the options and the files asked about', async () => {
    await expectSameAsUncached(options('validate'));
    await expectSameAsUncached({ ...options(), quiet: true });
    await expectSameAsUncached({ ...options(), minCompleteness: 10 });
    await expectSameAsUncached({ ...options(), today: new Date('2035-01-01T00:00:00Z') });
    await expectSameAsUncached(options('check', ['personas/ops-director-dana.yaml']));
    await expectSameAsUncached(options('check', ['journeys']));
  });

  it('treats a corrupt cache as no cache', async () => {
    await writeFile(path.join(cacheDir, 'result.json'), '{"key": 1');
    await writeFile(path.join(cacheDir, 'files.json'), 'null');
    expect((await expectSameAsUncached(options())).reuse).toBe('none');
  });
});

describe("check --cache trusts the files' stat once they have settled, and still sees every edit", () => {
  let own: string;
  let ownCache: string;
  beforeAll(async () => {
    own = await makeTempDir('personakit-cache-settled-');
    await cp(path.join(REPO_ROOT, 'examples'), own, { recursive: true });
    ownCache = path.join(own, '..', `${path.basename(own)}-cache`);
  });
  afterAll(async () => {
    await rm(own, { recursive: true, force: true });
    await rm(ownCache, { recursive: true, force: true });
  });

  it('after each edit, with every file counted as settled (their stat trusted)', async () => {
    const opts: LintOptions = { cwd: own, paths: [], mode: 'check', today: new Date('2027-01-15T00:00:00Z') };
    // Far ahead: every file counts as settled, so a warm run answers from the files' stat (cache/signature.ts).
    const run = async () => {
      const uncached = await lint(opts);
      const cached = await cachedLint(opts, { location: ownCache, now: Date.now() + SETTLED_MS + 60_000 });
      expect(cached.diagnostics).toEqual(uncached.diagnostics);
      expect(cached.files).toEqual(uncached.files);
      return cached;
    };
    await run();
    expect((await run()).reuse).toBe('result');
    for (const [name, apply] of EDITS.slice(1)) {
      const before = (await lint(opts)).diagnostics;
      await apply(own);
      const cached = await run();
      if (!name.includes('same content')) expect(cached.diagnostics, name).not.toEqual(before);
      expect((await run()).reuse, name).toBe('result');
    }
  });
});
