// Growable typed-array columns and a string interner: the building blocks of the columnar
// record stores. A million records cost a few bytes per field instead of an object each.

type TypedArray = Float64Array | Int32Array | Uint16Array | Uint8Array;

/**
 * A typed array that grows fourfold when full (fewer copies; the untouched tail costs no
 * resident memory until written); `data` is valid up to `length`. One push() serves the four
 * element types (a polymorphic store: a few ns more per push than a subclass per type).
 */
export class Column<T extends TypedArray> {
  length = 0;
  constructor(public data: T) {}
  push(x: number): number {
    if (this.length === this.data.length) this.grow();
    this.data[this.length] = x;
    return this.length++;
  }
  private grow(): void {
    const next = new (this.data.constructor as new (n: number) => T)(Math.max(16, this.data.length * 4));
    next.set(this.data as never);
    this.data = next;
  }
  /** An exact-size copy of what was written (for a detached batch, or a transfer). */
  trimmed(): T {
    return this.data.slice(0, this.length) as T;
  }
}

export const f64 = (n = 16) => new Column(new Float64Array(n));
export const i32 = (n = 16) => new Column(new Int32Array(n));
export const u16 = (n = 16) => new Column(new Uint16Array(n));
export const u8 = (n = 16) => new Column(new Uint8Array(n));

const CACHE_SHIFT = 18; // 16,384 slots: a thousand streams rarely share one
const CACHE_SIZE = 2 ** (32 - CACHE_SHIFT);

/** Each distinct string once: columns hold its index. */
export class Interner {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  // Most calls repeat the previous string (one function, the lines of one invocation).
  // Strings only, never undefined: a comparison that once saw undefined stays a generic call.
  private last = '';
  private lastId = -1;

  // Others cycle through many (a thousand environments' log streams): a direct-mapped cache
  // by the last four characters answers most of those without hashing the whole string.
  private cacheKeys: string[] | undefined;
  private cacheIds: Int32Array | undefined;
  id(s: string): number {
    if (s === this.last && this.lastId >= 0) return this.lastId;
    const n = s.length;
    // The last four characters, mixed (Fibonacci hashing); a shorter string's missing ones are NaN | 0 = 0.
    const tail = s.charCodeAt(n - 1) | (s.charCodeAt(n - 2) << 8) | (s.charCodeAt(n - 3) << 16) | (s.charCodeAt(n - 4) << 24);
    const slot = Math.imul(tail, 0x9e3779b1) >>> CACHE_SHIFT;
    const keys = (this.cacheKeys ??= new Array<string>(CACHE_SIZE).fill(''));
    const ids = (this.cacheIds ??= new Int32Array(CACHE_SIZE).fill(-1));
    let i: number;
    if (keys[slot] === s && ids[slot] >= 0) i = ids[slot];
    else {
      i = this.index.get(s) ?? -1;
      if (i < 0) {
        i = this.strings.length;
        this.strings.push(s);
        this.index.set(s, i);
      }
      keys[slot] = s;
      ids[slot] = i;
    }
    this.last = s;
    this.lastId = i;
    return i;
  }

  /** -1 for undefined. */
  optionalId(s: string | undefined): number {
    return s === undefined ? -1 : this.id(s);
  }

  at(i: number): string {
    return this.strings[i];
  }
}

const MAKE = { f64, i32, u16, u8 };
type ColumnKind = keyof typeof MAKE;

/** A set of named columns from a schema such as `{ startMs: 'f64', status: 'u8' }`. */
export function columns<S extends Record<string, ColumnKind>>(schema: S): { [K in keyof S]: ReturnType<(typeof MAKE)[S[K]]> } {
  const out: Record<string, Column<TypedArray>> = {};
  for (const [name, kind] of Object.entries(schema)) out[name] = MAKE[kind]();
  return out as { [K in keyof S]: ReturnType<(typeof MAKE)[S[K]]> };
}
