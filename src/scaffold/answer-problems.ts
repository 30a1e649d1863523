import { UsageError } from '../errors.js';
import { toPointer, type Range } from '../load/positions.js';
import { humanPath } from '../schema/messages.js';
import type { SchemaName } from '../schema/names.js';
import { validateAgainst } from '../schema/validate.js';

/** Where an answer is: keys and list indices from the top of the answers file. */
export type AnswerPath = readonly (string | number)[];

export interface AnswerProblem {
  path: AnswerPath;
  message: string;
  /** Point at the key rather than its value (unknown or inapplicable answers). */
  at: 'key' | 'value';
  /** An answer nobody asks for: usually a typo, and the cause of other problems; reported first. */
  unknown?: boolean;
}

/** Where a JSON pointer lands in the answers file (its PositionIndex); undefined without a file. */
export type Locate = (pointer: string, at: 'key' | 'value') => Range | undefined;

/**
 * The problems of one answers file, gathered over the whole flow so that one run reports them
 * all, and the answers taken as written (no question asks for them), which the kind's JSON
 * Schema checks once the document is built.
 */
export class AnswerProblems {
  private readonly list: Array<Omit<AnswerProblem, 'path'> & { pointer: string }> = [];
  private readonly asIs: string[] = [];

  constructor(
    private readonly source: string,
    private readonly yes: boolean,
  ) {}

  add({ path, ...rest }: AnswerProblem): void {
    this.list.push({ ...rest, pointer: toPointer(path) });
  }

  schemaChecked(path: AnswerPath): void {
    this.asIs.push(toPointer(path));
  }

  get count(): number {
    return this.list.length;
  }

  /**
   * Throw one UsageError listing every problem at file:line:column, unknown answers first, the
   * rest in file order; nothing is written then. The built document is checked against its
   * schema: where the answers were taken as written always, elsewhere only when the questions
   * found nothing (then a schema problem is a gap in the questions' validators, still reported).
   */
  assertNone(kind: SchemaName, document: unknown, locate: Locate = () => undefined): void {
    const found = this.list.length > 0;
    for (const problem of validateAgainst(kind, document)) {
      const own = this.asIs.some((p) => problem.pointer === p || problem.pointer.startsWith(`${p}/`));
      if (found && !own) continue;
      this.list.push({
        pointer: problem.pointer,
        message: problem.message,
        at: problem.at,
        unknown: problem.at === 'key' && problem.message.startsWith('unknown property'),
      });
    }
    if (this.list.length === 0) return;
    const placed = this.list.map((p, order) => ({ ...p, range: locate(p.pointer, p.at), order }));
    placed.sort(
      (a, b) =>
        Number(Boolean(b.unknown)) - Number(Boolean(a.unknown)) ||
        (a.range && b.range ? a.range.line - b.range.line || a.range.column - b.range.column : 0) ||
        a.order - b.order,
    );
    const lines = placed.map(({ pointer, range, message }) => {
      const where = range ? `${this.source}:${range.line}:${range.column}` : this.source;
      const field = humanPath(pointer) || '(top)';
      // The schema's own messages may already start with the field.
      return message.startsWith(`${field} `) ? `${where}: ${message}` : `${where}: ${field}: ${message}`;
    });
    const hint =
      this.yes && this.source === '--yes'
        ? 'give these answers in a file with --answers <file>'
        : 'correct the answers in the file and run the command again';
    if (lines.length === 1) throw new UsageError(`${lines[0]}; nothing was written`, hint);
    throw new UsageError(
      `the answers in ${this.source} have ${lines.length} problems; nothing was written:\n${lines.join('\n')}`,
      hint,
    );
  }
}
