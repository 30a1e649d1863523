import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { REPO_ROOT } from '../support/run-bin.js';

/**
 * fast-check generators of hostile personakit input: the sample workspace's documents with random
 * mutations (values, keys, YAML text, bytes), random byte strings and random unicode, hostile
 * personakit.yaml files and CRM-style CSV exports. Everything is drawn from fast-check, so a
 * failing case replays from its seed.
 */

const EXAMPLES = path.join(REPO_ROOT, 'examples');

/** The example documents, parsed once: valid structures to mutate. */
export const SEED_DOCUMENTS: readonly Record<string, unknown>[] = ['personas', 'journeys', 'markets'].flatMap(
  (folder) =>
    readdirSync(path.join(EXAMPLES, folder))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => parse(readFileSync(path.join(EXAMPLES, folder, f), 'utf8')) as Record<string, unknown>),
);

/** Keys that pollute prototypes when code assigns them naively. */
export const DANGEROUS_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'x-__proto__',
  'polluted',
];

/**
 * Payloads for text fields: markup, template code (which would set globalThis.pwned if it ever ran),
 * formula-injection cells, paths that escape, look-alike and control characters.
 */
export const PAYLOADS = [
  '<script>globalThis.pwned = 1</script>',
  '"><img src=x onerror="globalThis.pwned=1">',
  '{{constructor.constructor "globalThis.pwned = 1"}}',
  '{{#with (lookup this "constructor")}}{{this}}{{/with}}',
  '{{> index}}',
  '{{{name}}}',
  "=cmd|' /C calc'!A0",
  '+SUM(1,1)',
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1+1',
  '../../etc/passwd',
  '/etc/passwd',
  'file:///etc/passwd',
  'javascript:globalThis.pwned=1',
  'data:text/html,<script>1</script>',
  '\\\\server\\share\\x.png',
  'ﬁnance-ﬁona',
  'fi\u200bona',
  'persona/../../x',
  'a\u2215b',
  '\u202etxt.exe',
  '\u0000',
  '%%{init: {"theme": "dark"}}%%',
  '](javascript:x)',
  '',
];

export const PATH_PAYLOADS = [
  '../../etc/passwd',
  '/etc/passwd',
  'file:///etc/passwd',
  '..',
  '.',
  '/',
  '../outside',
  'images/../../../x.png',
  'C:\\Windows\\x.png',
  '~/x',
  'images/ok.png',
];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(...PATH_PAYLOADS) },
);

const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 1e-300, 0.5),
);

const hostileKey = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...DANGEROUS_KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** An object whose keys (even "__proto__") are own, enumerable data properties, as a YAML parser makes them. */
export function plainObject(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

const { value: hostileValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 3 }).map(plainObject),
  ),
}));
export { hostileValue };

/** One change to a document: set, delete or add a key somewhere in its tree. */
const documentEdit = fc.record({
  at: fc.nat(),
  action: fc.constantFrom('set', 'delete', 'add', 'stringify'),
  key: hostileKey,
  value: hostileValue,
});
type DocumentEdit = typeof documentEdit extends fc.Arbitrary<infer T> ? T : never;

function containers(
  value: unknown,
  out: Array<Record<string, unknown> | unknown[]> = [],
): Array<Record<string, unknown> | unknown[]> {
  if (value !== null && typeof value === 'object') {
    out.push(value as Record<string, unknown>);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

/** A deep copy keeping "__proto__" and friends as own keys: generated values are never mutated in place. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value === null || typeof value !== 'object') return value;
  return plainObject(Object.entries(value).map(([k, v]) => [k, copy(v)] as const));
}

function applyEdit(doc: Record<string, unknown>, edit: DocumentEdit): void {
  edit = { ...edit, value: copy(edit.value) };
  const all = containers(doc);
  const target = all[edit.at % all.length]!;
  const keys = Object.keys(target);
  const existing = keys.length > 0 ? keys[edit.at % keys.length]! : undefined;
  if (edit.action === 'add' || existing === undefined) {
    if (Array.isArray(target)) target.push(edit.value);
    else
      Object.defineProperty(target, edit.key, {
        value: edit.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  } else if (edit.action === 'delete') {
    if (Array.isArray(target)) target.splice(Number(existing), 1);
    else delete target[existing];
  } else {
    const old = (target as Record<string, unknown>)[existing];
    (target as Record<string, unknown>)[existing] =
      edit.action === 'stringify'
        ? typeof old === 'object'
          ? (JSON.stringify(old) ?? 'null')
          : String(old)
        : edit.value;
  }
}

/** Text-level damage: YAML constructs that are hostile or easy to get wrong. */
const SNIPPETS = [
  '&a ',
  '*a',
  '*nope',
  '<<: *a\n',
  '!!js/function ',
  '!!js/regexp /x/',
  '!!python/object:os.system ',
  '!!binary ',
  '!custom ',
  '? ',
  '%YAML 1.1\n',
  '\t',
  '\n\t',
  ': ',
  '- ',
  '\n---\n',
  '\n...\n',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '#',
  '|',
  '>',
  '\n__proto__: {polluted: 1}\n',
  '\nid: duplicate\n',
  '\nkind: persona\n',
  '!!set ',
  '!!omap ',
  '!!timestamp ',
  '!!pairs ',
  '\uFEFF',
  '\r\n',
  '\r',
  '\u2028',
  '\u0085',
  'x'.repeat(2000),
  '~',
  '.nan',
  '-.inf',
  '0x1F',
  '0o17',
  '2026-13-45',
];

const textEdit = fc.record({
  at: fc.nat(),
  action: fc.constantFrom('insert', 'delete', 'dup-line'),
  snippet: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ unit: 'binary', maxLength: 8 })),
  length: fc.nat(40),
});
type TextEdit = typeof textEdit extends fc.Arbitrary<infer T> ? T : never;

