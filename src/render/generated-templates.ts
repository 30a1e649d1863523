import type Handlebars from 'handlebars';
import { helperNames, helperTable } from './helpers.js';
import { templateHash } from './precompiled.js';
import { CODEGEN_VERSION, generateTemplates, UnsupportedTemplate } from './template-codegen.js';
import * as runtime from './template-runtime.js';
import type { TemplateFormat } from './templates.js';

/** The generated templates of a format, made from `generateTemplates`' code: draw functions by template name. */
export type GeneratedFactory = (rt: typeof runtime, helpers: ReturnType<typeof helperTable>) => Record<string, (context: unknown) => string>;

/** Generated code as the build stores it: the hash of what it was made from, and the code as a function. */
export interface GeneratedTemplates {
  hash: string;
  create: GeneratedFactory;
}

/** What generated code is valid for: every source of the set, Handlebars' version, the options and the generator. */
export function generatedHash(sources: ReadonlyMap<string, string>, options: object): string {
  return templateHash(JSON.stringify([...sources]), { ...options, codegen: CODEGEN_VERSION });
}

/**
 * The body of the function that makes the draw functions of a template set, or undefined when a
 * template uses something the generator does not translate (Handlebars then draws the set).
 */
export function generatedCode(format: TemplateFormat, sources: ReadonlyMap<string, string>, hb: typeof Handlebars): string | undefined {
  try {
    return generateTemplates({ sources, helpers: helperNames(format), escape: format === 'html', parse: (text) => hb.parse(text) });
  } catch (e) {
    if (e instanceof UnsupportedTemplate) return undefined;
    throw e;
  }
}

/** Code made in this process (runs from src/, or templates edited since the build) becomes a function here. */
export function factoryOf(code: string): GeneratedFactory {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- code generated from templates, never from data
  return new Function('rt', 'helpers', code) as GeneratedFactory;
}

export function drawFunctions(format: TemplateFormat, create: GeneratedFactory): Record<string, (context: unknown) => string> {
  return create(runtime, helperTable(format));
}
