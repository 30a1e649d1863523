/**
 * Decimal text of whole numbers without V8's number-to-string cache.
 *
 * `String(n)` and `${n}` remember their result in a heap-wide cache until another number takes
 * the slot. When 100,000 different numbers are written (the lines and figures of 70,000
 * account-misfit warnings), each new string is kept alive by the cache past a young-generation
 * collection or two, and V8 grows its young generation once enough such survivors have passed
 * through it: the peak memory of a large check (bench/README, eighth round). Strings made here
 * are ordinary garbage once used.
 */

// "0".."999", and the same padded to three digits, made once (through the cache, which is fine).
const SMALL: string[] = [];
const PADDED: string[] = [];
for (let i = 0; i < 1000; i++) {
  SMALL.push(String(i));
  PADDED.push(String(i).padStart(3, '0'));
}

/** `String(n)` for a whole number 0 ≤ n ≤ MAX_SAFE_INTEGER; anything else falls back to String. */
export function intText(n: number): string {
  return digitGroups(n, '');
}

/** The digits of such a number in groups of three joined by `separator` ("1,234,567" with ","). */
export function digitGroups(n: number, separator: string): string {
  if (!(Number.isSafeInteger(n) && n >= 0)) return String(n);
  if (n < 1000) return SMALL[n]!;
  let out = '';
  let rest = n;
  while (rest >= 1000) {
    out = separator + PADDED[rest % 1000]! + out;
    rest = Math.floor(rest / 1000);
  }
  return SMALL[rest]! + out;
}
