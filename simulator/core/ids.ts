// Identifiers drawn from the seeded PRNG: request ids (UUID v4 shape, F116) and execution
// environment GUIDs for log stream names (32 hex digits, F125).
import type { Rng } from './rng';

const HEX2: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(x: number): string {
  return HEX2[(x >>> 24) & 255] + HEX2[(x >>> 16) & 255] + HEX2[(x >>> 8) & 255] + HEX2[x & 255];
}

/** xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx */
export function uuidV4(rng: Rng): string {
  const a = rng.uint32(), b = rng.uint32(), c = rng.uint32(), d = rng.uint32();
  const b2 = ((b & 0xffff0fff) | 0x00004000) >>> 0; // version 4
  const c2 = ((c & 0x3fffffff) | 0x80000000) >>> 0; // variant 10
  const hb = hex8(b2), hc = hex8(c2);
  // join() makes one flat string; concatenation would keep a tree of pieces alive per id.
  return [hex8(a), '-', hb.slice(0, 4), '-', hb.slice(4), '-', hc.slice(0, 4), '-', hc.slice(4), hex8(d)].join('');
}

export function guid32(rng: Rng): string {
  return [hex8(rng.uint32()), hex8(rng.uint32()), hex8(rng.uint32()), hex8(rng.uint32())].join('');
}
