import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { validateAgainst } from '../../src/schema/validate.js';
import { memoryIo } from '../support/memory-io.js';
import { makeTempDir, writeTree } from '../support/run-bin.js';
import { expectNoPollution, snapshotPrototypes } from './harness.js';

/**
 * Nothing from a YAML, CSV or template override executes: prototype keys stay data on both parse
 * paths, formula cells never reach a report as a live formula, template syntax in data stays text.
 */

const PROTO_DOC =
  'kind: persona\nid: p\nname: P\n__proto__: {polluted: yes}\nabout:\n  constructor: {prototype: {polluted: yes}}\n  prototype: x\n';
// An anchor sends the same text down the careful (`yaml`) path; without one, js-yaml reads it.
const PATHS: Array<[string, string]> = [
  ['js-yaml fast path', PROTO_DOC],
  ['yaml careful path', PROTO_DOC.replace('name: P', 'name: &n P')],
];

describe('__proto__, constructor and prototype keys are plain data on both parse paths', () => {
  it.each(PATHS)('%s: own keys, ordinary prototype, reported as unknown properties', (_path, text) => {
    const prototypes = snapshotPrototypes();
    const { documents, errors } = parseYaml(text, DEFAULT_LIMITS);
    expect(errors).toEqual([]);
    const doc = documents[0] as Record<string, unknown>;
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    expect(Object.hasOwn(doc, '__proto__')).toBe(true);
    expect(Object.hasOwn(doc.about as object, 'constructor')).toBe(true);
    expect((doc as { polluted?: unknown }).polluted).toBeUndefined();
    const problems = validateAgainst('persona', doc).map((p) => `${p.pointer} ${p.message.split(';')[0]}`);
    expect(problems).toEqual([
      '/__proto__ unknown property "__proto__"',
      '/about/constructor unknown property "constructor" in about',
      '/about/prototype unknown property "prototype" in about',
    ]);
    expectNoPollution(prototypes);
  });

  it('the js-yaml version in use keeps __proto__ as an own key (the fast path relies on it)', () => {
    const data = jsYaml.load('__proto__: {polluted: yes}\n', { schema: jsYaml.CORE_SCHEMA }) as object;
    expect(Object.hasOwn(data, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });

  it('validate, check and render of such documents, settings and CSV headers pollute nothing', async () => {
    const prototypes = snapshotPrototypes();
    const dir = await writeTree(await makeTempDir(), {
      'personakit.yaml': 'name: W\nx-notes: {__proto__: {polluted: yes}}\ncompleteness: {min: 0}\n',
      'docs/p.yaml': PROTO_DOC,
      'docs/x.yaml':
        'kind: persona\nid: x\nname: X\nx-ext: {__proto__: {polluted: yes}, constructor: {prototype: {polluted: yes}}}\n',
      'docs/m.yaml': 'kind: market\nid: m\nname: M\ncriteria: {sectors: [retail]}\naccounts_file: a.csv\n',
      'docs/a.csv': '__proto__,constructor,name,sector\n{"polluted":1},x,Acme,retail\n',
    });
    for (const argv of [
      ['validate'],
      ['check'],
      ['render', '--force', '--format', 'json'],
      ['render', '--force', '--format', 'html'],
    ]) {
      expect([0, 1]).toContain(await runCli(argv, memoryIo({ cwd: dir })));
      expectNoPollution(prototypes);
    }
  });
});

describe('formula cells from a CRM export', () => {
  const FORMULAS = ["=cmd|' /C calc'!A0", '+SUM(1,1)', '-2+3', '@SUM(A1:A2)', '=HYPERLINK("https://evil.example","x")'];

  it('never start a table cell of an HTML or Markdown report; JSON keeps the exact value; nothing is written as CSV', async () => {
    const csv = ['name,sector', ...FORMULAS.map((f) => `"${f.replace(/"/g, '""')}",retail`)].join('\n');
    const dir = await writeTree(await makeTempDir(), {
      'personakit.yaml': 'name: W\n',
      'markets/m.yaml': 'kind: market\nid: m\nname: M\ncriteria: {sectors: [retail]}\naccounts_file: accounts.csv\n',
      'markets/accounts.csv': `${csv}\n`,
    });
    for (const format of ['html', 'md', 'json']) {
      expect(await runCli(['render', '--format', format, '--out', format], memoryIo({ cwd: dir }))).toBe(0);
      const files = await readdir(path.join(dir, format));
      expect(files.filter((f) => /\.(csv|tsv|xlsx?)$/i.test(f))).toEqual([]);
      const report = await readFile(path.join(dir, format, `market-m.${format}`), 'utf8');
      if (format === 'json') {
        const names = (JSON.parse(report) as { market: { accounts: Array<{ name: string }> } }).market.accounts.map(
          (a) => a.name,
        );
        expect(names).toEqual(FORMULAS);
        continue;
      }
      // In the fit table each name follows the cell start (<td><strong>, or "| **" after the rank and before the score) after an apostrophe.
      const cells =
        format === 'html'
          ? [...report.matchAll(/<td><strong>([^<]*)<\/strong>/g)].map((m) => m[1]!)
          : [...report.matchAll(/^\| \d+ \| \*\*(.*?)\*\* \| (?:\d+\/\d+|—) \|/gm)].map((m) => m[1]!);
      expect(cells).toHaveLength(FORMULAS.length);
      for (const cell of cells) expect(cell).toMatch(/^(&#x27;|')/);
    }
  });

  it('check --format sarif carries them as quoted data in messages', async () => {
    const dir = await writeTree(await makeTempDir(), {
      'markets/m.yaml': 'kind: market\nid: m\nname: M\ncriteria: {sectors: [banking]}\naccounts_file: accounts.csv\n',
      'markets/accounts.csv': `name,sector\n"=cmd|' /C calc'!A0",retail\n`,
    });
    const io = memoryIo({ cwd: dir });
    expect(await runCli(['check', '--format', 'sarif', 'markets'], io)).toBe(0);
    const sarif = JSON.parse(io.out) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    expect(sarif.runs[0]!.results.map((r) => r.message.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^account "=cmd\|' \/C calc'!A0" does not fit/)]),
    );
  });
});

describe('template syntax and markup in data stay text', () => {
  it('a name full of Handlebars and script is shown escaped, never evaluated', async () => {
    const payload =
      '{{#each (lookup this "constructor")}}x{{/each}} {{constructor.constructor "globalThis.pwned=1"}} <script>globalThis.pwned=1</script>';
    const dir = await writeTree(await makeTempDir(), {
      'docs/p.yaml': `kind: persona\nid: p\nname: ${JSON.stringify(payload)}\n`,
    });
    const prototypes = snapshotPrototypes();
    for (const format of ['html', 'md']) {
      expect(await runCli(['render', '--force', '--format', format, '--out', format], memoryIo({ cwd: dir }))).toBe(0);
      const report = await readFile(path.join(dir, format, `persona-p.${format}`), 'utf8');
      expect(report).not.toMatch(/<script/i);
      expect(report).toMatch(format === 'html' ? /\{\{constructor\.constructor/ : /\\\{\\\{constructor\.constructor/);
    }
    expectNoPollution(prototypes);
  });
});
