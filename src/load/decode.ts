/**
 * Bytes → text. Files arrive from clients and CRM exports, so a binary or non-UTF-8 file
 * must become a diagnostic, not an exception.
 */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export type Decoded = { ok: true; text: string } | { ok: false; message: string; line: number; column: number };

export function decodeUtf8(bytes: Uint8Array): Decoded {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = byteOffsetToPosition(bytes, nul);
    return {
      ok: false,
      line,
      column,
      message:
        'the file looks binary (it contains a NUL byte); save it as UTF-8 text or remove it from the checked paths',
    };
  }
  try {
    // TextDecoder strips a leading UTF-8 BOM (ignoreBOM: false).
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const { line, column } = byteOffsetToPosition(bytes, offset);
    return { ok: false, line, column, message: 'the file is not valid UTF-8 text; re-save it with UTF-8 encoding' };
  }
}

/**
 * 1-based line and column of a byte. Columns count UTF-16 code units, like the YAML parser's
 * and editors' columns, so "Zoë\xff" puts the bad byte at column 4, not 5.
 */
function byteOffsetToPosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      line++;
      column = 1;
    } else if (b >= 0xf0 && b <= 0xf4)
      column += 2; // a 4-byte character is a surrogate pair
    else if (b < 0x80 || b >= 0xc0) column++; // ASCII, a lead byte, or an invalid byte (shown as U+FFFD)
  }
  return { line, column };
}

/** Offset of the first byte that breaks UTF-8, found by decoding growing prefixes line by line. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    try {
      decoder.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return bytes.length;
}
