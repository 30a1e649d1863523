import jsYaml from 'js-yaml';
import type { Document, LineCounter } from 'yaml';
import type { Finding } from '../diagnostic.js';
import type { Limits } from './limits.js';
import { yamlLib } from './yaml-lib.js';

/** YAML options shared by every `yaml` parse, so data and positions always agree (SPEC 7: YAML 1.2 core). */
/**
 * logLevel 'error': the parser's warnings (a list used as a key…) must not reach stderr as Node process
 * warnings. resolveKnownTags false: !!binary, !!set, !!omap, !!pairs and !!timestamp would otherwise
 * turn into Uint8Array, Set, Map and Date objects; like every other tag they are refused (SPEC 7).
 */
export const YAML_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  uniqueKeys: true,
  strict: true,
  logLevel: 'error',
  resolveKnownTags: false,
} as const;

export interface ParsedYaml {
  /**
   * The non-empty documents of the stream, in order; empty, comment-only and null (`~`) documents
   * are skipped. A document that could not be read keeps its slot as `undefined` (its yaml-syntax
   * error is in `errors`), so that index i is always the i-th non-empty document: the docIndex
   * PositionIndex uses to find positions.
   */
  documents: unknown[];
  /** yaml-syntax findings (without severity), positioned. */
  errors: Omit<Finding, 'file'>[];
}

/**
 * Anchors, aliases, tags and some numbers are where js-yaml and the `yaml` package disagree, or
 * where untrusted input can expand (alias bombs); such files take the careful path. js-yaml's
 * "core" schema reads 0b101 and signed hex (-0x1A) as numbers and signed dot floats (-.5) as
 * strings; YAML 1.2 core says the opposite. It also reads a float too large for a double (1E310)
 * as a string, where `yaml` reads Infinity: a three-digit exponent takes the careful path too.
 */
const CAREFUL = /(?:^|[\s[{,:-])[&*!][^\s,[\]{}]|\b0b[01]|[-+](?:0[xo]|\.\d)/m;

/**
 * CAREFUL, made cheap for the common file that has none of its trigger characters: scanning 30 MB
 * with the whole alternation cost more than a tenth of parsing it (bench/, 10k personas).
 */
function needsCarefulPath(text: string): boolean {
  if (
    (text.includes('&') ||
      text.includes('*') ||
      text.includes('!') ||
      text.includes('0b') ||
      text.includes('0x') ||
      text.includes('0o')) &&
    CAREFUL.test(text)
  )
    return true;
  return SIGNED_DOT_FLOAT.test(text) || BIG_EXPONENT.test(text);
}
const SIGNED_DOT_FLOAT = /[-+]\.\d/;
const BIG_EXPONENT = /\d[eE]\+?\d\d\d/;

/**
 * Parse a YAML stream. Most files take a fast path (js-yaml, no positions kept): parsing is nearly
 * all of personakit's run time, and positions are recomputed later only for documents with findings.
 */
export function parseYaml(text: string, limits: Limits): ParsedYaml {
  if (!needsCarefulPath(text)) {
    try {
      const documents = jsYaml
        .loadAll(text, undefined, { schema: jsYaml.CORE_SCHEMA, json: false })
        .filter((d) => d != null);
      if (documents.every((d) => withinDepth(d, limits.maxDepth))) return { documents, errors: [] };
    } catch {
      // Fall through: the careful parser explains the problem with its own position and wording.
    }
  }
  return parseCarefully(text, limits);
}

export function parseYamlDocuments(text: string): { docs: Document.Parsed[]; lineCounter: LineCounter } {
  const { LineCounter, parseAllDocuments } = yamlLib();
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter });
  return { docs: Array.isArray(docs) ? docs : [], lineCounter };
}

/**
 * True for documents that hold nothing (an empty `---`, only comments, or a bare `~`/`null`).
 * Must agree with the fast path, which drops every document js-yaml reads as null.
 */
export function isEmptyDocument(doc: Document.Parsed): boolean {
  return doc.contents == null || (yamlLib().isScalar(doc.contents) && doc.contents.value == null);
}

