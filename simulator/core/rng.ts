// The engine's only source of randomness: pure-rand's xoroshiro128+ seeded from the scenario.
// Each part of the engine gets its own stream, derived from the seed and a label, so adding
// randomness in one part never shifts the numbers another part sees.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export interface Rng {
  readonly seed: number;
  /** Uniform in [0, 1). */
  float(): number;
  /** Uniform 32-bit unsigned integer. */
  uint32(): number;
  /** An independent stream for a named child part (e.g. 'source:0', 'ids'). */
  derive(label: string): Rng;
}

export function createRng(seed: number): Rng {
  const gen: RandomGenerator = xoroshiro128plus(seed | 0);
  // Warm up: xoroshiro's first outputs from a small seed are poorly mixed.
  for (let i = 0; i < 16; i++) gen.next();
  return {
    seed,
    float: () => uniformFloat64(gen),
    uint32: () => gen.next() >>> 0,
    derive: (label) => createRng(deriveSeed(seed, label)),
  };
}

/** FNV-1a over the label, mixed with the parent seed (murmur3 finaliser). */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
