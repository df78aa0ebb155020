/**
 * Seeded pseudo-random numbers, for whatever must come out the same on every run and machine:
 * the opinion engine's k-means seeding, generated test data, benchmark corpora.
 */

/** A generator of uniform numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: a tiny 32-bit generator, good enough for seeding and synthetic data (not for secrets). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
