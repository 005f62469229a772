// Service side of code handlers: one CodeEnvironment (simulator/runtime) per execution
// environment, driven through CodeRuntimeHost on the engine's scheduler. The service owns
// the clock, the 10 s Init limit (F03) and the invoke timeout (F133, then reset: F06).
import type { CodeEnvironment, CodeFunctionSpec, CodeRuntimeHost, Outcome } from '../runtime/types';
import type { CodeHandler } from '../scenario/types';
import type { EnvironmentEndReason } from '../trace/records';
import type { Environment } from './functionPool';
import type { LambdaService } from './lambdaService';
import { initReportTimeoutLine, logGroupName, runtimeExitLine } from './logFormat';
import { INIT_LIMIT_MS } from './modelHandler';

const ACCOUNT_ID = '123456789012';

function functionArn(service: LambdaService, name: string): string {
  return `arn:aws:lambda:${service.config.region}:${ACCOUNT_ID}:function:${name}`;
}

function codeSpec(service: LambdaService, env: Environment, platformInitMs: number): CodeFunctionSpec {
  const spec = env.fn.spec;
  const handler = spec.handler as CodeHandler;
  return {
    functionName: spec.name,
    functionVersion: '$LATEST',
    invokedFunctionArn: functionArn(service, spec.name),
    runtime: spec.runtime,
    handler: handler.handler ?? 'index.handler',
    source: handler.source,
    memoryMB: spec.memoryMB,
    timeoutMs: spec.timeoutMs,
    environment: { ...spec.environment },
    initializationType: env.provisioned ? 'provisioned-concurrency' : 'on-demand', // F15
    logGroupName: logGroupName(spec.name),
    logStreamName: env.record.logStream,
    region: service.config.region,
    epochMs: service.config.epochMs, // log timestamps follow the scenario's epoch
    platformInitMs,
    cpuShare: Math.min(spec.memoryMB / 1769, 6), // F28
    cpuTime: 'none',
  };
}

function createCode(service: LambdaService, env: Environment, platformInitMs: number): CodeEnvironment {
  const factory = service.codeFactory;
  if (!factory) throw new Error('code handler: no CodeEnvironment factory (simulator/runtime/index.ts) is loaded');
  const sched = service.scheduler;
  const fnName = env.fn.spec.name;
  const host: CodeRuntimeHost = {
    now: () => sched.now(),
    schedule: (atMs, fn) => sched.schedule(atMs, fn),
    cancel: (id) => sched.cancel(id),
    track: (p) => service.track(p),
    log: (timeMs, message) => service.recorder.log(timeMs, fnName, env.record.logStream, message),
    call: (svc, op, args, reply) => {
      if (service.dependencies) return service.dependencies.call(svc, op, args, reply);
      // Without a dependency service every call fails, asynchronously, like a network error.
      sched.at(sched.now(), () => reply({ ok: false, errorType: 'ResourceNotFoundException', errorMessage: `no simulated ${svc} in this scenario` }));
    },
  };
  let code: CodeEnvironment;
  const isCurrent = () => env.code === code;
  code = factory(codeSpec(service, env, platformInitMs), host, {
    onInitDone: (outcome) => { if (isCurrent()) codeInitDone(service, env, outcome); },
    onInvokeDone: (outcome) => { if (isCurrent()) codeInvokeDone(service, env, outcome); },
    onRuntimeExit: (outcome) => { if (isCurrent()) codeRuntimeExited(service, env, outcome); },
  });
  env.code = code;
  return code;
}

/** A new runtime process: its start is drawn from the F22 calibration like a model handler's
 * Init; module code (and its CPU work, `burnCpu` at module scope) adds its own virtual time. */
function startRuntime(service: LambdaService, env: Environment): void {
  env.runtimeInitMs = env.fn.drawRuntimeInitMs();
  createCode(service, env, env.runtimeInitMs).init();
}

export function beginCodeInit(service: LambdaService, env: Environment): void {
  service.fire(env, 'extensionInit.completed'); // no extensions are modelled: 0 ms
  env.initStartMs = service.scheduler.now();
  env.record.initPhasesMs = undefined;
  if (!env.provisioned) {
    // F03 (F04: the 10 s limit does not apply to provisioned concurrency).
    env.initTimer = service.scheduler.at(env.initStartMs + INIT_LIMIT_MS, () => codeInitTimedOut(service, env));
  }
  startRuntime(service, env);
}

function codeInitDone(service: LambdaService, env: Environment, outcome: Outcome): void {
  const now = service.scheduler.now();
  if (env.current) {
    // The retried Init inside an invoke (F03) finished: run the handler now.
    if (outcome.status === 'success') sendInvoke(service, env);
    else endWithError(service, env, outcome, true);
    return;
  }
  if (env.initTimer) service.scheduler.cancelEvent(env.initTimer);
  env.initTimer = null;
  const totalMs = now - env.initStartMs;
  const runtimeMs = Math.min(totalMs, env.runtimeInitMs);
  env.initDurationMs = totalMs;
  env.record.initPhasesMs = { extension: 0, runtime: runtimeMs, function: totalMs - runtimeMs };
  service.fire(env, 'runtimeInit.completed');
  if (outcome.status === 'success') {
    service.initCompleted(env);
    return;
  }
  // F131: an Init error is returned by the invoke that follows; the environment then resets.
  env.initError = outcome;
  service.fire(env, 'init.failed');
  const call = env.pending;
  env.pending = null;
  if (!call) {
    // A provisioned environment whose Init failed: reset it, nothing to report to.
    service.fire(env, 'invoke.crashed');
    service.fire(env, 'reset.completed');
    service.ended(env, 'error-reset');
    return;
  }
  service.startInvocation(env, call, true);
}

