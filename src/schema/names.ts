/** The document kinds, and the schemas: one per kind, plus personakit.yaml's. */
export const KINDS = ['persona', 'journey', 'market'] as const;
export type Kind = (typeof KINDS)[number];
export type SchemaName = Kind | 'settings';
export const SCHEMA_NAMES: readonly SchemaName[] = [...KINDS, 'settings'];
