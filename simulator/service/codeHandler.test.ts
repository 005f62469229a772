// The service side of code handlers, driven by a fake CodeEnvironment that answers through
// tracked promises the way a worker would (real async work, virtual time standing still).
import { describe, expect, it } from 'vitest';
import { createSimulation, simulate, type Scenario } from '../index';
import type { CodeFunctionSpec, CreateCodeEnvironment, InvokeRequest, Outcome } from '../runtime/types';

interface FakeBehaviour {
  initMs?: number;
  initOutcome?: Outcome;
  /** Per invocation, in order (the last one repeats): virtual ms and outcome. */
  invokes?: { ms: number; outcome: Outcome }[];
}

function fakeRuntime(behaviour: FakeBehaviour) {
  const created: CodeFunctionSpec[] = [];
  const destroyed: string[] = [];
  const requests: InvokeRequest[] = [];
  /** Virtual time at which each invoke reached the runtime. */
  const sentAt: number[] = [];
  let n = 0;
  const factory: CreateCodeEnvironment = (spec, host, callbacks) => {
    created.push(spec);
    // Work happens off the engine's thread: a real macrotask the engine must wait for.
    const later = (fn: () => void) => host.track(new Promise<void>((resolve) => setImmediate(() => { fn(); resolve(); })));
    return {
      init() {
        later(() => host.schedule(host.now() + spec.platformInitMs + (behaviour.initMs ?? 0), () => {
          host.log(host.now(), 'init done');
          callbacks.onInitDone(behaviour.initOutcome ?? { status: 'success', response: null });
        }));
      },
      invoke(request) {
        requests.push(request);
        sentAt.push(host.now());
        const step = (behaviour.invokes ?? [{ ms: 10, outcome: { status: 'success', response: 'ok' } }]);
        const { ms, outcome } = step[Math.min(n++, step.length - 1)];
        later(() => host.schedule(host.now() + ms, () => callbacks.onInvokeDone(outcome)));
      },
      destroy(reason) {
        destroyed.push(reason);
      },
    };
  };
  return { factory, created, destroyed, requests, sentAt };
}

const codeScenario = (over: Partial<Scenario['functions'][0]> = {}, at = [0, 1000]): Scenario => ({
  durationMs: 10_000,
  functions: [{ name: 'fn', timeoutMs: 1000, handler: { kind: 'code', source: 'export const handler = async () => 1;' }, ...over }],
  sources: [{ type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { at } }],
});

