import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import type Handlebars from 'handlebars';
import { registerHelpers, type HandlebarsInstance } from './helpers.js';
import { isInside } from './picture.js';

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
}

/**
 * Compile the templates of one format once per run, on a private Handlebars instance: built-in
 * templates and partials, each replaced by a file of the same name in the override folder.
 * Markdown templates are compiled without HTML escaping because their data arrives already
 * escaped for Markdown (see render/markdown-view.ts).
 */
export async function loadTemplates(format: TemplateFormat, overrideDir: string | undefined, cwd: string): Promise<TemplateSet> {
  const { default: Handlebars } = await import('handlebars');
  const hb: HandlebarsInstance = Handlebars.create();
  registerHelpers(hb, format);
  const overrides = overrideDir === undefined ? undefined : await overrideFolder(overrideDir, cwd);
  const options: CompileOptions = { noEscape: format === 'md', strict: false };
  const sources = new Map<string, string>();

  const partialFiles = new Map<string, string>();
  for (const dir of [path.join(BUILTIN_TEMPLATES, 'partials'), overrides && path.join(overrides, 'partials')]) {
    if (dir === undefined) continue;
    for (const name of await listTemplates(dir)) partialFiles.set(name.slice(0, -'.hbs'.length), path.join(dir, name));
  }
  for (const [name, file] of partialFiles) {
    // A partial's final line break is dropped, so `{{> status}}` can sit inside a table row.
    const source = (await readTemplate(file, overrides, cwd)).replace(/\r?\n$/, '');
    hb.registerPartial(name, compile(hb, source, file, cwd, options));
    sources.set(`partials/${name}`, display(cwd, file));
  }

  const templates = new Map<TemplateKind, Handlebars.TemplateDelegate>();
  for (const kind of TEMPLATE_KINDS) {
    const name = `${kind}.${format}.hbs`;
    const override = overrides && (await regularFile(path.join(overrides, name)));
    const file = override ?? path.join(BUILTIN_TEMPLATES, name);
    const source = await readTemplate(file, overrides, cwd);
    templates.set(kind, compile(hb, source, file, cwd, options));
    sources.set(name, display(cwd, file));
  }
  return {
    sources,
    render(kind, view) {
      const template = templates.get(kind)!;
      try {
        return template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (e) {
        throw new UsageError(`template ${sources.get(`${kind}.${format}.hbs`)}: ${(e as Error).message}`, 'fix the template override, or remove it to use the built-in one');
      }
    },
  };
}

/** Parse now (so a syntax error stops the run before anything is written) and compile lazily once. */
function compile(hb: HandlebarsInstance, source: string, file: string, cwd: string, options: CompileOptions): Handlebars.TemplateDelegate {
  let ast: ReturnType<HandlebarsInstance['parse']>;
  try {
    ast = hb.parse(source);
  } catch (e) {
    const err = e as Error & { lineNumber?: number; column?: number };
    const line = err.lineNumber ?? Number(/on line (\d+)/.exec(err.message)?.[1] ?? 1);
    const column = err.column !== undefined ? `:${err.column + 1}` : '';
    const problem = err.message.split('\n').filter((l) => !/^-*\^$/.test(l)).slice(-1)[0] ?? err.message;
    throw new UsageError(`${display(cwd, file)}:${line}${column}: template syntax error: ${problem.replace(/ - \d+:\d+$/, '')}`, 'fix the Handlebars syntax of the template, or remove the override to use the built-in template');
  }
  // The parsed tree, not the text: compiling text would parse it a second time.
  return hb.compile(ast, options);
}

async function overrideFolder(dir: string, cwd: string): Promise<string> {
  try {
    const real = await realpath(dir);
    if (!(await stat(real)).isDirectory()) throw new Error('not a folder');
    return real;
  } catch {
    throw new UsageError(`the templates folder ${display(cwd, dir)} does not exist or is not a folder`, 'create it, or point --templates (or "templates" in personakit.yaml) at the folder with your .hbs overrides');
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
    if (!isInside(overrides, real)) throw new UsageError(`the template ${display(cwd, file)} links outside the templates folder`, 'copy the template into the templates folder instead of linking to it');
  }
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the template ${display(cwd, file)}: ${(e as Error).message}`, 'check the file permissions of the templates folder');
  }
}

function display(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}
