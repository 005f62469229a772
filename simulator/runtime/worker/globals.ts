// Node.js globals for the handler's realm, on the environment's virtual clock, and the removal
// of everything that would reach the network, storage or the page. Bundled into the worker (entry.ts).

export function installGlobals(rt: any): void {
  const g: any = globalThis;
  const RealDate: DateConstructor = Date;
  const wall = () => rt.epochMs() + rt.now();

  // Date on virtual time, in UTC like Lambda (TZ=:UTC, F115).
  function VDate(this: any, ...args: any[]) {
    if (!new.target) return new RealDate(wall()).toString();
    if (args.length === 0) return new RealDate(wall());
    if (args.length >= 2) return new RealDate(RealDate.UTC(...(args as [number, number])));
    return new RealDate(typeof args[0] === 'string' ? utcString(args[0]) : args[0]);
  }
  // A date-time string without an offset means local time, which is UTC in Lambda.
  const utcString = (s: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s) ? s + 'Z' : s);
  VDate.prototype = RealDate.prototype;
  VDate.now = () => Math.floor(wall());
  VDate.parse = (s: string) => RealDate.parse(utcString(String(s)));
  VDate.UTC = RealDate.UTC;
  const P: any = RealDate.prototype;
  for (const part of ['FullYear', 'Month', 'Date', 'Day', 'Hours', 'Minutes', 'Seconds', 'Milliseconds']) {
    P['get' + part] = P['getUTC' + part];
    if (part !== 'Day') P['set' + part] = P['setUTC' + part];
  }
  P.getTimezoneOffset = () => 0;
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p2 = (n: number) => String(n).padStart(2, '0');
  P.toDateString = function (this: Date) {
    return `${days[this.getUTCDay()]} ${months[this.getUTCMonth()]} ${p2(this.getUTCDate())} ${this.getUTCFullYear()}`;
  };
  P.toTimeString = function (this: Date) {
    return `${p2(this.getUTCHours())}:${p2(this.getUTCMinutes())}:${p2(this.getUTCSeconds())} GMT+0000 (Coordinated Universal Time)`;
  };
  P.toString = function (this: Date) {
    return Number.isNaN(this.getTime()) ? 'Invalid Date' : `${this.toDateString()} ${this.toTimeString()}`;
  };
  for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) {
    const original = P[name];
    P[name] = function (this: Date, locales?: any, opts?: any) { return original.call(this, locales, { timeZone: 'UTC', ...opts }); };
  }
  g.Date = VDate;

  const perf = {
    now: () => rt.now() - rt.startMs(),
    get timeOrigin() { return rt.epochMs() + rt.startMs(); },
    mark() {}, measure() {}, getEntries: () => [], toJSON: () => ({ timeOrigin: rt.epochMs() + rt.startMs() }),
  };
  Object.defineProperty(g, 'performance', { value: perf, configurable: true, writable: true });
  Math.random = rt.random;

  const timers = rt.timers.api;
  for (const k of Object.keys(timers)) g[k] = timers[k];
  g.Buffer = rt.Buffer;
  g.global = g;
  g.process = rt.process;
  g.console = rt.console;
  const webCrypto = { randomUUID: rt.crypto.randomUUID, getRandomValues: rt.crypto.getRandomValues, subtle: g.crypto && g.crypto.subtle };
  Object.defineProperty(g, 'crypto', { value: webCrypto, configurable: true, writable: true });
  // fetch is simulated (lambda-lab:http, virtual time); the real one goes from the prototype chain too.
  for (let o = Object.getPrototypeOf(g); o; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, 'fetch');
    if (d && d.configurable) delete o.fetch;
  }
  g.fetch = rt.fetch;
  if (rt.awslambda) g.awslambda = rt.awslambda;

  // Nothing that reaches the network, storage, other threads or the engine's channel.
  const blocked = ['XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'indexedDB', 'caches',
    'BroadcastChannel', 'MessageChannel', 'MessagePort', 'Worker', 'SharedWorker', 'postMessage', 'onmessage',
    'onmessageerror', 'close', 'navigator', 'localStorage', 'sessionStorage', 'requestAnimationFrame',
    'WebTransport', 'RTCPeerConnection', 'require', 'module', 'exports', '__filename', '__dirname', 'FileSystemHandle', 'CookieStore', 'cookieStore', 'Atomics', 'SharedArrayBuffer'];
  for (const name of blocked) {
    for (let o = g; o; o = Object.getPrototypeOf(o)) {
      const d = Object.getOwnPropertyDescriptor(o, name);
      if (d && d.configurable) { try { delete o[name]; } catch { /* keep going */ } }
    }
    try { Object.defineProperty(g, name, { value: undefined, writable: false, configurable: false }); } catch { /* ignore */ }
  }
}
