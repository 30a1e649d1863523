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
  // Only the start can match: long texts (most values of a persona) are not lower-cased whole.
  // A few characters more than the longest placeholder keep a final sigma lower-cased as in the whole.
  const longest = longestOf(placeholders);
  const text = (trimmed.length > longest + 8 ? trimmed.slice(0, longest + 8) : trimmed).toLowerCase();
  if (trimmed.length <= longest && placeholders.values.includes(text)) return true;
  for (const prefix of placeholders.prefixes) if (text.startsWith(prefix)) return true;
  return false;
}

const longestCache = new WeakMap<Placeholders, number>();

/** The length of the longest placeholder value or prefix. */
function longestOf(placeholders: Placeholders): number {
  let longest = longestCache.get(placeholders);
  if (longest === undefined) {
    longest = Math.max(0, ...placeholders.values.map((v) => v.length), ...placeholders.prefixes.map((p) => p.length));
    longestCache.set(placeholders, longest);
  }
  return longest;
}
