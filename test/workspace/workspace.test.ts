import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostic.js';
import { lint } from '../../src/lint/lint.js';
import { loadWorkspace } from '../../src/lint/assemble.js';
import { makeTempDir, writeTree } from '../support/run-bin.js';

const persona = (id: string, extra = '') => `kind: persona\nid: ${id}\nname: ${id}\n${extra}`;

async function validate(
  files: Record<string, string | Uint8Array>,
  paths: string[] = [],
  sub = '',
): Promise<Diagnostic[]> {
  const dir = await writeTree(await makeTempDir(), files);
  const { diagnostics } = await lint({ cwd: path.join(dir, sub), paths, mode: 'validate' });
  return diagnostics;
}

/** `file:line:column rule` of each diagnostic, the way a reader scans them. */
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`);

describe('validate messages and positions', () => {
  it('says what an enum allows, what it got, and suggests the closest value', async () => {
    const ds = await validate({ 'p.yaml': persona('p', 'goals:\n  - id: g\n    type: comercial\n    text: t\n') }, [
      'p.yaml',
    ]);
    expect(ds).toEqual([
      expect.objectContaining({
        file: 'p.yaml',
        line: 6,
        column: 11,
        rule: 'schema',
        severity: 'error',
        path: '/goals/0/type',
        message:
          'goals[0].type must be one of commercial, personal, emotional — got "comercial" (did you mean "commercial"?)',
      }),
    ]);
  });

  it('puts an unknown property at its key, with a suggestion', async () => {
    const ds = await validate({ 'p.yaml': persona('p', 'goal:\n  - id: g\n') }, ['p.yaml']);
    expect(ds).toEqual([
      expect.objectContaining({
        line: 4,
        column: 1,
        message: expect.stringMatching(/^unknown property "goal" \(did you mean "goals"\?\)/),
      }),
    ]);
  });

  it('puts a missing required property at the parent mapping', async () => {
    const ds = await validate({ 'p.yaml': 'kind: persona\nid: p\ngoals:\n  - id: g\n    text: t\n' }, ['p.yaml']);
    expect(ds.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '1:1 missing required property "name"',
      '4:5 missing required property "type" in goals[0]',
    ]);
  });

  it('gives one message per problem, without ajv combinator noise', async () => {
    const ds = await validate({ 'p.yaml': persona('p', 'about:\n  age: [40]\n') }, ['p.yaml']);
    expect(ds.map((d) => d.message)).toEqual(['about.age must be a whole number or a string — got a list']);
  });

  it('accepts x- extensions anywhere and does not validate them', async () => {
    expect(
      await validate(
        {
          'p.yaml': persona(
            'p',
            'x-crm: {id: 12, tags: [a]}\ngoals:\n  - id: g\n    type: personal\n    text: t\n    x-note: [1, 2]\n',
          ),
        },
        ['p.yaml'],
      ),
    ).toEqual([]);
  });

  it('points into the right document of a multi-document file', async () => {
    const ds = await validate(
      { 'all.yaml': `${persona('a')}---\n# second\n${persona('b')}---\n\n---\n${persona('c', 'roles: [boss]\n')}` },
      ['all.yaml'],
    );
    expect(brief(ds)).toEqual(['all.yaml:15:9 schema']);
  });

  it('positions flow-style mistakes at their column', async () => {
    const ds = await validate({ 'f.yaml': persona('f', 'goals: [{id: a, type: x, text: t}]\n') }, ['f.yaml']);
    expect(brief(ds)).toEqual(['f.yaml:4:23 schema']);
  });

  it('reads BOM + CRLF files and positions their problems', async () => {
    const ds = await validate(
      {
        'w.yaml': Buffer.concat([
          Buffer.from([0xef, 0xbb, 0xbf]),
          Buffer.from(persona('w', 'roles: [boss]\n').replace(/\n/g, '\r\n')),
        ]),
      },
      ['w.yaml'],
    );
    expect(brief(ds)).toEqual(['w.yaml:4:9 schema']);
  });

  it('turns a Latin-1 file and a binary .yaml file into yaml-syntax diagnostics', async () => {
    const ds = await validate({
      'latin1.yaml': Buffer.from('kind: persona\nname: Andr\xe9\n', 'latin1'),
      'image.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    });
    expect(brief(ds)).toEqual(['image.yaml:3:1 yaml-syntax', 'latin1.yaml:2:11 yaml-syntax']);
  });

  it('keeps positions right after a broken document in the same stream', async () => {
    const ds = await validate({ 's.yaml': `${persona('a')}---\nid: [unclosed\n---\n${persona('c', 'nme: x\n')}` }, [
      's.yaml',
    ]);
    expect(brief(ds)).toEqual(['s.yaml:6:1 yaml-syntax', 's.yaml:10:1 schema']);
  });
});

