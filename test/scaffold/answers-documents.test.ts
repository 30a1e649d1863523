import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { UsageError } from '../../src/errors.js';
import { lint } from '../../src/lint/lint.js';
import { readSchema, type Kind } from '../../src/schema/compile.js';
import { initWorkspace } from '../../src/scaffold/init-workspace.js';
import { createDocument } from '../../src/scaffold/new-document.js';
import { FIXTURES, listTree, makeTempDir, runBin, writeTree } from '../support/run-bin.js';
import { runInProcess } from '../support/run-in-process.js';

const ANSWERS = path.join(FIXTURES, 'answers');
const KINDS_IN_ORDER: Kind[] = ['persona', 'journey', 'market'];

async function workspace(): Promise<string> {
  const dir = await makeTempDir();
  await initWorkspace({ dir, name: 'Acme Ltd', force: false, version: '0.1.0' }, dir);
  return dir;
}

const env = (cwd: string) => ({
  cwd,
  interactive: false,
  prompter: async () => {
    throw new Error('no prompts expected');
  },
  today: '2026-06-01',
});

/** Every property path a schema allows ("fit.weights.sectors", "stages[].questions"), $refs followed. */
function schemaPaths(root: Record<string, unknown>): string[] {
  const out: string[] = [];
  const resolve = (node: Record<string, unknown>): Record<string, unknown> => {
    let current = node;
    while (typeof current.$ref === 'string') {
      let target: unknown = root;
      for (const segment of current.$ref.replace(/^#\//, '').split('/'))
        target = (target as Record<string, unknown>)[segment];
      current = target as Record<string, unknown>;
    }
    return current;
  };
  const walk = (raw: Record<string, unknown>, prefix: string, depth: number) => {
    const node = resolve(raw);
    if (depth > 6) return;
    if (node.items && typeof node.items === 'object')
      walk(node.items as Record<string, unknown>, `${prefix}[]`, depth + 1);
    for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
      const at = prefix ? `${prefix}.${key}` : key;
      out.push(at);
      walk(child, at, depth + 1);
    }
  };
  walk(root, '', 0);
  return out.filter((p) => p !== 'kind');
}

/** The property paths present in a value, in the same notation. */
function valuePaths(value: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  if (Array.isArray(value)) for (const item of value) for (const p of valuePaths(item, `${prefix}[]`)) out.add(p);
  else if (value !== null && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) {
      const at = prefix ? `${prefix}.${key}` : key;
      out.add(at);
      for (const p of valuePaths(child, at)) out.add(p);
    }
  return out;
}

describe('answers files are documents', () => {
  it.each(KINDS_IN_ORDER)('the complete %s answers file holds every field its schema allows', async (kind) => {
    const answers: unknown = parse(await readFile(path.join(ANSWERS, `${kind}.yaml`), 'utf8'));
    const present = valuePaths(answers);
    const missing = schemaPaths(readSchema(kind)).filter((p) => !present.has(p));
    expect(missing, `add these to test/fixtures/answers/${kind}.yaml`).toEqual([]);
  });

  it('a complete valid answers file for each kind writes that very document, and check passes it', async () => {
    const dir = await workspace();
    await writeTree(dir, {
      'markets/accounts.csv': 'Company name,Number of Employees,sector,region\nFabrikam Ltd,250,wholesale,UK\n',
    });
    for (const kind of KINDS_IN_ORDER) {
      await copyFile(path.join(ANSWERS, `${kind}.yaml`), path.join(dir, `${kind}-answers.yaml`));
      const result = await createDocument(
        { kind, answers: `${kind}-answers.yaml`, yes: false, force: false, dryRun: false },
        env(dir),
      );
      expect(result.written).toBe(true);
      const answers = parse(await readFile(path.join(ANSWERS, `${kind}.yaml`), 'utf8')) as Record<string, unknown>;
      expect(parse(await readFile(result.file, 'utf8'))).toEqual({ kind, ...answers });
    }
    const { diagnostics } = await lint({ cwd: dir, paths: [], mode: 'check', today: new Date('2026-06-01T12:00:00Z') });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The accepted misfit is accepted: no account-misfit for it, and the acceptance is not unused.
    expect(diagnostics.filter((d) => /Contoso/.test(d.message)).map((d) => d.rule)).toEqual([]);
  });
});

describe('answers files: every problem in one run', () => {
  const PERSONA = [
    'name: IT Manager Ian', // 1
    'id: IT-Manager-Ian', // 2
    'goal:', // 3
    '  - { id: close-faster, type: commercial, text: Close faster }', // 4
    'challenges:', // 5
    '  - { id: audit-risk, type: regulaton, text: Audit }', // 6
    'value:', // 7
    '  - { text: Automate, addresses: [close-faster] }', // 8
    'evidence:', // 9
    '  - { source: interview, date: 2026-02-30 }', // 10
    'picture: /home/ian/ian.png', // 11
    'x-mine: kept', // 12
    '',
  ].join('\n');

  it('reports them all at file:line:column, the unknown key first, and writes nothing (built binary, exit 2)', async () => {
    const dir = await workspace();
    await writeTree(dir, { 'ian.yaml': PERSONA });
    const before = await listTree(dir);
    const { code, stderr } = await runBin(['new', 'persona', '--answers', 'ian.yaml'], { cwd: dir });
    expect(code).toBe(2);
    expect(await listTree(dir)).toEqual(before);
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('personakit: the answers in ian.yaml have 6 problems; nothing was written:');
    expect(lines.slice(1, 7)).toEqual([
      expect.stringMatching(/^ian\.yaml:3:1: goal: not a known answer here \(did you mean "goals"\?\)/),
      'ian.yaml:2:5: id: "IT-Manager-Ian" is not an id (lower-case letters, digits and hyphens); use "it-manager-ian"',
      'ian.yaml:6:29: challenges[0].type: "regulaton" is not one of resources, politics, regulation, competition, other (did you mean "regulation"?)',
      'ian.yaml:8:35: value[0].addresses[0]: "close-faster" is not one of audit-risk',
      'ian.yaml:10:32: evidence[0].date: "2026-02-30" is not a date; write it as YYYY-MM-DD, e.g. 2026-05-01',
      'ian.yaml:11:10: picture: "/home/ian/ian.png" is an absolute path; give the picture\'s path relative to the persona file (e.g. images/fiona.jpg)',
    ]);
    expect(lines[7]).toBe('  correct the answers in the file and run the command again');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('checks the fields no question asks for against the schema, in the same run as the questions', async () => {
    const dir = await workspace();
    await writeTree(dir, {
      'm.yaml': [
        'name: M', // 1
        'currency: pounds', // 2
        'fit:', // 3
        '  weights: { sectors: -1 }', // 4
        'accepted_misfits:', // 5
        '  - { acount: Northwind, reason: kept }', // 6
        '',
      ].join('\n'),
    });
    const error = await createDocument(
      { kind: 'market', answers: 'm.yaml', yes: false, force: false, dryRun: false },
      env(dir),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    const lines = (error as UsageError).message.split('\n');
    expect(lines[0]).toBe('the answers in m.yaml have 4 problems; nothing was written:');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        /^m\.yaml:6:7: accepted_misfits\[0\]\.acount: unknown property "acount".*did you mean "account"/,
      ),
      expect.stringMatching(/^m\.yaml:2:11: currency: "pounds" is not a currency code/),
      'm.yaml:4:23: fit.weights.sectors must be at least 0 — got -1',
      expect.stringMatching(/^m\.yaml:6:5: accepted_misfits\[0\]: .*account/),
    ]);
  });

  it("keeps quiet about a wrong structure's consequences: a list where a mapping belongs is one problem", async () => {
    const dir = await workspace();
    await writeTree(dir, { 'p.yaml': 'name: P\nabout: [a, b]\ngoals:\n  - just text\n' });
    const error = await createDocument(
      { kind: 'persona', answers: 'p.yaml', yes: false, force: false, dryRun: false },
      env(dir),
    ).catch((e: unknown) => e);
    expect((error as UsageError).message.split('\n').slice(1)).toEqual([
      'p.yaml:2:8: about: expected a mapping of answers (key: value lines), found a list',
      'p.yaml:4:5: goals[0]: expected a mapping of answers (key: value lines), found "just text"',
    ]);
  });

  it('a misspelt template is one problem; the stages given beside it are still checked', async () => {
    const dir = await workspace();
    const run = async (text: string) => {
      await writeTree(dir, { 'j.yaml': text });
      const error = await createDocument(
        { kind: 'journey', answers: 'j.yaml', yes: false, force: false, dryRun: true },
        env(dir),
      ).catch((e: unknown) => e);
      return (error as UsageError).message;
    };
    expect(await run('name: J\npersonas: [example-decision-maker]\ntemplate: nine\n')).toMatch(
      /^j\.yaml:3:11: template: "nine" is not one of awareness-to-advocacy, b2b-seven-stages, blank; nothing was written$/,
    );
    const both = await run(
      'name: J\npersonas: [example-decision-maker]\ntemplate: nine\nstages:\n  - { name: A, phase: sideways }\n',
    );
    expect(both.split('\n').slice(1)).toEqual([
      expect.stringMatching(/^j\.yaml:3:11: template: "nine"/),
      expect.stringMatching(
        /^j\.yaml:5:23: stages\[0\]\.phase: "sideways" is not one of exposure, adoption, retention/,
      ),
    ]);
  });

  it('a journey document without `template` is taken as written (its own stages), not refused for the template', async () => {
    const dir = await workspace();
    await writeTree(dir, {
      'j.yaml':
        'name: J\npersonas: [example-decision-maker]\nstages:\n  - { name: Aware, phase: exposure, questions: [Why now?] }\n',
    });
    const result = await createDocument(
      { kind: 'journey', answers: 'j.yaml', yes: false, force: false, dryRun: true },
      env(dir),
    );
    expect(result.data.stages).toEqual([{ id: 'aware', name: 'Aware', phase: 'exposure', questions: ['Why now?'] }]);
  });
});

describe('new: the completeness shown', () => {
  const OK =
    'name: Finance Fiona\nabout: { job_title: FD }\npersonality: { traits: [calm] }\ngoals: [{ text: Close in three days, type: commercial }]\nchallenges: [{ text: Audit risk, type: regulation }]\nhangouts: [{ name: ICAEW, type: website }]\nvalue: [{ text: Automate, addresses: [close-in-three-days, audit-risk] }]\nobjections: [{ text: Pending }]\nmessages: [{ theme: productivity, text: Save days }]\n';

  it("counts the workspace's own placeholder texts as unfilled, as check does (built binary)", async () => {
    const dir = await workspace();
    await writeTree(dir, { 'personakit.yaml': 'name: t\nplaceholders:\n  values: [Pending]\n', 'a.yaml': OK });
    const { code, stderr } = await runBin(['new', 'persona', '--answers', 'a.yaml'], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toContain('87 % complete; still to fill: objections');
  });

  it('without such settings, the same answers are 100 % complete', async () => {
    const dir = await workspace();
    await writeTree(dir, { 'a.yaml': OK });
    const { stderr } = await runInProcess(['new', 'persona', '--answers', 'a.yaml'], { cwd: dir });
    expect(stderr).toContain('100 % complete');
  });
});
