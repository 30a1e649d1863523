/**
 * Ids proposed from names: "Finance Fiona" → finance-fiona, "Zoë Müller" → zoe-muller.
 * Long texts (goals, challenges) keep their first few words, so ids stay short enough to type.
 */
export function slugify(text: string, maxWords = 6): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o');
  const words = ascii
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, maxWords);
  return words.join('-');
}

/** `base`, or base-2, base-3… the first not in `taken`; `fallback` when the name had no letters or digits. */
export function uniqueId(base: string, taken: ReadonlySet<string>, fallback: string): string {
  const stem = base === '' ? fallback : base;
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** An id proposed for a new item named `text`, unique among `taken`. */
export function proposeId(
  text: string | undefined,
  taken: ReadonlySet<string>,
  fallback: string,
  maxWords?: number,
): string {
  return uniqueId(slugify(text ?? '', maxWords), taken, fallback);
}
