// One execution environment of a code handler, host side: owns the worker, tracks it until it is
// quiescent (the engine waits on that before advancing virtual time), wakes it for its virtual
// timers, and turns Runtime API messages into Lambda outcomes. Never touches real time except
// through the injected watchdog.
import { workerConfig } from './config';
import { mountFiles } from './mount';
import type { PortFactory, WorkerPort } from './hosts/port';
import type { CodeEnvironment, CodeEnvironmentCallbacks, CodeFunctionSpec, CodeRuntimeHost, InvokeRequest, Outcome } from './types';

/** Real-time safety net against runaway code; injected so tests and the engine stay deterministic. */
export interface Watchdog {
  start(ms: number, onFire: () => void): unknown;
  stop(handle: unknown): void;
}

export interface EnvironmentOptions {
  createPort: PortFactory;
  watchdog: Watchdog;
  /** Real ms a worker may run without becoming quiescent before it is terminated. */
  watchdogMs: number;
  /** Real ms allowed for a new worker to boot (not user code). */
  bootWatchdogMs: number;
}

type Phase = 'new' | 'init' | 'frozen' | 'invoking' | 'exited' | 'dead';

export function createEnvironment(spec: CodeFunctionSpec, host: CodeRuntimeHost, callbacks: CodeEnvironmentCallbacks, opts: EnvironmentOptions): CodeEnvironment {
  let phase: Phase = 'new';
  let port: WorkerPort | null = null;
  let queue: unknown[] = [];
  let generation = 0;
  let seq = 0;
  let booted = false;
  let tracking: (() => void) | null = null;
  let watchdogHandle: unknown = null;
  let wakeId: number | null = null;
  let wakeAtMs: number | null = null;
  let request: InvokeRequest | null = null;
  let pendingInvoke: InvokeRequest | null = null;
  const held: Record<string, unknown>[] = [];
  const config = workerConfig(spec);
  let files: Promise<Record<string, string>> | undefined; // layers and packages, mounted once

  let armedMs = 0;
  function armWatchdog(ms: number) {
    if (watchdogHandle !== null) opts.watchdog.stop(watchdogHandle);
    const gen = generation;
    armedMs = ms;
    watchdogHandle = opts.watchdog.start(ms, () => { watchdogHandle = null; if (gen === generation) runaway(); });
  }
  function settle() {
    if (watchdogHandle !== null) { opts.watchdog.stop(watchdogHandle); watchdogHandle = null; }
    const done = tracking;
    tracking = null;
    done?.();
  }
  // Worker boot and Init (module loading included) get the long budget, so a busy machine never
  // kills a healthy start; invocations get watchdogMs.
  const budgetMs = () => (!booted || phase === 'init' ? opts.bootWatchdogMs : opts.watchdogMs);
  function track() {
    if (tracking) {
      // Still tracking Init when the first invoke goes out: the invoke gets its own budget.
      if (armedMs !== budgetMs()) armWatchdog(budgetMs());
      return;
    }
    host.track(new Promise<void>((resolve) => { tracking = resolve; }));
    armWatchdog(budgetMs());
  }
  function send(msg: Record<string, unknown>) {
    msg.seq = ++seq;
    msg.nowMs = host.now();
    track();
    if (port) port.post(msg); else queue.push(msg);
  }
  function cancelWake() {
    if (wakeId !== null) host.cancel(wakeId);
    wakeId = null;
    wakeAtMs = null;
  }
  function stopWorker() {
    generation++;
    cancelWake();
    port?.terminate();
    port = null;
    queue = [];
    held.length = 0;
    settle();
  }

  function startWorker() {
    generation++;
    const gen = generation;
    booted = false;
    seq = 0;
    track();
    files ??= mountFiles(spec);
    files.then((mounted) => {
      (config as Record<string, unknown>).files = mounted; // the start message is still queued
      return opts.createPort(spec.memoryMB);
    }).then((p) => {
      if (gen !== generation) { p.terminate(); return; }
      port = p;
      p.onMessage((m) => { if (gen === generation) onMessage(m); });
      p.onError((e) => { if (gen === generation) workerDied(e); });
      for (const m of queue) p.post(m);
      queue = [];
    }, (e) => { if (gen === generation) workerDied(e); });
    send({ t: 'start', config });
  }

  /** Deliver at the worker's virtual time, which runs ahead of the host's after CPU work
   * (burnCpu, measured CPU time): nothing the worker did is seen before it happened. */
  function at(atMs: number | undefined, fn: () => void) {
    if (atMs !== undefined && atMs > host.now()) host.schedule(atMs, fn); else fn();
  }
  /** Like at(), but dropped if the worker is stopped meanwhile (a timeout killed it first). */
  function atIfAlive(atMs: number | undefined, fn: () => void) {
    const gen = generation;
    at(atMs, () => { if (gen === generation) fn(); });
  }
  const logAt = (atMs: number | undefined, message: string) => atIfAlive(atMs, () => host.log(host.now(), message));

  function onMessage(m: any) {
    switch (m.t) {
      case 'booted': booted = true; if (tracking) armWatchdog(budgetMs()); return;
      case 'log': logAt(m.atMs, m.message); return;
      case 'idle': return onIdle(m);
      case 'dependency': return dependency(m);
      case '/runtime/invocation/next': return initDone(m.atMs);
      case '/runtime/init/error': return initError(m);
      case '/runtime/invocation/{id}/response': return invocationDone(m, { status: 'success', response: JSON.parse(m.payloadJson) });
      case '/runtime/invocation/{id}/error': return invocationDone(m, errorOutcome(m.exitCode !== undefined ? 'crash' : 'error', m));
      case 'exit': return exited(m.signal ? `signal: ${m.signal}` : `exit status ${m.code}`, m.atMs);
    }
  }

  function errorOutcome(status: 'error' | 'crash', m: any): Outcome {
    return { status, errorType: m.errorType, errorMessage: m.errorMessage, trace: m.trace };
  }

  function onIdle(m: any) {
    if (m.seq !== seq) return; // the worker has not seen our latest message yet
    settle();
    const active = phase === 'init' || phase === 'invoking';
    if (!active || m.nextTimerMs === null) { cancelWake(); return; }
    if (wakeAtMs === m.nextTimerMs) return;
    cancelWake();
    wakeAtMs = m.nextTimerMs;
    const gen = generation;
    wakeId = host.schedule(Math.max(m.nextTimerMs, host.now()), () => {
      wakeId = null;
      wakeAtMs = null;
      if (gen === generation && (phase === 'init' || phase === 'invoking')) send({ t: 'timers' });
    });
  }

  /** The call leaves when the worker made it, in its virtual time. */
  function dependency(m: any) {
    const gen = generation;
    atIfAlive(m.atMs, () => host.call(m.service, m.op, m.args, (reply) => {
      if (gen !== generation || phase === 'dead') return;
      const msg = { t: 'dependency', callId: m.callId, reply };
      if (phase === 'frozen') held.push(msg); else send(msg); // a frozen environment sees it when thawed (F09)
    }));
  }

  function initDone(atMs: number) {
    if (phase !== 'init') return;
    phase = 'frozen';
    cancelWake();
    const next = pendingInvoke;
    pendingInvoke = null;
    if (next) { startInvocation(next); return; } // re-initialised inside an invoke (F06, F131)
    at(atMs, () => callbacks.onInitDone({ status: 'success', response: null }));
  }

  function initError(m: any) {
    const outcome = errorOutcome('error', m);
    failInit(outcome, m.atMs);
  }
  function failInit(outcome: Outcome, atMs?: number) {
    phase = 'exited'; // the runtime exits after /runtime/init/error (F100, F131)
    stopWorker();
    const next = pendingInvoke;
    pendingInvoke = null;
    if (next) at(atMs, () => callbacks.onInvokeDone({ ...outcome, status: 'crash' } as Outcome));
    else at(atMs, () => callbacks.onInitDone(outcome));
  }

  function invocationDone(m: any, outcome: Outcome) {
    if (phase !== 'invoking' || !request || m.requestId !== request.requestId) return; // stale id: F98's 400
    request = null;
    if (outcome.status === 'crash') {
      // The runtime posted the error, then exited (F131, F132): the platform logs the exit.
      phase = 'exited';
      stopWorker();
      logAt(m.atMs, `RequestId: ${m.requestId} Error: Runtime exited with error: exit status ${m.exitCode}\nRuntime.ExitError`);
    } else { phase = 'frozen'; cancelWake(); }
    at(m.atMs, () => callbacks.onInvokeDone(outcome));
  }

  /** process.exit(), a fatal error outside an invocation or out of memory: the runtime process
   * is gone (F135, F134). `how` is "exit status N" or "signal: killed". */
  function exited(how: string, atMs?: number) {
    const message = `Runtime exited with error: ${how}`;
    if (phase === 'init') { failInit({ status: 'error', errorType: 'Runtime.ExitError', errorMessage: message }, atMs); return; }
    const current = request;
    request = null;
    const wasInvoking = phase === 'invoking';
    phase = 'exited';
    stopWorker();
    if (wasInvoking && current) {
      logAt(atMs, `RequestId: ${current.requestId} Error: ${message}\nRuntime.ExitError`);
      at(atMs, () => callbacks.onInvokeDone({ status: 'crash', errorType: 'Runtime.ExitError', errorMessage: message }));
    } else {
      at(atMs, () => callbacks.onRuntimeExit?.({ status: 'crash', errorType: 'Runtime.ExitError', errorMessage: message }));
    }
  }

  function workerDied(e: unknown) {
    if (phase === 'dead' || phase === 'exited') return;
    if (typeof process !== 'undefined' && process.env.LAMBDA_LAB_DEBUG) console.error('worker died', e);
    exitedBySignal();
  }
  function exitedBySignal() {
    const message = 'Runtime exited with error: signal: killed';
    if (phase === 'init') { failInit({ status: 'error', errorType: 'Runtime.ExitError', errorMessage: message }); return; }
    const current = request;
    request = null;
    const wasInvoking = phase === 'invoking';
    phase = 'exited';
    stopWorker();
    const outcome: Outcome = { status: 'crash', errorType: 'Runtime.ExitError', errorMessage: message };
    if (!wasInvoking || !current) { callbacks.onRuntimeExit?.(outcome); return; }
    host.log(host.now(), `RequestId: ${current.requestId} Error: ${message}\nRuntime.ExitError`); // F134
    callbacks.onInvokeDone(outcome);
  }

  /** The watchdog fired: terminate silently; the engine's deadline records the timeout (F133). */
  function runaway() {
    if (phase === 'dead') return;
    phase = 'exited';
    stopWorker();
  }

  /** Module code starts after the platform's extension and runtime init (F22), in virtual time. */
  function beginInit() {
    const delayMs = Math.max(0, spec.platformInitMs || 0);
    if (delayMs === 0) { startWorker(); return; }
    const gen = ++generation;
    wakeId = host.schedule(host.now() + delayMs, () => { wakeId = null; if (gen === generation && phase === 'init') startWorker(); });
  }

  function startInvocation(r: InvokeRequest) {
    phase = 'invoking';
    request = r;
    let eventJson: string;
    try { eventJson = JSON.stringify(r.event === undefined ? null : r.event); } catch { eventJson = 'null'; }
    send({ t: 'invocation', requestId: r.requestId, eventJson, deadlineMs: r.deadlineMs, invokedFunctionArn: r.invokedFunctionArn, traceId: r.traceId });
    for (const msg of held.splice(0)) send(msg); // after the thaw: logged under the new request id (F09)
  }

  return {
    init() {
      if (phase !== 'new') return;
      phase = 'init';
      beginInit();
    },
    invoke(r: InvokeRequest) {
      if (phase === 'dead') return;
      if (phase === 'frozen') { startInvocation(r); return; }
      pendingInvoke = r;
      if (phase === 'exited' || phase === 'new') { phase = 'init'; beginInit(); }
    },
    destroy(reason) {
      void reason;
      if (phase === 'dead') return;
      phase = 'dead';
      request = null;
      pendingInvoke = null;
      stopWorker();
      try { host.call('db', 'release', { environment: spec.logStreamName }, () => {}); } catch { /* no dependency service wired */ }
    },
  };
}
