// Service side of code handlers: one CodeEnvironment (simulator/runtime) per execution
// environment, driven through CodeRuntimeHost on the engine's scheduler. The service owns
// the clock, the 10 s Init limit (F03) and the invoke timeout (F133, then reset: F06).
import type { CodeEnvironment, CodeFunctionSpec, CodeRuntimeHost, Outcome } from '../runtime/types';
import type { CodeHandler } from '../scenario/types';
import type { EnvironmentEndReason } from '../trace/records';
import { cpuShare, INIT_LIMIT_MS } from '../scenario/limits';
import type { Environment, HandlerStrategy } from './functionPool';
import type { EnvironmentHost } from './host';
import { initReportTimeoutLine, logGroupName, runtimeExitLine } from './logFormat';

const ACCOUNT_ID = '123456789012';

function functionArn(host: EnvironmentHost, name: string): string {
  return `arn:aws:lambda:${host.config.region}:${ACCOUNT_ID}:function:${name}`;
}

function codeSpec(host: EnvironmentHost, env: Environment, platformInitMs: number): CodeFunctionSpec {
  const spec = env.fn.spec;
  const handler = spec.handler as CodeHandler;
  return {
    functionName: spec.name,
    functionVersion: env.fn.version, // F112: the version that runs
    invokedFunctionArn: functionArn(host, spec.name),
    runtime: spec.runtime,
    handler: handler.handler ?? 'index.handler',
    source: handler.source,
    memoryMB: spec.memoryMB,
    timeoutMs: spec.timeoutMs,
    environment: { ...spec.environment },
    initializationType: env.provisioned ? 'provisioned-concurrency' : 'on-demand', // F15
    logGroupName: logGroupName(spec.name),
    logStreamName: env.record.logStream,
    region: host.config.region,
    epochMs: host.config.epochMs, // log timestamps follow the scenario's epoch
    platformInitMs,
    cpuShare: cpuShare(spec.memoryMB), // F28
    cpuTime: 'none',
    layers: spec.layers?.map((l) => ({ files: l.files, packages: l.packages })), // mounted under /opt (F38)
    packages: spec.packages,
  };
}

function createCode(host: EnvironmentHost, env: Environment, platformInitMs: number): CodeEnvironment {
  const factory = host.codeFactory;
  if (!factory) throw new Error('code handler: no CodeEnvironment factory (simulator/runtime/index.ts) is loaded');
  const sched = host.scheduler;
  const fnName = env.fn.spec.name;
  // Every call a runtime makes from a worker's reply goes through the reply queue, so replies
  // that arrive together are applied in environment order, not in the order threads answered.
  const replies = host.replies;
  const source = replies.nextSource();
  const later = (fn: () => void) => replies.deliver(source, fn);
  const runtimeHost: CodeRuntimeHost = {
    now: () => sched.now(),
    schedule: (atMs, fn) => replies.schedule(source, atMs, fn, (t, f) => sched.schedule(t, f)),
    cancel: (id) => replies.cancel(id, (realId) => sched.cancel(realId)),
    track: (p) => host.track(p),
    log: (timeMs, message) => later(() => host.recorder.log(timeMs, fnName, env.record.logStream, message)),
    call: (svc, op, args, reply) => later(() => {
      if (host.dependencies) return host.dependencies.call(svc, op, args, reply);
      // Without a dependency service every call fails, asynchronously, like a network error.
      sched.at(sched.now(), () => reply({ ok: false, errorType: 'ResourceNotFoundException', errorMessage: `no simulated ${svc} in this scenario` }));
    }),
  };
  let code: CodeEnvironment;
  const isCurrent = () => env.code === code;
  code = factory(codeSpec(host, env, platformInitMs), runtimeHost, {
    onInitDone: (outcome) => later(() => { if (isCurrent()) codeInitDone(host, env, outcome); }),
    onInvokeDone: (outcome) => later(() => { if (isCurrent()) codeInvokeDone(host, env, outcome); }),
    onRuntimeExit: (outcome) => later(() => { if (isCurrent()) codeRuntimeExited(host, env, outcome); }),
  });
  env.code = code;
  return code;
}

/** A new runtime process: its start is drawn from the F22 calibration like a model handler's
 * Init; module code (and its CPU work, `burnCpu` at module scope) adds its own virtual time. */
function startRuntime(host: EnvironmentHost, env: Environment): void {
  env.runtimeInitMs = env.fn.drawRuntimeInitMs();
  createCode(host, env, env.runtimeInitMs).init();
}

function beginCodeInit(host: EnvironmentHost, env: Environment): void {
  host.fire(env, 'extensionInit.completed'); // no extensions are modelled: 0 ms
  env.initStartMs = host.scheduler.now();
  env.record.initPhasesMs = undefined;
  if (!env.provisioned) {
    // F03 (F04: the 10 s limit does not apply to provisioned concurrency).
    env.initTimer = host.scheduler.at(env.initStartMs + INIT_LIMIT_MS, () => codeInitTimedOut(host, env));
  }
  startRuntime(host, env);
}

function codeInitDone(host: EnvironmentHost, env: Environment, outcome: Outcome): void {
  const now = host.scheduler.now();
  if (env.current) {
    // The retried Init inside an invoke (F03) finished: run the handler now.
    if (outcome.status === 'success') sendInvoke(host, env);
    else endWithError(host, env, outcome, true);
    return;
  }
  if (env.initTimer) host.scheduler.cancelEvent(env.initTimer);
  env.initTimer = null;
  const totalMs = now - env.initStartMs;
  const runtimeMs = Math.min(totalMs, env.runtimeInitMs);
  env.initDurationMs = totalMs;
  env.record.initPhasesMs = { extension: 0, runtime: runtimeMs, function: totalMs - runtimeMs };
  host.fire(env, 'runtimeInit.completed');
  if (outcome.status === 'success') {
    host.initCompleted(env);
    return;
  }
  // F131: an Init error is returned by the invoke that follows; the environment then resets.
  env.initError = outcome;
  host.fire(env, 'init.failed');
  const call = env.pending;
  env.pending = null;
  if (!call) {
    // A provisioned environment whose Init failed: reset it, nothing to report to.
    host.fire(env, 'invoke.crashed');
    host.fire(env, 'reset.completed');
    host.ended(env, 'error-reset');
    return;
  }
  host.startInvocation(env, call, true);
}

