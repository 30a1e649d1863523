/**
 * Reports in pieces. A check of a 100,000-row CRM export can report 70,000 diagnostics: as one
 * string, a JSON or SARIF report of them is ~100 MB, built and then copied again to be written.
 * In pieces of a few hundred diagnostics each, only one piece exists at a time.
 */

/**
 * Diagnostics per piece: a few kilobytes. Small pieces also mean few young objects alive when V8
 * collects, and each survivor counts towards it growing its young generation (peak memory).
 */
export const ITEMS_PER_PIECE = 25;

/** Items read by position. */
export interface Items<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

/** `draw` of each item, `ITEMS_PER_PIECE` at a time, joined by `separator`; a piece ends after its last item. */
export function* inPieces<T>(items: Items<T>, draw: (item: T) => string, separator: string): Generator<string> {
  for (let i = 0; i < items.length; i += ITEMS_PER_PIECE) {
    const end = Math.min(i + ITEMS_PER_PIECE, items.length);
    let piece = i === 0 ? '' : separator;
    for (let j = i; j < end; j++) piece += (j === i ? '' : separator) + draw(items.at(j)!);
    yield piece;
  }
}

/**
 * JSON.stringify(value, null, 2) of a value holding one large array, without the array's items
 * ever being one string: the rest of the value is stringified with `marker` where the array goes,
 * and the items are written in its place at that depth. `marker` must appear nowhere else.
 */
export function* jsonWithArray<T>(value: unknown, marker: string, items: Items<T>, item: (x: T) => unknown): Generator<string> {
  const text = JSON.stringify(value, null, 2);
  const quoted = JSON.stringify(marker);
  const at = text.indexOf(quoted);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const indent = text.slice(lineStart, at).match(/^ */)![0];
  yield text.slice(0, at);
  if (items.length === 0) yield '[]';
  else {
    const inner = `${indent}  `;
    yield '[\n';
    yield* inPieces(items, (x) => inner + JSON.stringify(item(x), null, 2).replace(/\n/g, `\n${inner}`), ',\n');
    yield `\n${indent}]`;
  }
  yield `${text.slice(at + quoted.length)}\n`;
}
