import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import type Handlebars from 'handlebars';
import { helperNames, registerHelpers, type HandlebarsInstance } from './helpers.js';
import { isInside } from './picture.js';
import {
  drawFunctions,
  factoryOf,
  generatedCode,
  generatedHash,
  pageDrawer,
  type GeneratedSet,
  type GeneratedTemplates,
  type PageDrawer,
  type PagePart,
} from './generated-templates.js';
import { knownHelpers, loadGenerated, loadPrecompiled, templateHash, type Precompiled } from './precompiled.js';

/** The report formats that are drawn from templates (json is written directly). */
export type TemplateFormat = 'html' | 'md';
export type TemplateKind = 'persona' | 'journey' | 'market' | 'index';
export const TEMPLATE_KINDS: readonly TemplateKind[] = ['persona', 'journey', 'market', 'index'];

/** The package's own templates/ folder (next to dist/ and src/). */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

type CompileOptions = NonNullable<Parameters<HandlebarsInstance['compile']>[1]>;

const PARTIAL_NAME = /^[a-z0-9][a-z0-9_-]*\.hbs$/i;

export interface TemplateSet {
  /** Display path of each template and partial in use (built-in or override), by name. */
  sources: Map<string, string>;
  render(kind: TemplateKind, view: object): string;
  /** The same page in parts to write: text, and bytes shared by every page (a piece such as the stylesheet). */
  renderParts(kind: TemplateKind, view: object): PagePart[];
}

/** A template or partial of a run: `partials/<name>` or `<kind>.<format>.hbs`, and its file. */
export interface TemplateEntry {
  key: string;
  file: string;
  override: boolean;
}

/**
 * The compile options of a format. Markdown templates are compiled without HTML escaping because
 * their data arrives already escaped for Markdown (see render/markdown-view.ts); the helpers are
 * declared known so that the compiled code calls them directly.
 */
export function compileOptions(format: TemplateFormat): CompileOptions {
  return { noEscape: format === 'md', strict: false, knownHelpers: knownHelpers(helperNames(format)) };
}

/**
 * The templates and partials of a format, built-in ones replaced by files of the same name in the
 * override folder; partials first (in name order), then the four templates.
 */
export async function templateEntries(format: TemplateFormat, overrides: string | undefined): Promise<TemplateEntry[]> {
  const partialFiles = new Map<string, TemplateEntry>();
  for (const dir of [path.join(BUILTIN_TEMPLATES, 'partials'), overrides && path.join(overrides, 'partials')]) {
    if (dir === undefined) continue;
    for (const name of await listTemplates(dir))
      partialFiles.set(name, {
        key: `partials/${name.slice(0, -'.hbs'.length)}`,
        file: path.join(dir, name),
        override: dir !== path.join(BUILTIN_TEMPLATES, 'partials'),
      });
  }
  const entries = [...partialFiles.values()];
  for (const kind of TEMPLATE_KINDS) {
    const name = `${kind}.${format}.hbs`;
    const override = overrides && (await regularFile(path.join(overrides, name)));
    entries.push({ key: name, file: override ?? path.join(BUILTIN_TEMPLATES, name), override: override !== undefined });
  }
  return entries;
}

/** A partial's final line break is dropped, so `{{> status}}` can sit inside a table row. */
export function templateSource(key: string, text: string): string {
  return key.startsWith('partials/') ? text.replace(/\r?\n$/, '') : text;
}

/** Which engine draws: generated code when the set allows it (default), or Handlebars (for tests). */
export type TemplateEngine = 'auto' | 'handlebars';

/**
 * Compile the templates of one format once per run. The built-in set is drawn by code generated
 * from it (template-codegen.ts), made by the build when it still matches the sources. A set with
 * overrides, or one the generator cannot translate, is compiled on a private Handlebars instance:
 * built-in templates from the build's precompiled specs when their code matches their source
 * (then only the Handlebars runtime is loaded); overrides, and everything in runs from src/, here.
 * `precompiled` is for tests (default: the build's module).
 */
