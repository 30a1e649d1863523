import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { factoryOf, generatedCode, pageDrawer } from '../../src/render/generated-templates.js';
import { helperTable } from '../../src/render/helpers.js';
import { knownHelpers } from '../../src/render/precompiled.js';
import { generateTemplates } from '../../src/render/template-codegen.js';
import * as runtime from '../../src/render/template-runtime.js';
import { templateEntries, templateSource, type TemplateFormat } from '../../src/render/templates.js';
import { DANGEROUS_KEYS, PAYLOADS } from '../hardening/generators.js';

type Helper = (...args: unknown[]) => unknown;
type Outcome = { text: string } | { error: string };

/** Helpers for the hand-written cases: one returns markup, one uses its hash, one reads `this`. */
const HELPERS: Record<string, Helper> = {
  ...helperTable('html'),
  shout: (value) => new runtime.Markup(`<b>${String(value)}</b>`),
  pair: (...args) => `${String(args[0])}:${JSON.stringify((args.at(-1) as { hash: object }).hash)}`,
  me: function (this: unknown) {
    return typeof this === 'object' && this !== null ? Object.keys(this).join('+') : String(this);
  },
};

/** Draw `main` (partials are the other entries) with Handlebars and with generated code. */
function drawBoth(
  templates: Record<string, string>,
  context: unknown,
  escape = true,
  helpers = HELPERS,
): { handlebars: Outcome; generated: Outcome } {
  const hb = Handlebars.create();
  hb.registerHelper(helpers);
  const options = { noEscape: !escape, strict: false, knownHelpers: knownHelpers(Object.keys(helpers)) };
  const sources = new Map<string, string>();
  for (const [name, source] of Object.entries(templates)) {
    if (name === 'main') continue;
    hb.registerPartial(name, hb.compile(source, { ...options }));
    sources.set(`partials/${name}`, source);
  }
  sources.set('main', templates.main!);
  const handlebars = outcome(() =>
    hb.compile(templates.main!, { ...options })(context, {
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
    }),
  );
  const code = generateTemplates({ sources, helpers: Object.keys(helpers), escape, parse: (t) => hb.parse(t) });
  const draw = factoryOf(code)(runtime, helpers as ReturnType<typeof helperTable>);
  return { handlebars, generated: outcome(() => draw.templates.main!(context)) };
}

