/**
 * Seeded pseudo-random numbers. The engine never calls Math.random: the same seed must give
 * the same opinion groups on every run and on every machine.
 */

/** A generator of uniform numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: a tiny 32-bit generator, good enough for k-means seeding and synthetic data. */
export function createRandom(seed: number): Random {
  let state = (seed >>> 0) ^ 0x9e3779b9;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, bound). */
export function randomInt(random: Random, bound: number): number {
  return Math.floor(random() * bound);
}
