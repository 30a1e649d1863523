import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentBuilder } from '../../src/render/documents.js';
import { escapeForMarkdown } from '../../src/render/markdown-view.js';
import { OutputFolder } from '../../src/render/output.js';
import { planRender } from '../../src/render/plan.js';
import { generatedModuleSource, precompiledModuleSource } from '../../src/render/precompile-templates.js';
import { loadGenerated, loadPrecompiled, type Precompiled } from '../../src/render/precompiled.js';
import { loadTemplates, templateEntries, type TemplateFormat, type TemplateSet } from '../../src/render/templates.js';
import { indexView } from '../../src/render/views/index-page.js';
import { lint } from '../../src/rules/engine.js';
import { FIXTURES, makeTempDir, REPO_ROOT } from '../support/run-bin.js';

const FORMATS: readonly TemplateFormat[] = ['html', 'md'];
/** Workspaces that between them reach every template, partial and helper, with hostile text. */
const WORKSPACES: [string, string[]][] = [
  ['examples', [REPO_ROOT, 'examples']],
  ['render-hostile', [path.join(FIXTURES, 'render-hostile')]],
];

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('personakit-precompiled-');
  await writeFile(path.join(dir, 'precompiled-templates.js'), await precompiledModuleSource());
  for (const format of FORMATS)
    await writeFile(path.join(dir, `generated-${format}.js`), (await generatedModuleSource(format))!);
});

/** Every page of a workspace drawn with a template set (the views are built once per call, alike). */
async function drawAll(
  templates: TemplateSet,
  format: TemplateFormat,
  cwd: string,
  paths: string[],
): Promise<string[]> {
  const result = await lint({ cwd, paths, mode: 'check' });
  const documents = result.workspace.documents.filter((d) => d.reported);
  const plan = planRender(documents, result.workspace.documents, result.diagnostics, cwd, format);
  const out = new OutputFolder(await makeTempDir('personakit-precompiled-out-'));
  await out.prepare();
  const build = documentBuilder(plan, result.workspace, out, format);
  const pages: string[] = [];
  const entries = [];
  for (const p of plan.docs) {
    const b = await build(p);
    const view = { workspace: { name: 'W' }, index: { href: `index.${format}` }, ...b.view };
    pages.push(templates.render(b.kind, format === 'html' ? view : { ...escapeForMarkdown(view), ...b.markdown }));
    entries.push(b.entry);
  }
  const index = { workspace: { name: 'W' }, ...indexView('W', entries) };
  pages.push(templates.render('index', format === 'html' ? index : escapeForMarkdown(index)));
  return pages;
}

describe.each(FORMATS)('built-in templates precompiled by the build (%s)', (format) => {
  let built: Required<Precompiled>;
  beforeAll(async () => {
    built = {
      specs: (await loadPrecompiled(format, path.join(dir, 'precompiled-templates.js')))!,
      generated: (await loadGenerated(format, path.join(dir, `generated-${format}.js`)))!,
    };
  });

  it('cover every built-in template and partial, as Handlebars specs and as generated code', async () => {
    expect(Object.keys(built.specs).sort()).toEqual(
      (await templateEntries(format, undefined)).map((e) => e.key).sort(),
    );
    expect((await readdir(path.join(REPO_ROOT, 'templates', 'partials'))).length).toBe(
      Object.keys(built.specs).filter((k) => k.startsWith('partials/')).length,
    );
    expect(built.generated?.hash).toMatch(/^[0-9a-f]{40}$/);
  });

  it.each(WORKSPACES)(
    'draw the same bytes as Handlebars compiling the templates at run time (%s)',
    async (_name, [cwd, ...paths]) => {
      const handlebars = await drawAll(
        await loadTemplates(format, undefined, cwd!, null, 'handlebars'),
        format,
        cwd!,
        paths,
      );
      const generated = await drawAll(await loadTemplates(format, undefined, cwd!, built), format, cwd!, paths);
      const specs = await drawAll(
        await loadTemplates(format, undefined, cwd!, built, 'handlebars'),
        format,
        cwd!,
        paths,
      );
      expect(handlebars.length).toBeGreaterThan(3);
      expect(generated).toEqual(handlebars);
      expect(specs).toEqual(handlebars);
    },
  );

  it('are not used when the source changed since the build (stale code is made again from the source)', async () => {
    const kind = `persona.${format}.hbs`;
    // Code of another template under a wrong hash: were it used, the persona page would be the index.
    const index = built.specs[`index.${format}.hbs`]!.spec;
    const staleSpecs: Precompiled = { specs: { ...built.specs, [kind]: { hash: 'stale', spec: index } } };
    const staleCode: Precompiled = {
      specs: built.specs,
      generated: {
        hash: 'stale',
        create: (rt, helpers) => ({ ...built.generated!.create(rt, helpers), [kind]: () => 'stale' }),
      },
    };
    const [cwd, ...paths] = WORKSPACES[0]![1];
    const fresh = await drawAll(await loadTemplates(format, undefined, cwd!, null, 'handlebars'), format, cwd!, paths);
    expect(
      await drawAll(await loadTemplates(format, undefined, cwd!, staleSpecs, 'handlebars'), format, cwd!, paths),
    ).toEqual(fresh);
    expect(await drawAll(await loadTemplates(format, undefined, cwd!, staleCode), format, cwd!, paths)).toEqual(fresh);
  });
});

it('runs from src/ have no precompiled modules and compile or generate at run time', async () => {
  expect(await loadPrecompiled('html')).toBeUndefined();
  expect(await loadGenerated('html')).toBeUndefined();
});
