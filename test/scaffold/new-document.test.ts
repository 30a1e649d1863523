import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InterruptedError, UsageError } from '../../src/errors.js';
import { lint } from '../../src/lint/lint.js';
import {
  createDocument,
  type NewDocumentEnvironment,
  type NewDocumentOptions,
} from '../../src/scaffold/new-document.js';
import { inquirerPrompter } from '../../src/scaffold/inquirer-prompter.js';
import { initWorkspace } from '../../src/scaffold/init-workspace.js';
import { listTree, makeTempDir, writeTree } from '../support/run-bin.js';
import { scriptedPrompter } from './scripted-prompter.js';
import type { Prompter } from '../../src/scaffold/questions.js';

const options = (o: Partial<NewDocumentOptions> = {}): NewDocumentOptions => ({
  kind: 'persona',
  yes: true,
  force: false,
  dryRun: false,
  ...o,
});
const env = (cwd: string, o: Partial<NewDocumentEnvironment> = {}): NewDocumentEnvironment => ({
  cwd,
  interactive: false,
  prompter: async () => {
    throw new Error('no prompts expected');
  },
  today: '2026-06-01',
  ...o,
});

async function workspace(): Promise<string> {
  const dir = await makeTempDir();
  await initWorkspace({ dir, name: 'Acme Ltd', force: false, version: '0.1.0' }, dir);
  return dir;
}

