import jsYaml from 'js-yaml';
import type { Finding } from '../diagnostic.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { PositionRecorder, type PositionIndex } from './positions.js';
import { describeYamlErrors } from './yaml-errors.js';

export interface ParsedYaml {
  /**
   * The non-empty documents of the stream, in order; empty, comment-only and null (`~`) documents
   * are skipped. A document that could not be read keeps its slot as `undefined` (its yaml-syntax
   * error is in `errors`), so that index i is always the i-th non-empty document: the docIndex
   * positions are looked up by.
   */
  documents: unknown[];
  /** yaml-syntax findings (without severity), positioned. */
  errors: Omit<Finding, 'file'>[];
  /** Where each node of the documents is in the text (from the same parse as the values). */
  positions: PositionIndex;
}

/**
 * YAML 1.2's core schema (SPEC 7), which js-yaml's own "core" schema is not quite: there 0b101 and
 * -0x1A are numbers, -.5 and 1E310 are strings. Every tag beyond the core ones (!!binary,
 * !!timestamp, !!js/function, custom tags) is refused, as js-yaml refuses tags it does not know.
 */
const CORE_INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const CORE_FLOAT =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const CORE_NULL = /^(?:~|null|Null|NULL)?$/;
const CORE_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
// Most scalars of a persona are prose: one look at the first character rules out every type below
// before its regular expression runs (the same answers, as each pattern can only start so).
const couldBeNumber = (data: string) => {
  const c = data.charCodeAt(0); // + - . 0-9
  return c === 0x2b || c === 0x2d || c === 0x2e || (c >= 0x30 && c <= 0x39);
};
const couldBeNull = (data: string) => data === '' || data[0] === '~' || data[0] === 'n' || data[0] === 'N';
const couldBeBool = (data: string) => data[0] === 't' || data[0] === 'T' || data[0] === 'f' || data[0] === 'F';
const SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    new jsYaml.Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (data: string | null) => data === null || (couldBeNull(data) && CORE_NULL.test(data)),
      construct: () => null,
    }),
    new jsYaml.Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (data: string | null) => data !== null && couldBeBool(data) && CORE_BOOL.test(data),
      construct: (data: string) => data.toLowerCase() === 'true',
    }),
    new jsYaml.Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (data: string | null) => data !== null && couldBeNumber(data) && CORE_INT.test(data),
      construct: (data: string) =>
        data.startsWith('0o')
          ? parseInt(data.slice(2), 8)
          : data.startsWith('0x')
            ? parseInt(data.slice(2), 16)
            : Number(data),
    }),
    new jsYaml.Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (data: string | null) => data !== null && couldBeNumber(data) && CORE_FLOAT.test(data),
      construct: (data: string) => {
        const lower = data.toLowerCase();
        if (lower.endsWith('.inf')) return lower.startsWith('-') ? -Infinity : Infinity;
        if (lower === '.nan') return NaN;
        return Number(data);
      },
    }),
  ],
});

/**
 * js-yaml's nesting guard for its own stack. It counts every node it composes (keys too), so
 * limits.maxDepth, which counts mappings and sequences, is checked on the values instead.
 */
const parserDepth = (limits: Limits) => 4 * limits.maxDepth + 8;

/**
 * Parse a YAML stream into values and positions in one pass of js-yaml's parser: its listener
 * sees where every node starts and ends while the values are built (PositionRecorder). A stream it
 * cannot read is read again document by document, so the good documents of a file still count,
 * and its errors are worded by the `yaml` package (see yaml-errors.ts).
 */
export function parseYaml(text: string, limits: Limits): ParsedYaml {
  const recorder = new PositionRecorder(text);
  let values: unknown[];
  try {
    values = load(text, limits, recorder);
  } catch {
    return parseDocumentByDocument(text, limits);
  }
  const positions = recorder.finish((i) => values[i] != null);
  return { ...withinLimits(values, positions, limits), positions };
}

function load(text: string, limits: Limits, recorder: PositionRecorder): unknown[] {
  const options = { schema: SCHEMA, listener: recorder.listener, maxDepth: parserDepth(limits) };
  return jsYaml.loadAll(text, null, options);
}

/**
 * The non-empty documents, each within the limits: aliases must not expand beyond
 * limits.maxAliasCount per document ("billion laughs"), nor any document nest deeper than
 * limits.maxDepth. A document over a limit is unreadable (`undefined`, with an error).
 */
