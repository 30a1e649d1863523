import { describe, expect, it } from 'vitest';
import { terminalWidth } from '../../src/cli/io.js';
import { memoryIo } from '../support/memory-io.js';

describe('terminalWidth', () => {
  it('is undefined when the stream is not a terminal, so stylish pads nothing', () => {
    expect(terminalWidth(memoryIo(), 'stdout')).toBeUndefined();
  });

  it("is the terminal's columns, else COLUMNS, else 80", () => {
    const tty = { stdin: false, stdout: true, stderr: true };
    expect(terminalWidth({ ...memoryIo(), isTTY: tty, columns: { stdout: 160 } }, 'stdout')).toBe(160);
    expect(terminalWidth({ ...memoryIo({ env: { COLUMNS: '120' } }), isTTY: tty }, 'stderr')).toBe(120);
    expect(terminalWidth({ ...memoryIo(), isTTY: tty }, 'stderr')).toBe(80);
  });
});
