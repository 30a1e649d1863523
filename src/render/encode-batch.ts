import type { ReportFile } from './write-report.js';

const encoder = new TextEncoder();
/** Reused between batches: UTF-8 of a batch's text is written here first, then copied out at its exact size. */
let scratch = new Uint8Array(1 << 20);

/**
 * A batch of reports for the writer thread with every text part encoded as UTF-8 into one buffer,
 * which moves to the thread (the transfer list) instead of being copied: the thread then has no
 * text to copy in, encode or collect, only bytes to write. Byte parts (the shared stylesheet)
 * are left as they are. Each text part becomes a view of the buffer.
 */
export function encodeBatch(batch: readonly ReportFile[]): { files: ReportFile[]; transfer: ArrayBuffer[] } {
  let chars = 0;
  for (const file of batch) for (const part of file.parts) if (typeof part === 'string') chars += part.length;
  if (chars === 0) return { files: [...batch], transfer: [] };
  // A UTF-16 code unit takes at most 3 bytes of UTF-8.
  if (scratch.length < chars * 3) scratch = new Uint8Array(chars * 3);
  const spans: number[] = [];
  let at = 0;
  for (const file of batch) {
    for (const part of file.parts) {
      if (typeof part !== 'string') continue;
      const { written } = encoder.encodeInto(part, scratch.subarray(at));
      spans.push(at, at + written);
      at += written;
    }
  }
  const bytes = scratch.slice(0, at);
  let span = 0;
  const files = batch.map((file) => {
    const parts = file.parts.map((part) =>
      typeof part === 'string' ? bytes.subarray(spans[span++], spans[span++]) : part,
    );
    return { ...file, parts };
  });
  return { files, transfer: [bytes.buffer] };
}
