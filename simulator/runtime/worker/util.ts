// node:util for the handler realm. format and inspect are Node's own code, extracted for the web
// (node-inspect-extracted), so console lines read like CloudWatch's (F120: the Node runtime
// formats console arguments with util.format).
import { format, formatWithOptions, inspect, stripVTControlCharacters } from 'node-inspect-extracted';

export function makeUtil(): any {
  function promisify(fn: Function): Function {
    return (...args: unknown[]) => new Promise((resolve, reject) => {
      fn(...args, (err: unknown, value: unknown) => (err ? reject(err) : resolve(value)));
    });
  }

  function isDeepStrictEqual(a: any, b: any): boolean {
    if (Object.is(a, b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => isDeepStrictEqual(a[k], b[k]));
  }

  const types = {
    isPromise: (v: unknown) => v instanceof Promise,
    isDate: (v: unknown) => v instanceof Date,
    isRegExp: (v: unknown) => v instanceof RegExp,
    isNativeError: (v: unknown) => v instanceof Error,
    isUint8Array: (v: unknown) => v instanceof Uint8Array,
  };
  return {
    format, formatWithOptions, inspect, stripVTControlCharacters, promisify, isDeepStrictEqual, types,
    TextEncoder, TextDecoder,
    inherits(ctor: any, superCtor: any) { Object.setPrototypeOf(ctor.prototype, superCtor.prototype); },
    deprecate: (fn: Function) => fn,
  };
}
