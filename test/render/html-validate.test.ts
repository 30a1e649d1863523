import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { renderReports, type Audience } from '../../src/render/render.js';
import { FIXTURES, makeTempDir, REPO_ROOT } from '../support/run-bin.js';

/**
 * Issue 23: every HTML page passes html-validate's recommended preset, with the repository's
 * .htmlvalidate.mjs (which says why for each rule it turns off). The pages are validated as if
 * they lay in the repository, so that the configuration is found as the CLI finds it.
 */
const validator = new HtmlValidate(new FileSystemConfigLoader());

async function findings(cwd: string, audience: Audience): Promise<string[]> {
  const out = await makeTempDir('personakit-html-validate-');
  const result = await renderReports({ cwd, paths: [], format: 'html', out, force: true, audience });
  expect(result.refused).toBe(false);
  const names = (await readdir(out)).filter((n) => n.endsWith('.html'));
  expect(names.length).toBeGreaterThan(0);
  const problems: string[] = [];
  for (const name of names) {
    const report = await validator.validateString(
      await readFile(path.join(out, name), 'utf8'),
      path.join(REPO_ROOT, 'report', name),
    );
    for (const r of report.results)
      for (const m of r.messages) problems.push(`${name}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  return problems;
}

describe('html-validate (recommended preset) on every rendered page', () => {
  it.each(['client', 'team'] as const)('the examples for the %s', { timeout: 60_000 }, async (audience) => {
    expect(await findings(path.join(REPO_ROOT, 'examples'), audience)).toEqual([]);
  });

  it.each(['client', 'team'] as const)('the hostile fixture for the %s', { timeout: 60_000 }, async (audience) => {
    expect(await findings(path.join(FIXTURES, 'render-hostile'), audience)).toEqual([]);
  });
});
