import type Handlebars from 'handlebars';
import { helperNames, helperTable } from './helpers.js';
import { templateHash } from './precompiled.js';
import { PIECE_MARK_START, PIECE_MARKS } from './template-ast.js';
import * as runtime from './template-runtime.js';
import type { TemplateFormat } from './templates.js';

/** A generated template set: draw functions by template name, and the text of each piece (see pieceMark). */
export interface GeneratedSet {
  templates: Record<string, (context: unknown) => string>;
  pieces: string[];
}

/** The generated templates of a format, made from `generateTemplates`' code. */
export type GeneratedFactory = (rt: typeof runtime, helpers: ReturnType<typeof helperTable>) => GeneratedSet;

/** Generated code as the build stores it: the hash of what it was made from, and the code as a function. */
export interface GeneratedTemplates {
  hash: string;
  create: GeneratedFactory;
}

/** What generated code is valid for: every source of the set, Handlebars' version, the options and the generator. */
export function generatedHash(sources: ReadonlyMap<string, string>, options: object): string {
  return templateHash(JSON.stringify([...sources]), { ...options, codegen: runtime.CODEGEN_VERSION });
}

/**
 * The body of the function that makes the draw functions of a template set, or undefined when a
 * template uses something the generator does not translate (Handlebars then draws the set).
 * The generator is loaded here only: a render with the build's code never needs it.
 */
export async function generatedCode(format: TemplateFormat, sources: ReadonlyMap<string, string>, hb: typeof Handlebars): Promise<string | undefined> {
  const { generateTemplates, UnsupportedTemplate } = await import('./template-codegen.js');
  try {
    return generateTemplates({ sources, helpers: helperNames(format), escape: format === 'html', parse: (text) => hb.parse(text) });
  } catch (e) {
    if (e instanceof UnsupportedTemplate) return undefined;
    throw e;
  }
}

/** Code made in this process (runs from src/, or templates edited since the build) becomes a function here. */
export function factoryOf(code: string): GeneratedFactory {
   
  return new Function('rt', 'helpers', code) as GeneratedFactory;
}

export function drawFunctions(format: TemplateFormat, create: GeneratedFactory): GeneratedSet {
  return create(runtime, helperTable(format));
}

/** Text to be written as UTF-8, or bytes. */
export type PagePart = string | Uint8Array;

/** How a template set's pages come out: as text, and as the parts to write. */
export interface PageDrawer {
  draw(key: string, view: object): string;
  /** The page in parts to write: its own text, and each piece as shared bytes. */
  drawParts(key: string, view: object): PagePart[];
}

/**
 * Pages of a generated set. Its pieces (the stylesheet, 12 KB of each report) are encoded once
 * and shared by every page's bytes; as text, the marks are replaced by the pieces again.
 */
export function pageDrawer(set: GeneratedSet): PageDrawer {
  const { templates, pieces } = set;
  if (pieces.length === 0) return { draw: (key, view) => templates[key]!(view), drawParts: (key, view) => [templates[key]!(view)] };
  // In shared memory: a report handed to the writer thread then carries the stylesheet without a copy.
  const bytes = pieces.map((p) => {
    const encoded = Buffer.from(p);
    const shared = new Uint8Array(new SharedArrayBuffer(encoded.length));
    shared.set(encoded);
    return shared;
  });
  return {
    draw: (key, view) => templates[key]!(view).replace(PIECE_MARKS, (_, n: string) => pieces[Number(n)]!),
    drawParts(key, view) {
      const page = templates[key]!(view);
      const parts: PagePart[] = [];
      let at = 0;
      // A mark is PIECE_MARK_START, the piece's number and `>` (pieceMark); only pieces put them on a page.
      for (let mark = page.indexOf(PIECE_MARK_START); mark >= 0; mark = page.indexOf(PIECE_MARK_START, at)) {
        const end = page.indexOf('>', mark);
        parts.push(page.slice(at, mark), bytes[Number(page.slice(mark + PIECE_MARK_START.length, end))]!);
        at = end + 1;
      }
      parts.push(at === 0 ? page : page.slice(at));
      return parts;
    },
  };
}
