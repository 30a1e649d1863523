import { existsSync } from 'node:fs';
import { readdir, readFile, symlink, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { memoryIo } from '../support/memory-io.js';
import { makeTempDir, REPO_ROOT, runBin } from '../support/run-bin.js';
import { runBoth, runInProcess as run } from '../support/run-in-process.js';
import { persona, PNG, workspace } from './workspace.js';

async function intercepted(argv: string[]): Promise<{ code: number; options: unknown; err: string }> {
  const io = memoryIo();
  let options: unknown;
  const code = await runCli(argv, io, (command, o) => {
    if (command === 'render') options = o;
  });
  return { code, options, err: io.err };
}

describe('render: argv → options', () => {
  it.each([
    [['render'], { paths: [], format: 'html', out: 'report', force: false, audience: 'client' }],
    [
      ['render', 'a', 'b', '--format', 'md', '--out', 'x', '--audience', 'team'],
      { paths: ['a', 'b'], format: 'md', out: 'x', force: false, audience: 'team' },
    ],
    [
      ['render', '-f', 'json', '-o', 'model', '--templates', 't', '--force'],
      { paths: [], format: 'json', out: 'model', templates: 't', force: true, audience: 'client' },
    ],
  ])('%j', async (argv, expected) => {
    const { code, options } = await intercepted(argv);
    expect(code).toBe(0);
    expect(options).toEqual(expected);
  });

  it('an unknown audience is a usage error naming both', async () => {
    const { code, err } = await intercepted(['render', '--audience', 'boss']);
    expect(code).toBe(2);
    expect(err).toContain('"boss" is not an audience');
    expect(err).toContain('client (the default) or team');
  });

  it('an unknown format is a usage error naming the formats', async () => {
    const { code, err } = await intercepted(['render', '--format', 'docx']);
    expect(code).toBe(2);
    expect(err).toContain('"docx" is not a report format');
    expect(err).toContain('html, md, json, csv, pdf');
  });
});

// End to end: in-process (runCli, what the binary runs) where the built binary adds nothing; runBoth
// runs the binary too (same bytes); runBin where the binary's precompiled built-in templates matter.
describe('render end to end', () => {
  it('refuses documents with errors: exit 1, the errors on stderr, nothing written', async () => {
    const dir = await workspace({
      'good.yaml': persona('good'),
      'bad.yaml': 'kind: persona\nid: bad\nname: Bad\nroles: [king]\n',
    });
    const r = await runBoth(['render', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml\n\s+4:\d+\s+error\s+.*schema/);
    expect(r.stderr).toContain('nothing rendered: 1 error in the documents');
    expect(r.stdout).toBe('');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('--force --audience team renders anyway, shows the error in the index and names an id-less document safely', async () => {
    const dir = await workspace({
      'good.yaml': persona('good'),
      'bad.yaml': 'kind: persona\nid: "../../escape"\nname: Bad\n',
    });
    const r = await run(['render', '--out', 'out', '--force', '--audience', 'team'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('rendered despite');
    expect(r.stderr).toContain('the reports show them as problems');
    expect((await readdir(path.join(dir, 'out'))).sort()).toEqual([
      'cards.html',
      'index.html',
      'persona--1.html',
      'persona-good.html',
    ]);
    const index = await readFile(path.join(dir, 'out', 'index.html'), 'utf8');
    expect(index).toMatch(/href="persona--1\.html"[\s\S]*badge-error/);
  });

  it('writes into --out only (default report/), relative to the working folder', async () => {
    const dir = await workspace({ 'personas/p.yaml': persona('p') });
    const r = await run(['render', '--format', 'md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'personakit: wrote 1 report, the persona cards and an index to report/ (open report/index.md)\n',
    );
    expect((await readdir(dir)).sort()).toEqual(['personakit.yaml', 'personas', 'report']);
    expect((await readdir(path.join(dir, 'report'))).sort()).toEqual(['cards.md', 'index.md', 'persona-p.md']);
  });

  it('nothing to render: exit 2', async () => {
    const dir = await workspace({ 'notes.txt': 'hello' });
    const r = await run(['render'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing to render');
  });
});

describe('pictures', () => {
  it('copies an image inside the workspace, links an https picture, and refuses the rest', async () => {
    const outside = await makeTempDir('personakit-outside-');
    await writeFile(path.join(outside, 'secret.png'), PNG);
    const dir = await workspace({
      'personas/img/ok.png': PNG,
      'personas/img/fake.png': 'not an image at all',
      'personas/a.yaml': persona('a', 'picture: img/ok.png\n'),
      'personas/b.yaml': persona('b', 'picture: https://example.com/b.png\n'),
      'personas/c.yaml': persona('c', 'picture: img/fake.png\n'),
      'personas/d.yaml': persona('d', 'picture: img/link.png\n'),
      'personas/e.yaml': persona('e', `picture: ../../${path.basename(outside)}/secret.png\n`),
    });
    await symlink(path.join(outside, 'secret.png'), path.join(dir, 'personas', 'img', 'link.png'));
    // The team sees why a picture was left out; the client sees no picture.
    const r = await run(['render', '--out', 'out', '--force', '--audience', 'team'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(await readdir(path.join(dir, 'out', 'images'))).toEqual(['persona-a.png']);
    expect(await readFile(path.join(dir, 'out', 'images', 'persona-a.png'))).toEqual(PNG);
    const html = (id: string) => readFile(path.join(dir, 'out', `persona-${id}.html`), 'utf8');
    expect(await html('a')).toContain('src="images/persona-a.png"');
    expect(await html('b')).toContain('<a href="https://example.com/b.png"');
    expect(await html('b')).not.toContain('<img class="avatar"');
    expect(await html('c')).toContain('not a PNG, JPEG, GIF or WebP image');
    expect(await html('d')).toContain('outside the workspace');
    expect(await html('e')).toContain('outside the workspace');
  });
});

describe('template overrides', () => {
  it('a template or partial of the same name in the templates folder replaces the built-in one', async () => {
    const dir = await workspace({
      'personakit.yaml': 'name: T\ncompleteness: { min: 0 }\ntemplates: tpl\n',
      'p.yaml': persona('p'),
      'tpl/persona.md.hbs': 'CUSTOM {{name}} {{> md-status doc.status}} {{> mine}}\n',
      'tpl/partials/mine.hbs': 'MY PARTIAL\n',
    });
    const r = await runBin(['render', '--format', 'md', '--out', 'out', 'p.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(await readFile(path.join(dir, 'out', 'persona-p.md'), 'utf8')).toBe(
      'CUSTOM Persona p ✓ no problems MY PARTIAL\n',
    );
  });

  it('overriding one HTML partial keeps every other built-in template and partial', async () => {
    const dir = await workspace({
      'p.yaml': persona('p'),
      'tpl/partials/heading.hbs': '<section class="mine">{{heading.title}}: {{> @partial-block}}</section>\n',
    });
    const r = await runBin(['render', '--out', 'out', '--templates', 'tpl', 'p.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    const html = await readFile(path.join(dir, 'out', 'persona-p.html'), 'utf8');
    // The details' headings (about them, personality, hangouts, what we can do); the card draws the other four.
    expect(html.match(/<section class="mine">/g)).toHaveLength(4);
    expect(html).toContain('<h2>Goals</h2>');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('@media print');
  });

  it.each(['html', 'md'])(
    'the build precompiles the built-in %s templates with Handlebars: the binary draws what the sources draw',
    async (format) => {
      const out = await makeTempDir('personakit-precompiled-');
      const r = await runBin(['render', 'examples', '--format', format, '--out', out]);
      expect(r.code).toBe(0);
      const golden = path.join(REPO_ROOT, 'test', 'fixtures', 'render-golden', format);
      // The stamp (today's date and the commit) is the one part the golden reports fix.
      const unstamped = async (file: string) =>
        (await readFile(file, 'utf8'))
          .replace(/<span class="stamp">[^<]*<\/span>/, '<span class="stamp"></span>')
          .replace(/\d{1,2} [A-Z][a-z]+ \d{4}( · [0-9a-f]{4,}( with uncommitted changes)?)?$/gm, 'STAMP');
      for (const name of await readdir(golden))
        expect(await unstamped(path.join(out, name)), name).toBe(await unstamped(path.join(golden, name)));
    },
  );

  it('--templates wins over personakit.yaml', async () => {
    const dir = await workspace({ 'p.yaml': persona('p'), 'flag/index.md.hbs': 'FLAG {{name}}' });
    const r = await runBin(['render', '--format', 'md', '--out', 'out', '--templates', 'flag'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(await readFile(path.join(dir, 'out', 'index.md'), 'utf8')).toBe('FLAG Test workspace');
  });

  it('a syntax error is exit 2 naming the template file and line (of the unclosed block); nothing is written', async () => {
    const dir = await workspace({
      'p.yaml': persona('p'),
      'tpl/partials/layout.hbs': '<html>\n{{#if x}}\n{{/each}}\n',
    });
    const r = await runBoth(['render', '--out', 'out', '--templates', 'tpl'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^personakit: tpl\/partials\/layout\.hbs:2:\d+: template syntax error: if doesn't match each\n/,
    );
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('a missing templates folder is exit 2', async () => {
    const dir = await workspace({ 'p.yaml': persona('p') });
    const r = await run(['render', '--templates', 'nope'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the templates folder nope does not exist');
  });

  it('a template that links outside the templates folder is refused', async () => {
    const dir = await workspace({ 'p.yaml': persona('p'), 'elsewhere.hbs': 'LEAK', 'tpl/.keep': '' });
    await mkdir(path.join(dir, 'tpl'), { recursive: true });
    await symlink(path.join(dir, 'elsewhere.hbs'), path.join(dir, 'tpl', 'index.html.hbs'));
    const r = await run(['render', '--out', 'out', '--templates', 'tpl'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('links outside the templates folder');
  });
});
