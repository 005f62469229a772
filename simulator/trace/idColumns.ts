// Identifier columns: request ids (`req-<n>`) as one number and invocation ids (UUID v4,
// F116) as four 32-bit words, turned back into the same strings when read. A million kept
// id strings would be a million heap objects for every full garbage collection to visit.
// An id of another shape (or none) is kept as it is, aside.
import { formatUuidV4, type UuidWords } from '../core/ids';
import { f64, i32 } from './columns';

/** Ids of another shape, or undefined, by index. */
class Aside {
  private readonly values = new Map<number, string | undefined>();
  set(i: number, s: string | undefined): void {
    this.values.set(i, s);
  }
  has(i: number): boolean {
    return this.values.has(i);
  }
  get(i: number): string | undefined {
    return this.values.get(i);
  }
}

/** `req-<n>` (n a whole number without leading zeros) as n; -1 otherwise. */
function requestNumber(s: string): number {
  if (s.length < 5 || s.length > 19 || s.charCodeAt(0) !== 114 || !s.startsWith('req-') || (s.charCodeAt(4) === 48 && s.length > 5)) return -1;
  let n = 0;
  for (let i = 4; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

export class RequestIdColumn {
  private readonly numbers = f64();
  private readonly aside = new Aside();
  /** Index of each id of another shape. */
  private readonly asideIndex = new Map<string, number>();
  /** Only numbers, each larger than the last (the ledger hands ids out in order): indexOf can bisect. */
  private ascending = true;

  get length(): number {
    return this.numbers.length;
  }

  /** `known`: the n of `req-<n>` when the caller has it (a whole number, so s is canonical). */
  push(s: string | undefined, known?: number): void {
    const n = s === undefined ? -1 : known ?? requestNumber(s);
    const i = this.numbers.length;
    if (n < 0) {
      this.aside.set(i, s);
      if (s !== undefined) this.asideIndex.set(s, i);
      this.ascending = false; // bisect only a column of numbers
    } else if (i > 0 && !(n > this.numbers.data[i - 1])) this.ascending = false;
    this.numbers.push(n);
  }

  /** Where id s was pushed (the last time), or -1. */
  indexOf(s: string): number {
    const n = requestNumber(s);
    if (n < 0) return this.asideIndex.get(s) ?? -1;
    const a = this.numbers.data;
    if (!this.ascending) return a.lastIndexOf(n, this.numbers.length - 1);
    // Ids are usually consecutive from the first: try that slot before bisecting.
    const guess = n - a[0];
    if (guess >= 0 && guess < this.numbers.length && a[guess] === n) return guess;
    let lo = 0, hi = this.numbers.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = a[mid];
      if (v === n) return mid;
      if (v > n) hi = mid - 1;
      else lo = mid + 1;
    }
    return -1;
  }

  at(i: number): string | undefined {
    const n = this.numbers.data[i];
    return n >= 0 ? `req-${n}` : this.aside.get(i);
  }
}

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX['0123456789abcdef'.charCodeAt(i)] = i;

/** Where the 32 hex digits of a UUID sit in its 36 characters. */
const DIGIT_AT = Uint8Array.from({ length: 32 }, (_, k) => k + (k >= 8 ? 1 : 0) + (k >= 12 ? 1 : 0) + (k >= 16 ? 1 : 0) + (k >= 20 ? 1 : 0));
const WORDS = new Int32Array(4);
let lastParsed = ''; // a string, never undefined: see Interner.last

/** The four 32-bit words of a canonical lower-case v4 UUID into WORDS; false for any other string. */
function parseUuid(s: string): boolean {
  // The same id is often stored twice in a row (an invocation, then the request it carried).
  if (s === lastParsed && s.length === 36) return true;
  lastParsed = ''; // WORDS are overwritten below, valid again only when the parse succeeds
  if (s.length !== 36 || s.charCodeAt(8) !== 45 || s.charCodeAt(13) !== 45 || s.charCodeAt(18) !== 45 || s.charCodeAt(23) !== 45) return false;
  const y = s.charCodeAt(19);
  if (s.charCodeAt(14) !== 52 || !(y === 56 || y === 57 || y === 97 || y === 98)) return false; // version 4, variant 10
  for (let w = 0; w < 4; w++) {
    let x = 0;
    for (let k = 8 * w; k < 8 * w + 8; k++) {
      const c = s.charCodeAt(DIGIT_AT[k]);
      const d = c < 128 ? HEX[c] : -1;
      if (d < 0) return false;
      x = (x << 4) | d;
    }
    WORDS[w] = x;
  }
  lastParsed = s;
  return true;
}

/** s is the UUID with these words: the next parse of s (its request's record, often) is free. */
export function remember(s: string, words: UuidWords): void {
  WORDS[0] = words[0];
  WORDS[1] = words[1];
  WORDS[2] = words[2];
  WORDS[3] = words[3];
  lastParsed = s;
}

export class UuidColumn {
  private readonly words = i32();
  private readonly aside = new Aside();

  get length(): number {
    return this.words.length >> 2;
  }

  /** `words`: the id's words when the caller has them (uuidV4Words): no parse. */
  push(s: string | undefined, words?: UuidWords): void {
    this.pushBlank();
    this.set(this.length - 1, s, words);
  }

  /** A slot to set later (a request learns its invocation id after it is recorded). */
  pushBlank(): void {
    for (let k = 0; k < 4; k++) this.words.push(0);
  }

  /** Only a canonical v4 UUID is packed, so formatting it again gives the same string. */
  set(i: number, s: string | undefined, words?: UuidWords): void {
    if (words !== undefined && s !== undefined) remember(s, words);
    else if (s === undefined || !parseUuid(s)) {
      this.aside.set(i, s);
      return;
    }
    const w = this.words.data;
    w[4 * i] = WORDS[0];
    w[4 * i + 1] = WORDS[1];
    w[4 * i + 2] = WORDS[2];
    w[4 * i + 3] = WORDS[3];
  }

  at(i: number): string | undefined {
    if (this.aside.has(i)) return this.aside.get(i);
    const w = this.words.data;
    return formatUuidV4(w[4 * i] >>> 0, w[4 * i + 1] >>> 0, w[4 * i + 2] >>> 0, w[4 * i + 3] >>> 0);
  }
}
