// Identifier columns: request ids (`req-<n>`) as one number and invocation ids (UUID v4,
// F116) as four 32-bit words, turned back into the same strings when read. A million kept
// id strings would be a million heap objects for every full garbage collection to visit.
// An id of another shape (or none) is kept as it is, aside.
import { formatUuidV4 } from '../core/ids';
import { F64Column, f64, I32Column, i32 } from './columns';

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
  private readonly numbers: F64Column = f64();
  private readonly aside = new Aside();
  /** Index of each id of another shape. */
  private readonly asideIndex = new Map<string, number>();
  /** Only numbers, each larger than the last (the ledger hands ids out in order): indexOf can bisect. */
  private ascending = true;

  get length(): number {
    return this.numbers.length;
  }

  push(s: string | undefined): void {
    const n = s === undefined ? -1 : requestNumber(s);
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

/** Eight lower-case hex digits of s from `at`, skipping a dash at `dash` (or -1). */
function word(s: string, at: number, dash: number): number {
  let w = 0;
  for (let i = at, k = 0; k < 8; i++) {
    if (i === dash) {
      if (s.charCodeAt(i) !== 45) return -1;
      continue;
    }
    const c = s.charCodeAt(i);
    const d = c < 128 ? HEX[c] : -1;
    if (d < 0) return -1;
    w = w * 16 + d;
    k++;
  }
  return w;
}

export class UuidColumn {
  private readonly words: I32Column = i32();
  private readonly aside = new Aside();

  get length(): number {
    return this.words.length >> 2;
  }

  push(s: string | undefined): void {
    this.pushBlank();
    this.set(this.length - 1, s);
  }

  /** A slot to set later (a request learns its invocation id after it is recorded). */
  pushBlank(): void {
    for (let k = 0; k < 4; k++) this.words.push(0);
  }

  /** Only a canonical v4 UUID is packed, so formatting it again gives the same string. */
  set(i: number, s: string | undefined): void {
    let a = -1, b = -1, c = -1, d = -1;
    if (s !== undefined && s.length === 36 && s.charCodeAt(8) === 45 && s.charCodeAt(18) === 45 && s.charCodeAt(14) === 52 && 'ab89'.includes(s[19])) {
      a = word(s, 0, -1); b = word(s, 9, 13); c = word(s, 19, 23); d = word(s, 28, -1);
    }
    if (a < 0 || b < 0 || c < 0 || d < 0) {
      this.aside.set(i, s);
      return;
    }
    const w = this.words.data;
    w[4 * i] = a;
    w[4 * i + 1] = b;
    w[4 * i + 2] = c;
    w[4 * i + 3] = d;
  }

  at(i: number): string | undefined {
    if (this.aside.has(i)) return this.aside.get(i);
    const w = this.words.data;
    return formatUuidV4(w[4 * i] >>> 0, w[4 * i + 1] >>> 0, w[4 * i + 2] >>> 0, w[4 * i + 3] >>> 0);
  }
}
