import { pointerSegments } from '../load/positions.js';
import { readSchema, validatorFor, type SchemaName } from './compile.js';
import { describeSchemaErrors, type SchemaProblem } from './messages.js';

const rootSchemas = new Map<SchemaName, Record<string, unknown>>();

/** Validate data against one of personakit's schemas; [] when valid. */
export function validateAgainst(name: SchemaName, data: unknown): SchemaProblem[] {
  const validate = validatorFor(name);
  if (validate(data)) return [];
  return describeSchemaErrors(validate.errors ?? [], data, (schemaPath) => schemaNodeOwning(name, schemaPath));
}

/** The schema object that holds the failing keyword ("#/$defs/goal/additionalProperties" → $defs.goal). */
function schemaNodeOwning(name: SchemaName, schemaPath: string): Record<string, unknown> | undefined {
  let root = rootSchemas.get(name);
  if (!root) {
    root = readSchema(name);
    rootSchemas.set(name, root);
  }
  const segments = pointerSegments(schemaPath.replace(/^#/, ''));
  segments.pop();
  let node: unknown = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}
