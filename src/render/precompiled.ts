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
 * compile at run time. Overrides from a templates folder are always compiled at run time. The
 * module also holds each format's templates as generated code (template-codegen.ts).
 */
export const PRECOMPILED_MODULE = fileURLToPath(new URL('./precompiled-templates.js', import.meta.url));

/** One compiled template: the hash of what it was compiled from, and Handlebars' template spec (code). */
export interface PrecompiledTemplate {
  hash: string;
  spec: object;
}

/** Per format, by name: `partials/<name>` for partials, `<kind>.<format>.hbs` for templates. */
export type PrecompiledTable = Record<string, PrecompiledTemplate>;

/** What the build made of a format's templates: Handlebars specs, and the set as generated code. */
export interface PrecompiledFormat {
  specs: PrecompiledTable;
  /** Absent when a built-in template uses something the generator does not translate. */
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
  return createHash('sha1').update(JSON.stringify([source, handlebarsVersion, options])).digest('hex');
}

/** The build's compiled templates of a format, or undefined when there are none (runs from src/). */
export async function loadPrecompiled(format: TemplateFormat, module = PRECOMPILED_MODULE): Promise<PrecompiledFormat | undefined> {
  if (!existsSync(module)) return undefined;
  const loaded = (await import(pathToFileURL(module).href)) as { specs?: Partial<Record<TemplateFormat, PrecompiledTable>>; generated?: Partial<Record<TemplateFormat, GeneratedTemplates>> };
  const specs = loaded.specs?.[format];
  if (specs === undefined) return undefined;
  const generated = loaded.generated?.[format];
  return generated === undefined ? { specs } : { specs, generated };
}
