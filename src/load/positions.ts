import { EVENT_ID, SCALAR_STYLE, getScalarValue, type Event, type ScalarEvent } from 'js-yaml';

export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Split a JSON pointer ("/goals/0/type") into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

// One record per node, in document order: [kind, start, end, after, extra]. `after` is the record
// that follows the node's subtree (how a walk skips it); `extra` is an alias's anchored record.
const FIELDS = 5;
const MAP = 1;
const SEQ = 2;
const SCALAR = 3;
const ALIAS = 4;
const EMPTY = 5; // a scalar with no text (`key:` with nothing after it)

/**
 * Source positions of a YAML stream, made from the same parser events as its values (load/
 * parse-yaml.ts), so one parse gives both. Nodes are kept as numbers in one typed array, about a
 * tenth of the file's size; positions resolve JSON pointers and are only ever asked for findings.
 */
export class PositionIndex {
  private readonly records: Int32Array;
  /** The root record of each non-empty document. */
  private readonly roots: number[];
  /** Keys whose text is not their value (quoted, escaped, folded), by record. */
  private readonly keys: Map<number, string>;
  private lineStarts: number[] | undefined;

  /**
   * `events`: the stream's parser events; `keep(i)`: whether document i of the stream counts (the
   * loader skips empty and null documents, so index i in `roots` is the i-th non-empty document).
   */
  constructor(
    readonly text: string,
    events: readonly Event[],
    keep: (documentIndex: number) => boolean = () => true,
  ) {
    const records: number[] = [];
    const roots: number[] = [];
    this.keys = new Map();
    // Open collections: their record and, for mappings, whether the next child is a key.
    const open: Array<{ record: number; flow: boolean; nextIsKey: boolean; isMap: boolean }> = [];
    const anchors = new Map<string, number>();
    let documentIndex = -1;
    let root = -1;
    const add = (kind: number, start: number, end: number, extra = -1): number => {
      const record = records.length / FIELDS;
      records.push(kind, start, end, record + 1, extra);
      if (open.length === 0) root = record;
      return record;
    };
    const anchor = (event: { anchorStart: number; anchorEnd: number }, record: number) => {
      if (event.anchorStart >= 0) anchors.set(text.slice(event.anchorStart, event.anchorEnd), record);
    };
    const isKey = (): boolean => {
      const parent = open[open.length - 1];
      if (!parent?.isMap) return false;
      const key = parent.nextIsKey;
      parent.nextIsKey = !key;
      return key;
    };
    for (const event of events) {
      switch (event.type) {
        case EVENT_ID.DOCUMENT:
          documentIndex++;
          root = -1;
          anchors.clear();
          break;
        case EVENT_ID.MAPPING:
        case EVENT_ID.SEQUENCE: {
          isKey();
          const isMap = event.type === EVENT_ID.MAPPING;
          const record = add(isMap ? MAP : SEQ, event.start, event.start);
          anchor(event, record);
          open.push({ record, flow: event.style === 2, nextIsKey: true, isMap });
          break;
        }
        case EVENT_ID.SCALAR: {
          const key = isKey();
          const record = scalarRecord(text, event, add);
          if (records[record * FIELDS + 1]! < 0) {
            // No text at all (`key:`): js-yaml gives no offset; it sits where the node before it ends.
            const before = record > 0 ? records[(record - 1) * FIELDS + 2]! : 0;
            records[record * FIELDS + 1] = before;
            records[record * FIELDS + 2] = before;
          }
          anchor(event, record);
          if (key && !(event.style === SCALAR_STYLE.PLAIN && event.fast))
            this.keys.set(record, getScalarValue(text, event));
          break;
        }
        case EVENT_ID.ALIAS: {
          isKey();
          const target = anchors.get(text.slice(event.anchorStart, event.anchorEnd)) ?? -1;
          add(ALIAS, event.anchorStart - 1, event.anchorEnd, target);
          break;
        }
        case EVENT_ID.POP: {
          const closed = open.pop();
          if (!closed) {
            if (root >= 0 && keep(documentIndex)) roots.push(root);
            break;
          }
          const at = closed.record * FIELDS;
          const next = records.length / FIELDS;
          records[at + 3] = next;
          // A collection ends where its last node ends; a flow one at its closing bracket.
          let end = next > closed.record + 1 ? lastEnd(records, closed.record, next) : records[at + 1]!;
          if (closed.flow) {
            const close = text.indexOf(records[at] === MAP ? '}' : ']', end);
            if (close >= 0) end = close + 1;
          }
          records[at + 2] = end;
          break;
        }
      }
    }
    this.records = Int32Array.from(records);
    this.roots = roots;
  }

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
    let node = root;
    let keyNode = -1;
    for (const segment of pointerSegments(pointer)) {
      if (r[node * FIELDS] === ALIAS && r[node * FIELDS + 4]! >= 0) node = r[node * FIELDS + 4]!;
      const kind = r[node * FIELDS];
      const end = r[node * FIELDS + 3]!;
      let next = -1;
      if (kind === MAP) {
        for (let key = node + 1; key < end;) {
          const value = r[key * FIELDS + 3]!;
          if (this.keyText(key) === segment) {
            keyNode = key;
            next = value;
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
        let item = node + 1;
        for (let i = Number(segment); i > 0 && item < end; i--) item = r[item * FIELDS + 3]!;
        if (!/^\d+$/.test(segment) || item >= end) break;
        keyNode = -1;
        next = item;
      } else {
        break;
      }
      node = next;
    }
    const target = at === 'key' && keyNode >= 0 ? keyNode : node;
    return this.range(r[target * FIELDS + 1]!, r[target * FIELDS + 2]!);
  }

  private keyText(record: number): string | undefined {
    const kind = this.records[record * FIELDS];
    if (kind === EMPTY) return '';
    if (kind !== SCALAR) return undefined;
    return (
      this.keys.get(record) ?? this.text.slice(this.records[record * FIELDS + 1], this.records[record * FIELDS + 2])
    );
  }

  private range(start: number, end: number): Range {
    const from = this.position(start);
    const to = this.position(end);
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  /** 1-based line and column (UTF-16 units, as editors count) of an offset. */
  private position(offset: number): { line: number; column: number } {
    this.lineStarts ??= lineStarts(this.text);
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}

/** The record of a scalar, its range as the text shows it: quotes and block indicators included. */
function scalarRecord(text: string, event: ScalarEvent, add: (kind: number, start: number, end: number) => number) {
  let { valueStart: start, valueEnd: end } = event;
  if (start < 0) return add(EMPTY, -1, -1);
  switch (event.style) {
    case SCALAR_STYLE.SINGLE_QUOTED:
    case SCALAR_STYLE.DOUBLE_QUOTED:
      start -= 1;
      end += 1;
      break;
    case SCALAR_STYLE.LITERAL_BLOCK:
    case SCALAR_STYLE.FOLDED_BLOCK:
      start = Math.max(text.lastIndexOf('|', start), text.lastIndexOf('>', start));
      break;
  }
  return add(start === end && event.style === SCALAR_STYLE.PLAIN ? EMPTY : SCALAR, start, end);
}

/** Where the last node of a collection's subtree ends (its records are first..next-1). */
function lastEnd(records: number[], first: number, next: number): number {
  let end = records[first * FIELDS + 1]!;
  for (let record = first + 1; record < next; record++) end = Math.max(end, records[record * FIELDS + 2]!);
  return end;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Offsets of the lines that start or end a document (`---`, `...`). */
function documentMarkers(text: string): number[] {
  const markers: number[] = [];
  for (const m of text.matchAll(/^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm)) markers.push(m.index);
  return markers;
}