describe('personakit new (core)', () => {
  it('writes <id>.yaml into the workspace folder for the kind, with the schema modeline; check fails only on the placeholders', async () => {
    const dir = await workspace();
    const result = await createDocument(options(), env(path.join(dir, 'markets')));
    expect(result.file).toBe(path.join(dir, 'personas', 'new-persona.yaml'));
    const text = await readFile(result.file, 'utf8');
    expect(text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../node_modules/personakit/schemas/persona.schema.json',
    );
    const { diagnostics } = await lint({ cwd: dir, paths: [], mode: 'check' });
    // The --yes stub is valid but holds only placeholders: incomplete until someone fills it in.
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.rule}`)).toEqual([
      'personas/new-persona.yaml persona-completeness',
    ]);
  });

  it("prefers the workspace's own node_modules/personakit/schemas for the modeline", async () => {
    const dir = await workspace();
    await writeTree(dir, { 'node_modules/personakit/schemas/persona.schema.json': '{}' });
    const result = await createDocument(options({ dryRun: true }), env(dir));
    expect(result.text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../node_modules/personakit/schemas/persona.schema.json',
    );
  });

  it('proposes ids unique against the workspace and the folder', async () => {
    const dir = await workspace();
    await createDocument(options(), env(dir));
    const second = await createDocument(options(), env(dir));
    expect(path.basename(second.file)).toBe('new-persona-2.yaml');
    const journey = await createDocument(options({ kind: 'journey', answers: undefined }), env(dir));
    expect(journey.data.personas).toEqual(['example-decision-maker']);
  });

  it('without a workspace, writes into --dir or the current folder', async () => {
    const dir = await makeTempDir();
    expect((await createDocument(options(), env(dir))).file).toBe(path.join(dir, 'new-persona.yaml'));
    expect((await createDocument(options({ dir: 'out' }), env(dir))).file).toBe(
      path.join(dir, 'out', 'new-persona.yaml'),
    );
  });

  it('never overwrites without --force; with --force it replaces the file', async () => {
    const dir = await workspace();
    await writeTree(dir, { 'answers.yaml': 'name: Old Oscar\n' });
    await createDocument(options({ id: 'oscar', yes: false, answers: 'answers.yaml' }), env(dir));
    await writeTree(dir, { 'answers.yaml': 'name: New Oscar\n' });
    await expect(
      createDocument(options({ id: 'oscar', yes: false, answers: 'answers.yaml' }), env(dir)),
    ).rejects.toThrow('id on the command line: "oscar" is already used by another persona in this workspace');
    const file = path.join(dir, 'personas', 'oscar.yaml');
    expect(await readFile(file, 'utf8')).toContain('name: Old Oscar');
    await createDocument(options({ id: 'oscar', yes: false, answers: 'answers.yaml', force: true }), env(dir));
    expect(await readFile(file, 'utf8')).toContain('name: New Oscar');
  });

  it('--dry-run writes nothing', async () => {
    const dir = await workspace();
    const before = await listTree(dir);
    const result = await createDocument(options({ kind: 'market', dryRun: true }), env(dir));
    expect(result.written).toBe(false);
    expect(result.text).toContain('kind: market');
    expect(await listTree(dir)).toEqual(before);
  });

  it('without a terminal and without --answers or --yes, refuses at once, naming both flags', async () => {
    const dir = await makeTempDir();
    const refusal = createDocument(options({ yes: false }), env(dir));
    await expect(refusal).rejects.toBeInstanceOf(UsageError);
    await expect(refusal).rejects.toThrow(/--answers.*--yes|--yes.*--answers/s);
    const error = (await refusal.catch((e: unknown) => e)) as UsageError;
    expect(`${error.message} ${error.hint}`).toMatch(/--answers <file>.*--yes/);
  });

  it('checks the answers file: kind, YAML syntax, shape', async () => {
    const dir = await makeTempDir();
    await writeTree(dir, {
      'j.yaml': 'kind: journey\nname: x\n',
      'bad.yaml': 'name: [x\n',
      'list.yaml': '- name: x\n',
    });
    const run = (answers: string) => createDocument(options({ yes: false, answers }), env(dir));
    await expect(run('j.yaml')).rejects.toThrow(
      'j.yaml: kind: the answers are for a journey, but the command creates a persona',
    );
    await expect(run('bad.yaml')).rejects.toThrow(/^bad\.yaml:\d+:\d+: /);
    await expect(run('list.yaml')).rejects.toThrow('list.yaml: expected a mapping of answers');
    await expect(run('missing.yaml')).rejects.toThrow('cannot read the answers file missing.yaml: it does not exist');
  });

  it('Ctrl-C at a prompt is an InterruptedError and leaves no file', async () => {
    const dir = await workspace();
    const before = await listTree(dir);
    const prompter = scriptedPrompter(['Fiona', ''], { interruptAt: 2 });
    const interrupted = createDocument(
      options({ yes: false }),
      env(dir, { interactive: true, prompter: async () => interruptible(prompter) }),
    );
    await expect(interrupted).rejects.toBeInstanceOf(InterruptedError);
    expect(await listTree(dir)).toEqual(before);
  });

  it('a failed write leaves neither the file nor a temporary file behind', async () => {
    const dir = await workspace();
    // A folder where the file should go: the rename onto it fails after the temporary file was written.
    await writeTree(dir, { 'personas/new-persona.yaml/keep.txt': 'x' });
    const before = await listTree(dir);
    await expect(createDocument(options({ force: true }), env(dir))).rejects.toThrow(
      'cannot write personas/new-persona.yaml',
    );
    await expect(createDocument(options({ id: 'new-persona' }), env(dir))).rejects.toThrow(
      'personas/new-persona.yaml already exists; choose another id',
    );
    expect(await listTree(dir)).toEqual(before);
  });
});

/** The real prompter's error mapping, around a scripted terminal: ExitPromptError → InterruptedError. */
function interruptible(inner: Prompter): Prompter {
  const wrap =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } catch (e) {
        if (e instanceof Error && e.name === 'ExitPromptError') throw new InterruptedError();
        throw e;
      }
    };
  return {
    input: wrap(inner.input),
    select: wrap(inner.select),
    checkbox: wrap(inner.checkbox),
    confirm: wrap(inner.confirm),
  } as Prompter;
}

describe('inquirer prompter', () => {
  it('loads @inquirer/prompts only when asked for and maps Ctrl-C to InterruptedError', async () => {
    const { PassThrough } = await import('node:stream');
    const input = new PassThrough();
    const prompter = await inquirerPrompter(input);
    const answer = prompter.input({ message: 'Name' });
    // Inquirer reads keypresses; ETX (Ctrl-C) on a raw stream closes the prompt like SIGINT.
    setTimeout(() => input.write('\u0003'), 50);
    await expect(answer).rejects.toBeInstanceOf(InterruptedError);
  });
});
