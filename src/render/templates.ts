import { existsSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type Handlebars from 'handlebars';
import { UsageError } from '../errors.js';
import { helperNames, registerHelpers, type HandlebarsInstance } from './helpers.js';
import { display, isInside } from '../util/paths.js';

/** The report formats that are drawn from templates (json is written directly). */
export type TemplateFormat = 'html' | 'md';
export type TemplateKind = 'persona' | 'journey' | 'market' | 'index' | 'cards';
/** The pages of each format. */
export const TEMPLATE_KINDS: Readonly<Record<TemplateFormat, readonly TemplateKind[]>> = {
  html: ['persona', 'journey', 'market', 'index', 'cards'],
  md: ['persona', 'journey', 'market', 'index', 'cards'],
};

/** The package's own templates/ folder (next to dist/ and src/). */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/**
 * The built-in templates of a format as Handlebars' own precompiled specs, written by the build
 * (precompile-templates.ts): one module per format, so that an HTML run does not load the
 * Markdown specs. Runs from src/ (the tests) have no such modules and compile the templates from
 * templates/ instead.
 */
export function builtinModule(format: TemplateFormat): string {
  return fileURLToPath(new URL(`./builtin-templates-${format}.js`, import.meta.url));
}

type CompileOptions = NonNullable<Parameters<HandlebarsInstance['compile']>[1]>;
type TemplateSpec = Parameters<HandlebarsInstance['template']>[0];

const PARTIAL_NAME = /^[a-z0-9][a-z0-9_-]*\.hbs$/i;

export interface TemplateSet {
  /** Display path of each template and partial in use (built-in or override), by name. */
  sources: Map<string, string>;
  render(kind: TemplateKind, view: object): string;
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
  return {
    noEscape: format === 'md',
    strict: false,
    knownHelpers: Object.fromEntries(helperNames(format).map((n) => [n, true as const])),
  };
}

/**
 * The templates and partials of a format, built-in ones replaced by files of the same name in the
 * override folder; partials first (in name order), then the templates.
 */
export async function templateEntries(format: TemplateFormat, overrides: string | undefined): Promise<TemplateEntry[]> {
  const partialFiles = new Map<string, TemplateEntry>();
  const builtinPartials = path.join(BUILTIN_TEMPLATES, 'partials');
  for (const dir of [builtinPartials, overrides && path.join(overrides, 'partials')]) {
    if (dir === undefined) continue;
    for (const name of await listTemplates(dir))
      partialFiles.set(name, {
        key: `partials/${name.slice(0, -'.hbs'.length)}`,
        file: path.join(dir, name),
        override: dir !== builtinPartials,
      });
  }
  const entries = [...partialFiles.values()];
  for (const kind of TEMPLATE_KINDS[format]) {
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

/**
 * Compile the templates of one format once per run on a private Handlebars instance. Built-in
 * templates come precompiled from the build (then only the Handlebars runtime is loaded, unless
 * an override needs the compiler); overrides, and everything in runs from src/, are compiled here.
 */
export async function loadTemplates(
  format: TemplateFormat,
  overrideDir: string | undefined,
  cwd: string,
): Promise<TemplateSet> {
  const overrides = overrideDir === undefined ? undefined : await overrideFolder(overrideDir, cwd);
  const entries = await templateEntries(format, overrides);
  const options = compileOptions(format);
  const sources = new Map(entries.map((e) => [e.key, display(cwd, e.file)]));
  const specs = await builtinSpecs(format);
  const needsCompiler = specs === undefined || entries.some((e) => e.override || specs[e.key] === undefined);
  const hb: HandlebarsInstance = needsCompiler
    ? (await import('handlebars')).default.create()
    : ((await import('handlebars/runtime.js' as string)) as { default: HandlebarsInstance }).default.create();
  registerHelpers(hb, format);

  const texts = await Promise.all(
    entries.map((e) => (!e.override && specs?.[e.key] ? undefined : readTemplate(e.file, overrides, cwd))),
  );
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  entries.forEach((entry, i) => {
    const text = texts[i];
    const template =
      text === undefined
        ? hb.template(specs![entry.key]!)
        : compile(hb, templateSource(entry.key, text), entry.file, cwd, options);
    if (entry.key.startsWith('partials/')) hb.registerPartial(entry.key.slice('partials/'.length), template);
    else compiled.set(entry.key, template);
  });

  return {
    sources,
    render(kind, view) {
      const key = `${kind}.${format}.hbs`;
      try {
        // String(): a template that is one unescaped value returns that value itself (a Markdown text object).
        return String(
          compiled.get(key)!(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }),
        );
      } catch (e) {
        throw new UsageError(
          `template ${sources.get(key)}: ${(e as Error).message}`,
          'fix the template override, or remove it to use the built-in one',
        );
      }
    },
  };
}

/** The build's precompiled built-in templates of a format, or undefined in runs from src/. */
async function builtinSpecs(format: TemplateFormat): Promise<Record<string, TemplateSpec> | undefined> {
  const file = builtinModule(format);
  if (!existsSync(file)) return undefined;
  return ((await import(pathToFileURL(file).href)) as { templates: Record<string, TemplateSpec> }).templates;
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
  if (overrides !== undefined && isInside(file, overrides)) {
    const real = await realpath(file);
    if (!isInside(real, overrides))
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
