import { TextDecoder } from 'node:util';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Decodes a file's bytes, chunk by chunk, as strict UTF-8. A character cut in two by a chunk
 * boundary waits for the rest; a leading byte order mark is dropped (Excel writes one). At the
 * first bytes that are not UTF-8 it returns the good text before them and says so, so that the
 * caller can point at the exact line and column where the bad bytes start.
 */
export class Utf8Text {
  private carry: Buffer | undefined;
  private started = false;
  // ignoreBOM: a BOM is dropped once, at the start of the file, not at the start of every chunk.
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  decode(chunk: Buffer): { text: string; invalid: boolean } {
    let bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = undefined;
    if (!this.started) {
      if (bytes.length < 3 && BOM.subarray(0, bytes.length).equals(bytes)) {
        this.carry = Buffer.from(bytes); // perhaps the start of a BOM: wait for the next bytes
        return { text: '', invalid: false };
      }
      this.started = true;
      if (BOM.equals(bytes.subarray(0, 3))) bytes = bytes.subarray(3);
    }
    const whole = completeLength(bytes);
    if (whole < bytes.length) {
      this.carry = Buffer.from(bytes.subarray(whole));
      bytes = bytes.subarray(0, whole);
    }
    try {
      return { text: this.decoder.decode(bytes), invalid: false };
    } catch {
      this.carry = undefined;
      return { text: this.decoder.decode(bytes.subarray(0, validPrefix(bytes))), invalid: true };
    }
  }

  /** True when the file ended in the middle of a character. */
  end(): boolean {
    // Before `started`, the carry can only be the start of a BOM (a file of just that is empty).
    return this.carry !== undefined && this.started;
  }
}

/** The length of `bytes` without a multi-byte character that is cut off at the end. */
function completeLength(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= Math.max(bytes.length - 4, 0); i--) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: its lead is further back
    const need = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return i + need > bytes.length ? i : bytes.length;
  }
  return bytes.length;
}

/** The length of the longest prefix that is whole, valid UTF-8 (the decoder only says "somewhere"). */
function validPrefix(bytes: Uint8Array): number {
  // Streaming decoders accept a prefix that ends inside a character, which makes "decodes" monotonic
  // in the prefix length: bisect for the first byte that cannot belong to valid text.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return completeLength(bytes.subarray(0, lo));
}
