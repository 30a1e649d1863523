import type Handlebars from 'handlebars';
import { isSimpleId, piecesOf, pieceMark, usesDepths } from './template-ast.js';

type Node = hbs.AST.Node;
type Program = hbs.AST.Program;
type Expression = hbs.AST.Expression;
type PathExpression = hbs.AST.PathExpression;
type HelperCall = { path: PathExpression | Expression; params: Expression[]; hash?: hbs.AST.Hash };

/** A construct the generator does not translate: the caller keeps using Handlebars for the set. */
export class UnsupportedTemplate extends Error {}

/** Helpers Handlebars registers itself; of these, only the block forms below are translated. */
const BUILTIN_HELPERS = new Set([
  'helperMissing',
  'blockHelperMissing',
  'each',
  'if',
  'unless',
  'with',
  'log',
  'lookup',
]);
const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);
const RUNTIME = [
  'escape',
  'lookup',
  'dataPath',
  'lambda',
  'ambiguous',
  'text',
  'truthy',
  'notEmpty',
  'each',
  'partial',
  'extend',
  'push',
  'self',
  'helperFor',
];

export interface TemplateSources {
  /** `partials/<name>` and `<kind>.<format>.hbs`, each with its source (partials without their final line break). */
  sources: ReadonlyMap<string, string>;
  /** Every helper the templates may call (registered by helpers.ts). */
  helpers: readonly string[];
  /** false for Markdown, whose data arrives escaped (Handlebars' noEscape). */
  escape: boolean;
  parse: (typeof Handlebars)['parse'];
}

/**
 * The templates of a format as the body of a JavaScript function `(rt, helpers) => templates`:
 * plain string building, with the semantics of the Handlebars 4.7 compiler and runtime (see
 * template-runtime.ts), for the built-in templates, which use a small part of Handlebars.
 * Drawing 1,000 reports this way takes a fraction of the time Handlebars' generic runtime does
 * (bench/README.md). Throws UnsupportedTemplate for anything outside that part.
 */
export function generateTemplates(input: TemplateSources): string {
  const asts = new Map([...input.sources].map(([key, source]) => [key, input.parse(source)]));
  const pieces = piecesOf(asts, input.escape);
  const gen = new Generator(input, new Map(pieces.map((p, i) => [p.name, i])));
  const out = [
    `"use strict";`,
    `const { ${RUNTIME.map((n) => `${n}: $${n}`).join(', ')} } = rt;`,
    'const $h = helpers;',
    'const $P = Object.create(null);',
  ];
  const entries: string[] = [];
  for (const [key, ast] of asts) {
    gen.useDepths = usesDepths(ast);
    const main = gen.program(ast);
    const depths = (c: string) => (gen.useDepths ? `[${c}]` : 'undefined');
    if (key.startsWith('partials/'))
      out.push(`$P[${JSON.stringify(key.slice('partials/'.length))}] = (c, d) => ${main}(c, ${depths('c')}, d);`);
    else entries.push(`${JSON.stringify(key)}: (c) => ${main}(c, ${depths('c')}, { root: c })`);
  }
  const texts = pieces.map((p) => JSON.stringify(p.text));
  return [
    ...out,
    ...gen.constants,
    ...gen.functions,
    `return { templates: { ${entries.join(', ')} }, pieces: [${texts.join(', ')}] };`,
  ].join('\n');
}

/** Where the statements of a program read their context, enclosing contexts and data frame. */
interface Scope {
  c: string;
  ds: string;
  d: string;
}

class Generator {
  readonly functions: string[] = [];
  readonly constants: string[] = [];
  useDepths = false;
  private count = 0;
  private readonly helpers: Set<string>;

  constructor(
    private readonly input: TemplateSources,
    private readonly pieces: ReadonlyMap<string, number>,
  ) {
    this.helpers = new Set(input.helpers);
  }

  /** A function `(c, ds, d) => string` for a program run with its own context; returns its name. */
  program(program: Program): string {
    const name = `$f${this.count++}`;
    const lines = ['let o = "", $o, $t;'];
    this.statements(program, { c: 'c', ds: 'ds', d: 'd' }, lines);
    this.functions.push(`function ${name}(c, ds, d) {\n  ${lines.join('\n  ')}\n  return o;\n}`);
    return name;
  }

  private statements(program: Program | undefined, scope: Scope, lines: string[]): void {
    if (program?.blockParams?.length) throw new UnsupportedTemplate('block parameters');
    let previous: Node | undefined;
    for (const node of program?.body ?? []) {
      // Unescaped, Handlebars joins adjacent values with `+`: two numbers print as their sum.
      if (!this.input.escape && node.type === 'MustacheStatement' && previous?.type === 'MustacheStatement')
        throw new UnsupportedTemplate('adjacent unescaped values');
      this.statement(node, scope, lines);
      if (
        node.type !== 'CommentStatement' &&
        !(node.type === 'ContentStatement' && !(node as hbs.AST.ContentStatement).value)
      )
        previous = node;
    }
  }

