import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { parseAllDocuments, stringify, type Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { parseYaml } from '../../src/load/parse-yaml.js';

/** What the tests look at: the documents and the errors (not the positions). */
const parse = (text: string) => {
  const { documents, errors } = parseYaml(text, DEFAULT_LIMITS);
  return { documents, errors };
};

/**
 * The reference: the `yaml` package with YAML 1.2 core options, empty documents dropped. A key
 * that resolves to a non-string (`null:`, `true:`, `1:`) becomes the key String(value), as in
 * parseYaml and js-yaml: the `yaml` package's own toJS writes a null key as '' instead.
 */
function careful(text: string): { data: unknown[]; errors: number } {
  const parsed = parseAllDocuments(text, {
    version: '1.2',
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    strict: true,
    logLevel: 'error',
    resolveKnownTags: false,
  });
  const docs = Array.isArray(parsed) ? parsed : [];
  const errors = docs.reduce((n, d) => n + d.errors.length + d.warnings.length, 0);
  return {
    data: docs
      .filter((d) => !isEmptyDocument(d))
      .map((d) => withStringKeys(d.toJS({ maxAliasCount: 1000, mapAsMap: true }) as unknown)),
    errors,
  };
}

function withStringKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withStringKeys);
  if (value instanceof Map)
    return Object.fromEntries([...value].map(([k, v]) => [String(k), withStringKeys(v)] as [string, unknown]));
  return value;
}

function isEmptyDocument(doc: Document.Parsed): boolean {
  return doc.contents == null || (doc.contents as { value?: unknown }).value === null;
}

/** -0 and 0, NaN and NaN compare equal; everything else structurally. */
function normalize(value: unknown): unknown {
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : Number.isNaN(value) ? 'NaN' : value;
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  return value;
}

