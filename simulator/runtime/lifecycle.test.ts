import { describe, expect, test } from 'vitest';
import { codeSpec, createFakeHost, harness } from './testing/fake-host';
import { createCodeEnvironment } from './index';
import type { Watchdog } from './environment';
import type { Outcome } from './types';

const ID = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\t/;
const counter = `let invocations = 0;
export const handler = async () => { invocations++; return { invocations }; };`;

describe('execution environment lifecycle', () => {
  test('module scope runs once per environment: a counter grows across warm invokes and restarts in a new environment', async () => {
    const a = harness(codeSpec(counter));
    expect(await a.init()).toEqual({ status: 'success', response: null });
    expect(await a.invoke()).toEqual({ status: 'success', response: { invocations: 1 } });
    expect(await a.invoke()).toEqual({ status: 'success', response: { invocations: 2 } });
    const b = harness(codeSpec(counter), {}, a.fake);
    await b.init();
    expect(await b.invoke()).toEqual({ status: 'success', response: { invocations: 1 } });
    expect(await a.invoke()).toEqual({ status: 'success', response: { invocations: 3 } });
    a.destroy(); b.destroy();
  });

  test('console lines use the Node runtime format: undefined request id during init, the request id after, newlines as \\r (F120)', async () => {
    const h = harness(codeSpec(`console.log('cold');
export const handler = async () => { console.log('a\\nb'); console.warn('w'); console.error('e', { x: 1 }); console.info('i'); return 1; };`));
    await h.init();
    await h.invoke({}, 'c0ffee00-0000-4000-8000-000000000001');
    const lines = h.fake.logs.map((l) => l.message);
    expect(lines[0]).toMatch(ID);
    expect(lines[0].split('\t').slice(1)).toEqual(['undefined', 'INFO', 'cold']);
    expect(lines.slice(1).map((l) => l.split('\t').slice(1).join('\t'))).toEqual([
      'c0ffee00-0000-4000-8000-000000000001\tINFO\ta\rb',
      'c0ffee00-0000-4000-8000-000000000001\tWARN\tw',
      'c0ffee00-0000-4000-8000-000000000001\tERROR\te { x: 1 }',
      'c0ffee00-0000-4000-8000-000000000001\tINFO\ti',
    ]);
    h.destroy();
  });

  test('a 200 ms virtual sleep takes exactly 200 virtual ms and getRemainingTimeInMillis counts down against the deadline (F111)', async () => {
    const h = harness(codeSpec(`export const handler = async (event, context) => {
  const before = context.getRemainingTimeInMillis();
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, 200));
  return { before, after: context.getRemainingTimeInMillis(), sleptMs: Date.now() - t0 };
};`));
    await h.init();
    const start = h.fake.now();
    expect(await h.invoke()).toEqual({ status: 'success', response: { before: 3000, after: 2800, sleptMs: 200 } });
    expect(h.fake.now() - start).toBe(200);
    h.destroy();
  });

  test('a 5 s sleep under a 3 s timeout never answers: the deadline resets the environment (F133, F06)', async () => {
    const h = harness(codeSpec(`let n = 0;
export const handler = async (event) => { n++; await new Promise((r) => setTimeout(r, event.sleepMs)); return n; };`));
    await h.init();
    expect(await h.invoke({ sleepMs: 200 })).toEqual({ status: 'success', response: 1 });
    expect(await h.invoke({ sleepMs: 5000 })).toEqual({ status: 'timeout' });
    await h.init();
    expect(await h.invoke({ sleepMs: 200 })).toEqual({ status: 'success', response: 1 });
    h.destroy();
  });

  test('an infinite loop is stopped by the watchdog and the deadline then resets the environment', async () => {
    const h = harness(codeSpec(`let n = 0;
export const handler = async (event) => { n++; if (event.spin) { while (true) {} } return n; };`), { watchdogMs: 300 });
    await h.init();
    expect(await h.invoke({ spin: false })).toEqual({ status: 'success', response: 1 });
    expect(await h.invoke({ spin: true })).toEqual({ status: 'timeout' });
    await h.init();
    expect(await h.invoke({ spin: false })).toEqual({ status: 'success', response: 1 });
    h.destroy();
  });

  test('a cold start re-arms the watchdog at the invoke budget when the first invoke goes out (not Init\'s 15 s)', async () => {
    // Records every budget armed; a runaway invoke on a cold environment must be stopped after
    // watchdogMs like a warm one, so the last budget armed before the handler runs is watchdogMs.
    const budgets: number[] = [];
    const watchdog: Watchdog = { start: (ms) => { budgets.push(ms); return ms; }, stop: () => {} };
    const opts = { watchdog, watchdogMs: 700, bootWatchdogMs: 15_000 };
    // The engine's way: the first invoke is sent from inside onInitDone.
    const fake = createFakeHost();
    let outcome: Outcome | null = null;
    const request = { requestId: 'r-1', event: {}, deadlineMs: 3000, invokedFunctionArn: 'arn', traceId: 'Root=1-0-0;Sampled=0' };
    const env = createCodeEnvironment(codeSpec(counter), fake.host, {
      onInitDone: () => { budgets.push(-1); env.invoke(request); },
      onInvokeDone: (o) => { outcome = o; },
    }, opts);
    env.init();
    await fake.run(() => outcome !== null);
    expect(outcome).toEqual({ status: 'success', response: { invocations: 1 } });
    expect(budgets.slice(budgets.indexOf(-1))).toEqual([-1, 700]);
    env.destroy('end');
    // Init inside the invoke (an environment that exited, or one never initialised).
    budgets.length = 0;
    const h = harness(codeSpec(counter), opts);
    expect(await h.invoke()).toEqual({ status: 'success', response: { invocations: 1 } });
    expect(budgets[0]).toBe(15_000);
    expect(budgets.at(-1)).toBe(700);
    h.destroy();
  });

  test('a log line written ahead of the host clock (measured CPU time) is recorded when its time comes, not before', async () => {
    const fake = createFakeHost();
    const recordedAt: { timeMs: number; nowMs: number }[] = [];
    const log = fake.host.log;
    fake.host.log = (timeMs, message) => { recordedAt.push({ timeMs, nowMs: fake.now() }); log(timeMs, message); };
    // cpuTime 'measured': a busy loop moves the worker's clock 50 virtual ms ahead of the host's.
    const h = harness(codeSpec(`export const handler = async () => { const t = Date.now(); while (Date.now() - t < 50) {} console.log('after'); return 1; };`,
      { cpuTime: 'measured' }), {}, fake);
    await h.init();
    expect(await h.invoke()).toEqual({ status: 'success', response: 1 });
    const after = recordedAt.find((_, i) => fake.logs[i].message.endsWith('\tafter'))!;
    expect(after.timeMs).toBeGreaterThanOrEqual(50);
    expect(after.nowMs).toBe(after.timeMs);
    h.destroy();
  });

  test('top-level await finishes before the first invoke, on virtual time (F105)', async () => {
    const h = harness(codeSpec(`const config = await new Promise((r) => setTimeout(() => r({ loadedAt: Date.now() }), 500));
export const handler = async () => config;`, { epochMs: 0 }));
    expect(await h.init()).toEqual({ status: 'success', response: null });
    expect(h.fake.now()).toBe(500);
    expect(await h.invoke()).toEqual({ status: 'success', response: { loadedAt: 500 } });
    h.destroy();
  });

  test('a timer left pending when an async handler returns fires during the next invocation, not while frozen (F09)', async () => {
    const h = harness(codeSpec(`export const handler = async (event) => {
  if (event.first) setTimeout(() => console.log('late timer'), 5000);
  return 'ok';
};`));
    await h.init();
    await h.invoke({ first: true }, 'req-1');
    expect(h.fake.pending()).toBe(0); // frozen: nothing scheduled for the idle gap
    await h.fake.run(() => false, 60_000);
    expect(h.fake.logs.some((l) => l.message.includes('late timer'))).toBe(false);
    h.fake.host.schedule(60_000, () => {});
    await h.fake.run(() => false);
    await h.invoke({}, 'req-2');
    const late = h.fake.logs.find((l) => l.message.includes('late timer'));
    expect(late?.message.split('\t')[1]).toBe('req-2');
    h.destroy();
  });

  test('two environments never share globals', async () => {
    const fake = createFakeHost();
    const src = `export const handler = async () => { globalThis.seen = (globalThis.seen ?? 0) + 1; return globalThis.seen; };`;
    const a = harness(codeSpec(src), {}, fake);
    const b = harness(codeSpec(src, { logStreamName: '2026/01/01/[$LATEST]ffffffffffffffffffffffffffffffff' }), {}, fake);
    await a.init(); await b.init();
    expect(await a.invoke()).toEqual({ status: 'success', response: 1 });
    expect(await a.invoke()).toEqual({ status: 'success', response: 2 });
    expect(await b.invoke()).toEqual({ status: 'success', response: 1 });
    a.destroy(); b.destroy();
  });

  test('AWS_LAMBDA_LOG_FORMAT=JSON writes JSON lines and AWS_LAMBDA_LOG_LEVEL drops lower levels (F121, F122)', async () => {
    const h = harness(codeSpec(`export const handler = async () => {
  console.debug('hidden'); console.info({ a: 1 }); console.warn('n=%d', 5); console.error(new TypeError('bad'));
  throw new RangeError('out');
};`, { environment: { AWS_LAMBDA_LOG_FORMAT: 'JSON', AWS_LAMBDA_LOG_LEVEL: 'INFO' }, epochMs: 0 }));
    await h.init();
    await h.invoke({}, 'req-j');
    const lines = h.fake.logs.map((l) => JSON.parse(l.message));
    expect(lines.map((l) => [l.level, l.requestId, l.message ?? null])).toEqual([
      ['INFO', 'req-j', { a: 1 }], ['WARN', 'req-j', 'n=5'], ['ERROR', 'req-j', { errorType: 'TypeError', errorMessage: 'bad', stackTrace: expect.any(Array) }],
      ['ERROR', 'req-j', { errorType: 'RangeError', errorMessage: 'out', stackTrace: expect.any(Array) }],
    ]);
    expect(lines[0].timestamp).toBe('1970-01-01T00:00:00.000Z');
    h.destroy();
  });
});
