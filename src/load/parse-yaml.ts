import {
  CORE_SCHEMA,
  EVENT_ID,
  NOT_RESOLVED,
  YAMLException,
  constructFromEvents,
  defineScalarTag,
  floatCoreTag,
  parseEvents,
  type Event,
} from 'js-yaml';
import type { Finding } from '../diagnostic.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { PositionIndex } from './positions.js';
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

/** A number too large for a double (1E310) is Infinity in YAML 1.2 core; js-yaml would keep a string. */
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const floatTag = defineScalarTag('tag:yaml.org,2002:float', {
  ...floatCoreTag,
  resolve: (source, explicit, tagName) => {
    const value = floatCoreTag.resolve(source, explicit, tagName);
    return value === NOT_RESOLVED && CORE_FLOAT.test(source) ? Number(source) : value;
  },
});

/** YAML 1.2 core (SPEC 7); every other tag, !!binary and !!timestamp included, is refused. */
const SCHEMA = CORE_SCHEMA.withTags(floatTag);

/**
 * js-yaml's own nesting limit, a guard for its stack: it counts scalars and anchors as levels too,
 * so limits.maxDepth (containers only) is checked on the events instead (documentShapes).
 */
const parserDepth = (limits: Limits) => 2 * limits.maxDepth + 4;

/**
 * Parse a YAML stream into values and positions, in one pass of js-yaml's parser: its events give
 * every node's offsets, and the values are built from the same events. A stream it cannot read is
 * read again document by document, so the good documents of a file still count, and its errors
 * are worded by the `yaml` package (see yaml-errors.ts).
 */
export function parseYaml(text: string, limits: Limits): ParsedYaml {
  let events: Event[];
  let values: unknown[];
  try {
    events = parseEvents(text, { maxDepth: parserDepth(limits) });
    values = constructFromEvents(events, { source: text, schema: SCHEMA, maxAliases: -1 });
  } catch {
    return parseDocumentByDocument(text, limits);
  }
  const positions = new PositionIndex(text, events, (i) => values[i] != null);
  return { ...withinLimits(text, events, values, positions, limits), positions };
}

/**
 * The non-empty documents, each within the limits: aliases must not expand beyond
 * limits.maxAliasCount per document ("billion laughs"), nor make a document deeper than
 * limits.maxDepth. A document over a limit is unreadable (`undefined`, with an error).
 */
function withinLimits(
  text: string,
  events: readonly Event[],
  values: readonly unknown[],
  positions: PositionIndex,
  limits: Limits,
): Omit<ParsedYaml, 'positions'> {
  const shapes = documentShapes(text, events);
  const documents: unknown[] = [];
  const errors: ParsedYaml['errors'] = [];
  values.forEach((value, i) => {
    if (value == null) return;
    const { aliases, depth } = shapes[i] ?? { aliases: 0, depth: 0 };
    let message: string | undefined;
    if (aliases > limits.maxAliasCount)
      message = `the document expands too many aliases (more than ${limits.maxAliasCount}); remove the anchors and aliases or raise limits.maxAliasCount in personakit.yaml`;
    else if (depth > limits.maxDepth || (aliases > 0 && !withinDepth(value, limits.maxDepth, 0, new Set())))
      message = tooDeep(limits);
    if (message !== undefined) {
      const { line, column } = positions.locate(documents.length, '');
      errors.push({ rule: 'yaml-syntax', line, column, message });
    }
    documents.push(message === undefined ? value : undefined);
  });
  return { documents, errors };
}

const tooDeep = (limits: Limits) =>
  `the document is nested more than ${limits.maxDepth} levels deep; flatten it (limits.maxDepth in personakit.yaml)`;

/**
 * Per document of the stream: how many alias nodes it holds once every alias is expanded (an
 * alias counts once, plus the aliases inside the node it names), and how deep its mappings and
 * sequences nest (the top one at depth 0).
 */
