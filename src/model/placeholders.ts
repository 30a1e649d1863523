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
  const text = value.trim().toLowerCase();
  if (text === '') return false;
  if (placeholders.values.includes(text)) return true;
  for (const prefix of placeholders.prefixes) if (text.startsWith(prefix)) return true;
  return false;
}
