import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/diagnostic.js';
import { PositionIndex } from '../../src/load/positions.js';
import { PositionResolver } from '../../src/load/resolve.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pk-resolve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, 'p.yaml'), 'kind: persona\nid: fiona\ngoals:\n  - type: comercial\n    text: Close\n');
writeFileSync(path.join(dir, 'bad.yaml'), Buffer.from([0x6b, 0x3a, 0xff, 0x0a]));

/** A resolver over `dir` that counts the files it parses for positions. */
function resolver(): { resolver: PositionResolver; parsed: string[] } {
  const parsed: string[] = [];
  const r = new PositionResolver(
    (file) => path.join(dir, file),
    (text) => {
      parsed.push(text);
      return new PositionIndex(text);
    },
  );
  return { resolver: r, parsed };
}

const finding: Finding = { rule: 'schema', message: 'not a goal type', file: 'p.yaml', pointer: '/goals/0/type' };

describe('PositionResolver.resolveWhenRead', () => {
  it('parses the file only when a position is first read, and reads what resolve() gives', () => {
    const { resolver: later, parsed } = resolver();
    const d = later.resolveWhenRead(finding, 'warning');
    expect(d.rule).toBe('schema');
    expect(d.severity).toBe('warning');
    expect(d.path).toBe('/goals/0/type');
    expect(parsed).toHaveLength(0);
    const now = resolver().resolver.resolve(finding, 'warning');
    expect(d.line).toBe(4);
    expect(d.column).toBe(11);
    expect(parsed).toHaveLength(1);
    expect({ ...d }).toEqual(now);
    expect(Object.keys(d)).toEqual(Object.keys(now));
    expect(JSON.stringify(d)).toBe(JSON.stringify(now));
    void d.endLine;
    void d.column;
    expect(parsed).toHaveLength(1);
  });

  it('gives a known position at once, without parsing', () => {
    const { resolver: r, parsed } = resolver();
    const known: Finding = {
      rule: 'yaml-syntax',
      message: 'bad',
      file: 'p.yaml',
      line: 2,
      column: 3,
      endLine: 2,
      endColumn: 5,
    };
    expect(r.resolveWhenRead(known, 'error')).toEqual(r.resolve(known, 'error'));
    expect(r.resolveWhenRead({ rule: 'x', message: 'm', file: 'p.yaml' }, 'error')).toEqual({
      file: 'p.yaml',
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'x',
      message: 'm',
    });
    expect(parsed).toHaveLength(0);
  });

  it('reads 1:1 without an end for a file that cannot be read as text, as resolve() does', () => {
    const bad: Finding = { ...finding, file: 'bad.yaml' };
    const missing: Finding = { ...finding, file: 'gone.yaml' };
    for (const f of [bad, missing]) {
      const { resolver: r } = resolver();
      const d = r.resolveWhenRead(f, 'error');
      expect([d.line, d.column, d.endLine, d.endColumn]).toEqual([1, 1, undefined, undefined]);
      expect(JSON.stringify(d)).toBe(JSON.stringify(r.resolve(f, 'error')));
    }
  });
});