function outcome(draw: () => string): Outcome {
  try {
    return { text: draw() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function expectSame(templates: Record<string, string>, context: unknown, escape = true): Outcome {
  const { handlebars, generated } = drawBoth(templates, context, escape);
  expect(generated).toEqual(handlebars);
  return generated;
}

const people = {
  people: [{ name: 'Ann', tags: ['a', 'b'] }, { name: 'Bo <b>', tags: [] }, null, { name: 0 }],
  title: 'T&C',
  n: 0,
  empty: [],
  obj: { x: 1, y: 'two' },
};

describe('generated templates draw what Handlebars draws', () => {
  it.each([
    [
      'text and escaping',
      'Hi {{title}} & {{{title}}} {{&title}} {{n}} {{missing}} {{obj}} {{empty}} {{people.length}}',
    ],
    ['every escaped character', '{{v}}', { v: `&<>"'\`= plain` }],
    ['false, 0 and NaN as text', '{{a}}|{{b}}|{{c}}|{{d}}', { a: false, b: 0, c: Number.NaN, d: true }],
    [
      'if, unless and else chains',
      '{{#if n}}zero is true{{else if title}}title{{else}}none{{/if}}{{#unless empty}}empty list{{/unless}}{{#if obj}}obj{{/if}}',
    ],
    [
      'each over a list with @index, @first, @last and ../',
      '{{#each people}}[{{@index}}{{#if @first}}F{{/if}}{{#if @last}}L{{/if}} {{name}} {{../title}} {{#each tags}}{{this}}{{@index}}{{../name}}{{/each}}]{{else}}none{{/each}}',
    ],
    ['each over an object with @key', '{{#each obj}}{{@key}}={{this}}{{#if @last}}.{{/if}};{{/each}}'],
    [
      'each over nothing draws else',
      '{{#each empty}}x{{else}}nothing{{/each}}{{#each missing}}x{{else}}none{{/each}}{{#each title}}x{{else}}a string is not iterated{{/each}}',
    ],
    [
      'each with holes and null items',
      '{{#each list}}<{{this}}|{{#if this}}y{{else}}n:{{this}}{{/if}}>{{/each}}',
      // eslint-disable-next-line no-sparse-arrays -- a hole in the array is the case under test
      { list: [1, , null, undefined, 0, 'z'] },
    ],
    [
      'with, and with of 0',
      '{{#with obj}}{{x}}-{{y}}-{{../title}}{{/with}}{{#with n}}zero:{{this}}{{/with}}{{#with empty}}x{{else}}empty{{/with}}',
    ],
    ['this, ./ and @root', '{{#each people}}{{this.name}}{{./name}}{{@root.title}}{{/each}}'],
    [
      'helpers with literals, hashes and subexpressions',
      '{{join people ", "}}{{pair 1 true null undefined "s" k=title j=(eq n 0)}}{{#if (eq title "T&C")}}eq{{/if}}{{shout title}}{{me}}',
    ],
    ['a helper as a one-word mustache sees its context', '{{#each people}}{{me}};{{/each}}'],
    [
      'prototype properties are not looked up',
      '{{constructor}}{{toString}}{{__proto__}}{{obj.constructor}}{{title.length}}',
      { title: 'abc', obj: {} },
    ],
    [
      'own properties named like prototype ones are',
      '{{constructor}}{{toString}}',
      { constructor: 'own', toString: 'own too' },
    ],
    [
      'comments and whitespace control',
      '{{! a comment }}\n{{#if title}}\n  yes\n{{/if}}\n  {{~title~}}  \n{{!-- long --}}end',
    ],
    [
      'a function value is called',
      '{{fn}}{{obj.fn}}{{#if fn}}t{{/if}}',
      { fn: () => 'called', obj: { fn: () => 'nested' } },
    ],
  ])('%s', (_name, main, context = people) => {
    expectSame({ main }, context);
    if (!/\}\}\{\{[^#/!]/.test(main)) expectSame({ main }, context, false);
  });

  it('leaves adjacent unescaped values to Handlebars, which adds two numbers up', () => {
    const generate = (escape: boolean) =>
      generateTemplates({
        sources: new Map([['main', '{{a}}{{! between }}{{b}}']]),
        helpers: [],
        escape,
        parse: (t) => Handlebars.parse(t),
      });
    expect(() => generate(false)).toThrow('adjacent unescaped values');
    expect(generate(true)).toContain('function');
    expect(drawBoth({ main: '{{a}} {{b}}' }, { a: 1, b: 2 }, false).generated).toEqual({ text: '1 2' });
  });

  it('partials: with a context, a hash, indentation, and a missing one', () => {
    const partials = {
      card: '<{{name}}|{{extra}}|{{title}}>\nsecond line\n',
      list: '{{#each people}}\n  {{> card}}\n{{/each}}',
    };
    expectSame({ main: '{{> card}}{{> card obj}}{{> card obj extra=title}}{{> card extra="x"}}', ...partials }, people);
    expectSame({ main: 'start\n  {{> list}}\nend\n    {{> card}}\n', ...partials }, people);
    expect(expectSame({ main: 'a{{> nowhere}}b' }, people)).toEqual({
      error: 'The partial nowhere could not be found',
    });
  });

  it('partial blocks and @partial-block, nested, and a partial block with no partial', () => {
    const partials = { layout: '<main>{{title}}\n{{> @partial-block}}\n</main>', frame: '[{{> @partial-block}}]' };
    expectSame(
      {
        main: '{{#> layout title="T"}}body {{title}} {{n}}{{#> frame}}inner {{title}}{{/frame}}{{/layout}}',
        ...partials,
      },
      people,
    );
    expectSame({ main: '{{#> nowhere}}fallback {{title}}{{/nowhere}}' }, people);
    expect(expectSame({ main: '{{> @partial-block}}' }, people)).toEqual({
      error: 'The partial @partial-block could not be found',
    });
  });

  it('a helper missing from the set fails only where it is called, as in Handlebars', () => {
    expect(expectSame({ main: '{{#if never}}{{nothing-here 1}}{{/if}}ok' }, {})).toEqual({ text: 'ok' });
    expect(expectSame({ main: '{{nothing-here 1}}' }, {})).toEqual({ error: 'Missing helper: "nothing-here"' });
  });

  it('draws a large constant partial (the stylesheet) as a piece whose bytes every page shares', () => {
    const css = `body { color: red; }\n`.repeat(300);
    const sources = new Map([
      ['partials/styles', css],
      ['page', '<style>{{> styles}}</style>{{x}}|{{> styles}}'],
    ]);
    const set = factoryOf(generateTemplates({ sources, helpers: [], escape: true, parse: (t) => Handlebars.parse(t) }))(
      runtime,
      {},
    );
    expect(set.pieces).toEqual([css]);
    const pages = pageDrawer(set);
    // Data that spells a mark is escaped like any other text, so it never becomes a piece.
    for (const x of ['plain', '<\u00000>', '\u0000']) {
      const view = { x };
      expect(pages.draw('page', view)).toBe(`<style>${css}</style>${runtime.escape(x)}|${css}`);
      const parts = pages.drawParts('page', view);
      expect(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))).toString()).toBe(
        pages.draw('page', view),
      );
      expect(parts.filter((p) => p instanceof Uint8Array && p.length === css.length)).toHaveLength(2);
    }
    expect(pages.drawParts('page', { x: 1 })[1]).toBe(pages.drawParts('page', { x: 2 })[1]);
  });

  it('draws no pieces when a template prints a value unescaped, or for Markdown', () => {
    const css = 'a'.repeat(5000);
    const generate = (page: string, escape = true) =>
      factoryOf(
        generateTemplates({
          sources: new Map([
            ['partials/styles', css],
            ['page', page],
          ]),
          helpers: [],
          escape,
          parse: (t) => Handlebars.parse(t),
        }),
      )(runtime, {}).pieces;
    expect(generate('{{> styles}}{{x}}')).toHaveLength(1);
    expect(generate('{{> styles}}{{{x}}}')).toEqual([]);
    expect(generate('{{> styles}}{{x}}', false)).toEqual([]);
  });

  it.each([
    ['block parameters', '{{#each people as |p|}}{{p.name}}{{/each}}'],
    ['a block that is no helper', '{{#obj}}{{x}}{{/obj}}'],
    ['the lookup helper', '{{lookup obj "x"}}'],
    ['a dynamic partial', '{{> (join "a")}}'],
    ['a decorator', '{{* deco}}'],
    ['#if with two arguments', '{{#if a b}}x{{/if}}'],
  ])('leaves what it does not translate to Handlebars: %s', (_name, main) => {
    expect(() =>
      generateTemplates({
        sources: new Map([['main', main]]),
        helpers: Object.keys(HELPERS),
        escape: true,
        parse: (t) => Handlebars.parse(t),
      }),
    ).toThrow();
  });
});

const FORMATS: readonly TemplateFormat[] = ['html', 'md'];

/** Every name a template reads, so random views hit the templates' branches. */
function namesIn(source: string): string[] {
  return [...new Set([...source.matchAll(/[@.]?\b([a-zA-Z][\w-]*)\b/g)].map((m) => m[1]!))];
}

describe.each(FORMATS)('the built-in %s templates, on random views', (format) => {
  const sources = new Map<string, string>();
  const names: string[] = [];
  it('are all translated, and draw what Handlebars draws for 300 random views each', async () => {
    for (const entry of await templateEntries(format, undefined))
      sources.set(entry.key, templateSource(entry.key, readFileSync(entry.file, 'utf8')));
    for (const source of sources.values()) names.push(...namesIn(source));
    const code = await generatedCode(format, sources, Handlebars);
    expect(code).toBeDefined();
    const pages = pageDrawer(factoryOf(code!)(runtime, helperTable(format)));
    const hb = Handlebars.create();
    hb.registerHelper(helperTable(format));
    const options = {
      noEscape: format === 'md',
      strict: false,
      knownHelpers: knownHelpers(Object.keys(helperTable(format))),
    };
    for (const [key, source] of sources)
      if (key.startsWith('partials/'))
        hb.registerPartial(key.slice('partials/'.length), hb.compile(source, { ...options }));
    const templates = [...sources.keys()].filter((k) => !k.startsWith('partials/'));
    const compiled = new Map(templates.map((k) => [k, hb.compile(sources.get(k)!, { ...options })]));

    const leaf = fc.oneof(
      fc.constantFrom(...PAYLOADS, ...DANGEROUS_KEYS, '', 'ok', 0, 1, -3.5, true, false, null, undefined),
      fc.string(),
    );
    const { view } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('view'), { maxLength: 3 }),
        fc.array(leaf, { maxLength: 3 }),
        tie('view'),
      ),
      view: fc.dictionary(fc.constantFrom(...names), tie('value'), { maxKeys: 12 }),
    }));
    fc.assert(
      fc.property(fc.constantFrom(...templates), view, (key, context) => {
        const expected = outcome(() =>
          compiled.get(key)!(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }),
        );
        expect(outcome(() => pages.draw(key, context as object))).toEqual(expected);
      }),
      { numRuns: 300 * templates.length, seed: 20261123 },
    );
  });
});
