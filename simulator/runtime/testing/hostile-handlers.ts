// Hostile handler code, shared by the Node tests (hostile.test.ts) and the console's browser
// spec (tests/e2e/console-hostile.spec.ts), so both run exactly the same handlers.

/** F134's example: one 200 MB allocation at 128 MB memory. */
export const ALLOCATE_200_MB = `export const handler = async (event) => {
  const kinds = {
    buffer: () => Buffer.alloc(200 * 1024 * 1024),
    typed: () => new Float64Array(25 * 1024 * 1024),
    string: () => 'x'.repeat(200 * 1024 * 1024),
  };
  const big = kinds[event.kind ?? 'buffer']();
  return { allocated: big.length };
};
`;

/** Memory that only grows, in many small steps: no single allocation is large. */
export const GROWING_MEMORY = `const kept = [];
export const handler = async () => {
  for (;;) kept.push(new Array(100000).fill(kept.length + 0.5));
};
`;

/** Every way out to the network: each attempt's error (or the simulated answer) is reported. */
export const NETWORK_ATTEMPTS = `const attempt = async (f) => { try { return 'ok: ' + String(await f()); } catch (e) { return (e && e.code ? e.code + ' ' : '') + String(e); } };
export const handler = async () => ({
  xhr: await attempt(() => new XMLHttpRequest()),
  webSocket: await attempt(() => new WebSocket('wss://example.com/socket')),
  eventSource: await attempt(() => new EventSource('https://example.com/events')),
  importScripts: await attempt(() => importScripts('https://example.com/x.js')),
  importUrl: await attempt(() => import('https://example.com/x.mjs')),
  evalImport: await attempt(() => eval("import('https://example.com/eval.mjs')")),
  evalImportComment: await attempt(() => eval("import /* hidden */ <!-- html comment\\n ('https://example.com/comment.mjs')")),
  functionImport: await attempt(() => new Function("return import('https://example.com/function.mjs')")()),
  asyncFunctionImport: await attempt(() => new (async () => {}).constructor("return await import('https://example.com/async.mjs')")()),
  builtinThroughEval: await attempt(() => eval("import('node:worker_threads')")),
  fetch: await attempt(async () => (await fetch('https://example.com/api')).status),
});
`;

export const NETWORK_EXPECTED = {
  xhr: 'TypeError: XMLHttpRequest is not a constructor',
  webSocket: 'TypeError: WebSocket is not a constructor',
  eventSource: 'TypeError: EventSource is not a constructor',
  importScripts: 'TypeError: importScripts is not a function',
  importUrl: "ERR_UNSUPPORTED_ESM_URL_SCHEME Error: Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol 'https:'",
  evalImport: "ERR_UNSUPPORTED_ESM_URL_SCHEME Error: Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol 'https:'",
  evalImportComment: "ERR_UNSUPPORTED_ESM_URL_SCHEME Error: Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol 'https:'",
  functionImport: "ERR_UNSUPPORTED_ESM_URL_SCHEME Error: Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol 'https:'",
  asyncFunctionImport: "ERR_UNSUPPORTED_ESM_URL_SCHEME Error: Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol 'https:'",
  builtinThroughEval: 'ERR_UNKNOWN_BUILTIN_MODULE Error: No such built-in module: node:worker_threads',
  // fetch never leaves the page: the simulated HTTP dependency answers (README, lambda-lab:http).
  fetch: 'ok: 200',
};

/** Storage and the channels out of the environment: none exists. */
export const STORAGE_AND_CHANNELS = `export const handler = async () => ({
  indexedDB: typeof indexedDB, caches: typeof caches, localStorage: typeof localStorage, sessionStorage: typeof sessionStorage,
  postMessage: typeof postMessage, MessageChannel: typeof MessageChannel, BroadcastChannel: typeof BroadcastChannel,
  close: typeof globalThis.close,
});
`;

export const STORAGE_EXPECTED = {
  indexedDB: 'undefined', caches: 'undefined', localStorage: 'undefined', sessionStorage: 'undefined',
  postMessage: 'undefined', MessageChannel: 'undefined', BroadcastChannel: 'undefined', close: 'undefined',
};

/** self.close() (a browser worker's way to end itself) fails as in Node: a function error. */
export const SELF_CLOSE = `export const handler = async () => { (globalThis.self ?? globalThis).close(); return 'still here'; };
`;

/** Echoes what the event's own keys are and whether any prototype was touched. */
export const PROTO_ECHO = `export const handler = async (event) => ({
  keys: Object.keys(event),
  ownProto: Object.prototype.hasOwnProperty.call(event, '__proto__'),
  polluted: ({}).polluted === undefined && ({}).constructor === Object ? 'no' : 'yes',
});
`;

export const PROTO_EVENT_JSON = '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "key1": "value1"}';