function applyTextEdit(text: string, edit: TextEdit): string {
  const at = text.length === 0 ? 0 : edit.at % text.length;
  if (edit.action === 'insert') return text.slice(0, at) + edit.snippet + text.slice(at);
  if (edit.action === 'delete') return text.slice(0, at) + text.slice(at + edit.length);
  const lines = text.split('\n');
  const i = edit.at % lines.length;
  lines.splice(i, 0, lines[i]!);
  return lines.join('\n');
}

const byteEdit = fc.record({
  at: fc.nat(),
  byte: fc.constantFrom(0x00, 0xff, 0xfe, 0xc3, 0xe2, 0xed, 0xf4, 0x80, 0x1b, 0x7f),
});

/** A YAML file: an example document mutated at the data, text and byte levels (each level optional). */
export const mutatedDocument = fc
  .record({
    seed: fc.nat(SEED_DOCUMENTS.length - 1),
    edits: fc.array(documentEdit, { maxLength: 4 }),
    textEdits: fc.array(textEdit, { maxLength: 3 }),
    byteEdits: fc.array(byteEdit, { maxLength: 1 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ seed, edits, textEdits, byteEdits, crlf, bom }) => {
    const doc = structuredClone(SEED_DOCUMENTS[seed]!);
    for (const edit of edits) applyEdit(doc, edit);
    let text = stringify(doc, { aliasDuplicateObjects: false });
    for (const edit of textEdits) text = applyTextEdit(text, edit);
    if (crlf) text = text.replace(/\n/g, '\r\n');
    let bytes = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
    for (const { at, byte } of byteEdits)
      bytes = Buffer.concat([
        bytes.subarray(0, at % (bytes.length + 1)),
        Buffer.from([byte]),
        bytes.subarray(at % (bytes.length + 1)),
      ]);
    return bytes;
  });

/** Any content a file named .yaml might hold. */
export const yamlFileBytes = fc.oneof(
  { weight: 8, arbitrary: mutatedDocument },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((s) => Buffer.from(s, 'utf8')) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('', '# only a comment\n', '---\n---\n', '~\n', '- a\n', 'plain scalar\n')
      .map((s) => Buffer.from(s)),
  },
);

/** personakit.yaml: settings of wrong types, huge or negative numbers, paths and templates that escape. */
export const settingsBytes = fc
  .record(
    {
      name: hostileString,
      paths: fc.oneof(
        fc.array(fc.oneof(fc.constant('docs'), fc.constantFrom(...PATH_PAYLOADS)), { maxLength: 3 }),
        hostileValue,
      ),
      completeness: fc.oneof(fc.record({ min: fc.oneof(hostileNumber, hostileValue) }), hostileValue),
      evidence: fc.record({ maxAgeDays: fc.oneof(hostileNumber, hostileValue) }),
      rules: fc.oneof(
        fc.dictionary(
          fc.oneof(fc.constantFrom('schema', 'evidence-stale', 'persona-completeness', 'yaml-syntax'), hostileKey),
          fc.constantFrom('off', 'warning', 'error', 'loud'),
        ),
        hostileValue,
      ),
      templates: fc.oneof(fc.constantFrom(...PATH_PAYLOADS), hostileValue),
      limits: fc.record(
        {
          maxFileBytes: hostileNumber,
          maxAliasCount: hostileNumber,
          maxDepth: hostileNumber,
          maxCsvBytes: hostileNumber,
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  )
  .chain((settings) =>
    fc.array(textEdit, { maxLength: 1 }).map((edits) => edits.reduce(applyTextEdit, stringify(settings))),
  )
  .map((text) => Buffer.from(text, 'utf8'));

const csvCell = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'Northwind Ltd',
      'retail',
      'logistics',
      '250',
      '1e9',
      'yes',
      'no',
      'TRUE',
      'UK',
      'scale-up',
      'late invoices;audit',
      '',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...PAYLOADS).map((p) => (/[",\n\r]/.test(p) ? `"${p.replace(/"/g, '""')}"` : p)),
  },
  { weight: 1, arbitrary: fc.constantFrom('"unterminated', '"a""b"', '"multi\nline"', 'a"b', '"x"y') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

/** A CRM export: a header of account fields (and junk), ragged rows, formula cells, broken quotes. */
export const accountsCsv = fc
  .record({
    header: fc.shuffledSubarray(
      [
        'name',
        'sector',
        'employees',
        'revenue',
        'region',
        'growth_stage',
        'buys_category',
        'problems',
        'incumbent',
        'annual_spend',
        '__proto__',
        'constructor',
        '=HYPERLINK("x")',
      ],
      { minLength: 1 },
    ),
    rows: fc.array(fc.array(csvCell, { maxLength: 8 }), { maxLength: 12 }),
    newline: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
  })
  .map(({ header, rows, newline, bom }) =>
    Buffer.from(
      (bom ? '\uFEFF' : '') + [header.join(','), ...rows.map((r) => r.join(','))].join(newline) + newline,
      'utf8',
    ),
  );
