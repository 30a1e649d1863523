// `npm test`: the build, the static checks and the vitest suite, in two lanes that keep two cores busy
// (README "Tests", ARCHITECTURE.md "Tests"):
//   lane 1: build, then vitest (the tests run the built binary);
//   lane 2: typecheck, eslint, prettier --check, the import-cycle check (none of them needs the build).
// vitest prints as it goes; the static checks' output is held and printed, step by step, once vitest is
// done. Every step of lane 2 runs even when one fails; vitest is skipped only if the build fails. The
// exit code is 1 if any step failed. Arguments go to vitest: `npm test -- test/render` runs that folder.
import { spawn } from 'node:child_process';

// npm sets npm_execpath for the scripts it runs; through it the steps start the same way on every OS.
const npm = process.env.npm_execpath
  ? { command: process.execPath, prefix: [process.env.npm_execpath], shell: false }
  : { command: 'npm', prefix: [], shell: process.platform === 'win32' };

/** Run `npm run <script>`; output goes to the terminal (live) or is collected. */
function step(script, args = [], live = false) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(npm.command, [...npm.prefix, 'run', script, ...(args.length ? ['--', ...args] : [])], {
      stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      shell: npm.shell,
    });
    let output = '';
    if (!live) {
      child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    }
    const done = (code) => resolve({ script, ok: code === 0, output, seconds: (Date.now() - started) / 1000 });
    child.on('error', (error) => {
      output += `${error.message}\n`;
      done(1);
    });
    child.on('close', (code) => done(code));
  });
}

async function lane(scripts) {
  const results = [];
  for (const script of scripts) results.push(await step(script));
  return results;
}

const checks = lane(['typecheck', 'lint:code', 'lint:format', 'cycles']);
const build = await step('build');
process.stdout.write(build.output);
const tests = build.ok ? await step('test:vitest', process.argv.slice(2), true) : undefined;
const results = [build, ...(await checks), ...(tests ? [tests] : [])];

for (const r of await checks) process.stdout.write(`\n── ${r.script} (${r.ok ? 'passed' : 'FAILED'}) ──\n${r.output}`);
const summary = results.map((r) => `${r.script} ${r.ok ? 'passed' : 'FAILED'} (${r.seconds.toFixed(1)} s)`);
if (!tests) summary.push('test:vitest not run: the build failed');
console.log(`\nnpm test: ${summary.join(', ')}`);
process.exitCode = results.every((r) => r.ok) && tests ? 0 : 1;