describe('which files (SPEC 7)', () => {
  it('skips kind-less YAML silently when walking the current folder without a workspace', async () => {
    const ds = await validate({ 'p.yaml': persona('p'), 'docker-compose.yml': 'services: {}\n', 'list.yaml': '- a\n' });
    expect(ds).toEqual([]);
  });

  it('reports kind-less and non-mapping documents under paths given on the command line', async () => {
    const ds = await validate(
      {
        'p.yaml': persona('p'),
        'other.yml': 'services: {}\n',
        'list.yaml': '- a\n',
        'typo.yaml': 'kind: peronsa\nid: t\n',
        'wrong.yaml': 'kind: [persona]\n',
      },
      ['.'],
    );
    expect(ds.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      'list.yaml:1:1 unknown-kind the document is not a mapping of fields; a personakit document is a mapping that starts with `kind:`',
      'other.yml:1:1 unknown-kind the document has no "kind" field; add kind: persona, kind: journey, kind: market',
      'typo.yaml:1:7 unknown-kind unknown kind "peronsa" (did you mean "persona"?); use one of persona, journey, market',
      'wrong.yaml:1:7 unknown-kind kind must be one of persona, journey, market — got a list',
    ]);
  });

  it('reports kind-less documents under the workspace paths, and never reads personakit.yaml as a document', async () => {
    const ds = await validate({
      'personakit.yaml': 'name: T\npaths: [personas]\n',
      'personas/p.yaml': persona('p'),
      'personas/notes.yaml': 'todo: write more\n',
      'scratch/x.yaml': 'not: a persona\n',
    });
    expect(brief(ds)).toEqual(['personas/notes.yaml:1:1 unknown-kind']);
  });

  it('finds the workspace upward from the first path and resolves ids across it, reporting only named files', async () => {
    const files = {
      'personakit.yaml': 'name: T\npaths: [personas]\n',
      'personas/a.yaml': persona('same'),
      'personas/b.yaml': persona('same', 'bogus: 1\n'),
    };
    const onlyA = await validate(files, ['personas/a.yaml']);
    expect(onlyA).toEqual([]);
    const onlyB = await validate(files, ['personas/b.yaml']);
    expect(onlyB.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual([
      'personas/b.yaml:2:5 duplicate-id',
      'personas/b.yaml:4:1 schema',
    ]);
    expect(onlyB[0]!.message).toBe(
      'persona id "same" is already used at personas/a.yaml:2:5; ids must be unique per kind',
    );
    // Run from a subfolder: display paths are relative to the working folder.
    const fromSub = await validate(files, ['b.yaml'], 'personas');
    expect(fromSub.map((d) => d.file)).toEqual(['b.yaml', 'b.yaml']);
  });

  it('resolves references against the whole workspace when one file is named', async () => {
    const dir = await writeTree(await makeTempDir(), {
      'personakit.yaml': 'name: T\npaths: [personas, journeys]\n',
      'personas/fiona.yaml': persona('fiona', 'roles: [boss]\n'),
      'journeys/buy.yaml':
        'kind: journey\nid: buy\nname: Buy\npersonas: [fiona, ghost]\nstages:\n  - id: aware\n    name: Aware\n    phase: exposure\n',
    });
    const { diagnostics, files } = await lint({ cwd: dir, paths: ['journeys/buy.yaml'], mode: 'check' });
    expect(files).toEqual(['journeys/buy.yaml']);
    expect(diagnostics.every((d) => d.file === 'journeys/buy.yaml')).toBe(true);
    expect(diagnostics.filter((d) => d.rule === 'unknown-reference').map((d) => `${d.line}:${d.column}`)).toEqual([
      '4:19',
    ]);
  });

  it('counts schema-invalid documents with a valid id for ids and references', async () => {
    const dir = await writeTree(await makeTempDir(), {
      'a.yaml': 'kind: persona\nid: broken\nname: [not, a, string]\n',
    });
    const ws = await loadWorkspace({ cwd: dir, paths: ['.'] });
    expect(ws.documents).toEqual([
      expect.objectContaining({ kind: 'persona', id: 'broken', schemaValid: false, reported: true, docIndex: 0 }),
    ]);
  });

  it('makes an invalid personakit.yaml a settings error at file:line:column', async () => {
    const dir = await writeTree(await makeTempDir(), {
      'personakit.yaml': 'name: T\ncompleteness:\n  min: lots\n',
      'p.yaml': persona('p'),
    });
    await expect(lint({ cwd: dir, paths: [], mode: 'validate' })).rejects.toMatchObject({
      name: 'SettingsError',
      message: expect.stringMatching(/^personakit\.yaml:3:8: completeness\.min must be a number/),
    });
  });
});
