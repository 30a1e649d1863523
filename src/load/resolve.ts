import { readFileSync } from 'node:fs';
import type { Diagnostic, Finding, Severity } from '../diagnostic.js';
import { decodeUtf8 } from './decode.js';
import type { LoadedFile } from './load-file.js';
import { positionsOf } from './parse-yaml.js';
import type { PositionIndex } from './positions.js';

/**
 * Positions for findings. A file read in this run carries the positions of its parse; one whose
 * data came from the cache is read again, once, when one of its findings needs a pointer resolved.
 */
export class PositionResolver {
  private readonly indexes = new Map<string, PositionIndex | null>();

  constructor(
    private readonly fileOf: (file: string) => Pick<LoadedFile, 'absPath' | 'positions'> | undefined,
    private readonly indexOf: (text: string) => PositionIndex = (text) => positionsOf(text),
  ) {}

  /** The position index of a file, or null when the file cannot be read as text. */
  index(file: string): PositionIndex | null {
    let index = this.indexes.get(file);
    if (index === undefined) {
      const loaded = this.fileOf(file);
      index = loaded?.positions ?? (loaded ? this.read(loaded.absPath) : null);
      this.indexes.set(file, index);
    }
    return index;
  }

  private read(absPath: string): PositionIndex | null {
    try {
      const decoded = decodeUtf8(readFileSync(absPath));
      return decoded.ok ? this.indexOf(decoded.text) : null;
    } catch {
      return null;
    }
  }

  resolve(finding: Finding, severity: Severity): Diagnostic {
    if (isWhole(finding, severity)) return finding;
    const d: Diagnostic = {
      file: finding.file,
      line: finding.line ?? 1,
      column: finding.column ?? 1,
      severity,
      rule: finding.rule,
      message: finding.message,
    };
    if (finding.line === undefined && finding.pointer !== undefined) {
      const index = this.index(finding.file);
      if (index) {
        const r = index.locate(finding.docIndex ?? 0, finding.pointer, finding.at);
        d.line = r.line;
        d.column = r.column;
        d.endLine = r.endLine;
        d.endColumn = r.endColumn;
      }
    } else {
      if (finding.endLine !== undefined) d.endLine = finding.endLine;
      if (finding.endColumn !== undefined) d.endColumn = finding.endColumn;
    }
    if (finding.pointer !== undefined) d.path = finding.pointer;
    return d;
  }
}

/**
 * A finding its rule made whole: positioned, with the severity the run gives it and nothing that a
 * diagnostic lacks. It is its own diagnostic (not copied): the 70,000 account-misfit warnings of
 * a CRM export are one object each, not two (bench/README.md, "Accounts rows in memory").
 */
function isWhole(finding: Finding, severity: Severity): finding is Finding & Diagnostic {
  return (
    finding.severity === severity &&
    finding.line !== undefined &&
    finding.column !== undefined &&
    finding.pointer === undefined &&
    finding.owner === undefined &&
    finding.docIndex === undefined &&
    finding.at === undefined
  );
}
