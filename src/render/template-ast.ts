/** Facts about parsed Handlebars templates that the generator (template-codegen.ts) needs. */

type Node = hbs.AST.Node;
type Program = hbs.AST.Program;
type PathExpression = hbs.AST.PathExpression;

/** Where a piece is drawn, a mark that escaped data cannot contain (it has a `<`), and the writer swaps back. */
export function pieceMark(index: number): string {
  return `${PIECE_MARK_START}${index}>`;
}

export const PIECE_MARK_START = '<\u0000';
/** Every mark of a page, the piece's number captured. */
export const PIECE_MARKS = /<\u0000(\d+)>/g;

/** Below this size a constant partial is cheaper to copy into every page than to cut out again. */
const PIECE_MIN = 4096;

/**
 * The constant partials (text only, such as the inline stylesheet) drawn as marks, so that the
 * writer can put the same bytes into every report without encoding them each time. Only for
 * escaped output from templates with no unescaped value and no NUL: then nothing but a piece
 * can put a mark on the page.
 */
export function piecesOf(asts: ReadonlyMap<string, Program>, escape: boolean): Array<{ name: string; text: string }> {
  if (
    !escape ||
    [...asts.values()].some((ast) =>
      someNode(
        ast,
        (n) =>
          (n.type === 'MustacheStatement' && !(n as hbs.AST.MustacheStatement).escaped) ||
          (n.type === 'ContentStatement' && (n as hbs.AST.ContentStatement).value.includes('\u0000')),
      ),
    )
  )
    return [];
  const pieces: Array<{ name: string; text: string }> = [];
  for (const [key, ast] of asts) {
    if (
      !key.startsWith('partials/') ||
      !ast.body.every((n) => n.type === 'ContentStatement' || n.type === 'CommentStatement')
    )
      continue;
    const text = ast.body
      .map((n) => (n.type === 'ContentStatement' ? (n as hbs.AST.ContentStatement).value : ''))
      .join('');
    if (text.length >= PIECE_MIN) pieces.push({ name: key.slice('partials/'.length), text });
  }
  return pieces;
}

/** One plain name: not `this`, `.` or `../`, and no dots (Handlebars' simpleId). */
export function isSimpleId(path: PathExpression): boolean {
  return path.parts.length === 1 && !/^\.|this\b/.test(path.original) && !path.depth;
}

/** Whether a template uses `../` anywhere (Handlebars then keeps the stack of contexts). */
export function usesDepths(ast: Program): boolean {
  return someNode(ast, (n) => n.type === 'PathExpression' && (n as PathExpression).depth > 0);
}

function someNode(node: unknown, test: (node: Node) => boolean): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (typeof (node as Node).type === 'string' && test(node as Node)) return true;
  return Object.values(node).some((child) =>
    Array.isArray(child) ? child.some((c) => someNode(c, test)) : someNode(child, test),
  );
}