export async function loadTemplates(
  format: TemplateFormat,
  overrideDir: string | undefined,
  cwd: string,
  precompiled?: Precompiled | null,
  engine: TemplateEngine = 'auto',
): Promise<TemplateSet> {
  const overrides = overrideDir === undefined ? undefined : await overrideFolder(overrideDir, cwd);
  const entries = await templateEntries(format, overrides);
  const options = compileOptions(format);
  // Built-in sources are read (and their compiled code checked) first; overrides are read in order below.
  const sources = new Map<string, string>();
  for (const entry of entries) sources.set(entry.key, display(cwd, entry.file));
  const builtinSources = new Map<string, string>();
  // Read together: one after another, twenty small files cost several round trips to the thread pool.
  const builtin = entries.filter((e) => !e.override);
  const texts = await Promise.all(builtin.map((e) => readTemplate(e.file, overrides, cwd)));
  builtin.forEach((e, i) => builtinSources.set(e.key, templateSource(e.key, texts[i]!)));

  if (engine === 'auto' && builtinSources.size === entries.length) {
    const generated = precompiled === undefined ? await loadGenerated(format) : precompiled?.generated;
    const set = await generatedSet(format, builtinSources, options, generated);
    if (set !== undefined) return templateSet(format, sources, pageDrawer(set));
  }

  const table = precompiled === undefined ? await loadPrecompiled(format) : precompiled?.specs;
  const specs = new Map<string, object>();
  for (const [key, source] of builtinSources) {
    const compiled = table?.[key];
    if (compiled !== undefined && compiled.hash === templateHash(source, options)) specs.set(key, compiled.spec);
  }
  const full = specs.size < entries.length;
  const hb: HandlebarsInstance = full
    ? (await import('handlebars')).default.create()
    : ((await import('handlebars/runtime.js' as string)) as { default: HandlebarsInstance }).default.create();
  registerHelpers(hb, format);

  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const entry of entries) {
    const spec = specs.get(entry.key);
    // hb.template takes the spec object the precompiler's code evaluates to.
    const template =
      spec !== undefined
        ? hb.template(spec as Parameters<HandlebarsInstance['template']>[0])
        : compile(
            hb,
            builtinSources.get(entry.key) ?? templateSource(entry.key, await readTemplate(entry.file, overrides, cwd)),
            entry.file,
            cwd,
            options,
          );
    if (entry.key.startsWith('partials/')) hb.registerPartial(entry.key.slice('partials/'.length), template);
    else compiled.set(entry.key, template);
  }
  const draw = (key: string, view: object) =>
    compiled.get(key)!(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  return templateSet(format, sources, { draw, drawParts: (key, view) => [draw(key, view)] });
}

/** The draw functions of the built-in set: the build's, or generated now when the sources changed since. */
async function generatedSet(
  format: TemplateFormat,
  sources: ReadonlyMap<string, string>,
  options: CompileOptions,
  built: GeneratedTemplates | undefined,
): Promise<GeneratedSet | undefined> {
  if (built !== undefined && built.hash === generatedHash(sources, options)) return drawFunctions(format, built.create);
  const code = await generatedCode(format, sources, (await import('handlebars')).default);
  return code === undefined ? undefined : drawFunctions(format, factoryOf(code));
}

function templateSet(format: TemplateFormat, sources: Map<string, string>, drawer: PageDrawer): TemplateSet {
  const run = <T>(kind: TemplateKind, draw: (key: string) => T): T => {
    const key = `${kind}.${format}.hbs`;
    try {
      return draw(key);
    } catch (e) {
      throw new UsageError(
        `template ${sources.get(key)}: ${(e as Error).message}`,
        'fix the template override, or remove it to use the built-in one',
      );
    }
  };
  return {
    sources,
    render: (kind, view) => run(kind, (key) => drawer.draw(key, view)),
    renderParts: (kind, view) => run(kind, (key) => drawer.drawParts(key, view)),
  };
}

/** Parse now (so a syntax error stops the run before anything is written) and compile lazily once. */
function compile(
  hb: HandlebarsInstance,
  source: string,
  file: string,
  cwd: string,
  options: CompileOptions,
): Handlebars.TemplateDelegate {
  let ast: ReturnType<HandlebarsInstance['parse']>;
  try {
    ast = hb.parse(source);
  } catch (e) {
    const err = e as Error & { lineNumber?: number; column?: number };
    const line = err.lineNumber ?? Number(/on line (\d+)/.exec(err.message)?.[1] ?? 1);
    const column = err.column !== undefined ? `:${err.column + 1}` : '';
    const problem =
      err.message
        .split('\n')
        .filter((l) => !/^-*\^$/.test(l))
        .slice(-1)[0] ?? err.message;
    throw new UsageError(
      `${display(cwd, file)}:${line}${column}: template syntax error: ${problem.replace(/ - \d+:\d+$/, '')}`,
      'fix the Handlebars syntax of the template, or remove the override to use the built-in template',
    );
  }
  // The parsed tree, not the text: compiling text would parse it a second time.
  // A copy: the compiler writes into its options (knownHelpers, data).
  return hb.compile(ast, { ...options });
}

async function overrideFolder(dir: string, cwd: string): Promise<string> {
  try {
    const real = await realpath(dir);
    if (!(await stat(real)).isDirectory()) throw new Error('not a folder');
    return real;
  } catch {
    throw new UsageError(
      `the templates folder ${display(cwd, dir)} does not exist or is not a folder`,
      'create it, or point --templates (or "templates" in personakit.yaml) at the folder with your .hbs overrides',
    );
  }
}

async function listTemplates(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => PARTIAL_NAME.test(n)).sort();
  } catch {
    return [];
  }
}

async function regularFile(file: string): Promise<string | undefined> {
  try {
    return (await stat(file)).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Override files are read only when their real path stays inside the override folder (no symlinks out). */
async function readTemplate(file: string, overrides: string | undefined, cwd: string): Promise<string> {
  if (overrides !== undefined && isInside(overrides, file)) {
    const real = await realpath(file);
    if (!isInside(overrides, real))
      throw new UsageError(
        `the template ${display(cwd, file)} links outside the templates folder`,
        'copy the template into the templates folder instead of linking to it',
      );
  }
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(
      `cannot read the template ${display(cwd, file)}: ${(e as Error).message}`,
      'check the file permissions of the templates folder',
    );
  }
}

function display(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}
