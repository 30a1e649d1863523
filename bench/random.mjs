/** Seeded randomness and filler text for the generator: same seed, same bytes, on every machine. */

/** mulberry32: tiny, fast and good enough for test data. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (list) => list[int(list.length)],
    /** `n` distinct items, in a random order (partial Fisher–Yates on a copy). */
    sample(list, n) {
      const copy = [...list];
      const count = Math.min(n, copy.length);
      for (let i = 0; i < count; i++) {
        const j = i + int(copy.length - i);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, count);
    },
  };
}

// Plain words only: no character that YAML would read as syntax, so generated text needs no quoting.
const WORDS = (
  'account budget carrier contract cost customer data delivery demand dock driver forecast freight growth ' +
  'invoice labour margin network order partner payback planner price process quarter report risk route ' +
  'schedule season shift site slot spend staff stock supplier system team tender time volume warehouse ' +
  'yard approve avoid build check close compare deliver fund grow hire measure plan prove reduce review ' +
  'share simplify track trust win clear early fair fast late local manual monthly new regional simple weekly'
).split(' ');

export function words(random, n) {
  return Array.from({ length: n }, () => random.pick(WORDS)).join(' ');
}

/** A capitalised sentence of min…max words, without a final full stop (most persona text has none). */
export function sentence(random, min, max) {
  const text = words(random, min + random.int(max - min + 1));
  return text.charAt(0).toUpperCase() + text.slice(1);
}
