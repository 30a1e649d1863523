/**
 * SVG text does not wrap: the charts shorten and break their labels themselves. Lengths count
 * code points (an emoji is one), and a cut never splits a surrogate pair.
 */

/** The text, cut to at most `max` code points with "…" when longer. */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max
    ? chars.join('')
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/**
 * The text in lines of at most `width` code points, broken between words (a longer word is cut),
 * at most `lines` of them, the last shortened with "…" when the text goes on.
 */
export function wrapLines(text: string, width: number, lines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (Array.from(candidate).length <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') out.push(line);
    line = Array.from(word).length > width ? shorten(word, width) : word;
  }
  if (line !== '') out.push(line);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = shorten(`${kept[lines - 1]} ${out[lines]}`, width);
  if (!kept[lines - 1]!.endsWith('…')) kept[lines - 1] = `${shorten(kept[lines - 1]!, width - 1)}…`;
  return kept;
}