function documentShapes(text: string, events: readonly Event[]): Array<{ aliases: number; depth: number }> {
  const out: Array<{ aliases: number; depth: number }> = [];
  let depth = 0;
  const inside = new Map<string, number>();
  const counts: number[] = [];
  const anchors: Array<string | undefined> = [];
  const name = (event: { anchorStart: number; anchorEnd: number }) =>
    event.anchorStart >= 0 ? text.slice(event.anchorStart, event.anchorEnd) : undefined;
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        inside.clear();
        counts.length = 0;
        counts.push(0);
        depth = 0;
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        depth = Math.max(depth, counts.length - 1);
        counts.push(0);
        anchors.push(name(event));
        break;
      case EVENT_ID.SCALAR: {
        const anchor = name(event);
        if (anchor !== undefined) inside.set(anchor, 0);
        break;
      }
      case EVENT_ID.ALIAS:
        counts[counts.length - 1]! += 1 + (inside.get(name(event)!) ?? 0);
        break;
      case EVENT_ID.POP: {
        const count = counts.pop()!;
        if (counts.length === 0) {
          out.push({ aliases: count, depth });
          break;
        }
        const anchor = anchors.pop();
        if (anchor !== undefined) inside.set(anchor, count);
        counts[counts.length - 1]! += count;
      }
    }
  }
  return out;
}

/**
 * A stream js-yaml refused: each document read on its own (the others blanked out, so that
 * offsets stay those of the whole file), the errors worded by the `yaml` package.
 */
function parseDocumentByDocument(text: string, limits: Limits): ParsedYaml {
  const errors = describeYamlErrors(text);
  const worded = errors.length > 0;
  const events: Event[] = [];
  const values: unknown[] = [];
  const unreadable = new Set<number>();
  for (const [start, end] of documentChunks(text)) {
    const alone = blankOutside(text, start, end);
    try {
      const own = parseEvents(alone, { maxDepth: parserDepth(limits) });
      const built = constructFromEvents(own, { source: alone, schema: SCHEMA, maxAliases: -1 });
      events.push(...own);
      values.push(...built);
    } catch (e) {
      // The `yaml` package found nothing wrong where js-yaml did: js-yaml's own words, then.
      if (!worded) {
        const yaml = e instanceof YAMLException ? e : undefined;
        errors.push({
          rule: 'yaml-syntax',
          line: (yaml?.mark?.line ?? 0) + 1,
          column: (yaml?.mark?.column ?? 0) + 1,
          message:
            yaml === undefined
              ? `the YAML parser gave up: ${(e as Error).message}`
              : yaml.reason.includes('maxDepth')
                ? tooDeep(limits)
                : yaml.reason,
        });
      }
      // A placeholder document, so that positions keep one root per document slot.
      unreadable.add(values.length);
      events.push(...placeholder(start));
      values.push(undefined);
    }
  }
  const keep = (i: number) => values[i] != null || unreadable.has(i);
  const positions = new PositionIndex(text, events, keep);
  const limited = withinLimits(
    text,
    events,
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

function placeholder(offset: number): Event[] {
  return [
    { type: EVENT_ID.DOCUMENT, explicitStart: false, explicitEnd: false, directives: [] },
    {
      type: EVENT_ID.SCALAR,
      valueStart: offset,
      valueEnd: offset,
      anchorStart: -1,
      anchorEnd: -1,
      tagStart: -1,
      tagEnd: -1,
      style: 1,
      chomping: 1,
      indent: -1,
      fast: true,
    },
    { type: EVENT_ID.POP },
  ] as Event[];
}

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
 * Depth check: deep nesting must not overflow the stack of later passes. Only documents with
 * aliases need it (the parser limits the rest), since an alias can nest what it names.
 * Recursion is safe here because it stops at maxDepth; `seen` walks a shared node once.
 */
function withinDepth(value: unknown, maxDepth: number, depth: number, seen: Set<object>): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth > maxDepth) return false;
  if (seen.has(value)) return true;
  seen.add(value);
  for (const child of Array.isArray(value) ? value : Object.values(value))
    if (!withinDepth(child, maxDepth, depth + 1, seen)) return false;
  return true;
}

/** The positions of a text read on its own (a cached file, personakit.yaml): parseYaml's, kept alone. */
export function positionsOf(text: string, limits: Limits = DEFAULT_LIMITS): PositionIndex {
  return parseYaml(text, limits).positions;
}