  private statement(node: Node, scope: Scope, lines: string[]): void {
    switch (node.type) {
      case 'ContentStatement': {
        const value = (node as hbs.AST.ContentStatement).value;
        if (value) lines.push(`o += ${JSON.stringify(value)};`);
        return;
      }
      case 'CommentStatement':
        return;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        const value = this.mustacheValue(m, scope);
        lines.push(m.escaped && this.input.escape ? `o += $escape(${value});` : `o += $text(${value});`);
        return;
      }
      case 'BlockStatement':
        return this.block(node as hbs.AST.BlockStatement, scope, lines);
      case 'PartialStatement':
      case 'PartialBlockStatement':
        return this.partial(node as hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement, scope, lines);
      default:
        throw new UnsupportedTemplate(node.type);
    }
  }

  /** `{{path}}`, `{{helper args}}`: helper calls, lambdas and the one-word ambiguous form. */
  private mustacheValue(m: hbs.AST.MustacheStatement, scope: Scope): string {
    const path = m.path as PathExpression;
    if (path.type !== 'PathExpression') throw new UnsupportedTemplate('a literal as a mustache');
    if (m.params.length > 0 || m.hash) return this.helperCall(m, scope);
    // The test for a function value is written out: a call per value costs more than the test.
    if (!isSimpleId(path))
      return `(typeof ($t = ${this.value(path, scope)}) === "function" ? $lambda($t, ${scope.c}) : $t)`;
    const name = path.parts[0]!;
    if (this.helpers.has(name)) return this.helperCall(m, scope);
    if (BUILTIN_HELPERS.has(name)) throw new UnsupportedTemplate(`the helper ${name} as a value`);
    return `(typeof ($t = ${this.value(path, scope)}) === "function" ? $ambiguous($t, ${scope.c}, ${scope.d}, ${JSON.stringify(name)}) : $t)`;
  }

  private helperCall(call: HelperCall, scope: Scope): string {
    const path = call.path as PathExpression;
    const name = path.type === 'PathExpression' && isSimpleId(path) ? path.parts[0]! : undefined;
    if (name === undefined || BUILTIN_HELPERS.has(name))
      throw new UnsupportedTemplate(`the helper ${path.original ?? '?'}`);
    const args = [
      ...call.params.map((p) => this.value(p, scope)),
      `{ name: ${JSON.stringify(name)}, hash: ${this.hash(call.hash, scope)}, data: ${scope.d} }`,
    ];
    // A helper of another format (a shared partial) fails only when it is called, as in Handlebars.
    const helper = this.helpers.has(name)
      ? `$h[${JSON.stringify(name)}]`
      : `$helperFor(${scope.c} && $lookup(${scope.c}, ${JSON.stringify(name)}), ${JSON.stringify(name)})`;
    return `${helper}.call($self(${scope.c}), ${args.join(', ')})`;
  }

  /** Handlebars assigns a hash's pairs last to first: keys come out in that order. */
  private hash(hash: hbs.AST.Hash | undefined, scope: Scope): string {
    return `{ ${[...(hash?.pairs ?? [])]
      .reverse()
      .map((p) => `${JSON.stringify(p.key)}: ${this.value(p.value, scope)}`)
      .join(', ')} }`;
  }

  /** A parameter's value: a path (looked up, never called), a literal or a helper's result. */
  private value(node: Expression, scope: Scope): string {
    switch (node.type) {
      case 'PathExpression': {
        const path = node as PathExpression;
        const parts = path.parts;
        if (path.data) return `$dataPath(${scope.d}, ${path.depth}, ${this.constant(parts)})`;
        if (path.depth > 0 && !this.useDepths) throw new Error('a ../ path outside a template that tracks depths');
        const base = path.depth > 0 ? `${scope.ds}[${path.depth}]` : scope.c;
        return parts.reduce((object, part) => lookupCode(object, part), base);
      }
      case 'SubExpression':
        return this.helperCall(node as hbs.AST.SubExpression, scope);
      case 'StringLiteral':
        return JSON.stringify((node as hbs.AST.StringLiteral).value);
      case 'NumberLiteral':
        return String((node as hbs.AST.NumberLiteral).value);
      case 'BooleanLiteral':
        return String((node as hbs.AST.BooleanLiteral).value);
      case 'UndefinedLiteral':
        return 'undefined';
      case 'NullLiteral':
        return 'null';
      default:
        throw new UnsupportedTemplate(node.type);
    }
  }

  /** `{{#if}}`, `{{#unless}}`, `{{#each}}` and `{{#with}}`, each with its `{{else}}`. */
  private block(b: hbs.AST.BlockStatement, scope: Scope, lines: string[]): void {
    const name = b.path.type === 'PathExpression' && isSimpleId(b.path) ? b.path.parts[0]! : '';
    if (!BLOCK_HELPERS.has(name) || this.helpers.has(name))
      throw new UnsupportedTemplate(`the block {{#${b.path.original ?? '?'}}}`);
    if (b.params.length !== 1 || (b.hash?.pairs.length ?? 0) > 0)
      throw new UnsupportedTemplate(`{{#${name}}} with other than one argument`);
    const value = this.value(b.params[0]!, scope);
    if (name === 'if' || name === 'unless') {
      const [yes, no] = name === 'if' ? [b.program, b.inverse] : [b.inverse, b.program];
      lines.push(`if ($truthy(${value}, ${scope.c})) {`);
      this.helperBranch(yes, scope, lines);
      lines.push('} else {');
      this.helperBranch(no, scope, lines);
      lines.push('}');
      return;
    }
    const v = `$v${this.count++}`;
    const body = this.program(b.program);
    if (name === 'each') {
      lines.push(
        `const ${v} = $each(${value}, ${scope.c}, ${scope.d}, ${this.depths(scope)}, ${body});`,
        `if (${v} !== null) o += ${v}; else {`,
      );
    } else {
      lines.push(
        `const ${v} = $lambda(${value}, $self(${scope.c}));`,
        `if ($notEmpty(${v})) o += ${body}(${v}, ${this.pushed(scope, v)}, ${scope.d}); else {`,
      );
    }
    this.helperBranch(b.inverse, scope, lines);
    lines.push('}');
  }

  /** A branch a helper draws with `options.fn(this)`: the same data, `this` standing in for null. */
  private helperBranch(program: Program | undefined, scope: Scope, lines: string[]): void {
    if (!program || program.body.length === 0) return;
    const n = this.count++;
    const inner: Scope = { c: `$c${n}`, ds: this.useDepths ? `$ds${n}` : scope.ds, d: scope.d };
    const body: string[] = [];
    this.statements(program, inner, body);
    // A branch of text alone needs neither its context nor its stack of contexts.
    const uses = (name: string) => body.some((line) => new RegExp(`\\${name}\\b`).test(line));
    if (uses(inner.c) || (this.useDepths && uses(inner.ds))) lines.push(`const ${inner.c} = $self(${scope.c});`);
    if (this.useDepths && uses(inner.ds)) lines.push(`const ${inner.ds} = $push(${scope.ds}, ${inner.c});`);
    lines.push(...body);
  }

  private partial(p: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement, scope: Scope, lines: string[]): void {
    if (p.name.type !== 'PathExpression') throw new UnsupportedTemplate('a dynamic partial');
    if (p.params.length > 1) throw new UnsupportedTemplate('a partial with more than one context');
    const name = (p.name as PathExpression).original;
    const piece = (p.name as PathExpression).data ? undefined : this.pieces.get(name);
    if (piece !== undefined && p.type === 'PartialStatement' && p.params.length === 0 && !p.hash && !p.indent) {
      lines.push(`o += ${JSON.stringify(pieceMark(piece))};`);
      return;
    }
    const own = (p.name as PathExpression).data ? 'undefined' : `$P[${JSON.stringify(name)}]`;
    let context = p.params.length === 1 ? this.value(p.params[0]!, scope) : scope.c;
    if (p.hash) context = `$extend(${context}, ${this.hash(p.hash, scope)})`;
    const args = [
      own,
      JSON.stringify(name),
      context,
      scope.d,
      JSON.stringify(p.type === 'PartialStatement' ? (p.indent ?? '') : ''),
    ];
    if (p.type === 'PartialBlockStatement') {
      const body = this.program(p.program);
      args.push(`(c, d) => ${body}(c, ${this.pushed(scope, 'c')}, d)`);
    }
    lines.push(`o += $partial(${args.join(', ')});`);
  }

  private depths(scope: Scope): string {
    return this.useDepths ? scope.ds : 'undefined';
  }

  private pushed(scope: Scope, context: string): string {
    return this.useDepths ? `$push(${scope.ds}, ${context})` : 'undefined';
  }

  /** An array literal made once per module, not per call. */
  private constant(parts: readonly string[]): string {
    const name = `$k${this.constants.length}`;
    this.constants.push(`const ${name} = ${JSON.stringify(parts)};`);
    return name;
  }
}

/** `object.part` as Handlebars looks it up: null and undefined pass through. */
function lookupCode(object: string, part: string): string {
  // Written out per place, with an inline cache each, this was no faster on a cold run and made
  // the code twice as large: one lookup function it is.
  return `(($o = ${object}) != null ? $lookup($o, ${JSON.stringify(part)}) : $o)`;
}
