import type { EventType, State } from 'js-yaml';

export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Split a JSON pointer ("/goals/0/type") into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  // Most pointers escape nothing ("/picture", "/goals/0/type").
  if (!pointer.includes('~')) return (pointer[0] === '/' ? pointer.slice(1) : pointer).split('/');
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

// One record per node the parser composed, in document order: [kind, start, end, after]. `after`
// is the record that follows the node's subtree (how a walk skips it). A WRAP record stands for
// the one node inside it (the parser composes some nodes twice, once while it looks for a mapping
// key): walks go straight through it. An alias's target record is kept aside (aliases are rare).
const FIELDS = 4;
const MAP = 1;
const SEQ = 2;
const SCALAR = 3;
const ALIAS = 4;
const EMPTY = 5; // a node with no text (`key:` with nothing after it)
const WRAP = 6;

/** What `/\s/` matches (ECMAScript white space and line terminators), without a string per character. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Where an anchor or alias name ends: white space or a flow indicator (`,[]{}`). */
function isNameEnd(code: number): boolean {
  return code === 0x2c || code === 0x5b || code === 0x5d || code === 0x7b || code === 0x7d || isSpace(code);
}

const AMPERSAND = 0x26;
const NO_TARGETS: ReadonlyMap<number, number> = new Map();

// Most files are small: their offsets and record numbers fit 16 bits, half the memory of 32. A
// recorder of such a text records in 16 bits from the start (so the kept copy is a plain copy,
// not a conversion) and moves to 32 bits if its records ever outnumber 16 bits.
const SMALL = 0xffff;
// The 16-bit records of the last finished parse, reused by the next small recorder: a fresh
// typed array per file is an allocation outside the heap that adds up over thousands of files.
// A recorder that never finishes (a throwaway parse) just keeps its own.
let spare: Uint16Array | undefined;

/**
 * Records where each node of a YAML stream is while js-yaml parses it (its `listener` option),
 * so that the same parse gives the values and their positions (load/parse-yaml.ts).
 */
export class PositionRecorder {
  private records: Uint16Array | Int32Array;
  private count = 0;
  private readonly open: number[] = [];
  private readonly roots: number[] = [];
  private anchors: Map<string, number> | undefined;
  private targets: Map<number, number> | undefined;
  private lastResult: unknown;

  constructor(private readonly text: string) {
    if (text.length < SMALL) {
      this.records = spare ?? new Uint16Array(256 * FIELDS);
      spare = undefined;
    } else {
      this.records = new Int32Array(256 * FIELDS);
    }
  }

  readonly listener = (event: EventType, state: State): void => {
    if (event === 'open') {
      const wide = this.records instanceof Int32Array || this.count + 1 >= SMALL;
      if (this.count * FIELDS === this.records.length || (wide && this.records instanceof Uint16Array)) {
        const grown = wide ? new Int32Array(this.records.length * 2) : new Uint16Array(this.records.length * 2);
        grown.set(this.records);
        this.records = grown;
      }
      this.records[this.count * FIELDS + 1] = state.position;
      this.open.push(this.count++);
      return;
    }
    this.close(this.open.pop()!, state.position, state.kind as string | null, state.result);
  };

  private close(record: number, end: number, kind: string | null, result: unknown): void {
    const r = this.records;
    const at = record * FIELDS;
    const after = this.count;
    r[at + 3] = after;
    const child = record + 1;
    if (
      after > child &&
      r[child * FIELDS + 3] === after &&
      r[child * FIELDS + 2] === end &&
      this.lastResult === result
    ) {
      r[at] = WRAP;
      r[at + 1] = r[child * FIELDS + 1]!;
      r[at + 2] = end;
    } else {
      const opened = r[at + 1]!;
      const start = contentStart(this.text, opened, end);
      let stop = end;
      while (stop > start && isSpace(this.text.charCodeAt(stop - 1))) stop--;
      let type = kind === 'mapping' ? MAP : kind === 'sequence' ? SEQ : SCALAR;
      if (kind === null && start < end && this.text[start] === '*') {
        type = ALIAS;
        const target = this.anchors?.get(this.text.slice(start + 1, nameEnd(this.text, start + 1, end)));
        if (target !== undefined) (this.targets ??= new Map()).set(record, target);
      } else if (kind === null && start >= stop) type = EMPTY;
      r[at] = type;
      r[at + 1] = type === EMPTY ? opened : start;
      r[at + 2] = type === EMPTY ? opened : stop;
      // `&name` between where the node opened and its content: the anchor of this node.
      for (let amp = opened; amp < start; amp++) {
        if (this.text.charCodeAt(amp) !== AMPERSAND) continue;
        (this.anchors ??= new Map()).set(this.text.slice(amp + 1, nameEnd(this.text, amp + 1, end)), record);
        break;
      }
    }
    this.lastResult = result;
    if (this.open.length === 0) {
      this.roots.push(record);
      this.anchors?.clear();
    }
  }

