// Identifiers drawn from the seeded PRNG: request ids (UUID v4 shape, F116), ids inside event
// payloads, and execution environment GUIDs for log stream names (32 hex digits, F125).
import type { Rng } from './rng';

const HEX2: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(x: number): string {
  return HEX2[(x >>> 24) & 255] + HEX2[(x >>> 16) & 255] + HEX2[(x >>> 8) & 255] + HEX2[x & 255];
}

const HEX_CODES: number[] = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** Reused char-code buffer: String.fromCharCode makes one flat string (concatenation would
 * keep a tree of pieces alive per id, and join() is 5x slower). */
const UUID_CODES: number[] = new Array<number>(36).fill(45); // '-' at 8, 13, 18, 23

/** xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx */
export function uuidV4(rng: Rng): string {
  return formatUuidV4(rng.uint32(), rng.uint32(), rng.uint32(), rng.uint32());
}

/** The four words of a UUID v4 as uuidV4 draws them, version and variant bits set (as int32):
 * what a record column keeps, so the text need not be parsed back. */
export type UuidWords = readonly [number, number, number, number];

export function uuidV4Words(rng: Rng): UuidWords {
  const a = rng.uint32(), b = rng.uint32(), c = rng.uint32(), d = rng.uint32();
  return [a | 0, (b & 0xffff0fff) | 0x00004000, (c & 0x3fffffff) | 0x80000000 | 0, d | 0];
}

/** A UUID v4 from a plain [0, 1) source (event payloads): four 32-bit words, as uuidV4. */
export function uuidV4From(random: () => number): string {
  const word = () => Math.floor(random() * 0x100000000);
  return formatUuidV4(word(), word(), word(), word());
}

/** Four 32-bit words as a version-4, variant-10 UUID (6 of the 128 bits are fixed). */
export function formatUuidV4(a: number, b: number, c: number, d: number): string {
  const b2 = ((b & 0xffff0fff) | 0x00004000) >>> 0; // version 4
  const c2 = ((c & 0x3fffffff) | 0x80000000) >>> 0; // variant 10
  const out = UUID_CODES;
  let x = a;
  for (let i = 7; i >= 0; i--, x >>>= 4) out[i] = HEX_CODES[x & 15];
  x = b2;
  for (let i = 7; i >= 0; i--, x >>>= 4) out[i < 4 ? 9 + i : 10 + i] = HEX_CODES[x & 15];
  x = c2;
  for (let i = 7; i >= 0; i--, x >>>= 4) out[i < 4 ? 19 + i : 20 + i] = HEX_CODES[x & 15];
  x = d;
  for (let i = 7; i >= 0; i--, x >>>= 4) out[28 + i] = HEX_CODES[x & 15];
  return String.fromCharCode.apply(null, out);
}

export function guid32(rng: Rng): string {
  return [hex8(rng.uint32()), hex8(rng.uint32()), hex8(rng.uint32()), hex8(rng.uint32())].join('');
}