function codeInitTimedOut(host: EnvironmentHost, env: Environment): void {
  env.initTimer = null;
  const now = host.scheduler.now();
  host.recorder.log(now, env.fn.spec.name, env.record.logStream, initReportTimeoutLine(INIT_LIMIT_MS));
  env.initDurationMs = INIT_LIMIT_MS;
  env.code?.destroy('timeout');
  env.code = null;
  host.fire(env, 'init.timedOut');
  const call = env.pending!;
  env.pending = null;
  // F03: Init is retried at the first invocation, bounded by the function timeout.
  host.startInvocation(env, call, true, -1);
}

function invokeRequest(host: EnvironmentHost, env: Environment) {
  const inv = env.current!;
  return {
    requestId: inv.requestId,
    event: inv.call.event,
    deadlineMs: inv.startMs + env.fn.spec.timeoutMs,
    invokedFunctionArn: functionArn(host, inv.call.function), // F112: with the caller's qualifier
    traceId: `Root=1-${Math.floor((host.config.epochMs + inv.startMs) / 1000).toString(16)}-${inv.requestId.replace(/-/g, '').slice(0, 24)};Sampled=0`,
  };
}

/** `suppressedInitMs` < 0: Init must be re-run first (F03). */
function runCodeInvocation(host: EnvironmentHost, env: Environment, suppressedInitMs: number): void {
  const inv = env.current!;
  inv.timer = host.scheduler.at(inv.startMs + env.fn.spec.timeoutMs, () => codeTimedOut(host, env));
  if (env.initError) {
    const error = env.initError as Exclude<Outcome, { status: 'success' }>;
    env.initError = null;
    endWithError(host, env, error, true);
    return;
  }
  if (suppressedInitMs < 0 || env.code === null) {
    startRuntime(host, env);
    return;
  }
  sendInvoke(host, env);
}

/**
 * F141: the runtime's own work comes first (reading the event from the Runtime API), so even a
 * handler that returns at once takes time, and a second request in the same millisecond finds
 * this environment busy (F12).
 */
function sendInvoke(host: EnvironmentHost, env: Environment): void {
  const inv = env.current!;
  const code = env.code!;
  const atMs = host.scheduler.now() + env.fn.drawInvokeOverheadMs();
  host.scheduler.at(atMs, () => {
    if (env.current === inv && env.code === code) code.invoke(invokeRequest(host, env));
  });
}

/**
 * The runtime process exited between invocations (e.g. a timer threw after the response): the
 * platform logs the exit and resets the environment (F06, F135), so the next request gets a new
 * one and a cold start. An invoke already on its way re-runs Init inside it instead.
 */
function codeRuntimeExited(host: EnvironmentHost, env: Environment, outcome: Outcome): void {
  if (env.current || host.stateName(env) !== 'idle') return;
  const fn = env.fn;
  const rec = host.recorder;
  if (outcome.status !== 'success' && rec.keepLogs) {
    const now = host.scheduler.now();
    rec.log(now, fn.spec.name, env.record.logStream, runtimeExitLine(env.lastRequestId, outcome.errorMessage.replace(/^Runtime exited with error: /, '')));
    rec.log(now, fn.spec.name, env.record.logStream, outcome.errorType);
  }
  host.removeIdle(env);
  host.fire(env, 'runtime.exited');
  host.fire(env, 'reset.completed');
  host.ended(env, 'error-reset');
}

function codeTimedOut(host: EnvironmentHost, env: Environment): void {
  const call = env.current!.call;
  env.current!.timer = null;
  host.endInvocation(env, { status: 'timeout', call });
}

function codeInvokeDone(host: EnvironmentHost, env: Environment, outcome: Outcome): void {
  const inv = env.current;
  if (!inv) return; // late report after a timeout
  if (inv.timer) host.scheduler.cancelEvent(inv.timer);
  inv.timer = null;
  if (outcome.status === 'success') host.endInvocation(env, { status: 'success', call: inv.call, response: outcome.response });
  else endWithError(host, env, outcome);
}

function endWithError(host: EnvironmentHost, env: Environment, outcome: Exclude<Outcome, { status: 'success' }>, reset = false): void {
  const inv = env.current!;
  if (inv.timer) host.scheduler.cancelEvent(inv.timer);
  inv.timer = null;
  host.endInvocation(env, {
    status: outcome.status, call: inv.call, errorType: outcome.errorType, errorMessage: outcome.errorMessage,
    trace: outcome.trace ?? [], reset,
  });
}

function destroyCode(env: Environment, reason: EnvironmentEndReason): void {
  const code = env.code;
  if (!code) return;
  env.code = null;
  const r = reason === 'timeout-reset' ? 'timeout' : reason === 'config-update' ? 'end' : reason === 'recycled' ? 'scale-in' : reason;
  code.destroy(r);
}

/** The code handler, bound to the service: one CodeEnvironment per execution environment. */
export function createCodeHandler(host: EnvironmentHost): HandlerStrategy {
  return {
    beginInit: (env) => beginCodeInit(host, env),
    runInvocation: (env, suppressedInitMs) => runCodeInvocation(host, env, suppressedInitMs),
    destroy: destroyCode,
  };
}
