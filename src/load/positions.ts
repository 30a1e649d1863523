import type { Document, LineCounter, Node, Pair } from 'yaml';
import { isEmptyDocument, parseYamlDocuments } from './parse-yaml.js';
import { yamlLib } from './yaml-lib.js';

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

/**
 * Source positions of one file, computed on demand with the `yaml` package's CST.
 * Built only for files that have findings; see parse-yaml.ts for why.
 */
export class PositionIndex {
  private readonly docs: Document.Parsed[];
  private readonly lines: LineCounter;

  constructor(readonly text: string) {
    const { docs, lineCounter } = parseYamlDocuments(text);
    this.docs = docs.filter((d) => !isEmptyDocument(d));
    this.lines = lineCounter;
  }

  /** Line ranges (1-based, inclusive) of the non-empty documents, for per-document comment directives. */
  documentLines(): Array<{ startLine: number; endLine: number }> {
    return this.docs.map((doc, i) => {
      // A document "owns" the comments above its content, back to the end of the previous document.
      const start = i === 0 ? 0 : this.docs[i - 1]!.range[2];
      return {
        startLine: this.lines.linePos(start).line,
        endLine: this.lines.linePos(Math.max(doc.range[2] - 1, 0)).line,
      };
    });
  }

  /**
   * Where a pointer lands. A missing property resolves to its parent mapping (SPEC 4);
   * `at: 'key'` points at a property's key rather than its value.
   */
  locate(docIndex: number, pointer: string, at: 'key' | 'value' = 'value'): Range {
    const doc = this.docs[docIndex];
    if (!doc) return this.range([0, 0]);
    const { isAlias, isMap, isPair, isScalar, isSeq } = yamlLib();
    let node: Node | null = doc.contents as Node | null;
    let keyNode: Node | null = null;
    for (const segment of pointerSegments(pointer)) {
      if (isAlias(node)) node = (node.resolve(doc) as Node | undefined) ?? node;
      let next: Node | null | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p: Pair) => keyText(p.key) === segment);
        if (!pair) break;
        keyNode = pair.key as Node | null;
        next = pair.value as Node | null;
        // `key:` with no value (an empty scalar after the colon): point at the key itself.
        if (next == null || (isScalar(next) && next.source === '' && next.value == null)) {
          node = keyNode;
          keyNode = null;
          continue;
        }
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (item == null || isPair(item)) break;
        keyNode = null;
        next = item as Node;
      } else {
        break;
      }
      node = next;
    }
    const target = at === 'key' && keyNode ? keyNode : node;
    return target?.range ? this.range(target.range) : this.range(doc.range);
  }

  private range(r: readonly number[]): Range {
    const start = this.lines.linePos(r[0] ?? 0);
    const end = this.lines.linePos(r[1] ?? r[0] ?? 0);
    return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  }
}

function keyText(key: unknown): string | undefined {
  if (yamlLib().isScalar(key)) return String(key.value);
  return undefined;
}
