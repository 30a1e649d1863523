import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileBytes, readFileBytesReused, withFileBytes } from '../../src/load/load-file.js';
import { makeTempDir } from '../support/run-bin.js';

describe('reading a file into the reused buffer', () => {
  it('gives every byte of files around and far beyond the buffer size, and refuses files over the limit', async () => {
    const dir = await makeTempDir('personakit-read-');
    // Sizes on both sides of the 64 KiB buffer and of the doubled one, and an empty file.
    for (const size of [0, 1, 3000, 65535, 65536, 65537, 131072, 131073, 300001]) {
      const bytes = Buffer.alloc(size, 0);
      for (let i = 0; i < size; i++) bytes[i] = (i * 31 + size) & 0xff;
      const file = path.join(dir, `f${size}`);
      await writeFile(file, bytes);
      const read = readFileBytesReused(file, `f${size}`, 1 << 20);
      expect(read === 'too-large' ? read : Buffer.compare(read, bytes), `${size}`).toBe(0);
      expect(withFileBytes(file, `f${size}`, 1 << 20, (b) => (b === 'too-large' ? b : b.length))).toBe(size);
      const whole = readFileBytes(file, `f${size}`, 1 << 20);
      // Buffer.compare, not toEqual: a deep equality walks the bytes one by one (seconds for 300 kB).
      expect(whole === 'too-large' ? whole : Buffer.compare(whole, bytes), `${size}`).toBe(0);
      for (const max of [size - 1, Math.floor(size / 2)]) {
        if (max >= 0 && max < size)
          expect(readFileBytesReused(file, `f${size}`, max), `${size} > ${max}`).toBe('too-large');
      }
      expect(readFileBytesReused(file, `f${size}`, size), `${size} = max`).not.toBe('too-large');
    }
  });

  it('names the file when it cannot be read', () => {
    expect(() => readFileBytesReused('/nonexistent/personakit/x.yaml', 'x.yaml', 100)).toThrow(
      /cannot read x\.yaml: it no longer exists/,
    );
  });
});