function parseCarefully(text: string, limits: Limits): ParsedYaml {
  const errors: Omit<Finding, 'file'>[] = [];
  const documents: unknown[] = [];
  let parsed: ReturnType<typeof parseYamlDocuments>;
  try {
    parsed = parseYamlDocuments(text);
  } catch (e) {
    return {
      documents,
      errors: [
        { rule: 'yaml-syntax', line: 1, column: 1, message: `the YAML parser gave up: ${(e as Error).message}` },
      ],
    };
  }
  const { docs, lineCounter } = parsed;
  // Errors found at end of input ("missing closing quote") point past the last line; editors and
  // CI annotations drop positions that do not exist, so clamp them to the last character.
  const lastOffset = Math.max(0, text.trimEnd().length - 1);
  const at = (offset: number) => lineCounter.linePos(Math.min(offset, lastOffset));
  for (const doc of docs) {
    const problems = [...doc.errors, ...doc.warnings];
    const reported = new Set<string>();
    problems.forEach((problem, i) => {
      // After the first syntax error the parser's recovery tends to cascade ("- a\nb: 1" gives three
      // errors); only mistakes found independently of the syntax are worth reporting after it.
      if (i > 0 && !INDEPENDENT_PROBLEMS.has(problem.code)) return;
      const { line, col } = at(problem.pos[0]);
      if (reported.has(`${line}:${col}`)) return;
      reported.add(`${line}:${col}`);
      errors.push({
        rule: 'yaml-syntax',
        line,
        column: col,
        message: describeYamlProblem(problem.code, problem.message, lineFrom(text, problem.pos[0])),
      });
    });
    if (isEmptyDocument(doc)) continue;
    if (problems.length > 0) {
      documents.push(undefined);
      continue;
    }
    try {
      const data: unknown = doc.toJS({ maxAliasCount: limits.maxAliasCount });
      if (!withinDepth(data, limits.maxDepth, 0, new Set())) {
        const { line, col } = at(doc.range[0]);
        errors.push({
          rule: 'yaml-syntax',
          line,
          column: col,
          message: `the document is nested more than ${limits.maxDepth} levels deep; flatten it (limits.maxDepth in personakit.yaml)`,
        });
        documents.push(undefined);
        continue;
      }
      documents.push(data);
    } catch (e) {
      const { line, col } = at(doc.range[0]);
      const message = /alias/i.test((e as Error).message)
        ? `the document expands too many aliases (more than ${limits.maxAliasCount}); remove the anchors and aliases or raise limits.maxAliasCount in personakit.yaml`
        : `the document cannot be read: ${(e as Error).message}`;
      errors.push({ rule: 'yaml-syntax', line, column: col, message });
      documents.push(undefined);
    }
  }
  return { documents, errors };
}

const INDEPENDENT_PROBLEMS = new Set(['DUPLICATE_KEY', 'TAG_RESOLVE_FAILED', 'TAB_AS_INDENT']);

/** The `yaml` package's wording, made actionable for people who do not read YAML grammar. */
function describeYamlProblem(code: string, message: string, source: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY': {
      const m = KEY_AT_LINE_START.exec(source);
      const name = m?.[1] ?? m?.[2]?.replace(/''/g, "'") ?? m?.[3];
      const key = name !== undefined && name.length <= 60 ? ` "${name}"` : '';
      return `duplicate key${key} in one mapping; keep only one of them (YAML does not allow repeating a key)`;
    }
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML allows only spaces';
    case 'TAG_RESOLVE_FAILED': {
      const tag = /tag:\s*(\S+)/i.exec(first)?.[1]?.replace(/^tag:yaml\.org,2002:/, '!!') ?? 'tag';
      return `the YAML tag ${tag} is not allowed; personakit does not honour custom YAML tags: remove it`;
    }
    case 'MULTILINE_IMPLICIT_KEY':
      return 'this line is not a `key: value` pair (a missing colon, or a key running over two lines)';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'a value cannot hold another `key: value` here; check the indentation of the next line, or quote a value that contains ": "';
    case 'RESOURCE_EXHAUSTION':
      return 'the document is nested too deeply for the YAML parser (it ran out of stack); flatten the nesting';
    case 'BAD_INDENT':
      return `${lower(first)}; check the indentation`;
    default:
      return lower(first);
  }
}

/** A key at the start of `source`: "double-quoted", 'single-quoted' or plain, followed by a colon. */
const KEY_AT_LINE_START = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s:#][^:#]*?))\s*:/;

/** The text from `offset` to the end of its line: where the `source` of a problem starts. */
function lineFrom(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text.slice(offset, end === -1 ? undefined : end);
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Depth check: deep nesting must not overflow the stack of later passes. Recursion is safe here
 * because it stops at maxDepth. `seen` guards shared nodes (aliases, careful path only), whose
 * expansion could otherwise be walked once per reference.
 */
function withinDepth(value: unknown, maxDepth: number, depth = 0, seen?: Set<object>): boolean {
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
