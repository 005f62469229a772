// Node-style timers on the environment's VIRTUAL clock. Nothing fires by itself: the runtime's
// quiescence loop runs due timers, and the engine wakes the worker when the next one is due.
// Bundled into the worker (entry.ts).

export function makeTimers(now: () => number): any {
  type Timer = { id: number; at: number; seq: number; fn: Function; args: unknown[]; repeatMs: number; repeatMsOrDelay: number; ref: boolean; handle: any };
  const timers = new Map<number, Timer>();
  const immediates: { id: number; fn: Function; args: unknown[] }[] = [];
  let nextId = 1;
  let seq = 0;

  function delayOf(ms: unknown): number {
    const n = Number(ms);
    return n >= 1 && n <= 2147483647 ? Math.floor(n) : 1; // Node: out-of-range delays become 1 ms
  }
  function handleFor(t: Timer) {
    const h = {
      ref() { t.ref = true; return h; },
      unref() { t.ref = false; return h; },
      hasRef() { return t.ref; },
      refresh() { t.at = now() + t.repeatMsOrDelay; t.seq = seq++; return h; },
      close() { timers.delete(t.id); return h; },
      [Symbol.toPrimitive]() { return t.id; },
    } as any;
    return h;
  }
  function add(fn: Function, ms: unknown, args: unknown[], repeat: boolean) {
    if (typeof fn !== 'function') {
      const err: any = new TypeError(`The "callback" argument must be of type function. Received ${fn === null ? 'null' : typeof fn}`);
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    const delay = delayOf(ms);
    const t = { id: nextId++, at: now() + delay, seq: seq++, fn, args, repeatMs: repeat ? delay : 0, ref: true } as any;
    t.repeatMsOrDelay = delay;
    t.handle = handleFor(t);
    timers.set(t.id, t);
    return t.handle;
  }
  function clear(h: any) {
    if (h === undefined || h === null) return;
    const id = typeof h === 'object' ? Number(h[Symbol.toPrimitive]?.()) : Number(h);
    timers.delete(id);
    const i = immediates.findIndex((x) => x.id === id);
    if (i >= 0) immediates.splice(i, 1);
  }
  function earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of timers.values()) if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    return best;
  }
  /** Run one due timer or the queued immediates; false when nothing is runnable at now(). */
  function runOne(onError: (e: unknown) => void): boolean {
    if (immediates.length > 0) {
      const batch = immediates.splice(0, immediates.length);
      for (const im of batch) { try { im.fn(...im.args); } catch (e) { onError(e); } }
      return true;
    }
    const t = earliest();
    if (!t || t.at > now()) return false;
    if (t.repeatMs > 0) { t.at = Math.max(t.at + t.repeatMs, now()); t.seq = seq++; } else timers.delete(t.id);
    try { t.fn(...t.args); } catch (e) { onError(e); }
    return true;
  }
  const api = {
    setTimeout: (fn: Function, ms?: unknown, ...args: unknown[]) => add(fn, ms, args, false),
    setInterval: (fn: Function, ms?: unknown, ...args: unknown[]) => add(fn, ms, args, true),
    setImmediate: (fn: Function, ...args: unknown[]) => {
      const im = { id: nextId++, fn, args };
      immediates.push(im);
      const h = { ref: () => h, unref: () => h, hasRef: () => true, [Symbol.toPrimitive]: () => im.id } as any;
      return h;
    },
    clearTimeout: clear,
    clearInterval: clear,
    clearImmediate: clear,
  };
  return {
    api,
    runOne,
    /** Virtual time of the next timer, or null. */
    nextAt: () => { const t = earliest(); return t ? t.at : null; },
    /** True when a referenced timer or an immediate keeps Node's event loop alive. */
    keepsAlive: () => immediates.length > 0 || Array.from(timers.values()).some((t) => t.ref),
    hasImmediates: () => immediates.length > 0,
  };
}
