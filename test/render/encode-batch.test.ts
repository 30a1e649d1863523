import { describe, expect, it } from 'vitest';
import { encodeBatch } from '../../src/render/encode-batch.js';
import type { ReportFile } from '../../src/render/write-report.js';

const bytesOf = (file: ReportFile) =>
  Buffer.concat(file.parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));

describe('encodeBatch: text parts become UTF-8 views of one buffer that moves to the writer thread', () => {
  const css = new Uint8Array(new SharedArrayBuffer(4));
  css.set([123, 32, 125, 10]);
  const batch: ReportFile[] = [
    { target: '/out/a.html', parts: ['<p>Ana</p>', css, '<p>Zoë — “quoted” 😀</p>'], compare: false, fresh: true },
    { target: '/out/b.html', parts: ['lone \uD800 surrogate', ''], compare: true },
    { target: '/out/images/c.png', parts: [new Uint8Array([137, 80, 78, 71])], compare: false },
  ];

  it('writes the same bytes as Buffer.from would, and keeps each file its target and flags', () => {
    const { files, transfer } = encodeBatch(batch);
    expect(files.map(bytesOf)).toEqual(batch.map(bytesOf));
    expect(files.map(({ target, compare, fresh }) => ({ target, compare, fresh }))).toEqual(
      batch.map(({ target, compare, fresh }) => ({ target, compare, fresh })),
    );
    expect(transfer).toHaveLength(1);
    // Every text part is a view of the one transferred buffer; bytes (the shared stylesheet) stay as they are.
    for (const [i, file] of files.entries()) {
      for (const [j, part] of file.parts.entries()) {
        const before = batch[i]!.parts[j]!;
        if (typeof before === 'string') expect((part as Uint8Array).buffer).toBe(transfer[0]);
        else expect(part).toBe(before);
      }
    }
    expect(transfer[0]!.byteLength).toBe(
      batch.flatMap((f) => f.parts).reduce((n, p) => n + (typeof p === 'string' ? Buffer.byteLength(p) : 0), 0),
    );
  });

  it('a batch bigger than the buffer it had grows it; a batch of bytes only transfers nothing', () => {
    const big = 'é'.repeat(3 << 20);
    const { files } = encodeBatch([{ target: '/out/big.html', parts: [big], compare: false }]);
    expect(Buffer.from(files[0]!.parts[0] as Uint8Array).equals(Buffer.from(big))).toBe(true);
    expect(encodeBatch([batch[2]!]).transfer).toEqual([]);
  });

  it('leaves the batch it was given as it was (the main thread may still write from it)', () => {
    const copy = batch.map((f) => ({ ...f, parts: [...f.parts] }));
    encodeBatch(batch);
    expect(batch).toEqual(copy);
  });
});
