import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../src/workspace/theme-settings.js';
import { runBin } from '../support/run-bin.js';
import { runBoth, runInProcess as run } from '../support/run-in-process.js';
import { persona, PNG, workspace } from './workspace.js';

const settings = (theme: string) => `name: W\ncompleteness: { min: 0 }\ntheme:\n${theme}`;

describe('theme in personakit.yaml', () => {
  it('puts the logo (embedded), the colours, prepared for/by and the confidentiality line on every report', async () => {
    const dir = await workspace({
      'personakit.yaml': settings(
        '  logo: brand/logo.png\n  colors: { accent: "#1f4e79", text: "#222" }\n  prepared_for: Acme Ltd\n  prepared_by: Jo Bloggs\n  date: 2026-11-30\n  confidentiality: Confidential to Acme\n',
      ),
      'brand/logo.png': PNG,
      'p.yaml': persona('p'),
    });
    const r = await runBin(['render', '--out', 'out'], { cwd: dir });
    expect(r.stderr).toMatch(/wrote 1 report/);
    for (const name of ['persona-p.html', 'index.html']) {
      // Handlebars writes = as &#x3D; in attributes; the browser reads it back as =.
      const html = (await readFile(path.join(dir, 'out', name), 'utf8')).replaceAll('&#x3D;', '=');
      expect(html).toContain(`src="data:image/png;base64,${PNG.toString('base64')}"`);
      expect(html).toContain('--accent: #1f4e79;');
      expect(html).toContain('--ink: #222;');
      expect(html).toContain('Prepared for Acme Ltd by Jo Bloggs');
      expect(html).toContain('<span class="stamp">30 November 2026</span>');
      expect(html).toContain('Confidential to Acme');
    }
    const md = await run(['render', '--out', 'md', '--format', 'md'], { cwd: dir });
    expect(md.code).toBe(0);
    const page = await readFile(path.join(dir, 'md', 'persona-p.md'), 'utf8');
    expect(page).toContain('Prepared for Acme Ltd by Jo Bloggs · 30 November 2026');
    expect(page).toContain('**Confidential to Acme**');
  });

  it.each([
    [
      'a colour that is no colour',
      '  colors: { accent: blue }\n',
      /personakit\.yaml:4:21: theme\.colors\.accent .*"blue"/,
    ],
    [
      'a colour too light to read',
      '  colors:\n    text: "#cccccc"\n',
      /personakit\.yaml:5:5: theme\.colors\.text #cccccc has a contrast of 1\.6:1 against the white page; text needs at least 4\.5:1/,
    ],
    ['a date that is no date', '  date: next week\n', /personakit\.yaml:4:\d+: .*date/],
    ['an unknown key', '  footer: x\n', /personakit\.yaml:4:\d+: .*footer/],
    ['a logo that is not an image', '  logo: notes.txt\n', /personakit\.yaml:4:3: theme\.logo: the logo is not a PNG/],
    [
      'a logo that is missing',
      '  logo: nope.png\n',
      /personakit\.yaml:4:3: theme\.logo: the logo nope\.png was not found/,
    ],
    [
      'a logo on the web',
      '  logo: https://example.com/l.png\n',
      /personakit\.yaml:4:3: theme\.logo: .*inside the workspace/,
    ],
  ])('%s is exit 2 at its position, and nothing is written', async (what, theme, message) => {
    const dir = await workspace({ 'personakit.yaml': settings(theme), 'notes.txt': 'hello', 'p.yaml': persona('p') });
    // In-process (runCli, what the binary runs); the first case through the built binary too (same bytes).
    const runner = what === 'a colour that is no colour' ? runBoth : run;
    const r = await runner(['render', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

describe('the stamp', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, {
      cwd,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
      },
    })
      .toString()
      .trim();

  it('carries the short commit in a git repository, marked when the workspace has uncommitted changes', async () => {
    const dir = await workspace({ 'p.yaml': persona('p') });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'personas');
    const commit = git(dir, 'rev-parse', '--short', 'HEAD');
    const stampOf = async (out: string) => {
      expect((await run(['render', '--out', out], { cwd: dir })).code).toBe(0);
      return /<span class="stamp">([^<]*)<\/span>/.exec(await readFile(path.join(dir, out, 'index.html'), 'utf8'))![1];
    };
    // The reports just written (inside the workspace) are no uncommitted change.
    expect(await stampOf('out')).toMatch(new RegExp(`^\\d{1,2} \\w+ \\d{4} · ${commit}$`));
    expect(await stampOf('out')).toMatch(new RegExp(` · ${commit}$`));
    await writeFile(path.join(dir, 'p.yaml'), persona('p', 'tagline: changed\n'));
    expect(await stampOf('out2')).toMatch(new RegExp(` · ${commit} with uncommitted changes$`));
  });

  it('is the date alone outside a git repository', async () => {
    const dir = await workspace({ 'p.yaml': persona('p') });
    expect((await run(['render', '--out', 'out'], { cwd: dir })).code).toBe(0);
    const html = await readFile(path.join(dir, 'out', 'index.html'), 'utf8');
    expect(html).toMatch(/<span class="stamp">\d{1,2} \w+ \d{4}<\/span>/);
  });
});
