import { spawn } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeTempDir, REPO_ROOT } from '../support/run-bin.js';

/**
 * The README's install path, as a client repository takes it: the package as `npm pack` makes it,
 * installed into an empty npm project, `personakit init`, then the CI workflow init wrote, step by
 * step, as a clean runner runs them. Needs the npm registry for personakit's own dependencies.
 */

interface Run {
  code: number | null;
  out: string;
}

function sh(command: string, cwd: string, timeoutMs = 240_000): Promise<Run> {
  // Not the variables of the `npm test` around this test: the child npm must behave as on a clean machine.
  const env: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_|^NODE_OPTIONS$|^INIT_CWD$/i.test(k)),
  );
  // Packages already in npm's cache (the `npm ci` before `npm test` put them there) are taken from it
  // without asking the registry whether they changed: the same files (npm checks their integrity),
  // without a round trip per package. Anything missing still comes from the registry.
  env.npm_config_prefer_offline = 'true';
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-e', '-c', command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} did not finish within ${timeoutMs} ms\n${out}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('a packed install in an empty folder', () => {
  it('npm pack → npm init -y → npm install --save-dev <tarball> → personakit init . → the workflow steps pass', async () => {
    const tmp = await makeTempDir('personakit-packed-');
    dirs.push(tmp);
    // npm test built dist/ already; --ignore-scripts keeps `prepare` from building it again meanwhile.
    const packed = await sh(`npm pack --ignore-scripts --silent --pack-destination "${tmp}"`, REPO_ROOT);
    expect(packed.code, packed.out).toBe(0);
    const tarball = (await readdir(tmp)).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();

    const ws = path.join(tmp, 'client');
    const quiet = '--no-audit --no-fund --loglevel=error';
    const setup = await sh(
      `mkdir client && cd client && npm init -y >/dev/null && npm install --save-dev ${quiet} "${path.join(tmp, tarball!)}"`,
      tmp,
    );
    expect(setup.code, setup.out).toBe(0);
    const initialised = await sh('npx --no personakit init .', ws);
    expect(initialised.code, initialised.out).toBe(0);
    expect(initialised.out).toContain('updated package.json (added a "check" script)');
    // The spec npm wrote for the tarball is kept as it is.
    const pkg = JSON.parse(await readFile(path.join(ws, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(pkg.devDependencies.personakit).toMatch(/^file:.*\.tgz$/);

    const workflow = parse(await readFile(path.join(ws, '.github/workflows/personakit.yml'), 'utf8')) as {
      jobs: { check: { steps: Array<{ run?: string; uses?: string; if?: string; with?: Record<string, unknown> }> } };
    };
    const steps = workflow.jobs.check.steps;
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({ cache: 'npm' });
    const runs = steps.filter((s) => s.run !== undefined).map((s) => s.run!);
    expect(runs[0]).toBe('npm ci');
    expect(runs.some((r) => /personakit check --format github/.test(r))).toBe(true);
    expect(runs.join('\n')).not.toContain('--yes');
    // A clean runner on a push: nothing installed but what the workflow installs. The pull-request
    // diff step (`if: github.event_name == 'pull_request'`) is run by test/diff/workflow-step.test.ts.
    await rm(path.join(ws, 'node_modules'), { recursive: true, force: true });
    const pushRuns = steps.filter((s) => s.run !== undefined && !s.if?.includes('pull_request')).map((s) => s.run!);
    for (const run of pushRuns) {
      const step = await sh(run, ws);
      expect(step.code, `${run}\n${step.out}`).toBe(0);
    }
    // After `npm ci` the editors' schema paths resolve.
    const first = (await readFile(path.join(ws, 'personas/example-decision-maker.yaml'), 'utf8')).split('\n')[0]!;
    const schema = path.resolve(ws, 'personas', first.replace(/^.*\$schema=/, ''));
    expect(JSON.parse(await readFile(schema, 'utf8')).$id).toContain('persona.schema.json');
  }, 600_000);
});
