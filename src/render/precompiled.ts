import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { GeneratedTemplates } from './generated-templates.js';
import type { TemplateFormat } from './templates.js';

/**
 * The package's own templates, compiled by the build (`npm run build` runs precompile-templates.js)
 * into dist/render/precompiled-templates.js, so that a run loads only the Handlebars runtime and
 * neither parses nor compiles them (~0.1 s). Runs from src/ (the tests) have no such module and
 * compile at run time. Overrides from a templates folder are always compiled at run time.
 * Each format's set as generated code (template-codegen.ts) is a module of its own, so a run that
 * draws with it loads neither Handlebars nor the specs.
 */
export const PRECOMPILED_MODULE = fileURLToPath(new URL('./precompiled-templates.js', import.meta.url));

export function generatedModule(format: TemplateFormat): string {
  return fileURLToPath(new URL(`./generated-templates-${format}.js`, import.meta.url));
}

/** One compiled template: the hash of what it was compiled from, and Handlebars' template spec (code). */
export interface PrecompiledTemplate {
  hash: string;
  spec: object;
}

/** Per format, by name: `partials/<name>` for partials, `<kind>.<format>.hbs` for templates. */
export type PrecompiledTable = Record<string, PrecompiledTemplate>;

/** What the build made of a format's templates (tests pass their own; null for none). */
export interface Precompiled {
  specs?: PrecompiledTable;
  generated?: GeneratedTemplates;
}

/** The names of everything a template may call, per format (registerHelpers registers these). */
export function knownHelpers(helperNames: readonly string[]): Record<string, true> {
  return Object.fromEntries(helperNames.map((n) => [n, true as const]));
}

let handlebarsVersion: string | undefined;

/**
 * What compiled code is valid for: the exact source, the Handlebars version and the compile options.
 * A built-in template edited after the build (or another Handlebars installed) makes its code stale.
 */
export function templateHash(source: string, options: object): string {
  handlebarsVersion ??= (createRequire(import.meta.url)('handlebars/package.json') as { version: string }).version;
  return createHash('sha1')
    .update(JSON.stringify([source, handlebarsVersion, options]))
    .digest('hex');
}

/** The build's compiled templates of a format, or undefined when there are none (runs from src/). */
export async function loadPrecompiled(
  format: TemplateFormat,
  module = PRECOMPILED_MODULE,
): Promise<PrecompiledTable | undefined> {
  if (!existsSync(module)) return undefined;
  const loaded = (await import(pathToFileURL(module).href)) as Partial<Record<TemplateFormat, PrecompiledTable>>;
  return loaded[format];
}

/** The build's generated code of a format, or undefined (runs from src/, or a set the generator does not translate). */
export async function loadGenerated(
  format: TemplateFormat,
  module = generatedModule(format),
): Promise<GeneratedTemplates | undefined> {
  if (!existsSync(module)) return undefined;
  return (await import(pathToFileURL(module).href)) as GeneratedTemplates;
}