describe('code handlers through the CodeEnvironment interface', () => {
  it('create one environment per execution environment and hand it the function configuration', async () => {
    const fake = fakeRuntime({ initMs: 50 });
    const r = await simulate(codeScenario({ memoryMB: 256, environment: { STAGE: 'dev' } }), { createCodeEnvironment: fake.factory });
    expect(fake.created).toHaveLength(1);
    const spec = fake.created[0];
    expect(spec).toMatchObject({
      functionName: 'fn', handler: 'index.handler', memoryMB: 256, timeoutMs: 1000, environment: { STAGE: 'dev' },
      initializationType: 'on-demand', logGroupName: '/aws/lambda/fn', logStreamName: r.environments[0].logStream, functionVersion: '$LATEST',
    });
    expect(spec.invokedFunctionArn).toBe('arn:aws:lambda:us-east-1:123456789012:function:fn');
    expect(r.invocations[0].initDurationMs).toBeCloseTo(spec.platformInitMs + 50, 1);
    expect(fake.requests.map((q) => q.requestId)).toEqual(r.invocations.map((i) => i.requestId));
    expect(fake.requests[0].deadlineMs).toBe(r.invocations[0].startMs + 1000);
    expect(r.requests.map((q) => q.response)).toEqual(['ok', 'ok']);
    expect(r.logs.map((l) => l.message)).toContain('init done');
    expect(fake.destroyed).toEqual(['end']);
  });

  it('wait for tracked work before advancing virtual time (the handler ends 10 ms after it gets the event)', async () => {
    const fake = fakeRuntime({});
    const r = await simulate(codeScenario(), { createCodeEnvironment: fake.factory });
    expect(r.requests.every((q) => q.outcome === 'succeeded')).toBe(true);
    const overheadMs = fake.sentAt[1] - r.invocations[1].startMs;
    expect(r.invocations[1]).toMatchObject({ coldStart: false, durationMs: Math.round((10 + overheadMs) * 100) / 100 });
  });

  it('F141: the runtime spends 1-2 ms of its own per invoke at 128 MB, less with more memory (F28), never 0', async () => {
    const overheads = async (memoryMB: number) => {
      const fake = fakeRuntime({ invokes: [{ ms: 0, outcome: { status: 'success', response: null } }] });
      const r = await simulate(codeScenario({ memoryMB }, Array.from({ length: 40 }, (_, i) => i * 100)), { createCodeEnvironment: fake.factory });
      return r.invocations.map((i) => i.durationMs);
    };
    const small = await overheads(128);
    expect(Math.min(...small)).toBeGreaterThan(0.7);
    expect(Math.max(...small)).toBeLessThan(3);
    const p50 = [...small].sort((a, b) => a - b)[20];
    expect(p50).toBeGreaterThanOrEqual(1);
    expect(p50).toBeLessThanOrEqual(2);
    const big = await overheads(1769);
    expect(Math.min(...big)).toBeGreaterThan(0);
    expect(Math.max(...big)).toBeLessThan(p50 / 5); // 1,769 / 128 = 13.8 times the CPU
    expect(big).toEqual(await overheads(1769)); // seeded: the same every run
  });

  it('time out at the deadline (F133), destroy the environment with "timeout" and ignore the late answer', async () => {
    const fake = fakeRuntime({ invokes: [{ ms: 5000, outcome: { status: 'success', response: 'late' } }] });
    const r = await simulate(codeScenario(), { createCodeEnvironment: fake.factory });
    expect(r.invocations[0]).toMatchObject({ status: 'timeout', durationMs: 1000, errorType: 'Sandbox.Timedout' });
    expect(fake.destroyed[0]).toBe('timeout');
    expect(r.environments[0].endReason).toBe('timeout-reset');
    expect(r.invocations[1].coldStart).toBe(true); // F06: reset, then a new Init
    expect(r.logs.some((l) => /Task timed out after 1\.00 seconds$/.test(l.message))).toBe(true);
  });

  it('report a function error with its body and keep the environment warm', async () => {
    const error: Outcome = { status: 'error', errorType: 'TypeError', errorMessage: 'x is not a function', trace: ['TypeError: x is not a function'] };
    const fake = fakeRuntime({ invokes: [{ ms: 5, outcome: error }, { ms: 5, outcome: { status: 'success', response: 2 } }] });
    const r = await simulate(codeScenario(), { createCodeEnvironment: fake.factory });
    expect(r.requests[0].response).toEqual({ errorType: 'TypeError', errorMessage: 'x is not a function', trace: ['TypeError: x is not a function'] });
    expect(r.invocations[1].coldStart).toBe(false);
    expect(fake.created).toHaveLength(1);
  });

  it('reset after a crash (F06, F132) and after an Init error (F131), re-running Init next time', async () => {
    const crash: Outcome = { status: 'crash', errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'Error: r' };
    const fake = fakeRuntime({ invokes: [{ ms: 5, outcome: crash }] });
    const r = await simulate(codeScenario(), { createCodeEnvironment: fake.factory });
    expect(r.environments.map((e) => e.endReason)).toEqual(['error-reset', 'error-reset']);
    expect(fake.destroyed.slice(0, 1)).toEqual(['error-reset']);
    const initError: Outcome = { status: 'error', errorType: 'Error', errorMessage: 'x' };
    const broken = fakeRuntime({ initOutcome: initError });
    const r2 = await simulate(codeScenario(), { createCodeEnvironment: broken.factory });
    expect(r2.invocations.map((i) => [i.status, i.errorType, i.coldStart])).toEqual([['error', 'Error', true], ['error', 'Error', true]]);
    expect(broken.created).toHaveLength(2);
    expect(broken.requests).toHaveLength(0);
  });

  it('give provisioned environments initializationType provisioned-concurrency (F15)', async () => {
    const fake = fakeRuntime({});
    const r = await simulate(codeScenario({ provisionedConcurrency: 1 }, [500]), { createCodeEnvironment: fake.factory });
    expect(fake.created[0].initializationType).toBe('provisioned-concurrency');
    expect(r.invocations[0].coldStart).toBe(false);
  });

  it('retry a 12 s Init inside the invoke after the 10 s limit (F03)', async () => {
    const fake = fakeRuntime({ initMs: 12_000 });
    const r = await simulate(codeScenario({ timeoutMs: 30_000 }, [0]), { createCodeEnvironment: fake.factory });
    expect(r.logs.map((l) => l.message)).toContain('INIT_REPORT Init Duration: 10000.00 ms\tPhase: init\tStatus: timeout');
    expect(r.invocations[0]).toMatchObject({ status: 'success', startMs: 10_000, initDurationMs: 10_000 });
    expect(fake.destroyed[0]).toBe('timeout');
    expect(fake.created).toHaveLength(2);
  });

  it('back host.call with the simulated dependencies, in virtual time (scenario.dependencies)', async () => {
    const replies: { ok: boolean; atMs: number }[] = [];
    const factory: CreateCodeEnvironment = (_spec, host, callbacks) => ({
      init: () => callbacks.onInitDone({ status: 'success', response: null }),
      invoke() {
        const start = host.now();
        host.call('http', 'request', { url: 'https://api.example.com/x', method: 'GET' }, (reply) => {
          replies.push({ ok: reply.ok, atMs: host.now() - start });
          callbacks.onInvokeDone({ status: 'success', response: reply.ok ? (reply.value as { status: number }).status : reply.errorType });
        });
      },
      destroy: () => {},
    });
    const s: Scenario = { ...codeScenario({}, [0]), dependencies: { http: { latencyMs: 250, jitterMs: 0, routes: { 'api.example.com': { status: 201 } } } } };
    const r = await simulate(s, { createCodeEnvironment: factory });
    expect(replies).toEqual([{ ok: true, atMs: 250 }]);
    expect(r.requests[0].response).toBe(201);
    expect(r.invocations[0].durationMs).toBeGreaterThan(250); // plus the runtime's own work (F141)
    expect(r.invocations[0].durationMs).toBeLessThan(253);
  });

  it('reach the simulated database when stepped synchronously with an injected factory', () => {
    const replies: unknown[] = [];
    const factory: CreateCodeEnvironment = (_spec, host, callbacks) => ({
      init: () => callbacks.onInitDone({ status: 'success', response: null }),
      invoke() {
        host.call('db', 'connect', { environment: 'e1', options: {} }, (reply) => {
          replies.push(reply.ok ? 'connected' : reply.errorType);
          callbacks.onInvokeDone({ status: 'success', response: null });
        });
      },
      destroy: () => {},
    });
    const sim = createSimulation({ ...codeScenario({}, [0]), dependencies: { db: { connectMs: 30, jitterMs: 0 } } }, { createCodeEnvironment: factory });
    sim.runUntilSync(5000);
    expect(replies).toEqual(['connected']);
    expect(sim.result().invocations[0].durationMs).toBeGreaterThanOrEqual(30);
    sim.dispose();
  });

  it('hand a code handler behind API Gateway a REST proxy (v1) event with the payload as body', async () => {
    const fake = fakeRuntime({ invokes: [{ ms: 5, outcome: { status: 'success', response: { statusCode: 201, body: 'made' } } }] });
    const r = await simulate({
      ...codeScenario(),
      sources: [{ type: 'api-gateway', function: 'fn', arrivals: { at: [0] }, payloads: [{ item: 1 }] }],
    }, { createCodeEnvironment: fake.factory });
    const event = fake.requests[0].event as { httpMethod: string; body: string; requestContext: { stage: string } };
    expect(event.httpMethod).toBe('POST');
    expect(JSON.parse(event.body)).toEqual({ item: 1 });
    expect(event.requestContext).toBeTruthy();
    expect(r.requests[0]).toMatchObject({ statusCode: 201, outcome: 'succeeded', response: { statusCode: 201, body: 'made' } });
  });

  it('let the console invoke the same warm environment repeatedly', async () => {
    const fake = fakeRuntime({});
    const sim = createSimulation({ ...codeScenario(), sources: [] }, { createCodeEnvironment: fake.factory });
    await sim.ready();
    for (let i = 0; i < 3; i++) {
      const { finished } = sim.invoke('fn', { n: i });
      await sim.settle();
      expect((await finished).response).toBe('ok');
    }
    expect(sim.result().invocations.map((i) => i.coldStart)).toEqual([true, false, false]);
    expect(fake.requests.map((q) => q.event)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
    sim.dispose();
  });
});
