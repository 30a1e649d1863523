import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/run-cli.js';
import { InterruptedError, SettingsError, UsageError } from '../../src/errors.js';
import { memoryIo } from '../support/memory-io.js';

describe('exitCodeFor: the one place errors become exit codes', () => {
  it('usage errors: 2, the message and the hint, no stack', () => {
    const io = memoryIo();
    expect(exitCodeFor(new UsageError('path "x" does not exist', 'check the path'), io)).toBe(2);
    expect(io.err).toBe('personakit: path "x" does not exist\n  check the path\n');
  });

  it('settings errors are usage errors naming personakit.yaml:line:column', () => {
    const io = memoryIo();
    expect(exitCodeFor(new SettingsError('personakit.yaml:3:8: completeness.min must be a number'), io)).toBe(2);
    expect(io.err).toBe('personakit: personakit.yaml:3:8: completeness.min must be a number\n');
  });

  it('an interrupted prompt: 130 and one line', () => {
    const io = memoryIo();
    expect(exitCodeFor(new InterruptedError(), io)).toBe(130);
    expect(io.err).toBe('Interrupted; nothing was written.\n');
  });

  it('an internal error: 2, the message and the DEBUG hint, never the stack', () => {
    const io = memoryIo();
    let error: unknown;
    try {
      void (undefined as unknown as { x: number }).x;
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect(exitCodeFor(error, io)).toBe(2);
    expect(io.err).toMatch(
      /^personakit: internal error: Cannot read properties of undefined \(reading 'x'\)\n {2}Rerun with DEBUG=personakit to see the stack trace/,
    );
    expect(io.err).not.toMatch(/\n\s+at /);
  });

  it.each(['personakit', 'other,personakit', '*'])('DEBUG=%s shows the stack trace', (debug) => {
    const io = memoryIo({ env: { DEBUG: debug } });
    expect(exitCodeFor(new TypeError('boom'), io)).toBe(2);
    expect(io.err).toMatch(/^personakit: internal error\nTypeError: boom\n\s+at /);
  });

  it('DEBUG for another tool does not', () => {
    const io = memoryIo({ env: { DEBUG: 'express' } });
    exitCodeFor(new Error('boom'), io);
    expect(io.err).not.toMatch(/\n\s+at /);
  });

  it('survives things thrown that are not errors', () => {
    const io = memoryIo();
    expect(exitCodeFor('a string', io)).toBe(2);
    expect(exitCodeFor(null, io)).toBe(2);
    expect(io.err).toMatch(/internal error: a string/);
    expect(io.err).toMatch(/internal error: null/);
  });

  it('commander: help and version are 0, everything else 2', () => {
    const io = memoryIo();
    expect(exitCodeFor(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'), io)).toBe(0);
    expect(exitCodeFor(new CommanderError(0, 'commander.version', '0.1.0'), io)).toBe(0);
    expect(exitCodeFor(new CommanderError(1, 'commander.help', '(outputHelp)'), io)).toBe(2);
    expect(exitCodeFor(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"), io)).toBe(2);
    expect(io.err).toBe('');
  });
});
