import {
  compareDiagnostics,
  type Diagnostic,
  type DiagnosticList,
  type DiagnosticRun,
  type Severity,
} from './diagnostic.js';

/** A run of diagnostics with what the engine decided about it: its file, rule and severity. */
export interface PlacedRun {
  file: string;
  rule: string;
  severity: Severity;
  run: DiagnosticRun;
}

/**
 * Sorted diagnostics (compareDiagnostics order) made of a sorted array and runs, merged without
 * making the runs' diagnostics: which source and which item each position reads is kept in two
 * typed arrays (8 bytes a position, outside V8's heap), and a run's row is made when read.
 */
export class MergedDiagnostics implements DiagnosticList {
  private readonly source: Int32Array;
  private readonly item: Int32Array;

  constructor(
    private readonly plain: readonly Diagnostic[],
    private readonly runs: readonly PlacedRun[],
  ) {
    const length = plain.length + runs.reduce((n, r) => n + r.run.size, 0);
    this.source = new Int32Array(length);
    this.item = new Int32Array(length);
    // k-way merge; the heads of runs are compared by file, line, column and rule first, and made
    // into diagnostics only to compare messages (two rows of one line: two markets, one CSV).
    const next = new Int32Array(runs.length + 1);
    const sizes = [plain.length, ...runs.map((r) => r.run.size)];
    for (let at = 0; at < length; at++) {
      let best = -1;
      for (let s = 0; s < sizes.length; s++) {
        if (next[s]! < sizes[s]! && (best < 0 || this.compareHeads(s, next[s]!, best, next[best]!) < 0)) best = s;
      }
      this.source[at] = best;
      this.item[at] = next[best]!++;
    }
  }

  get length(): number {
    return this.source.length;
  }

  at(index: number): Diagnostic | undefined {
    if (!(index >= 0 && index < this.source.length)) return undefined;
    return this.make(this.source[index]!, this.item[index]!);
  }

  private make(source: number, item: number): Diagnostic {
    if (source === 0) return this.plain[item]!;
    const placed = this.runs[source - 1]!;
    return placed.run.row(item, placed.severity);
  }

  /** compareDiagnostics of item `i` of source `s` and item `j` of source `t`. */
  private compareHeads(s: number, i: number, t: number, j: number): number {
    if (s === 0 && t === 0) return compareDiagnostics(this.plain[i]!, this.plain[j]!);
    const a = this.key(s, i);
    const b = this.key(t, j);
    if (a.file !== b.file) return a.file < b.file ? -1 : 1;
    const byPlace = a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
    return byPlace || compareDiagnostics(this.make(s, i), this.make(t, j));
  }

  private key(source: number, item: number): { file: string; line: number; column: number; rule: string } {
    if (source === 0) return this.plain[item]!;
    const placed = this.runs[source - 1]!;
    return { file: placed.file, line: placed.run.line(item), column: 1, rule: placed.rule };
  }
}

/** The items of `list` at `positions`, in that order. */
export class SelectedDiagnostics implements DiagnosticList {
  constructor(
    private readonly list: DiagnosticList,
    private readonly positions: Int32Array,
  ) {}

  get length(): number {
    return this.positions.length;
  }

  at(index: number): Diagnostic | undefined {
    if (!(index >= 0 && index < this.positions.length)) return undefined;
    return this.list.at(this.positions[index]!);
  }
}

/** Every item of a list, as an array (for callers that keep them). */
export function toArray(list: DiagnosticList): Diagnostic[] {
  if (Array.isArray(list)) return list as Diagnostic[];
  const out = new Array<Diagnostic>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = list.at(i)!;
  return out;
}
