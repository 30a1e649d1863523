/** "did you mean" suggestions: the closest candidate within a small edit distance. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  const allowed = Math.max(1, Math.floor(input.length / 3));
  const letters = letterCounts(needle);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // Only a closer candidate than the best so far, and one within the allowed distance, matters:
    // the distance is computed no further than that (10,000 persona ids per dangling reference).
    const limit = Math.min(allowed, bestDistance - 1);
    if (limit < 0) break;
    // Most candidates share too few letters with the input to be within the limit: a count of
    // letters tells, before the distance is worked out (and before the candidate is lower-cased).
    if (letters && lettersApart(letters, needle.length, candidate) > limit) continue;
    const d = editDistanceWithin(needle, candidate.toLowerCase(), limit);
    if (d <= limit) {
      best = candidate;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  // A difference only in case ("Goals") is still worth pointing out; the input itself is not.
  return best !== input ? best : undefined;
}

export function suggestion(input: string, candidates: Iterable<string>): string {
  const match = didYouMean(input, candidates);
  return match ? ` (did you mean "${match}"?)` : '';
}

let rows = new Int32Array(0);

/**
 * Edit distance (insertions, deletions, substitutions, adjacent transpositions such as "tpye" →
 * "type"), or `limit + 1` as soon as it must exceed `limit`: a row's smallest value never
 * decreases further down, so once it passes the limit the rest need not be computed.
 */
function editDistanceWithin(a: string, b: string, limit: number): number {
  if (limit < 0) return limit + 1;
  // Lengths this far apart are never suggested.
  if (Math.abs(a.length - b.length) > Math.min(limit, 8)) return limit + 1;
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(3 * width);
  // Three rows in one buffer: before (i - 2), prev (i - 1), row (i), rotating.
  let before = 0;
  let prev = width;
  let row = 2 * width;
  for (let j = 0; j < width; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[row] = i;
    let smallest = i;
    for (let j = 1; j < width; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(rows[prev + j]! + 1, rows[row + j - 1]! + 1, rows[prev + j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        d = Math.min(d, rows[before + j - 2]! + 1);
      rows[row + j] = d;
      if (d < smallest) smallest = d;
    }
    if (smallest > limit) return limit + 1;
    const free = before;
    before = prev;
    prev = row;
    row = free;
  }
  return rows[prev + b.length]!;
}

const ASCII = 128;
const spareCounts = new Int32Array(ASCII);

/** How often each ASCII character occurs in `text`, or undefined when it holds another character. */
function letterCounts(text: string): Int32Array | undefined {
  const counts = new Int32Array(ASCII);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= ASCII) return undefined;
    counts[c]!++;
  }
  return counts;
}

/**
 * A lower bound of the edit distance between the text `counts` describes (lower-case, `length`
 * characters) and `candidate` lower-cased: the larger of the two, less the characters they have
 * in common, counted with repeats (each edit changes that by at most one; a transposition not at
 * all). 0 when the candidate is not ASCII (no bound then).
 */
function lettersApart(counts: Int32Array, length: number, candidate: string): number {
  const left = spareCounts;
  left.set(counts);
  let common = 0;
  for (let i = 0; i < candidate.length; i++) {
    let c = candidate.charCodeAt(i);
    if (c >= ASCII) return 0;
    if (c >= 0x41 && c <= 0x5a) c += 0x20; // A-Z as toLowerCase would have it
    if (left[c]! > 0) {
      left[c]!--;
      common++;
    }
  }
  return Math.max(length, candidate.length) - common;
}
