import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/load/decode.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { loadFile } from '../../src/load/load-file.js';
import { makeTempDir } from '../support/run-bin.js';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeUtf8', () => {
  it('strips a UTF-8 byte order mark', () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'kind: persona\n'))).toEqual({ ok: true, text: 'kind: persona\n' });
  });

  it('keeps multi-byte characters', () => {
    expect(decodeUtf8(bytes('name: Zoë 🎉\n'))).toEqual({ ok: true, text: 'name: Zoë 🎉\n' });
  });

  it('locates the first byte that is not UTF-8 (a Latin-1 é)', () => {
    const result = decodeUtf8(bytes('kind: persona\nname: Caf', [0xe9], '\n'));
    expect(result).toEqual({
      ok: false,
      line: 2,
      column: 10,
      message: expect.stringMatching(/not valid UTF-8.*re-save it/),
    });
  });

  it('counts columns in characters (UTF-16 units, like editors) after multi-byte characters, on CRLF lines', () => {
    expect(decodeUtf8(bytes('a: 1\r\nb: é', [0xff], '\r\n'))).toMatchObject({ ok: false, line: 2, column: 5 });
    expect(decodeUtf8(bytes('a: 🎉', [0xff]))).toMatchObject({ ok: false, line: 1, column: 6 });
  });

  it('calls a file with NUL bytes binary', () => {
    expect(decodeUtf8(bytes('ab', [0], 'c'))).toEqual({
      ok: false,
      line: 1,
      column: 3,
      message: expect.stringMatching(/looks binary/),
    });
  });

  it('rejects a truncated multi-byte sequence at the end', () => {
    expect(decodeUtf8(bytes('a: ', [0xe2, 0x82]))).toMatchObject({ ok: false, line: 1, column: 4 });
  });
});

describe('loadFile', () => {
  const tmp = async (name: string, content: Buffer | string) => {
    const dir = await makeTempDir('personakit-load-');
    const file = path.join(dir, name);
    await writeFile(file, content);
    return file;
  };

  it('reads a BOM + CRLF file like any other', async () => {
    const file = await tmp('bom.yaml', bytes([0xef, 0xbb, 0xbf], 'kind: persona\r\nid: a\r\nname: A\r\n'));
    const loaded = await loadFile(file, 'bom.yaml', DEFAULT_LIMITS);
    expect(loaded.findings).toEqual([]);
    expect(loaded.documents).toEqual([{ kind: 'persona', id: 'a', name: 'A' }]);
  });

  it('positions syntax errors in BOM + CRLF files as an editor shows them', async () => {
    const file = await tmp('bad.yaml', bytes([0xef, 0xbb, 0xbf], 'a: b: c\r\nd: 1\r\nd: 2\r\n'));
    const loaded = await loadFile(file, 'bad.yaml', DEFAULT_LIMITS);
    expect(loaded.findings.map((f) => `${f.line}:${f.column}`)).toEqual(['1:4', '3:1']);
  });

  it('turns a non-UTF-8 file into a positioned yaml-syntax finding', async () => {
    const file = await tmp('latin1.yaml', bytes('kind: persona\nname: Ren', [0xe9], '\n'));
    const loaded = await loadFile(file, 'latin1.yaml', DEFAULT_LIMITS);
    expect(loaded.documents).toEqual([]);
    expect(loaded.findings).toEqual([
      { rule: 'yaml-syntax', file: 'latin1.yaml', line: 2, column: 10, message: expect.stringMatching(/UTF-8/) },
    ]);
  });

  it('refuses files above limits.maxFileBytes without reading them', async () => {
    const file = await tmp('big.yaml', 'a: ' + 'x'.repeat(2000) + '\n');
    const loaded = await loadFile(file, 'big.yaml', { ...DEFAULT_LIMITS, maxFileBytes: 1024 });
    expect(loaded.findings).toEqual([
      {
        rule: 'yaml-syntax',
        file: 'big.yaml',
        line: 1,
        column: 1,
        message: expect.stringMatching(/larger than 1 KiB.*limits\.maxFileBytes/),
      },
    ]);
  });

  it('notices personakit-disable comments', async () => {
    const file = await tmp('d.yaml', '# personakit-disable evidence-missing -- draft\nkind: persona\n');
    expect((await loadFile(file, 'd.yaml', DEFAULT_LIMITS)).hasDirectives).toBe(true);
  });

  it('makes a file that vanished a usage error naming it', async () => {
    const file = path.join(tmpdir(), 'personakit-does-not-exist', 'gone.yaml');
    await expect(loadFile(file, 'gone.yaml', DEFAULT_LIMITS)).rejects.toMatchObject({
      name: 'UsageError',
      message: 'cannot read gone.yaml: it no longer exists',
    });
  });
});