function withinLimits(
  values: readonly unknown[],
  positions: PositionIndex,
  limits: Limits,
): Omit<ParsedYaml, 'positions'> {
  const shared = positions.hasAliases();
  const documents: unknown[] = [];
  const errors: ParsedYaml['errors'] = [];
  for (const value of values) {
    if (value == null) continue;
    const docIndex = documents.length;
    let message: string | undefined;
    if (shared && positions.aliasExpansions(docIndex) > limits.maxAliasCount)
      message = `the document expands too many aliases (more than ${limits.maxAliasCount}); remove the anchors and aliases or raise limits.maxAliasCount in personakit.yaml`;
    else if (!withinDepth(value, limits.maxDepth, 0, shared ? new Set() : undefined)) message = tooDeep(limits);
    if (message !== undefined) {
      const { line, column } = positions.locate(docIndex, '');
      errors.push({ rule: 'yaml-syntax', line, column, message });
    }
    documents.push(message === undefined ? value : undefined);
  }
  return { documents, errors };
}

const tooDeep = (limits: Limits) =>
  `the document is nested more than ${limits.maxDepth} levels deep; flatten it (limits.maxDepth in personakit.yaml)`;

/**
 * A stream js-yaml refused: each document read on its own (the others blanked out, so that
 * offsets stay those of the whole file), the errors worded by the `yaml` package.
 */
function parseDocumentByDocument(text: string, limits: Limits): ParsedYaml {
  const errors = describeYamlErrors(text);
  const worded = errors.length > 0;
  const recorder = new PositionRecorder(text);
  const values: unknown[] = [];
  const unreadable = new Set<number>();
  for (const [start, end] of documentChunks(text)) {
    const alone = blankOutside(text, start, end);
    try {
      // A throwaway recorder first: a document that fails must leave no half-recorded nodes.
      load(alone, limits, new PositionRecorder(alone));
    } catch (e) {
      // The `yaml` package found nothing wrong where js-yaml did: js-yaml's own words, then.
      if (!worded) {
        const yaml = e instanceof jsYaml.YAMLException ? e : undefined;
        const reason = yaml?.reason ?? `the YAML parser gave up: ${(e as Error).message}`;
        errors.push({
          rule: 'yaml-syntax',
          line: (yaml?.mark?.line ?? 0) + 1,
          column: (yaml?.mark?.column ?? 0) + 1,
          message: reason.includes('maxDepth') ? tooDeep(limits) : reason,
        });
      }
      // A placeholder document, so that positions keep one root per document slot.
      unreadable.add(values.length);
      values.push(undefined);
      const blank = blankOutside(text, 0, 0);
      load(`${blank.slice(0, start)}~${blank.slice(start + 1)}`, limits, recorder);
      continue;
    }
    values.push(...load(alone, limits, recorder));
  }
  const positions = recorder.finish((i) => values[i] != null || unreadable.has(i));
  const limited = withinLimits(
    values.map((v, i) => (unreadable.has(i) ? UNREADABLE : v)),
    positions,
    limits,
  );
  return {
    documents: limited.documents.map((d) => (d === UNREADABLE ? undefined : d)),
    errors: [...errors, ...limited.errors].sort((a, b) => a.line! - b.line! || a.column! - b.column!),
    positions,
  };
}

const UNREADABLE = Symbol('unreadable');

/** [start, end) of each document's text: a `---` line starts one, a `...` line ends one. */
function documentChunks(text: string): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  let start = 0;
  for (const m of text.matchAll(/^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm)) {
    const end = m[0] === '---' ? m.index : m.index + 3;
    if (end > start) chunks.push([start, end]);
    start = end;
  }
  if (start < text.length || chunks.length === 0) chunks.push([start, text.length]);
  return chunks;
}

/** The text with everything outside [start, end) turned into spaces (line breaks kept). */
function blankOutside(text: string, start: number, end: number): string {
  const blank = (part: string) => part.replace(/[^\r\n]/g, ' ');
  return blank(text.slice(0, start)) + text.slice(start, end) + blank(text.slice(end));
}

/**
 * Depth check: deep nesting must not overflow the stack of later passes. Recursion is safe here
 * because it stops at maxDepth; `seen` walks a node shared through aliases once.
 */
function withinDepth(value: unknown, maxDepth: number, depth: number, seen?: Set<object>): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth > maxDepth) return false;
  if (seen) {
    if (seen.has(value)) return true;
    seen.add(value);
  }
  if (Array.isArray(value)) {
    for (const child of value)
      if (typeof child === 'object' && child !== null && !withinDepth(child, maxDepth, depth + 1, seen)) return false;
    return true;
  }
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null && !withinDepth(child, maxDepth, depth + 1, seen)) return false;
  }
  return true;
}

/** The positions of a text read on its own (a cached file, personakit.yaml): parseYaml's, kept alone. */
export function positionsOf(text: string, limits: Limits = DEFAULT_LIMITS): PositionIndex {
  return parseYaml(text, limits).positions;
}
