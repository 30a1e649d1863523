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
    [['--ticks-before-optimization=9'], true],
    [[], false],
    [['--enable-source-maps'], false],
    [['--allow-natives-syntax'], false],
    [['--optimize-for-size'], false],
    [['--max-old-space-size=4096'], false],
  ])('%j → %s', (execArgv, expected) => {
    expect(tunesJit(execArgv)).toBe(expected);
  });
});

// V8's own view, in a child process (natives syntax), through the built module: how many calls a
// fresh function takes before V8 decides to optimize it, before and after tierUpLater.
const PROBE = `
import { processJit } from ${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'dist/cli/jit.js')).href)};
let made = 0;
const fresh = () => new Function('n', \`// \${made++}\\nlet s = 0; for (let i = 0; i < n; i++) s += i % 7; return s;\`);
const decided = (f) => (%GetOptimizationStatus(f) & (16 | 256 | 512 | 1024)) !== 0;
const callsUntilDecided = (f) => { let calls = 0; while (!decided(f) && calls < 1e6) { f(20); calls++; } return calls; };
const before = callsUntilDecided(fresh());
processJit().tierUpLater();
console.log(JSON.stringify({ before, after: callsUntilDecided(fresh()) }));
`;

async function probe(nodeFlags: string[]): Promise<{ before: number; after: number }> {
  const dir = await makeTempDir();
  const file = path.join(dir, 'probe.mjs');
  await writeFile(file, PROBE);
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', ...nodeFlags, file], { encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { before: number; after: number };
}

describe('processJit (V8 in a child process)', () => {
  it('tierUpLater: a hot function is optimized ~4× later', async () => {
    const { before, after } = await probe([]);
    expect(before).toBeGreaterThan(10);
    expect(after / before).toBeGreaterThan(3);
    expect(after / before).toBeLessThan(6);
  });

  it("leaves the user's own JIT flags alone", async () => {
    const { before, after } = await probe(['--interrupt-budget=50000']);
    expect(after).toBe(before);
  });
});

describe('render tiers up later once the documents are checked', () => {
  function recordingJit(events: string[]): () => Promise<Jit> {
    return async () => ({
      tierUpLater() {
        events.push('later');
      },
    });
  }

  async function render(files: Record<string, string>, argv: string[]): Promise<{ code: number; events: string[] }> {
    const events: string[] = [];
    const io = memoryIo({ cwd: await workspace(files), jit: recordingJit(events) });
    const code = await runCli(['render', '--out', 'out', ...argv], io);
    return { code, events };
  }

  it('once, after the check', async () => {
    expect(await render({ 'p.yaml': persona('p') }, [])).toEqual({ code: 0, events: ['later'] });
  });

  it('not when the documents are refused', async () => {
    expect(await render({ 'bad.yaml': 'kind: persona\nid: bad\nname: Bad\nroles: [king]\n' }, [])).toEqual({ code: 1, events: [] });
  });

});
