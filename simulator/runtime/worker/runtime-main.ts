// The runtime inside one execution environment's worker: the Node.js runtime interface client's
// loop (F96-F100) over a message channel instead of HTTP, on virtual time. Bundled into the worker
// (entry.ts), which hands it its helpers in `parts`.

export interface WorkerGlue {
  post(msg: unknown): void;
  onMessage(cb: (msg: any) => void): void;
  /** A real macrotask (runs after the microtask queue drains). */
  macrotask(fn: () => void): void;
  realNow(): number;
  moduleUrl(code: string): string;
  importUrl(url: string): Promise<any>;
  onUnhandledRejection(cb: (reason: unknown) => void): void;
  onUncaughtError(cb: (error: unknown) => void): void;
}

export function runtimeMain(glue: WorkerGlue, parts: any): void {
  const RealDate = Date;
  const BEGIN = Symbol.for('lambda-lab.begin');
  const IMPORT = Symbol.for('lambda-lab.import');
  let cfg: any = null;
  let baseNow = 0;
  let segRealStart = glue.realNow();
  let startMs = 0;
  let lastSeq = 0;
  let loading = false;
  let dead = false;
  let checkScheduled = false;
  let confirmed = false;
  let requestIdForLogs = 'undefined';
  let current: any = null; // the invocation in flight
  let beforeExit: null | (() => void) = null;
  let handlerFn: any = null;
  let rng = 1;
  let nextCallId = 1;
  const pendingCalls = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();

  const now = () => (cfg && cfg.cpuMeasured ? Math.max(baseNow, baseNow + (glue.realNow() - segRealStart) / cfg.cpuShare) : baseNow);
  function syncClock(hostNowMs: number) { baseNow = Math.max(now(), hostNowMs); segRealStart = glue.realNow(); }
  function random() { // mulberry32, seeded per environment: the same generator as core/rng.ts's
    rng = (rng + 0x6d2b79f5) | 0;
    let t = Math.imul(rng ^ (rng >>> 15), 1 | rng);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  function post(msg: any) { if (!dead) glue.post(Object.assign(msg, { atMs: now() })); }
  function kick() {
    confirmed = false;
    if (checkScheduled || dead) return;
    checkScheduled = true;
    glue.macrotask(check);
  }

  const Buffer = parts.makeBufferClass();
  const util = parts.makeUtil();
  const timers = parts.makeTimers(now);
  const crypto = parts.makeCrypto(random, Buffer);

  // ---- console (F120-F122): text lines `<ISO ts>\t<requestId>\t<LEVEL>\t<message with \n -> \r>`,
  // or JSON lines when AWS_LAMBDA_LOG_FORMAT=JSON; levels below AWS_LAMBDA_LOG_LEVEL are dropped.
  const LEVELS: Record<string, number> = { TRACE: 1, DEBUG: 2, INFO: 3, WARN: 4, ERROR: 5, FATAL: 6 };
  const jsonLogs = () => !!cfg && String(cfg.env.AWS_LAMBDA_LOG_FORMAT ?? '').toUpperCase() === 'JSON';
  function logRaw(message: string) { post({ t: 'log', message }); }
  function errorJson(_k: string, v: any) {
    if (!(v instanceof Error)) return v;
    return Object.assign({ errorType: v.constructor?.name ?? 'UnknownError', errorMessage: v.message,
      stackTrace: typeof v.stack === 'string' ? cleanStack(v.stack).split('\n') : v.stack }, v);
  }
  function emit(level: string, args: unknown[]) {
    const min = LEVELS[String(cfg?.env.AWS_LAMBDA_LOG_LEVEL ?? '').toUpperCase()] ?? 1;
    if (level !== 'FATAL' && LEVELS[level] < min) return;
    const ts = new RealDate((cfg ? cfg.epochMs : 0) + now()).toISOString();
    if (!jsonLogs()) { logRaw(`${ts}\t${requestIdForLogs}\t${level}\t${util.format(...args).replace(/\n/g, '\r')}`); return; }
    const head: any = { timestamp: ts, level, requestId: requestIdForLogs };
    if (args.length === 1) {
      try { logRaw(JSON.stringify({ ...head, message: args[0] }, errorJson)); return; } catch { logRaw(JSON.stringify({ ...head, message: util.format(args[0]) })); return; }
    }
    head.message = util.format(...args);
    const err: any = args.find((a) => a instanceof Error);
    if (err) Object.assign(head, { errorType: err.constructor?.name ?? 'UnknownError', errorMessage: err.message, stackTrace: typeof err.stack === 'string' ? cleanStack(err.stack).split('\n') : [] });
    logRaw(JSON.stringify(head));
  }
  const logLine = (level: string, text: string) => emit(level, [text]);
  const lvl = (level: string) => (...args: unknown[]) => emit(level, args);
  const counts: Record<string, number> = {};
  const timersByLabel: Record<string, number> = {};
  const console = {
    log: lvl('INFO'), info: lvl('INFO'), warn: lvl('WARN'), error: lvl('ERROR'), debug: lvl('DEBUG'),
    trace: lvl('TRACE'), fatal: lvl('FATAL'), dir: (v: unknown) => logLine('INFO', util.inspect(v)), table: lvl('INFO'),
    assert: (ok: unknown, ...args: unknown[]) => { if (!ok) logLine('ERROR', 'Assertion failed' + (args.length ? ': ' + util.format(...args) : '')); },
    count: (label = 'default') => { counts[label] = (counts[label] || 0) + 1; logLine('INFO', `${label}: ${counts[label]}`); },
    time: (label = 'default') => { timersByLabel[label] = now(); },
    timeEnd: (label = 'default') => { logLine('INFO', `${label}: ${(now() - (timersByLabel[label] ?? now())).toFixed(3)}ms`); delete timersByLabel[label]; },
    timeLog: (label = 'default') => { logLine('INFO', `${label}: ${(now() - (timersByLabel[label] ?? now())).toFixed(3)}ms`); },
    group: lvl('INFO'), groupEnd: () => {},
  };

  // ---- errors in the Node runtime's shapes (F126, F127)
  // Stacks show the handler file as Lambda would (/var/task/...), without the simulator's frames.
  function cleanStack(s: string) {
    const url = loader.userUrl();
    const text = url ? s.split(url).join('file://' + loader.userFile()) : s;
    return text.split('\n').filter((l) => !/^\s+at /.test(l) || l.includes('/var/task/')).join('\n');
  }
  function isErrorLike(e: any) {
    return e instanceof Error || (e && typeof e.name === 'string' && typeof e.message === 'string' && typeof e.stack === 'string' && e.name && e.message && e.stack);
  }
  function toRapid(e: any) {
    try {
      if (isErrorLike(e)) return { errorType: e.name, errorMessage: e.message, trace: cleanStack(String(e.stack)).split('\n') };
      return { errorType: typeof e, errorMessage: e.toString(), trace: [] as string[] };
    } catch {
      return { errorType: 'handled', errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack', trace: [] as string[] };
    }
  }
  function formatted(e: any) {
    try {
      return '\t' + JSON.stringify(e, (_k, v) => {
        if (!(v instanceof Error)) return v;
        const out: any = Object.assign({ errorType: v.name, errorMessage: v.message, code: (v as any).code }, v);
        if (typeof v.stack === 'string') out.stack = cleanStack(v.stack).split('\n');
        return out;
      });
    } catch { return '\t' + JSON.stringify(toRapid(e)); }
  }
  // F127: "Invoke Error \t{...}" in text mode (non-Error values wrapped like the RIC's intoError).
  function logError(title: string, e: unknown) {
    const err = e instanceof Error ? e : new Error(e as any);
    if (jsonLogs()) emit('ERROR', [err]); else emit('ERROR', [`${title} ${formatted(err)}`]);
  }

  // ---- host calls: the simulated dependencies live engine-side so limits span environments
  function callHost(service: string, op: string, args: unknown): Promise<any> {
    const callId = nextCallId++;
    return new Promise((resolve, reject) => {
      pendingCalls.set(callId, { resolve, reject });
      post({ t: 'dependency', callId, service, op, args });
    });
  }
  const env = (extra: object) => Object.assign({ environment: cfg.logStreamName }, extra);
  const db = {
    async connect(options: object = {}) {
      const { connectionId } = await callHost('db', 'connect', env({ options }));
      let open = true;
      const use = (op: string, args: object) => {
        if (!open) return Promise.reject(Object.assign(new Error('Cannot enqueue Query after invoking quit.'), { code: 'PROTOCOL_ENQUEUE_AFTER_QUIT' }));
        return callHost('db', op, env({ connectionId, ...args }));
      };
      return {
        query: (sql: string, params?: unknown[]) => use('query', { sql: String(sql), params: params ?? [] }),
        get: (key: string) => use('get', { key: String(key) }).then((r: any) => r.value),
        put: (key: string, value: unknown) => use('put', { key: String(key), value }).then(() => undefined),
        end: async () => { if (open) { open = false; await callHost('db', 'end', env({ connectionId })); } },
      };
    },
  };
  function httpRequest(url: string, init: any = {}) {
    return callHost('http', 'request', env({ url: String(url), method: String(init.method ?? 'GET').toUpperCase(), headers: init.headers ?? {}, body: init.body === undefined ? null : String(init.body) }))
      .then((r: any) => ({ status: r.status, ok: r.status >= 200 && r.status < 300, headers: r.headers, body: r.body, json: () => JSON.parse(r.body), text: () => r.body }));
  }
  const http = { request: httpRequest, get: (url: string, init?: object) => httpRequest(url, { ...init, method: 'GET' }) };
  function fetch(input: any, init: any = {}) {
    return httpRequest(typeof input === 'string' ? input : String(input && input.url), init).then((r: any) => ({
      ok: r.ok, status: r.status, statusText: r.ok ? 'OK' : '', url: String(input),
      headers: { get: (k: string) => r.headers[String(k).toLowerCase()] ?? null, has: (k: string) => String(k).toLowerCase() in r.headers },
      text: async () => r.body, json: async () => JSON.parse(r.body),
    }));
  }

  // ---- CPU-bound work on virtual time: burnCpu(ms) is ms of single-threaded work at one vCPU
  // (1,769 MB, F28), stretched in proportion below it; more memory adds vCPUs, which one thread
  // cannot use, so above 1,769 MB it takes the same ms.
  function burnCpu(ms: unknown) {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new TypeError('burnCpu(ms): ms must be a finite number of milliseconds >= 0');
    const share = Math.min(cfg ? cfg.cpuShare : 1, 1);
    baseNow += ms / share;
    kick();
  }

  // ---- process (exit: F135) and the module registry
  function exit(code?: number) {
    const status = code === undefined ? Number(proc.exitCode ?? 0) : Number(code);
    post({ t: 'exit', code: status });
    dead = true;
    throw new Error('process.exit'); // stops the caller; the host terminates the worker
  }
  /** F134: out of memory. The process is SIGKILLed: no handler code runs after this. */
  function killed(): never {
    post({ t: 'exit', signal: 'killed' });
    dead = true;
    throw new RangeError('Runtime exited with error: signal: killed');
  }
  const proc: any = {
    env: {}, argv: ['/var/lang/bin/node', '/var/runtime/index.mjs'], execArgv: [], platform: 'linux', arch: 'x64', pid: 8,
    version: 'v0', versions: {}, exitCode: undefined, title: 'node', release: { name: 'node' },
    cwd: () => '/var/task', exit, nextTick: (fn: Function, ...args: unknown[]) => queueMicrotask(() => fn(...args)),
    uptime: () => (now() - startMs) / 1000,
    hrtime: Object.assign((prev?: [number, number]) => {
      const ns = Math.round((now() - startMs) * 1e6);
      const t: [number, number] = [Math.floor(ns / 1e9), ns % 1e9];
      return prev ? [t[0] - prev[0] - (t[1] < prev[1] ? 1 : 0), (t[1] - prev[1] + 1e9) % 1e9] : t;
    }, { bigint: () => BigInt(Math.round((now() - startMs) * 1e6)) }),
    memoryUsage: Object.assign(() => ({ rss: 50331648, heapTotal: 16777216, heapUsed: 8388608, external: 1048576, arrayBuffers: 16384 }), { rss: () => 50331648 }),
    cpuUsage: () => ({ user: 0, system: 0 }),
    on() { return proc; }, once() { return proc; }, off() { return proc; }, emit: () => false, listeners: () => [],
    emitWarning: (w: unknown) => logLine('WARN', String(w)),
    stdout: { write: (s: unknown) => { logRaw(String(s).replace(/\n$/, '')); return true; } },
    stderr: { write: (s: unknown) => { logRaw(String(s).replace(/\n$/, '')); return true; } },
  };
  const timersPromises = {
    setTimeout: (ms?: number, value?: unknown) => new Promise((r) => timers.api.setTimeout(r, ms, value)),
    setImmediate: (value?: unknown) => new Promise((r) => timers.api.setImmediate(r, value)),
  };
  const modules: Record<string, any> = {};
  const builtin = (name: string, m: any) => { modules[name] = m; modules['node:' + name] = m; };
  builtin('crypto', crypto);
  builtin('util', util);
  builtin('buffer', { Buffer });
  builtin('timers', timers.api);
  builtin('timers/promises', timersPromises);
  modules['lambda-lab:db'] = db;
  modules['lambda-lab:http'] = http;
  modules['lambda-lab:cpu'] = { burnCpu };
  (globalThis as any)[Symbol.for('lambda-lab.modules')] = modules;

  const loader = parts.makeLoader({
    modules, moduleUrl: glue.moduleUrl, importUrl: glue.importUrl, beginKey: BEGIN, importKey: IMPORT,
    setLoading: (on: boolean) => { loading = on; if (!on) kick(); },
  });
  (globalThis as any)[BEGIN] = () => { loading = false; kick(); };
  (globalThis as any)[IMPORT] = loader.dynamicImport;

  // ---- quiescence: two real macrotasks with nothing runnable; then report the next timer
  function check() {
    checkScheduled = false;
    if (dead || loading) return;
    if (timers.runOne(uncaught)) { kick(); return; }
    if (!confirmed) { confirmed = true; checkScheduled = true; glue.macrotask(check); return; }
    if (!timers.keepsAlive() && pendingCalls.size === 0 && beforeExit) {
      const fn = beforeExit; // Node's 'beforeExit': the event loop has drained (F106, F107)
      beforeExit = null;
      fn();
      kick();
      return;
    }
    post({ t: 'idle', seq: lastSeq, nextTimerMs: timers.nextAt() });
  }

  function uncaught(e: unknown) {
    if (dead) return;
    logError('Uncaught Exception', e);
    fatal(e, 129);
  }
  function fatal(e: unknown, code: number) {
    const body = toRapid(e);
    if (current) post({ t: '/runtime/invocation/{id}/error', requestId: current.requestId, ...body, exitCode: code });
    else if (!handlerFn) post({ t: '/runtime/init/error', ...body, exitCode: code });
    else post({ t: 'exit', code });
    current = null;
    dead = true;
  }
  glue.onUncaughtError(uncaught);
  glue.onUnhandledRejection((reason: unknown) => {
    if (dead) return;
    const err = new Error(reason as any);
    err.name = 'Runtime.UnhandledPromiseRejection'; // F132
    logError('Unhandled Promise Rejection', err);
    fatal(err, 128);
  });

  let awslambda: any = null;
  parts.installGlobals({
    now, epochMs: () => (cfg ? cfg.epochMs : 0), startMs: () => startMs, random, timers, Buffer,
    process: proc, console, crypto, fetch, awslambda,
  });
  parts.guardAllocations(() => (cfg ? cfg.memoryMB : 10240) * 1048576, killed, Buffer);
  parts.guardCodeStrings(`globalThis[Symbol.for(${JSON.stringify(IMPORT.description)})](`);

  function buildEnv(c: any) {
    Object.assign(proc.env, c.env);
    proc.version = c.nodeVersion;
    proc.versions = { node: c.nodeVersion.slice(1) };
  }

  async function start(c: any) {
    cfg = c;
    rng = c.seed | 0;
    startMs = now();
    buildEnv(c);
    if (c.env.AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA !== '1' && c.env.AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA !== 'true') {
      awslambda = (globalThis as any).awslambda = {
        streamifyResponse: (fn: any) => { fn[Symbol.for('aws.lambda.runtime.handler.streaming')] = 'response'; return fn; },
        HttpResponseStream: { from: (stream: any, prelude: unknown) => { stream.prelude = prelude; return stream; } },
      };
    }
    try {
      const loaded = await loader.load({ handler: c.handler, source: c.source, lexed: c.lexed, fileName: c.fileName, files: c.files, nodePath: c.env.NODE_PATH });
      handlerFn = loaded.fn;
      const isAsync = handlerFn.constructor && handlerFn.constructor.name === 'AsyncFunction';
      const streaming = handlerFn[Symbol.for('aws.lambda.runtime.handler.streaming')] === 'response';
      if (c.callbacksRemoved && handlerFn.length >= 3 && !streaming) { // F108: nodejs24.x
        const e = new Error('ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.');
        e.name = 'Runtime.CallbackHandlerDeprecated';
        throw e;
      }
      if (!c.callbacksRemoved && handlerFn.length === 3 && !isAsync && !streaming && c.env.AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING === undefined) {
        console.warn('AWS Lambda plans to remove support for callback-based function handlers starting with Node.js 24. You will need to update this function to use an async handler to use Node.js 24 or later. For more information and to provide feedback on this change, see https://github.com/aws/aws-lambda-nodejs-runtime-interface-client/issues/137. To disable this warning, set the AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING environment variable.');
      }
      post({ t: '/runtime/invocation/next' });
    } catch (e) {
      if (dead) return;
      logError('Uncaught Exception', e); // F128, F131
      post({ t: '/runtime/init/error', ...toRapid(e), exitCode: 129 });
      dead = true;
    }
    kick();
  }

  // F98/F31: the response body is JSON; undefined becomes null; over 6 MB is refused.
  function serialize(result: unknown) {
    let json: string;
    try { json = JSON.stringify(result === undefined ? null : result) ?? 'null'; } catch { throw new Error('Unable to stringify response body'); }
    return json;
  }

  function invoke(m: any) {
    requestIdForLogs = m.requestId;
    if (m.traceId) proc.env._X_AMZN_TRACE_ID = m.traceId; else delete proc.env._X_AMZN_TRACE_ID; // F103
    const inv = { requestId: m.requestId, done: false };
    current = inv;
    const isAsync = handlerFn.constructor && handlerFn.constructor.name === 'AsyncFunction';
    const streaming = handlerFn[Symbol.for('aws.lambda.runtime.handler.streaming')] === 'response';
    let waitForEmptyLoop = true;
    const finish = (msg: any) => {
      if (inv.done) { console.error('Invocation has already been reported as done. Cannot call complete more than once per invocation.'); return; }
      inv.done = true;
      if (current === inv) current = null;
      beforeExit = null;
      post(msg);
    };
    const fail = (err: unknown) => {
      if (inv.done) return;
      logError('Invoke Error', err);
      finish({ t: '/runtime/invocation/{id}/error', requestId: inv.requestId, ...toRapid(err) });
    };
    const succeed = (result: unknown) => {
      if (inv.done) return;
      let json: string;
      try { json = serialize(result); } catch (e) { fail(e); return; }
      // F31: the limit is in UTF-8 bytes; UTF-8 never has fewer bytes than UTF-16 code units.
      if (json.length > 6291556 / 3 && (json.length > 6291556 || Buffer.byteLength(json) > 6291556)) {
        finish({ t: '/runtime/invocation/{id}/error', requestId: inv.requestId, errorType: 'Function.ResponseSizeTooLarge', errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).', trace: [] });
        return;
      }
      finish({ t: '/runtime/invocation/{id}/response', requestId: inv.requestId, payloadJson: json });
    };
    let settled = false;
    const once = (fn: (...a: any[]) => void) => (...a: any[]) => { if (!settled) { settled = true; fn(...a); } };
    const done = once((err: unknown, result: unknown) => (err !== undefined && err !== null ? fail(err) : succeed(result)));
    const callback = once((err: unknown, result: unknown) => {
      if (err !== undefined && err !== null) { fail(err); return; }
      if (!waitForEmptyLoop) succeed(result); else beforeExit = () => succeed(result); // F107
    });
    const context: any = {
      functionName: cfg.functionName, functionVersion: cfg.functionVersion, invokedFunctionArn: m.invokedFunctionArn,
      memoryLimitInMB: String(cfg.memoryMB), awsRequestId: m.requestId, logGroupName: cfg.logGroupName,
      logStreamName: cfg.logStreamName, identity: undefined, clientContext: undefined,
      getRemainingTimeInMillis: () => Math.round(m.deadlineMs - now()), // F111, against the virtual deadline
    };
    if (!cfg.callbacksRemoved) {
      Object.defineProperty(context, 'callbackWaitsForEmptyEventLoop', { get: () => waitForEmptyLoop, set: (v) => { waitForEmptyLoop = v; }, enumerable: true });
      context.succeed = (r: unknown) => done(null, r);
      context.fail = (e: unknown) => done(e === undefined || e === null ? 'handled' : e, null);
      context.done = done;
    }
    // Drained loop with no answer: async handlers fail (Runtime.NodeJsExit), others return null (F106, F107).
    beforeExit = () => {
      if (isAsync || cfg.callbacksRemoved) {
        const e = new Error('The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes');
        e.name = 'Runtime.NodeJsExit';
        fail(e);
      } else succeed(null);
    };
    let event: unknown;
    try { event = JSON.parse(m.eventJson); } catch { event = null; }
    try {
      if (streaming) { invokeStreaming(event, context, succeed, fail); return; }
      const result = handlerFn(event, context, cfg.callbacksRemoved ? undefined : callback);
      if (result && typeof result.then === 'function') result.then((r: unknown) => done(null, r), (e: unknown) => done(e));
      else if (cfg.callbacksRemoved) done(null, result);
    } catch (e) {
      if (cfg.callbacksRemoved) done(e); else callback(e);
    }
  }

  function invokeStreaming(event: unknown, context: any, succeed: (r: unknown) => void, fail: (e: unknown) => void) {
    const chunks: string[] = [];
    let ended = false;
    const stream: any = {
      write(chunk: any) { chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()); return true; },
      end(chunk?: any) { if (chunk !== undefined) stream.write(chunk); ended = true; },
      setContentType(t: string) { stream.contentType = t; },
      on() { return stream; }, once() { return stream; },
      get writableFinished() { return ended; },
    };
    const r = handlerFn(event, stream, context);
    if (!r || typeof r.then !== 'function') { fail(Object.assign(new Error('Streaming does not support non-async handlers.'), { name: 'Runtime.InvalidStreamingOperation' })); return; }
    r.then((v: unknown) => {
      if (v !== undefined) console.warn('Streaming handlers ignore return values.');
      if (!ended) fail(Object.assign(new Error('Response stream is not finished.'), { name: 'Runtime.InvalidStreamingOperation' }));
      else succeed(chunks.join(''));
    }, fail);
  }

  glue.onMessage((m: any) => {
    if (dead) return;
    lastSeq = m.seq;
    syncClock(m.nowMs);
    try {
      if (m.t === 'start') start(m.config);
      else if (m.t === 'invocation') invoke(m);
      else if (m.t === 'dependency') {
        const p = pendingCalls.get(m.callId);
        pendingCalls.delete(m.callId);
        if (p && m.reply.ok) p.resolve(m.reply.value);
        else if (p) p.reject(Object.assign(new Error(m.reply.errorMessage), { code: m.reply.errorType }));
      }
    } catch (e) {
      if (!dead) uncaught(e);
    }
    kick();
  });
  post({ t: 'booted' });
}
