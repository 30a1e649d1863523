import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
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

// V8's own view, in a child process (natives syntax), through the built modules: how many calls a
// fresh function takes before V8 decides to optimize it, before and after the step `setFlags` does.
const dist = (file: string) => JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'dist', file)).href);
const probeScript = (setup: string, setFlags: string) => `
import { jitFlags } from ${dist('cli/jit.js')};
import { setV8Flags } from ${dist('util/v8-flags.js')};
import { renderReports } from ${dist('render/render.js')};
${setup}
let made = 0;
const fresh = () => new Function('n', \`// \${made++}\\nlet s = 0; for (let i = 0; i < n; i++) s += i % 7; return s;\`);
const decided = (f) => (%GetOptimizationStatus(f) & (16 | 256 | 512 | 1024)) !== 0;
const callsUntilDecided = (f) => { let calls = 0; while (!decided(f) && calls < 1e6) { f(20); calls++; } return calls; };
const before = callsUntilDecided(fresh());
${setFlags}
console.log(JSON.stringify({ before, after: callsUntilDecided(fresh()) }));
`;

async function probe(nodeFlags: string[], setup: string, setFlags: string): Promise<{ before: number; after: number }> {
  const dir = await makeTempDir();
  const file = path.join(dir, 'probe.mjs');
  await writeFile(file, probeScript(setup, setFlags));
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', ...nodeFlags, file], {
    encoding: 'utf8',
    timeout: 60_000,
    cwd: dir,
  });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { before: number; after: number };
}

const setNow = 'const flags = jitFlags(); if (flags !== undefined) setV8Flags(flags);';

describe('jitFlags, set (V8 in a child process)', () => {
  it('a hot function is optimized ~6.7× later', async () => {
    const { before, after } = await probe([], '', setNow);
    expect(before).toBeGreaterThan(10);
    expect(after / before).toBeGreaterThan(4);
    expect(after / before).toBeLessThan(9);
  });

  it("leaves the user's own JIT flags alone", async () => {
    const { before, after } = await probe(['--interrupt-budget=50000'], '', setNow);
    expect(after).toBe(before);
  });

  // render hands the flags to its writer thread, which sets them once running; without a thread
  // (too few reports to write) they are set at once. Either way the whole process has them after.
  const ws = `import { mkdirSync, writeFileSync } from 'node:fs';
mkdirSync('ws');
for (let i = 0; i < 5; i++) writeFileSync(\`ws/p\${i}.yaml\`, \`kind: persona\\nid: p\${i}\\nname: P \${i}\\n\`);`;
  it.each([
    ['through the writer thread', 0],
    ['without a thread', Infinity],
  ])('render sets them %s', async (_name, writeThreadFrom) => {
    const render = `await renderReports({ cwd: 'ws', paths: [], format: 'html', out: 'out', force: true, writeThreadFrom: ${writeThreadFrom}, v8Flags: jitFlags() });`;
    const { before, after } = await probe([], ws, render);
    expect(after / before).toBeGreaterThan(4);
  });
});

describe('the commands that read a workspace ask for the JIT flags once, before reading', () => {
  async function run(files: Record<string, string>, argv: string[]): Promise<{ code: number; events: number }> {
    let events = 0;
    // No flags to set: this is the test runner's process.
    const jitFlags = async () => void events++;
    const code = await runCli(argv, memoryIo({ cwd: await workspace(files), jitFlags }));
    return { code, events };
  }
  const bad = { 'bad.yaml': 'kind: persona\nid: bad\nname: Bad\nroles: [king]\n' };

  it.each([
    ['render', { 'p.yaml': persona('p') }, ['render', '--out', 'out'], { code: 0, events: 1 }],
    ['render refusing documents with errors', bad, ['render', '--out', 'out'], { code: 1, events: 1 }],
    ['check', { 'p.yaml': persona('p') }, ['check'], { code: 0, events: 1 }],
    ['check --cache', bad, ['check', '--cache', '--cache-location', '.cache'], { code: 1, events: 1 }],
    ['check --list-rules (reads nothing)', {}, ['check', '--list-rules'], { code: 0, events: 0 }],
    ['--version', {}, ['--version'], { code: 0, events: 0 }],
  ])('%s', async (_name, files, argv, expected) => {
    expect(await run(files, argv)).toEqual(expected);
  });
});
