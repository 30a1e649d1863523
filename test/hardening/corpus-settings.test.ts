import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, writeTree } from '../support/run-bin.js';
import { bin } from './binary.js';
import { runChecked } from './harness.js';

/**
 * A hostile personakit.yaml (it arrives in pull requests like any other file): every command that
 * reads settings stops with exit 2 and a message naming personakit.yaml:line:column, before it
 * reads, walks or writes anything.
 */
const persona = 'kind: persona\nid: p\nname: P\n';

const CASES: Array<[string, string, RegExp]> = [
  ['a negative threshold', 'completeness:\n  min: -5\n', /personakit\.yaml:2:8: completeness\.min must be at least 0/],
  ['a threshold over 100', 'completeness: {min: 1000}\n', /completeness\.min must be at most 100/],
  ['a huge number', 'evidence:\n  maxAgeDays: 1e309\n', /evidence\.maxAgeDays/],
  ['a string for a number', 'completeness: {min: lots}\n', /completeness\.min must be a number/],
  ['NaN and infinity', 'completeness: {min: .nan}\n', /completeness\.min/],
  ['a list for a name', 'name: [a, b]\n', /name must be a string/],
  ['a negative limit', 'limits: {maxFileBytes: -1}\n', /limits\.maxFileBytes must be at least 1024/],
  ['a limit beyond reason', 'limits: {maxAliasCount: 1e12}\n', /limits\.maxAliasCount must be at most/],
  ['a fractional limit', 'limits: {maxDepth: 2.5}\n', /limits\.maxDepth must be a whole number/],
  [
    'templates outside the workspace',
    'templates: ../../etc\n',
    /personakit\.yaml:1:1: "\.\.\/\.\.\/etc" lies outside the workspace folder/,
  ],
  ['templates at an absolute path', 'templates: /etc\n', /"\/etc" lies outside the workspace folder/],
  [
    'paths walking the whole disk',
    'paths: [docs, ../../..]\n',
    /personakit\.yaml:1:15: "\.\.\/\.\.\/\.\." lies outside the workspace folder/,
  ],
  ['a glob reaching out', 'paths: ["../*/docs"]\n', /lies outside the workspace folder/],
  ['a __proto__ key', '__proto__: {polluted: true}\n', /unknown property "__proto__"/],
  ['a rule named constructor', 'rules: {constructor: "off"}\n', /unknown rule "constructor"/],
  ['a mandatory rule turned off', 'rules: {schema: "off"}\n', /rule "schema" cannot be turned off/],
  ['a custom tag', 'name: !!js/function "function () {}"\n', /YAML tag !!js\/function is not allowed/],
  [
    'an alias bomb',
    `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${Array(10).fill('*a').join(', ')}]\nx-c: [${Array(10).fill('*b').join(', ')}]\n`,
    /too many aliases/,
  ],
  ['two documents', 'name: A\n---\nname: B\n', /holds 2 YAML documents/],
  ['a list', '- a\n', /must be a mapping/],
  ['invalid UTF-8', '\xff\xfe', /not valid UTF-8/],
];

const COMMANDS = [['validate'], ['check'], ['render', '--out', 'out']];

function workspaceWith(settings: string): Promise<string> {
  return makeTempDir().then((dir) =>
    writeTree(dir, {
      'personakit.yaml': settings === '\xff\xfe' ? Buffer.from([0xff, 0xfe]) : settings,
      'docs/p.yaml': persona,
    }),
  );
}

describe('a hostile personakit.yaml: exit 2, naming the setting, for every command that reads it', () => {
  // In-process (runCli, what the binary runs): each case and command costs milliseconds, not a
  // Node start. The binary's own path for the same settings is tested below.
  it.each(CASES)('%s', async (_name, settings, message) => {
    const ws = await workspaceWith(settings);
    for (const args of COMMANDS) {
      const r = await runChecked(args, ws);
      expect(r.code, `${args[0]}: ${r.err}`).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
    }
  });

  // One case of each kind through the built binary: a schema check, a path check, a parser limit,
  // a refused tag, undecodable bytes. The binary must print what the in-process run prints.
  const kinds = ['a negative threshold', 'a glob reaching out', 'an alias bomb', 'a custom tag', 'invalid UTF-8'];
  it.each(CASES.filter(([name]) => kinds.includes(name)))(
    'the built binary ends the same way on %s: exit 2, nothing on stdout, the same message',
    async (name, settings, message) => {
      const ws = await workspaceWith(settings);
      for (const args of COMMANDS) {
        const r = await bin(args, ws);
        expect(r.code, `${name}, ${args[0]}: ${r.stderr}`).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(message);
        expect(r.stderr).toBe((await runChecked(args, ws)).err);
      }
    },
  );

  it('a templates folder that is a link out of the workspace is refused like ../', async () => {
    const root = await makeTempDir();
    const ws = await writeTree(path.join(root, 'ws'), {
      'personakit.yaml': 'templates: tpl\ncompleteness: {min: 0}\n',
      'docs/p.yaml': persona,
    });
    await writeTree(root, { 'outside/persona.html.hbs': 'EVIL {{name}}' });
    await symlink(path.join(root, 'outside'), path.join(ws, 'tpl'));
    const r = await bin(['render', '--out', 'out'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/personakit\.yaml:1:1: ".*outside" lies outside the workspace folder/);
  });

  it('new reads the workspace settings too', async () => {
    const ws = await writeTree(await makeTempDir(), { 'personakit.yaml': 'paths: [/etc]\n' });
    const r = await bin(['new', 'persona', '--yes'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"\/etc" lies outside the workspace folder/);
  });
});
