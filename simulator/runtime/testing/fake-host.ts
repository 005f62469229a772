// A minimal stand-in for the engine, for the runtime's own tests and benchmark: a virtual clock
// with an event heap, tracked promises awaited before time advances, logs collected, and the
// dependency service wired as host.call. It mirrors what the service model does for code handlers.
import { createDependencyService, type DependencyConfig } from '../dependencies';
import { createCodeEnvironment } from '../index';
import { cpuShare } from '../../scenario/limits';
import type { EnvironmentOptions } from '../environment';
import type { CodeEnvironment, CodeFunctionSpec, CodeRuntimeHost, Outcome } from '../types';

type Event = { atMs: number; seq: number; id: number; fn: () => void };

export function createFakeHost(deps: DependencyConfig = {}) {
  let nowMs = 0;
  let seq = 0;
  let events: Event[] = [];
  const tracked: Promise<unknown>[] = [];
  const logs: { timeMs: number; message: string }[] = [];
  const clock = {
    now: () => nowMs,
    schedule(atMs: number, fn: () => void) {
      const id = ++seq;
      events.push({ atMs: Math.max(atMs, nowMs), seq: id, id, fn });
      return id;
    },
  };
  const dependencies = createDependencyService(clock, deps);
  const host: CodeRuntimeHost = {
    ...clock,
    cancel(id) { events = events.filter((e) => e.id !== id); },
    track(p) { tracked.push(p); },
    log(timeMs, message) { logs.push({ timeMs, message }); },
    call: (service, op, args, reply) => dependencies.call(service, op, args, reply),
  };
  async function quiesce() {
    while (tracked.length > 0) await Promise.all(tracked.splice(0));
  }
  /** Run events in virtual-time order until `stop()` is true or nothing is left. */
  async function run(stop: () => boolean, untilMs = Number.POSITIVE_INFINITY) {
    for (;;) {
      await quiesce();
      if (stop()) return;
      events.sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
      const next = events[0];
      if (!next || next.atMs > untilMs) return;
      events.shift();
      nowMs = next.atMs;
      next.fn();
    }
  }
  return { host, logs, dependencies, run, now: () => nowMs, pending: () => events.length };
}

export function codeSpec(source: string, over: Partial<CodeFunctionSpec> = {}): CodeFunctionSpec {
  return {
    functionName: 'my-function', functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:my-function',
    runtime: 'nodejs24.x', handler: 'index.handler', source, memoryMB: 128, timeoutMs: 3000,
    environment: {}, initializationType: 'on-demand', logGroupName: '/aws/lambda/my-function',
    logStreamName: '2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef', region: 'us-east-1',
    platformInitMs: 0, cpuShare: cpuShare(128), cpuTime: 'none', ...over,
  };
}

export type RunOutcome = Outcome | { status: 'timeout' } | { status: 'stuck' };

/** One environment driven the way the engine drives it, with the deadline turning into destroy('timeout'). */
export function harness(spec: CodeFunctionSpec, opts: Partial<EnvironmentOptions> = {}, fake = createFakeHost()) {
  let initOutcome: Outcome | null = null;
  let invokeOutcome: Outcome | null = null;
  const runtimeExits: Outcome[] = [];
  let env: CodeEnvironment = create();
  let n = 0;
  function create() {
    return createCodeEnvironment(spec, fake.host, {
      onInitDone: (o) => { initOutcome = o; },
      onInvokeDone: (o) => { invokeOutcome = o; },
      onRuntimeExit: (o) => { runtimeExits.push(o); },
    }, opts);
  }
  async function init(): Promise<RunOutcome> {
    initOutcome = null;
    env.init();
    await fake.run(() => initOutcome !== null);
    return initOutcome ?? { status: 'stuck' };
  }
  async function invoke(event: unknown = {}, requestId = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`): Promise<RunOutcome> {
    invokeOutcome = null;
    let timedOut = false;
    const deadlineMs = fake.now() + spec.timeoutMs;
    const deadline = fake.host.schedule(deadlineMs, () => { if (!invokeOutcome) { timedOut = true; env.destroy('timeout'); } });
    env.invoke({ requestId, event, deadlineMs, invokedFunctionArn: spec.invokedFunctionArn, traceId: 'Root=1-00000000-000000000000000000000000;Sampled=0' });
    await fake.run(() => invokeOutcome !== null || timedOut);
    fake.host.cancel(deadline);
    if (timedOut) { env = create(); return { status: 'timeout' }; } // Lambda resets the environment (F06)
    return invokeOutcome ?? { status: 'stuck' };
  }
  return { fake, init, invoke, runtimeExits, destroy: () => env.destroy('end'), reset: () => { env.destroy('error-reset'); env = create(); } };
}
