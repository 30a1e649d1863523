/**
 * Placeholder text: what a scaffold or a hurried editor leaves where content belongs ("TODO: …",
 * "TBD"). A placeholder never fills a persona heading, and rule placeholder-text points at each one.
 */

/** Lower-case texts that are placeholders as a whole value, or as its start. */
export interface Placeholders {
  values: readonly string[];
  prefixes: readonly string[];
}

export const DEFAULT_PLACEHOLDERS: Placeholders = {
  values: ['todo', 'tbd', 'tbc', 'fixme', 'xxx', '?', '...', '…'],
  prefixes: ['todo:', 'tbd:', 'fixme:', 'lorem ipsum'],
};

/** The defaults plus a workspace's own (personakit.yaml `placeholders`), compared ignoring case. */
export function withExtraPlaceholders(extra: {
  values?: readonly string[];
  prefixes?: readonly string[];
}): Placeholders {
  const norm = (list: readonly string[] | undefined) => (list ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean);
  return {
    values: [...new Set([...DEFAULT_PLACEHOLDERS.values, ...norm(extra.values)])],
    prefixes: [...new Set([...DEFAULT_PLACEHOLDERS.prefixes, ...norm(extra.prefixes)])],
  };
}

/** A string that, trimmed and ignoring case, is a placeholder value or starts with a placeholder prefix. */
export function isPlaceholder(value: unknown, placeholders: Placeholders = DEFAULT_PLACEHOLDERS): boolean {
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  if (trimmed === '') return false;
  const shape = shapeOf(placeholders);
  // Most values of a persona are prose whose first character starts no placeholder: told apart
  // without a lower-cased copy (an ASCII character lower-cases alone, whatever follows it).
  const first = trimmed.charCodeAt(0);
  if (first < 0x80 && !shape.firsts[first >= 0x41 && first <= 0x5a ? first + 0x20 : first]) return false;
  // Only the start can match: long texts (most values of a persona) are not lower-cased whole.
  // A few characters more than the longest placeholder keep a final sigma lower-cased as in the whole.
  const longest = shape.longest;
  const text = (trimmed.length > longest + 8 ? trimmed.slice(0, longest + 8) : trimmed).toLowerCase();
  if (trimmed.length <= longest && placeholders.values.includes(text)) return true;
  for (const prefix of placeholders.prefixes) if (text.startsWith(prefix)) return true;
  return false;
}

interface Shape {
  /** The length of the longest placeholder value or prefix. */
  longest: number;
  /** By ASCII code: whether a placeholder value or prefix starts with it. */
  firsts: Uint8Array;
}

const shapes = new WeakMap<Placeholders, Shape>();

function shapeOf(placeholders: Placeholders): Shape {
  let shape = shapes.get(placeholders);
  if (shape === undefined) {
    const all = [...placeholders.values, ...placeholders.prefixes];
    const firsts = new Uint8Array(0x80);
    for (const p of all) if (p.charCodeAt(0) < 0x80) firsts[p.charCodeAt(0)] = 1;
    // An empty prefix starts every text.
    if (all.includes('')) firsts.fill(1);
    shape = { longest: Math.max(0, ...all.map((p) => p.length)), firsts };
    shapes.set(placeholders, shape);
  }
  return shape;
}
