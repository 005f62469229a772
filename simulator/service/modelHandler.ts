// The model handler: Init and Invoke durations drawn from the scenario's distributions and
// the cold-start calibration (F22), CPU stretched by memory (F28), errors, crashes and
// timeouts decided up front so each invocation costs one scheduled event.
import { sample } from '../core/distributions';
import type { ModelHandler } from '../scenario/types';
import { INIT_LIMIT_MS } from '../scenario/limits';
import type { Environment, HandlerStrategy } from './functionPool';
import type { EnvironmentHost } from './host';
import { initReportTimeoutLine } from './logFormat';

const MODEL_ERROR_MESSAGE = 'Simulated function error';
const MODEL_TRACE = [`Error: ${MODEL_ERROR_MESSAGE}`, '    at Runtime.handler (file:///var/task/index.mjs:1:1)'];

/** Draws are kept to 0.01 ms, the resolution of the REPORT line (F118). */
const round2 = (ms: number) => Math.round(ms * 100) / 100;

/** Total Init time and its split into the F02 phases. */
function drawInit(env: Environment): { extension: number; runtime: number; function: number } {
  const fn = env.fn;
  const h = fn.spec.handler as ModelHandler;
  if (h.initMs === undefined) {
    return { extension: 0, runtime: fn.drawRuntimeInitMs(), function: 0 };
  }
  // initMs replaces the calibrated total; the runtime's own start is part of it.
  const total = round2(sample(h.initMs, fn.rng));
  const runtime = Math.min(total, round2(Math.exp(fn.initDist.mu)));
  return { extension: 0, runtime, function: total - runtime };
}

function beginModelInit(host: EnvironmentHost, env: Environment): void {
  const phases = drawInit(env);
  const totalMs = phases.extension + phases.runtime + phases.function;
  env.initDurationMs = totalMs;
  env.record.initPhasesMs = phases;
  host.fire(env, 'extensionInit.completed'); // no extensions are modelled: 0 ms (F07)
  const sched = host.scheduler;
  const t0 = sched.now();
  if (env.provisioned && t0 === 0) {
    // F15/F04: provisioned environments at time 0 were initialised before the scenario starts;
    // later ones (allocated during the run, recycled) run their Init in time, with no 10 s limit.
    host.fire(env, 'runtimeInit.completed');
    host.initCompleted(env);
    return;
  }
  if (totalMs > INIT_LIMIT_MS && !env.provisioned) {
    env.initTimer = sched.at(t0 + INIT_LIMIT_MS, () => initTimedOut(host, env, totalMs));
    return;
  }
  env.initTimer = sched.at(t0 + phases.runtime, () => {
    host.fire(env, 'runtimeInit.completed');
    env.initTimer = sched.at(t0 + totalMs, () => {
      env.initTimer = null;
      host.initCompleted(env);
    });
  });
}

/** F03: Init hit 10 s; Lambda logs INIT_REPORT and retries Init inside the invoke. */
function initTimedOut(host: EnvironmentHost, env: Environment, initMs: number): void {
  env.initTimer = null;
  const now = host.scheduler.now();
  host.recorder.log(now, env.fn.spec.name, env.record.logStream, initReportTimeoutLine(INIT_LIMIT_MS));
  env.initDurationMs = INIT_LIMIT_MS;
  host.fire(env, 'init.timedOut');
  const call = env.pending!;
  env.pending = null;
  host.startInvocation(env, call, true, initMs);
}

function runModelInvocation(host: EnvironmentHost, env: Environment, suppressedInitMs: number, end: (env: Environment) => void): void {
  const fn = env.fn;
  const h = fn.spec.handler as ModelHandler;
  const inv = env.current!;
  let runMs = sample(h.durationMs, fn.rng) + suppressedInitMs;
  if (h.cpuMs !== undefined) runMs += sample(h.cpuMs, fn.rng) * fn.cpuStretch;
  runMs = round2(runMs);
  const crashed = h.crashRate !== undefined && h.crashRate > 0 && fn.rng.float() < h.crashRate;
  const call = inv.call;
  const errorRate = call.modelErrorRate ?? h.errorRate;
  const failed = !crashed && errorRate !== undefined && errorRate > 0 && fn.rng.float() < errorRate;
  let endMs = inv.startMs + runMs;
  if (runMs > fn.spec.timeoutMs) {
    endMs = inv.startMs + fn.spec.timeoutMs;
    inv.end = { status: 'timeout', call };
  } else if (crashed) {
    inv.end = { status: 'crash', call, errorType: 'Runtime.ExitError', exitError: 'exit status 1' };
  } else if (failed) {
    inv.end = { status: 'error', call, errorType: 'Error', errorMessage: MODEL_ERROR_MESSAGE, trace: MODEL_TRACE, logError: true };
  } else {
    inv.end = { status: 'success', call, response: h.response !== undefined ? h.response : call.modelDefaultResponse ?? null };
  }
  inv.timer = host.scheduler.atWith(endMs, end, env);
}

/** The model handler, bound to the service once: one shared end callback, no closure per invocation. */
export function createModelHandler(host: EnvironmentHost): HandlerStrategy {
  const end = (env: Environment) => host.endInvocation(env, env.current!.end!);
  return {
    beginInit: (env) => beginModelInit(host, env),
    runInvocation: (env, suppressedInitMs) => runModelInvocation(host, env, suppressedInitMs, end),
    destroy: () => {}, // nothing is held outside the environment
  };
}