function codeInitTimedOut(service: LambdaService, env: Environment): void {
  env.initTimer = null;
  const now = service.scheduler.now();
  service.recorder.log(now, env.fn.spec.name, env.record.logStream, initReportTimeoutLine(INIT_LIMIT_MS));
  env.initDurationMs = INIT_LIMIT_MS;
  env.code?.destroy('timeout');
  env.code = null;
  service.fire(env, 'init.timedOut');
  const call = env.pending!;
  env.pending = null;
  // F03: Init is retried at the first invocation, bounded by the function timeout.
  service.startInvocation(env, call, true, -1);
}

function invokeRequest(service: LambdaService, env: Environment) {
  const inv = env.current!;
  return {
    requestId: inv.requestId,
    event: inv.call.event,
    deadlineMs: inv.startMs + env.fn.spec.timeoutMs,
    invokedFunctionArn: functionArn(service, env.fn.spec.name),
    traceId: `Root=1-${Math.floor((service.config.epochMs + inv.startMs) / 1000).toString(16)}-${inv.requestId.replace(/-/g, '').slice(0, 24)};Sampled=0`,
  };
}

/** `suppressedInitMs` < 0: Init must be re-run first (F03). */
export function runCodeInvocation(service: LambdaService, env: Environment, suppressedInitMs: number): void {
  const inv = env.current!;
  inv.timer = service.scheduler.at(inv.startMs + env.fn.spec.timeoutMs, () => codeTimedOut(service, env));
  if (env.initError) {
    const error = env.initError as Exclude<Outcome, { status: 'success' }>;
    env.initError = null;
    endWithError(service, env, error, true);
    return;
  }
  if (suppressedInitMs < 0 || env.code === null) {
    startRuntime(service, env);
    return;
  }
  sendInvoke(service, env);
}

/**
 * F141: the runtime's own work comes first (reading the event from the Runtime API), so even a
 * handler that returns at once takes time, and a second request in the same millisecond finds
 * this environment busy (F12).
 */
function sendInvoke(service: LambdaService, env: Environment): void {
  const inv = env.current!;
  const code = env.code!;
  const atMs = service.scheduler.now() + env.fn.drawInvokeOverheadMs();
  service.scheduler.at(atMs, () => {
    if (env.current === inv && env.code === code) code.invoke(invokeRequest(service, env));
  });
}

/**
 * The runtime process exited between invocations (e.g. a timer threw after the response): the
 * platform logs the exit and resets the environment (F06, F135), so the next request gets a new
 * one and a cold start. An invoke already on its way re-runs Init inside it instead.
 */
function codeRuntimeExited(service: LambdaService, env: Environment, outcome: Outcome): void {
  if (env.current || service.stateName(env) !== 'idle') return;
  const fn = env.fn;
  const rec = service.recorder;
  if (outcome.status !== 'success' && rec.keepLogs) {
    const now = service.scheduler.now();
    rec.log(now, fn.spec.name, env.record.logStream, runtimeExitLine(env.lastRequestId, outcome.errorMessage.replace(/^Runtime exited with error: /, '')));
    rec.log(now, fn.spec.name, env.record.logStream, outcome.errorType);
  }
  if (env.provisioned) fn.idleProvisioned.splice(fn.idleProvisioned.indexOf(env), 1);
  else fn.idleOnDemand.remove(env);
  service.fire(env, 'runtime.exited');
  service.fire(env, 'reset.completed');
  service.ended(env, 'error-reset');
}

function codeTimedOut(service: LambdaService, env: Environment): void {
  const call = env.current!.call;
  env.current!.timer = null;
  service.endInvocation(env, { status: 'timeout', call });
}

function codeInvokeDone(service: LambdaService, env: Environment, outcome: Outcome): void {
  const inv = env.current;
  if (!inv) return; // late report after a timeout
  if (inv.timer) service.scheduler.cancelEvent(inv.timer);
  inv.timer = null;
  if (outcome.status === 'success') service.endInvocation(env, { status: 'success', call: inv.call, response: outcome.response });
  else endWithError(service, env, outcome);
}

function endWithError(service: LambdaService, env: Environment, outcome: Exclude<Outcome, { status: 'success' }>, reset = false): void {
  const inv = env.current!;
  if (inv.timer) service.scheduler.cancelEvent(inv.timer);
  inv.timer = null;
  service.endInvocation(env, {
    status: outcome.status, call: inv.call, errorType: outcome.errorType, errorMessage: outcome.errorMessage,
    trace: outcome.trace ?? [], reset,
  });
}

export function destroyCode(env: Environment, reason: EnvironmentEndReason): void {
  const code = env.code;
  if (!code) return;
  env.code = null;
  const r = reason === 'timeout-reset' ? 'timeout' : reason === 'config-update' ? 'end' : reason;
  code.destroy(r);
}
