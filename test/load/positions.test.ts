import { describe, expect, it } from 'vitest';
import { positionsOf } from '../../src/load/parse-yaml.js';
import { pointerSegments, PositionRecorder, toPointer } from '../../src/load/positions.js';

/** Line and column of a pointer, as `line:column`. */
function at(text: string, pointer: string, docIndex = 0, where: 'key' | 'value' = 'value'): string {
  const r = positionsOf(text).locate(docIndex, pointer, where);
  return `${r.line}:${r.column}`;
}

describe('JSON pointers', () => {
  it('round-trips segments with ~ and / escaped', () => {
    const segments = ['x-a/b', 'c~d', '0', ''];
    expect(toPointer(segments)).toBe('/x-a~1b/c~0d/0/');
    expect(pointerSegments(toPointer(segments))).toEqual(segments);
    expect(pointerSegments('')).toEqual([]);
  });
});

describe('PositionIndex.locate', () => {
  const persona = [
    'kind: persona', //           1
    'id: fiona', //               2
    'goals:', //                  3
    '  - id: close-faster', //    4
    '    type: comercial', //     5
    '    text: Close the books', // 6
    '  - id: second', //          7
    '    text: t', //             8
    'about:', //                  9
    '  age: 40-55', //           10
    '',
  ].join('\n');

  it('finds nested values through mappings and sequences', () => {
    expect(at(persona, '/goals/0/type')).toBe('5:11');
    expect(at(persona, '/goals/1')).toBe('7:5');
    expect(at(persona, '/about/age')).toBe('10:8');
    expect(at(persona, '')).toBe('1:1');
  });

  it('points at the key with at: key (unknown properties, ids)', () => {
    expect(at(persona, '/goals/0/type', 0, 'key')).toBe('5:5');
    expect(at(persona, '/about', 0, 'key')).toBe('9:1');
  });

  it('resolves a missing property to its parent mapping', () => {
    expect(at(persona, '/goals/1/type')).toBe('7:5');
    expect(at(persona, '/name')).toBe('1:1');
    expect(at(persona, '/goals/7/type')).toBe('4:3');
  });

  it('points at the key of a property written without a value', () => {
    expect(at('kind: persona\nname:\nid: a\n', '/name')).toBe('2:1');
  });

  it('finds values inside flow mappings and sequences, at the right column', () => {
    const flow = 'kind: persona\nid: f\ngoals: [{id: a, type: x, text: t}]\nroles: [user, boss]\n';
    expect(at(flow, '/goals/0/type')).toBe('3:23');
    expect(at(flow, '/goals/0/type', 0, 'key')).toBe('3:17');
    expect(at(flow, '/roles/1')).toBe('4:15');
    // Missing from a flow mapping: the mapping itself.
    expect(at(flow, '/goals/0/missing')).toBe('3:9');
  });

  it('counts documents of a stream, skipping empty ones, so the third document points at its own lines', () => {
    const stream = [
      'kind: persona',
      'id: a',
      '---',
      '# nothing here',
      '---',
      'kind: persona',
      'id: b',
      '---',
      '~',
      '---',
      'kind: persona',
      'id: c',
      'nme: C',
      '',
    ].join('\n');
    expect(at(stream, '/id', 0)).toBe('2:5');
    expect(at(stream, '/id', 1)).toBe('7:5');
    expect(at(stream, '/id', 2)).toBe('12:5');
    expect(at(stream, '/nme', 2, 'key')).toBe('13:1');
    expect(at(stream, '/name', 2)).toBe('11:1');
  });

  it('gives the same positions for CRLF line endings', () => {
    const crlf = persona.replace(/\n/g, '\r\n');
    expect(at(crlf, '/goals/0/type')).toBe('5:11');
    expect(at(crlf, '/about/age')).toBe('10:8');
  });

  it('follows aliases to the anchored node', () => {
    const text = 'base: &b\n  x: 1\ncopy: *b\n';
    expect(at(text, '/copy/x')).toBe('2:6');
  });

  it('gives the document start for an index beyond the stream', () => {
    expect(at('a: 1\n', '/a', 5)).toBe('1:1');
  });

  it('reports the line range of each document, including the comments above it', () => {
    const text = 'a: 1\n---\n# about b\nb: 2\n';
    expect(positionsOf(text).documentLines()).toEqual([
      { startLine: 1, endLine: 1 },
      { startLine: 2, endLine: 4 },
    ]);
  });

  it('keeps positions right past 16 bits of offsets (a file over 64 KB)', () => {
    const text = Array.from({ length: 9000 }, (_, i) => `key${i}: value ${i}`).join('\n') + '\n';
    expect(text.length).toBeGreaterThan(0xffff);
    expect(at(text, '/key8999')).toBe('9000:10');
    expect(at(text, '/key4500', 0, 'key')).toBe('4501:1');
  });

  it('moves a small text to 32-bit records once it has more nodes than 16 bits count', () => {
    // No valid YAML under 64 KB has that many nodes, so the parser's events are played by hand:
    // one mapping holding 70,000 empty scalars.
    const recorder = new PositionRecorder('a');
    const state = (position: number, kind: string | null, result: unknown) => ({ position, kind, result });
    const listener = recorder.listener as (event: string, s: ReturnType<typeof state>) => void;
    listener('open', state(0, null, undefined));
    for (let i = 0; i < 70_000; i++) {
      listener('open', state(0, null, undefined));
      listener('close', state(1, 'scalar', i));
    }
    listener('close', state(1, 'mapping', {}));
    const records = (recorder.finish(() => true) as unknown as { records: ArrayLike<number> }).records;
    expect(records).toBeInstanceOf(Int32Array);
    expect(records.length).toBe(70_001 * 4);
    // The mapping's "after" field: the record after its whole subtree.
    expect(records[3]).toBe(70_001);
  });

  it('finds an anchor written after a comment, and not one further on in the text', () => {
    const text = 'base: # the anchor follows\n  &b\n  x: 1\ncopy: *b\nother: "not & an anchor"\n';
    expect(at(text, '/copy/x')).toBe('3:6');
  });
});
