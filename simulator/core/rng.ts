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
  return fmix32(fnv1a(label, 0x811c9dc5 ^ (seed | 0))) | 0;
}

/** FNV-1a (32-bit) of a string's UTF-16 code units, from `basis` (the standard offset by default). */
export function fnv1a(text: string, basis = 0x811c9dc5): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** murmur3's 32-bit finaliser: every input bit affects every output bit. Unsigned. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * mulberry32: a tiny seeded uniform source in [0, 1), for parts that need a plain function
 * rather than an Rng stream (sample events, the simulated dependencies). The code runtime's
 * worker carries the one other copy (runtime/worker/runtime-main.ts): it is serialised with
 * toString and cannot import.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