describe('parseYaml: YAML 1.2 core schema (SPEC 7)', () => {
  it.each([
    ['date: 2026-05-01', { date: '2026-05-01' }],
    ['a: yes\nb: no\nc: on\nd: off\ne: y', { a: 'yes', b: 'no', c: 'on', d: 'off', e: 'y' }],
    ['a: true\nb: false\nc: ~\nd: null', { a: true, b: false, c: null, d: null }],
    ['a: 0o17\nb: 0x1F\nc: 017\nd: 1e3\ne: .inf', { a: 15, b: 31, c: 17, d: 1000, e: Infinity }],
    ['a: 0b101\nb: -0x1A\nc: -.5\nd: +.25\ne: 12:30', { a: '0b101', b: '-0x1A', c: -0.5, d: 0.25, e: '12:30' }],
    // Beyond a double: Infinity, as YAML 1.2 core and the careful path read it (js-yaml keeps a string).
    ['a: 1E310\nb: [-2.5e+400]\nc: 1e308\nd: 1e-400', { a: Infinity, b: [-Infinity], c: 1e308, d: 0 }],
    ['a: 0x1F\nb: 1E310', { a: 31, b: Infinity }],
    // A key that resolves to null or a boolean is named by its value as text (as js-yaml and JSON do).
    ['null: a\ntrue: b\n1: c', { null: 'a', true: 'b', 1: 'c' }],
  ])('%j', (text, expected) => {
    const { documents, errors } = parse(`${text}\n`);
    expect(errors).toEqual([]);
    expect(documents).toEqual([expected]);
  });

  it('skips empty files, comment-only files and empty --- documents silently', () => {
    for (const text of ['', '\n\n', '# only a comment\n', '---\n---\n', '---\n# note\n...\n', '--- ~\n', 'null\n']) {
      expect(parse(text)).toEqual({ documents: [], errors: [] });
    }
  });

  it('keeps a document index per non-empty document, with a hole where a document could not be read', () => {
    const text = 'kind: persona\n---\n\n---\nkey: [unclosed\n---\n~\n---\nkind: journey\n';
    const { documents, errors } = parse(text);
    expect(documents).toEqual([{ kind: 'persona' }, undefined, { kind: 'journey' }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule: 'yaml-syntax', line: 6 });
  });

  it('reports a duplicate key as yaml-syntax at the repeated key', () => {
    const { documents, errors } = parse('kind: persona\nid: a\nname: A\nid: b\n');
    expect(documents).toEqual([undefined]);
    expect(errors).toEqual([
      { rule: 'yaml-syntax', line: 4, column: 1, message: expect.stringMatching(/duplicate key/) },
    ]);
  });

  it('names the repeated key, in block and flow mappings, plain or quoted', () => {
    expect(parse('id: a\nname: A\nid: b\n').errors.map((e) => e.message)).toEqual([
      'duplicate key "id" in one mapping; keep only one of them (YAML does not allow repeating a key)',
    ]);
    expect(parse('goals: [{id: a, text: t, id: b}]\n').errors[0]).toMatchObject({
      line: 1,
      column: 26,
      message: expect.stringMatching(/^duplicate key "id" /),
    });
    expect(parse("a: 1\n'a': 2\n").errors[0]?.message).toMatch(/^duplicate key "a" /);
  });

  it("gives one diagnostic for one mistake, not the parser's cascade", () => {
    expect(parse('- a\nb: 1\n').errors).toHaveLength(1);
    expect(parse('kind: persona\n  id: a\nname: A\n').errors).toEqual([
      {
        rule: 'yaml-syntax',
        line: 1,
        column: 7,
        message: expect.stringMatching(/check the indentation of the next line/),
      },
    ]);
    // Independent mistakes are all reported.
    expect(parse('a: 1\na: 2\nb: 1\nb: 2\n').errors.map((e) => e.line)).toEqual([2, 4]);
  });

  it('explains a missing colon in words', () => {
    expect(parse('kind: persona\nname Fiona\nid: f\n').errors).toEqual([
      {
        rule: 'yaml-syntax',
        line: 2,
        column: 1,
        message: expect.stringMatching(/not a `key: value` pair \(a missing colon/),
      },
    ]);
  });

  it('reports tabs used as indentation', () => {
    const { errors } = parse('kind: persona\nabout:\n\tage: 3\n');
    expect(errors[0]).toMatchObject({ rule: 'yaml-syntax', line: 3, message: expect.stringMatching(/tab/) });
  });

  it('never honours !!js/function (or any custom tag): a yaml-syntax error, nothing executed', () => {
    const marker = '__personakit_tag_test__';
    const text = `kind: persona\nname: !!js/function "function () { globalThis.${marker} = 1; return 1 }"\nother: !custom x\n`;
    const { documents, errors } = parse(text);
    expect(documents).toEqual([undefined]);
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors[0]).toMatchObject({
      rule: 'yaml-syntax',
      line: 2,
      column: 7,
      message: 'the YAML tag !!js/function is not allowed; personakit does not honour custom YAML tags: remove it',
    });
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('stops an alias bomb with a clear yaml-syntax error', () => {
    const rows = ['kind: persona', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      rows.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const { documents, errors } = parse(rows.join('\n') + '\n');
    expect(documents).toEqual([undefined]);
    expect(errors).toEqual([
      {
        rule: 'yaml-syntax',
        line: 1,
        column: 1,
        message: expect.stringMatching(/too many aliases \(more than 100\).*limits\.maxAliasCount/),
      },
    ]);
  });

  it('allows a few aliases within the limit', () => {
    const { documents, errors } = parse('kind: persona\nbase: &b {x: 1}\ncopy: *b\n');
    expect(errors).toEqual([]);
    expect(documents).toEqual([{ kind: 'persona', base: { x: 1 }, copy: { x: 1 } }]);
  });

  it('refuses documents nested deeper than limits.maxDepth', () => {
    const deep = '['.repeat(80) + ']'.repeat(80);
    const { documents, errors } = parse(`a: ${deep}\n`);
    expect(documents).toEqual([undefined]);
    expect(errors[0]?.message).toMatch(/nested more than 64 levels/);
  });

  it('positions syntax errors inside later documents of a stream', () => {
    expect(parse('a: 1\n---\nb: 2\n---\nc: d: e\n').errors).toEqual([
      expect.objectContaining({ rule: 'yaml-syntax', line: 5, column: 4 }),
    ]);
  });

  it('never points past the last line for errors found at the end of the input', () => {
    const { errors } = parse('a: 1\n---\nb: 2\n---\nc: "unclosed\n\n\n');
    expect(errors).toEqual([{ rule: 'yaml-syntax', line: 5, column: 12, message: expect.stringMatching(/quote/) }]);
  });
});

describe('parseYaml: the fast path and the careful path agree', () => {
  const representative = [
    'kind: persona\nid: a\nname: A\n',
    'kind: persona\ngoals:\n  - id: g\n    type: commercial\n    text: "quoted: colon"\n',
    'goals: [{id: a, type: x, text: t}]\nroles: [user, other]\n',
    'text: |\n  line one\n  line two\n\nfolded: >-\n  a\n  b\n',
    "single: 'it''s'\ndouble: \"tab\\there \\u00e9\"\nplain: café ünïcödé 🎉\n",
    'a: 1\n---\nb: 2\n---\n# comment only\n---\nc: [1, 2.5, -3, .5, 1e3]\n',
    'nested:\n  deeper:\n    deepest: [a, {b: [c, d]}]\n',
    'empty_map: {}\nempty_list: []\nnull_value:\nexplicit_null: null\n',
    'date: 2026-05-01\ntime: 12:30:00\nbool: True\nver: 1.10\n',
    'url: https://example.com/a?b=c#d\nhash: "#not a comment"\n',
    '? explicit key\n: explicit value\n',
    // Anchors and aliases force the careful path; both parsers must still expand them the same way.
    'base: &base {x: 1, y: [a, b]}\ncopy: *base\nlist: [*base, *base]\n',
    'a: &s hello\nb: *s\n---\nc: &l [1, 2]\nd: *l\n',
    'kind: persona\ngoals:\n  - &g {id: g1, type: commercial, text: t}\nvalue:\n  - text: x\n    addresses: [g1]\n    also: *g\n',
  ];

  it.each(representative)('%j', (text) => {
    const fast = jsYaml.loadAll(text, undefined, { schema: jsYaml.CORE_SCHEMA }).filter((d) => d != null);
    const slow = careful(text);
    expect(slow.errors).toBe(0);
    expect(normalize(fast)).toEqual(normalize(slow.data));
    expect(normalize(parse(text).documents)).toEqual(normalize(slow.data));
  });

  it('reads signed dot floats, signed hex and octal and binary as YAML 1.2 core does', () => {
    const text = 'odd: -.5\nhex: +0x1F\noct: -0o7\nbin: 0b11\n';
    expect(parse(text).documents).toEqual([{ odd: -0.5, hex: '+0x1F', oct: '-0o7', bin: '0b11' }]);
  });

  const key = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
  const plainScalar = fc.oneof(
    fc.constantFrom(
      '2026-05-01',
      'yes',
      'No',
      '~',
      'null',
      'True',
      '.inf',
      '-.Inf',
      '.NaN',
      '0o17',
      '017',
      '0x1F',
      '-0x1F',
      '+0x1F',
      '0b101',
      '-.5',
      '+.5',
      '1e3',
      '1_000',
      '12:30',
      '-0',
      '+12',
      'a: b',
      '#x',
    ),
    fc.stringMatching(/^[-+]?(?:0[xob])?[0-9a-fA-F._eE]{1,6}$/),
  );
  const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    leaf: fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), plainScalar),
    node: fc.oneof(
      { depthSize: 'small' },
      tie('leaf'),
      fc.array(tie('node'), { maxLength: 4 }),
      fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    ),
  })).node;
  const document = fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 });

  it('property: any document, as written by either library, reads the same as the careful path reads it', () => {
    fc.assert(
      fc.property(document, fc.boolean(), (doc, flow) => {
        for (const text of [stringify(doc), jsYaml.dump(doc, { flowLevel: flow ? 1 : -1 })]) {
          const slow = careful(text);
          if (slow.errors > 0) continue;
          expect(normalize(parse(text).documents)).toEqual(normalize(slow.data));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: unquoted scalars resolve like YAML 1.2 core, whichever path reads them', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, plainScalar), { minLength: 1, maxLength: 6 }), (pairs) => {
        const unique = new Map(pairs);
        const text = [...unique].map(([k, v]) => `${k}: ${v}`).join('\n') + '\n';
        const slow = careful(text);
        const parsed = parse(text);
        if (slow.errors > 0) {
          expect(parsed.errors.length).toBeGreaterThan(0);
          return;
        }
        expect(normalize(parsed.documents)).toEqual(normalize(slow.data));
      }),
      { numRuns: 500 },
    );
  });
});
