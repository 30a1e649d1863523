/** Resource limits for untrusted input; each can be raised in personakit.yaml under `limits:`. */
export interface Limits {
  /** Largest YAML file read, in bytes. */
  maxFileBytes: number;
  /** Most alias (*ref) expansions per document, against "billion laughs" files. */
  maxAliasCount: number;
  /** Deepest nesting of mappings and sequences. */
  maxDepth: number;
  /** Largest accounts CSV file read, in bytes. */
  maxCsvBytes: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxFileBytes: 8 * 1024 * 1024,
  maxAliasCount: 100,
  maxDepth: 64,
  maxCsvBytes: 256 * 1024 * 1024,
});
