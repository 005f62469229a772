// An array of records built on read from columns: `list[i]` makes a fresh object each time,
// `length`, iteration, JSON.stringify, slice/map/filter and Array.isArray behave as on an
// array. The first write (push, sort, assignment) copies every record into the array, after
// which it is an ordinary array. Callers keep the SimulationResult shape of the contract while
// a million records cost a few typed-array slots each.

export interface RecordReader<T> {
  readonly length: number;
  at(i: number): T;
}

/** The index a property key names, or -1. */
function indexOf(key: string, length: number): number {
  const c = key.charCodeAt(0);
  if (!(c >= 48 && c <= 57) || (c === 48 && key.length > 1)) return -1;
  const i = Number(key);
  return Number.isInteger(i) && i < length ? i : -1;
}

export function recordList<T>(reader: RecordReader<T>): T[] {
  const n = reader.length;
  const target: T[] = [];
  target.length = n; // holes: no storage until written
  let copied = false;
  const copy = (): void => {
    if (copied) return;
    copied = true;
    for (let i = 0; i < n; i++) target[i] = reader.at(i);
  };
  return new Proxy(target, {
    get(t, key, receiver) {
      if (!copied && typeof key === 'string') {
        const i = indexOf(key, n);
        if (i >= 0) return reader.at(i);
      }
      return Reflect.get(t, key, receiver);
    },
    has(t, key) {
      return (!copied && typeof key === 'string' && indexOf(key, n) >= 0) || Reflect.has(t, key);
    },
    getOwnPropertyDescriptor(t, key) {
      if (!copied && typeof key === 'string') {
        const i = indexOf(key, n);
        if (i >= 0) return { value: reader.at(i), writable: true, enumerable: true, configurable: true };
      }
      return Reflect.getOwnPropertyDescriptor(t, key);
    },
    ownKeys(t) {
      copy();
      return Reflect.ownKeys(t);
    },
    set(t, key, value) {
      copy();
      (t as unknown as Record<PropertyKey, unknown>)[key] = value;
      return true;
    },
    defineProperty(t, key, desc) {
      copy();
      return Reflect.defineProperty(t, key, desc);
    },
    deleteProperty(t, key) {
      copy();
      return Reflect.deleteProperty(t, key);
    },
  });
}

/** A plain, fully built copy (for structured clone: a Proxy cannot be posted). */
export function plainRecords<T>(list: readonly T[]): T[] {
  const out = new Array<T>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = list[i];
  return out;
}

/**
 * The result with every list built into a plain array: what structuredClone and postMessage
 * need (they refuse the lists above, which are Proxies).
 */
export function plainResult<R extends { requests: unknown[]; invocations: unknown[]; environments: unknown[]; logs: unknown[] }>(result: R): R {
  return { ...result, requests: plainRecords(result.requests), invocations: plainRecords(result.invocations), environments: plainRecords(result.environments), logs: plainRecords(result.logs) };
}
