import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Jit } from '../../src/cli/jit.js';
import { tunesJit } from '../../src/cli/jit.js';
import { runCli } from '../../src/cli/run-cli.js';
import { memoryIo } from '../support/memory-io.js';
import { makeTempDir, REPO_ROOT } from '../support/run-bin.js';
import { persona, workspace } from '../render/workspace.js';

describe('tunesJit: the command line already chooses how V8 compiles', () => {
  it.each([
    [['--jitless'], true],
    [['--no-opt'], true],
    [['--opt'], true],
    [['--no-turbofan'], true],
    [['--max-opt=2'], true],
    [['--max_opt=1'], true],
    [['--interrupt-budget=400000'], true],
    [['--enable-source-maps', '--no-maglev'], true],
    [[], false],
    [['--enable-source-maps'], false],
    [['--allow-natives-syntax'], false],
    [['--optimize-for-size'], false],
    [['--max-old-space-size=4096'], false],
  ])('%j → %s', (execArgv, expected) => {
    expect(tunesJit(execArgv)).toBe(expected);
  });
});

// V8's own view of a function, in a child process (natives syntax), through the built module.
const PROBE = `
import { processJit } from ${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'dist/cli/jit.js')).href)};
function sum(n) { let s = 0; for (let i = 0; i < n; i++) s += i % 7; return s; }
const hot = (f) => { let s = 0; for (let i = 0; i < 20000; i++) s += f(100); return s; };
const optimized = (f) => (%GetOptimizationStatus(f) & 16) !== 0;
const settle = () => new Promise((r) => setTimeout(r, 20));
async function until(f, rounds) {
  for (let i = 0; i < rounds && !optimized(f); i++) { hot(f); await settle(); }
  return optimized(f);
}
const rounds = Number(process.argv[2]);
const control = new Function('n', 'let s = 0; for (let i = 0; i < n; i++) s += i % 7; return s;');
const before = await until(control, rounds);
const resume = processJit().pauseOptimizing();
for (let i = 0; i < 10; i++) { hot(sum); await settle(); }
const paused = optimized(sum);
resume();
const resumed = await until(sum, rounds);
console.log(JSON.stringify({ before, paused, resumed }));
`;

/** `rounds`: how long to wait for V8 to optimize a hot function before saying it does not. */
async function probe(nodeFlags: string[], rounds: number): Promise<{ before: boolean; paused: boolean; resumed: boolean }> {
  const dir = await makeTempDir();
  const file = path.join(dir, 'probe.mjs');
  await writeFile(file, PROBE);
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', ...nodeFlags, file, String(rounds)], { encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { before: boolean; paused: boolean; resumed: boolean };
}

describe('processJit (V8 in a child process)', () => {
  it('hot code is not optimized while paused, and is again once resumed', async () => {
    expect(await probe([], 100)).toEqual({ before: true, paused: false, resumed: true });
  });

  it("leaves the user's own JIT flags alone: resuming does not turn the compiler back on", async () => {
    expect(await probe(['--no-turbofan'], 10)).toEqual({ before: false, paused: false, resumed: false });
  });
});

describe('render pauses the optimizing compiler while it draws', () => {
  function recordingJit(events: string[]): () => Promise<Jit> {
    return async () => ({
      pauseOptimizing() {
        events.push('pause');
        return () => events.push('resume');
      },
    });
  }

  async function render(files: Record<string, string>, argv: string[]): Promise<{ code: number; events: string[] }> {
    const events: string[] = [];
    const io = memoryIo({ cwd: await workspace(files), jit: recordingJit(events) });
    const code = await runCli(['render', '--out', 'out', ...argv], io);
    return { code, events };
  }

  it('paused after the check and resumed at the end', async () => {
    expect(await render({ 'p.yaml': persona('p') }, [])).toEqual({ code: 0, events: ['pause', 'resume'] });
  });

  it('not paused when the documents are refused', async () => {
    expect(await render({ 'bad.yaml': 'kind: persona\nid: bad\nname: Bad\nroles: [king]\n' }, [])).toEqual({ code: 1, events: [] });
  });

  it('resumed when drawing fails (a broken template override)', async () => {
    const r = await render({ 'p.yaml': persona('p'), 'tpl/partials/layout.hbs': '<html>\n{{#if x}}\n{{/each}}\n' }, ['--templates', 'tpl']);
    expect(r).toEqual({ code: 2, events: ['pause', 'resume'] });
  });
});
