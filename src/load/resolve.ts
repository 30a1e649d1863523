import { readFileSync } from 'node:fs';
import type { Diagnostic, Finding, Severity } from '../diagnostic.js';
import { decodeUtf8 } from './decode.js';
import { PositionIndex } from './positions.js';

/**
 * Positions for findings, computed lazily: a file is re-read and parsed with positions only
 * when one of its findings needs a pointer resolved. Clean files never pay for it.
 */
export class PositionResolver {
  private readonly indexes = new Map<string, PositionIndex | null>();

  constructor(
    private readonly absPathOf: (file: string) => string | undefined,
    private readonly indexOf: (text: string) => PositionIndex = (text) => new PositionIndex(text),
  ) {}

  /** The position index of a file (its text re-read), or null when the file cannot be read as text. */
  index(file: string): PositionIndex | null {
    let index = this.indexes.get(file);
    if (index === undefined) {
      index = null;
      const absPath = this.absPathOf(file);
      if (absPath) {
        try {
          const decoded = decodeUtf8(readFileSync(absPath));
          if (decoded.ok) index = this.indexOf(decoded.text);
        } catch {
          index = null;
        }
      }
      this.indexes.set(file, index);
    }
    return index;
  }

  resolve(finding: Finding, severity: Severity): Diagnostic {
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

  /**
   * resolve(), except that a position needing the file re-parsed (a pointer) is worked out when
   * the diagnostic's line or column is first read: a caller that shows only some diagnostics
   * (render prints its errors and counts its warnings) never parses files for the others.
   * The position fields are own getters, so spreading or JSON.stringify reads them as values.
   */
  resolveWhenRead(finding: Finding, severity: Severity): Diagnostic {
    if (finding.line !== undefined || finding.pointer === undefined) return this.resolve(finding, severity);
    let resolved: Diagnostic | undefined;
    const position = () => (resolved ??= this.resolve(finding, severity));
    // The keys in resolve()'s order; an end the file cannot give reads as undefined.
    return {
      file: finding.file,
      get line() {
        return position().line;
      },
      get column() {
        return position().column;
      },
      severity,
      rule: finding.rule,
      message: finding.message,
      get endLine() {
        return position().endLine;
      },
      get endColumn() {
        return position().endColumn;
      },
      path: finding.pointer,
    };
  }
}
