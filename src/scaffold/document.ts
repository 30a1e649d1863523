import path from 'node:path';
import { Document, isScalar, visit } from 'yaml';
import { UsageError } from '../errors.js';
import { SCHEMAS_DIR, type SchemaName } from '../schema/compile.js';
import { validateAgainst } from '../schema/validate.js';

/**
 * Where editors find the schemas, as seen from `fromDir`: in a workspace, its own
 * node_modules/personakit (init lists personakit in package.json, so `npm install` puts it there
 * on every machine, and the path stays right when the folder moves); outside one, this installation.
 */
export function schemasDirFor(fromDir: string, workspaceRoot: string | undefined): string {
  const target = workspaceRoot ? path.join(workspaceRoot, 'node_modules', 'personakit', 'schemas') : SCHEMAS_DIR;
  const rel = path.relative(fromDir, target).split(path.sep).join('/');
  return rel === '' ? '.' : rel;
}

export function schemaRef(name: SchemaName, fromDir: string, workspaceRoot: string | undefined): string {
  return `${schemasDirFor(fromDir, workspaceRoot)}/${name}.schema.json`;
}

export function modeline(name: SchemaName, fromDir: string, workspaceRoot: string | undefined): string {
  return `# yaml-language-server: $schema=${schemaRef(name, fromDir, workspaceRoot)}\n`;
}

/** Short lists of plain words read best on one line: `roles: [budget-holder, user]`. */
const FLOW_MAX = 72;

/**
 * YAML in one house style: two-space indentation, block lists indented under their key, no line
 * folding, short scalar lists in flow style, the schema modeline first and an optional comment.
 */
export function toYaml(data: unknown, options: { modeline: string; comment?: string; trailer?: string }): string {
  const doc = new Document(data, { version: '1.2' });
  visit(doc, {
    Seq(_key, node) {
      const words = node.items.every(
        (item) => isScalar(item) && typeof item.value === 'string' && /^[\w][\w .'-]*$/.test(item.value),
      );
      const width = node.items.reduce<number>(
        (sum, item) => sum + String(isScalar(item) ? item.value : '').length + 2,
        0,
      );
      if (words && node.items.length > 0 && width <= FLOW_MAX) node.flow = true;
    },
  });
  if (options.comment) doc.commentBefore = options.comment.replace(/^/gm, ' ');
  if (options.trailer) doc.comment = options.trailer.replace(/^/gm, ' ');
  const body = doc.toString({
    indent: 2,
    indentSeq: true,
    lineWidth: 0,
    minContentWidth: 0,
    flowCollectionPadding: false,
  });
  return `${options.modeline}${body}`;
}

/** Refuse to write a document its schema rejects; the prompts' validators should make this unreachable. */
export function assertValid(name: SchemaName, data: unknown, source: string): void {
  const problems = validateAgainst(name, data);
  const first = problems[0];
  if (first)
    throw new UsageError(
      `${source}: the answers make an invalid ${name}: ${first.pointer || '/'}: ${first.message}`,
      'correct the answer named above',
    );
}
