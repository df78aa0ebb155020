/**
 * Seeded pseudo-random numbers. The engine never calls Math.random: the same seed must give
 * the same opinion groups on every run and on every machine.
 */

import { seededRandom, type Random } from '../../../platform/random.ts';

export type { Random };

/** mulberry32 (the platform's), its seed mixed so that small seeds start far apart. */
export function createRandom(seed: number): Random {
  return seededRandom((seed >>> 0) ^ 0x9e3779b9);
}

/** An integer in [0, bound). */
export function randomInt(random: Random, bound: number): number {
  return Math.floor(random() * bound);
}
