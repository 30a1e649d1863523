import { pointerSegments } from '../load/positions.js';
import { readSchema, type SchemaName } from './compile.js';

type Node = Record<string, unknown>;

const schemas = new Map<SchemaName, Node>();

/**
 * The schema's `description` of the field at a JSON pointer of a document ("/goals/0/text" → "The
 * goal in plain words, …"): what editors show on hover, reused where a message says what to write.
 */
export function fieldDescription(name: SchemaName, pointer: string): string | undefined {
  let schema = schemas.get(name);
  if (!schema) schemas.set(name, (schema = readSchema(name)));
  let node: Node | undefined = schema;
  for (const segment of pointerSegments(pointer)) {
    node = resolve(schema, node);
    if (!node) return undefined;
    if (/^\d+$/.test(segment) && isNode(node.items)) node = node.items;
    else if (isNode(node.properties) && isNode(node.properties[segment])) node = node.properties[segment];
    else return undefined;
  }
  // A field's own description wins over its $ref's (`id` fields say what the id is for).
  const description = node?.description ?? resolve(schema, node)?.description;
  return typeof description === 'string' ? description : undefined;
}

function resolve(root: Node, node: Node | undefined): Node | undefined {
  if (!node || typeof node.$ref !== 'string' || !node.$ref.startsWith('#/')) return node;
  let target: unknown = root;
  for (const segment of pointerSegments(node.$ref.slice(1))) target = isNode(target) ? target[segment] : undefined;
  return isNode(target) ? target : undefined;
}

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
