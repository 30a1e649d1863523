import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvRecord, type CsvSyntaxError } from '../../src/load/csv-parser.js';
import { Utf8Text } from '../../src/load/utf8-text.js';

interface Parsed {
  records: CsvRecord[];
  error?: CsvSyntaxError;
}

function parseChunks(chunks: string[]): Parsed {
  const records: CsvRecord[] = [];
  const parser = new CsvParser((r) => records.push(r));
  for (const chunk of chunks) {
    const error = parser.write(chunk);
    if (error) return { records, error };
  }
  const error = parser.end();
  return error ? { records, error } : { records };
}

const parseText = (text: string) => parseChunks([text]);
const cells = (p: Parsed) => p.records.map((r) => r.cells);
const at = (r: CsvRecord) => r.cells.map((_, i) => `${r.cellLines[i]}:${r.cellColumns[i]}`);

/** mulberry32: the same random CSVs on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('CsvParser', () => {
  it('splits cells and records, with the line and column of every cell', () => {
    const p = parseText('name,sector\n"Fletcher, Dunn","a ""b"""\n"Two\nLine",\nlast');
    expect(cells(p)).toEqual([['name', 'sector'], ['Fletcher, Dunn', 'a "b"'], ['Two\nLine', ''], ['last']]);
    expect(p.records.map((r) => r.line)).toEqual([1, 2, 3, 5]);
    expect(p.records.map(at)).toEqual([['1:1', '1:6'], ['2:1', '2:18'], ['3:1', '4:7'], ['5:1']]);
  });

  it('reads a doubled quote inside a quoted cell as one quote, also across chunks', () => {
    const text = 'a,"say ""hi"" now"\n';
    for (let cut = 0; cut <= text.length; cut++) {
      expect(cells(parseChunks([text.slice(0, cut), text.slice(cut)]))).toEqual([['a', 'say "hi" now']]);
    }
  });

  it('takes LF, CRLF and lone CR as line breaks, and skips lines with nothing on them', () => {
    const p = parseText('a,b\r\n\r\nc\rd\n\n"e\r\nf",g\r\nh,');
    expect(cells(p)).toEqual([['a', 'b'], ['c'], ['d'], ['e\r\nf', 'g'], ['h', '']]);
    expect(p.records.map((r) => r.line)).toEqual([1, 3, 4, 6, 8]);
    expect(at(p.records[4]!)).toEqual(['8:1', '8:3']);
  });

  it('gives the same records and positions however the text is cut into chunks', () => {
    const text = 'name,x\r\n"A, ""B""\r\nC",1\r\n\r\nD,\n,\n"",E\r"F"\r\n';
    const whole = parseText(text);
    for (let cut = 0; cut <= text.length; cut++) {
      for (let cut2 = cut; cut2 <= text.length; cut2 += 3) {
        expect(parseChunks([text.slice(0, cut), text.slice(cut, cut2), text.slice(cut2)])).toEqual(whole);
      }
    }
    expect(parseChunks([...text])).toEqual(whole);
  });

  it.each([
    ['a quote after other text in a cell', 'name\nab"c\n', { line: 2, column: 3 }, /^CSV syntax: a quote \(".*/],
    ['a space before an opening quote', 'a,b\n "x",d\n', { line: 2, column: 2 }, /quote/],
    [
      'text after a closing quote',
      'name,sector\nA,b\nB,"c"d\n',
      { line: 3, column: 6 },
      /^CSV syntax: "d" follows the closing quote/,
    ],
    [
      'a quote still open at the end',
      'name\nA\n"B\nC\n',
      { line: 3, column: 1 },
      /^CSV syntax: a quoted cell is still open at the end of the file; a quoted cell must end with a quote/,
    ],
  ])('stops at %s, pointing at it; the records before it are read', (_, text, position, message) => {
    const p = parseText(text);
    expect(p.error).toMatchObject(position);
    expect(p.error!.message).toMatch(message);
    expect(p.records.length).toBeGreaterThanOrEqual(1);
    expect(p.records.every((r) => r.line < position.line)).toBe(true);
  });

  it('an empty text has no records; a last record without a line break is read', () => {
    expect(parseText('')).toEqual({ records: [] });
    expect(cells(parseText('\n\n'))).toEqual([]);
    expect(cells(parseText('a,"b"'))).toEqual([['a', 'b']]);
    expect(cells(parseText('a,'))).toEqual([['a', '']]);
  });

  it('reads what csv-parse reads, on 300 random RFC 4180 files', () => {
    const next = random(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const pieces = ['a', 'Ltd', ' ', '', 'é', '😀', ',', '"', '\n', '\r\n', 'x y', '0'];
    for (let file = 0; file < 300; file++) {
      const eol = pick(['\n', '\r\n']);
      const rows: string[][] = [];
      for (let r = 0, n = 1 + Math.floor(next() * 6); r < n; r++) {
        const row: string[] = [];
        for (let c = 0, m = 1 + Math.floor(next() * 5); c < m; c++) {
          let cell = '';
          for (let k = Math.floor(next() * 4); k > 0; k--) cell += pick(pieces);
          row.push(cell);
        }
        rows.push(row);
      }
      const text =
        rows
          .map((row) =>
            row
              .map((cell) => (/[",\r\n]/.test(cell) || next() < 0.2 ? `"${cell.replace(/"/g, '""')}"` : cell))
              .join(','),
          )
          .join(eol) + (next() < 0.5 ? eol : '');
      const expected = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
      const chunked = parseChunks(text.match(/[\s\S]{1,5}/g) ?? []);
      expect(chunked.error, text).toBeUndefined();
      expect(cells(chunked), JSON.stringify(text)).toEqual(expected);
    }
  });
});

describe('Utf8Text', () => {
  const decodeAll = (chunks: Buffer[]) => {
    const utf8 = new Utf8Text();
    let text = '';
    for (const chunk of chunks) {
      const d = utf8.decode(chunk);
      text += d.text;
      if (d.invalid) return { text, invalid: true, cut: false };
    }
    return { text, invalid: false, cut: utf8.end() };
  };

  it('decodes characters cut by a chunk boundary at any byte, and drops one leading BOM', () => {
    const bytes = Buffer.from('\uFEFFŠkoda 😀 — \uFEFFend', 'utf8');
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(decodeAll([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual({
        text: 'Škoda 😀 — \uFEFFend',
        invalid: false,
        cut: false,
      });
    }
  });

  it('stops at the first bytes that are not UTF-8, returning the good text before them', () => {
    const bytes = Buffer.concat([Buffer.from('ab€'), Buffer.from([0xe2, 0x82]), Buffer.from('x'), Buffer.from([0xa3])]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(decodeAll([bytes.subarray(0, cut), bytes.subarray(cut)])).toMatchObject({ text: 'ab€', invalid: true });
    }
  });

  it('says when the file ends inside a character', () => {
    expect(decodeAll([Buffer.from([0x61, 0xf0, 0x9f])])).toEqual({ text: 'a', invalid: false, cut: true });
  });
});
