import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ciWorkflow } from '../../src/scaffold/ci-workflow.js';
import { BIN } from '../support/run-bin.js';
import { GitRepo } from './git-repo.js';
import { BASE } from './workspace-fixture.js';

interface Step {
  uses?: string;
  name?: string;
  if?: string;
  env?: Record<string, string>;
  run?: string;
  with?: Record<string, unknown>;
}
const steps = (): Step[] => (parse(ciWorkflow()) as { jobs: { check: { steps: Step[] } } }).jobs.check.steps;
const scratch = mkdtempSync(path.join(tmpdir(), 'personakit-workflow-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the workflow init writes: personakit diff on pull requests', () => {
  it('checks out the whole history and runs the diff only on pull requests, before the check', () => {
    const all = steps();
    expect(all[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    const diff = all.findIndex((s) => s.run?.includes('personakit diff'));
    expect(all[diff]).toMatchObject({
      if: "github.event_name == 'pull_request'",
      env: { BASE_REF: '${{ github.base_ref }}' },
    });
    expect(diff).toBeLessThan(all.findIndex((s) => s.run?.includes('personakit check')));
  });

  it('its command, run as the job would in a clone of a pull request, appends the Markdown to the summary', () => {
    const upstream = new GitRepo();
    try {
      upstream.write(BASE).commit('base');
      const clone = path.join(scratch, 'clone');
      execFileSync('git', ['clone', '-q', upstream.dir, clone]);
      const pr = BASE['personas/fiona.yaml']!.replace('name: Finance Fiona', 'name: Fiona the Finance Lead');
      execFileSync('git', ['checkout', '-q', '-b', 'pr'], { cwd: clone });
      execFileSync('bash', ['-c', 'cat > personas/fiona.yaml'], { cwd: clone, input: pr });
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qam', 'pr'], {
        cwd: clone,
      });

      const command = steps().find((s) => s.run?.includes('personakit diff'))!.run!;
      const summary = path.join(scratch, 'summary.md');
      execFileSync('bash', ['-c', command.replace(/npx --(yes|no) personakit/, `node ${JSON.stringify(BIN)}`)], {
        cwd: clone,
        env: { ...process.env, BASE_REF: 'main', GITHUB_STEP_SUMMARY: summary },
      });
      const markdown = readFileSync(summary, 'utf8');
      expect(markdown).toMatch(/^### personakit diff: merge base of origin\/main and HEAD \([0-9a-f]{7}\) → HEAD/);
      const text = new MarkdownIt().render(markdown);
      expect(text).toContain('Finance Fiona → Fiona the Finance Lead');
    } finally {
      upstream.cleanup();
    }
  });
});