  /** The index of what was recorded; `keep(i)` says whether document i of the stream counts. */
  finish(keep: (documentIndex: number) => boolean): PositionIndex {
    const index = new PositionIndex(
      this.text,
      this.records.slice(0, this.count * FIELDS),
      this.roots.filter((_, i) => keep(i)),
      this.targets ?? NO_TARGETS,
    );
    if (this.records instanceof Uint16Array) spare = this.records;
    return index;
  }
}

/** From `i`: past spaces, line breaks, comments and node properties (`&anchor`, `!tag`). */
function contentStart(text: string, i: number, end: number): number {
  for (;;) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    const c = text[i];
    if (i >= end) return i;
    if (c === '#') {
      while (i < end && text[i] !== '\n') i++;
    } else if (c === '&' || c === '!') {
      i = nameEnd(text, i, end);
    } else return i;
  }
}

function nameEnd(text: string, i: number, end: number): number {
  while (i < end && !isNameEnd(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Source positions of a YAML stream: the nodes of the same parse as its values, kept as numbers
 * in one typed array (a few kilobytes a file). Findings look their JSON pointers up here.
 */
export class PositionIndex {
  constructor(
    readonly text: string,
    private readonly records: Int32Array | Uint16Array,
    /** The root record of each non-empty document. */
    private readonly roots: readonly number[],
    /** The record each alias names. */
    private readonly targets: ReadonlyMap<number, number>,
  ) {}

  /** Line ranges (1-based, inclusive) of the non-empty documents, for per-document comment directives. */
  documentLines(): Array<{ startLine: number; endLine: number }> {
    // A document "owns" the comments above its content, back to the end of the previous document:
    // from the marker after the previous document to the line before the marker after its own.
    const markers = documentMarkers(this.text);
    const markerAfter = (offset: number) => markers.find((m) => m > offset);
    return this.roots.map((record, i) => {
      const previous = i === 0 ? undefined : markerAfter(this.records[this.roots[i - 1]! * FIELDS + 1]!);
      const next = markerAfter(this.records[record * FIELDS + 1]!);
      return {
        startLine: previous === undefined ? 1 : this.position(previous).line,
        endLine: this.position(Math.max((next ?? this.text.length) - 1, 0)).line,
      };
    });
  }

  /**
   * Where a pointer lands. A missing property resolves to its parent mapping (SPEC 4);
   * `at: 'key'` points at a property's key rather than its value.
   */
  locate(docIndex: number, pointer: string, at: 'key' | 'value' = 'value'): Range {
    const root = this.roots[docIndex];
    if (root === undefined) return this.range(0, 0);
    const r = this.records;
    let node = this.through(root);
    let keyNode = -1;
    for (const segment of pointerSegments(pointer)) {
      const target = r[node * FIELDS] === ALIAS ? this.targets.get(node) : undefined;
      if (target !== undefined) node = this.through(target);
      const kind = r[node * FIELDS];
      const end = r[node * FIELDS + 3]!;
      let next = -1;
      if (kind === MAP) {
        for (let key = node + 1; key < end;) {
          const value = r[key * FIELDS + 3]!;
          if (value >= end) break;
          if (this.keyIs(key, segment)) {
            keyNode = key;
            next = this.through(value);
            break;
          }
          key = r[value * FIELDS + 3]!;
        }
        if (next < 0) break;
        // `key:` with no value: point at the key itself.
        if (r[next * FIELDS] === EMPTY) {
          node = keyNode;
          keyNode = -1;
          continue;
        }
      } else if (kind === SEQ) {
        if (!/^\d+$/.test(segment)) break;
        let item = node + 1;
        for (let i = Number(segment); i > 0 && item < end; i--) item = r[item * FIELDS + 3]!;
        if (item >= end) break;
        keyNode = -1;
        next = this.through(item);
      } else {
        break;
      }
      node = next;
    }
    const target = at === 'key' && keyNode >= 0 ? keyNode : node;
    return this.range(r[target * FIELDS + 1]!, r[target * FIELDS + 2]!);
  }

  /** The node a record stands for: itself, or what it wraps. */
  private through(record: number): number {
    while (this.records[record * FIELDS] === WRAP) record++;
    return record;
  }

  /** Whether a mapping key is `name`: a plain key is compared where it stands, without a copy of its text. */
  private keyIs(record: number, name: string): boolean {
    const node = this.through(record);
    const start = this.records[node * FIELDS + 1]!;
    const first = this.text.charCodeAt(start);
    if (this.records[node * FIELDS] === SCALAR && first !== 0x22 && first !== 0x27)
      return this.records[node * FIELDS + 2]! - start === name.length && this.text.startsWith(name, start);
    return this.keyText(record) === name;
  }

  /** A mapping key as a string: its text, unquoted. */
  private keyText(record: number): string | undefined {
    const node = this.through(record);
    const kind = this.records[node * FIELDS];
    if (kind === EMPTY) return '';
    if (kind !== SCALAR) return undefined;
    const text = this.text.slice(this.records[node * FIELDS + 1], this.records[node * FIELDS + 2]);
    if (text.startsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
    if (text.startsWith('"')) {
      try {
        return JSON.parse(text) as string;
      } catch {
        return text.slice(1, -1);
      }
    }
    return text;
  }

  private range(start: number, end: number): Range {
    const from = this.position(start);
    // The end is counted on from the start (end >= start), not again from the top of the file.
    const to = this.position(end, from.line, start - from.column + 1);
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  /**
   * 1-based line and column (UTF-16 units, as editors count) of an offset, counting lines from
   * `lineStart` (the start of line `line`, at or before the offset).
   */
  private position(offset: number, line = 1, lineStart = 0): { line: number; column: number } {
    // Counted each time rather than kept per file: a file has few findings, and 10,000 kept
    // tables of line starts would cost more memory than the counting costs time.
    for (let i = this.text.indexOf('\n', lineStart); i !== -1 && i < offset; i = this.text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1 };
  }

  /** How many alias nodes document `docIndex` holds once every alias is expanded. */
  aliasExpansions(docIndex: number): number {
    const root = this.roots[docIndex];
    if (root === undefined) return 0;
    const memo = new Map<number, number>();
    const within = (record: number): number => {
      const known = memo.get(record);
      if (known !== undefined) return known;
      let count = 0;
      const end = this.records[record * FIELDS + 3]!;
      for (let r = record; r < end; r++) {
        if (this.records[r * FIELDS] !== ALIAS) continue;
        const target = this.targets.get(r) ?? -1;
        // An alias names a node that ends before it, so this never recurses into itself.
        const outside = target >= 0 && this.records[target * FIELDS + 3]! <= r;
        count += 1 + (outside ? within(target) : 0);
      }
      memo.set(record, count);
      return count;
    };
    return within(root);
  }

  /** Whether the stream holds an alias at all (then its values share nodes). */
  hasAliases(): boolean {
    for (let r = 0; r < this.records.length; r += FIELDS) if (this.records[r] === ALIAS) return true;
    return false;
  }
}

/** Offsets of the lines that start or end a document (`---`, `...`). */
function documentMarkers(text: string): number[] {
  const markers: number[] = [];
  for (const m of text.matchAll(/^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm)) markers.push(m.index);
  return markers;
}
