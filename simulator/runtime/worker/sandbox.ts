// Two guards for handler code, installed after the runtime has taken what it needs. Both are
// bundled into the worker (entry.ts).

/**
 * Code built from strings (eval, the Function constructors) is never seen by the host's lexer,
 * so a dynamic `import()` in it would reach the network (browser) or real built-ins (Node).
 * Every `import` followed by `(` — across whitespace and every comment form a script allows,
 * HTML-like ones included — becomes the runtime's own import function, which only knows the
 * provided modules. Text in strings is rewritten too: harmless, and nothing real slips by.
 * `eval` becomes indirect (global scope), as with any wrapper.
 */
export function guardCodeStrings(importCall: string): void {
  const g: any = globalThis;
  const gap = String.raw`(?:\s|/\*[\s\S]*?\*/|//[^\n\r\u2028\u2029]*|<!--[^\n\r\u2028\u2029]*|-->[^\n\r\u2028\u2029]*)*`;
  const dynamicImport = new RegExp(String.raw`(?<![\w$\\])import` + gap + String.raw`\(`, 'g');
  const rewrite = (code: string) => code.replace(dynamicImport, importCall);
  const realEval = g.eval;
  const safeEval = { eval: (code: unknown) => realEval(typeof code === 'string' ? rewrite(code) : code) }.eval;
  Object.defineProperty(g, 'eval', { value: safeEval, writable: true, configurable: true });
  const kinds = [Function, (async function () {}).constructor, (function* () {}).constructor, (async function* () {}).constructor];
  for (const Real of kinds) {
    const Safe = function (...args: unknown[]) { return Reflect.construct(Real, args.map((a) => rewrite(String(a)))); };
    Object.defineProperty(Safe, 'name', { value: Real.name });
    Object.defineProperty(Safe, 'length', { value: 1 });
    Safe.prototype = Real.prototype;
    Object.setPrototypeOf(Safe, Object.getPrototypeOf(Real));
    Object.defineProperty(Real.prototype, 'constructor', { value: Safe, writable: true, configurable: true });
    if (Real === Function) Object.defineProperty(g, 'Function', { value: Safe, writable: true, configurable: true });
  }
}

/**
 * F134: a single allocation larger than the function's memory kills the environment. Node's
 * worker also has a heap limit at that size (hosts/node.ts); a browser Worker has none, and a
 * Worker that exhausts its heap takes the whole tab with it in Chromium, so the big buffers
 * and strings are refused here before they exist. Many small allocations are not counted.
 */
export function guardAllocations(limitBytes: () => number, killed: () => never, Buffer: any): void {
  const g: any = globalThis;
  const MAX_STRING = 2 ** 29 - 24; // V8's limit: longer throws RangeError in Node too, no OOM
  const check = (bytes: number) => { if (Number.isFinite(bytes) && bytes > limitBytes()) killed(); };
  const sized = (Real: any, perElement: number) => new Proxy(Real, {
    construct(target, args, newTarget) {
      if (typeof args[0] === 'number') check(args[0] * perElement);
      return Reflect.construct(target, args, newTarget);
    },
  });
  g.ArrayBuffer = sized(ArrayBuffer, 1);
  for (const name of ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
    'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'Float16Array']) {
    if (typeof g[name] === 'function') g[name] = sized(g[name], g[name].BYTES_PER_ELEMENT);
  }
  for (const name of ['alloc', 'allocUnsafe', 'allocUnsafeSlow']) {
    const real = Buffer[name];
    if (typeof real === 'function') Buffer[name] = function (this: unknown, size: number, ...rest: unknown[]) { check(Number(size)); return real.call(this, size, ...rest); };
  }
  const S: any = String.prototype;
  const grows = (name: string, length: (self: string, args: any[]) => number) => {
    const real = S[name];
    Object.defineProperty(S, name, {
      value: { [name](this: unknown, ...args: any[]) {
        const n = length(String(this), args);
        if (n <= MAX_STRING) check(n);
        return real.apply(this, args);
      } }[name],
      writable: true, configurable: true,
    });
  };
  grows('repeat', (s, [count]) => s.length * Number(count));
  grows('padStart', (_s, [max]) => Number(max));
  grows('padEnd', (_s, [max]) => Number(max));
}
