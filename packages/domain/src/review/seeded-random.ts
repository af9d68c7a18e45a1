/**
 * A small seeded pseudo-random generator (mulberry32). The domain must give the same answer for
 * the same input — an assignment previewed by the office has to be the one that is saved — so
 * every tie-break that needs chance draws from this instead of `Math.random`.
 *
 * Returns a function yielding floats in [0, 1); the same seed always yields the same sequence.
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random rank for each of `count` items (a Fisher–Yates shuffle of 0…count−1 read as ranks):
 * `ranks[i]` is item i's place in the seeded order. Used as the last tie-break, so equal
 * candidates are not always resolved in favour of whoever was listed first.
 */
export function shuffleRanks(count: number, random: () => number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
  const ranks = new Array<number>(count);
  order.forEach((item, place) => {
    ranks[item] = place;
  });
  return ranks;
}
