import { describe, expect, it } from 'vitest';
import { simulate, type FunctionSpec, type Scenario, type SimulationResult, type SourceSpec } from '../index';
import { createCodeEnvironment } from '../runtime/index';
import './eventSources';
import { effectiveVisibilityTimeoutMs } from './sqs';

type SqsOptions = Omit<Extract<SourceSpec, { type: 'sqs' }>, 'type' | 'function' | 'arrivals'>;
const consumer = (overrides: Partial<FunctionSpec> = {}): FunctionSpec => ({ name: 'fn', handler: { kind: 'model', durationMs: 100 }, ...overrides });
const sqs = (at: number[], options: SqsOptions = {}): SourceSpec => ({ type: 'sqs', function: 'fn', arrivals: { at }, ...options });
const run = (fn: FunctionSpec, source: SourceSpec, durationMs = 1000, seed = 1): Promise<SimulationResult> =>
  simulate({ seed, durationMs, functions: [fn], sources: [source] } as Scenario);
const batchSizes = (r: SimulationResult) => r.invocations.map((i) => i.requestIds.length);
/** When the poller handed the batch over: a cold start's Init comes before startMs. */
const receivedMs = (i: SimulationResult['invocations'][number]) => i.startMs - (i.initDurationMs ?? 0);
const zeros = (n: number) => Array.from({ length: n }, () => 0);

describe('SQS event source mapping', () => {
  it('F73: batches hold at most 10 messages by default', async () => {
    const r = await run(consumer(), sqs(zeros(25)));
    expect(batchSizes(r)).toEqual([10, 10, 5]);
    expect(r.requests.every((q) => q.outcome === 'succeeded' && q.attempts === 1)).toBe(true);
  });

  it('F72: with a 5 s window and batch size 100 the batch goes at 5 s with what has accumulated', async () => {
    const r = await run(consumer(), sqs(Array.from({ length: 30 }, (_, i) => i * 50), { batchSize: 100, maximumBatchingWindowMs: 5000 }), 2000);
    expect(batchSizes(r)).toEqual([30]);
    expect(receivedMs(r.invocations[0])).toBeCloseTo(5000, 6);
  });

  it('F72: with a window, a full batch goes at once without waiting for the window', async () => {
    const r = await run(consumer(), sqs(zeros(150), { batchSize: 100, maximumBatchingWindowMs: 5000 }));
    expect(batchSizes(r)).toEqual([100, 50]);
    expect(r.invocations.map(receivedMs).map(Math.round)).toEqual([0, 5000]);
  });

  it('F72: a batch never carries more than 6 MB of message bodies', async () => {
    const megabyte = 'x'.repeat(1_000_000);
    const source = { ...sqs(zeros(10)), payloads: [megabyte] };
    const r = await run(consumer(), source);
    expect(batchSizes(r)).toEqual([6, 4]);
  });

  it('F75: a backlog starts with 5 concurrent batches and gains about 300 per minute', async () => {
    const slow = consumer({ timeoutMs: 15_000, handler: { kind: 'model', durationMs: 10_000 } });
    const r = await run(slow, { type: 'sqs', function: 'fn', arrivals: { rate: 15_000, toMs: 1000 }, visibilityTimeoutMs: 120_000 }, 1000);
    const concurrencyAt = (ms: number) => r.invocations.filter((i) => receivedMs(i) <= ms && i.endMs > ms).length;
    expect(concurrencyAt(100)).toBe(5);
    expect(concurrencyAt(30_000)).toBeGreaterThanOrEqual(150);
    expect(concurrencyAt(30_000)).toBeLessThanOrEqual(160);
    expect(concurrencyAt(60_000)).toBeGreaterThanOrEqual(300);
    expect(concurrencyAt(60_000)).toBeLessThanOrEqual(310);
    // The pollers' allowance, sampled each second (engine extension), tells the same story.
    const allowed = r.metrics.fn.series.ConcurrentBatchesAllowed;
    expect(allowed[0].timeMs).toBe(1000); // 5 at first, then +1 per 200 ms of backlog
    expect(allowed[0].value).toBeGreaterThanOrEqual(9);
    expect(allowed[0].value).toBeLessThanOrEqual(10);
    expect(allowed.find((p) => p.timeMs === 60_000)!.value).toBeGreaterThanOrEqual(300);
    expect(allowed.find((p) => p.timeMs === 60_000)!.value).toBeLessThanOrEqual(310);
  });

  it('F75: the pollers keep at least 5 batches allowed even when the function can run only 2', async () => {
    const fn = consumer({ reservedConcurrency: 2, handler: { kind: 'model', durationMs: 1000 } });
    const r = await run(fn, sqs(zeros(200), { visibilityTimeoutMs: 120_000 }));
    expect(r.metrics.fn.maxConcurrency).toBe(2);
    const allowed = r.metrics.fn.series.ConcurrentBatchesAllowed.map((p) => p.value);
    expect(allowed.length).toBeGreaterThan(3);
    expect(Math.min(...allowed)).toBeGreaterThanOrEqual(5); // the allowance, not the batches running
  });

  it('F76/F60: MaximumConcurrency 5 never lets more than 5 batches run; the rest wait in the queue', async () => {
    const r = await run(consumer({ handler: { kind: 'model', durationMs: 2000 } }), sqs(zeros(500), { maximumConcurrency: 5 }));
    expect(r.metrics.fn.maxConcurrency).toBe(5);
    expect(r.requests.every((q) => q.outcome === 'succeeded')).toBe(true);
    const depth = r.metrics.fn.series.ApproximateNumberOfMessagesVisible;
    expect(depth[0].value).toBeGreaterThan(400);
    expect(depth.at(-1)!.value).toBe(0);
    const age = r.metrics.fn.series.ApproximateAgeOfOldestMessage;
    expect(Math.max(...age.map((p) => p.value))).toBeGreaterThanOrEqual(15);   // seconds, like the SQS metric
  });

  it('F78: a failed batch reappears after the visibility timeout and is received again', async () => {
    const r = await run(consumer({ handler: { kind: 'model', durationMs: 100, errorRate: 1 } }), sqs([0], { visibilityTimeoutMs: 30_000, maxReceiveCount: 2 }));
    expect(r.invocations.map(receivedMs).map(Math.round)).toEqual([0, 30_000]);
    expect(r.requests[0]).toMatchObject({ attempts: 2, outcome: 'dead-lettered', finishedMs: 60_000 });
  });

  it('F78: when window + function timeout exceed the visibility timeout, Lambda hides the batch for window + timeout + 30 s', async () => {
    expect(effectiveVisibilityTimeoutMs(30_000, 20_000, 60_000)).toBe(110_000);
    expect(effectiveVisibilityTimeoutMs(360_000, 0, 60_000)).toBe(360_000);
    const fn = consumer({ timeoutMs: 60_000, handler: { kind: 'model', durationMs: 100, errorRate: 1 } });
    const r = await run(fn, sqs([0], { maximumBatchingWindowMs: 20_000, visibilityTimeoutMs: 30_000, maxReceiveCount: 2 }));
    // Visible again at 20 + 110 = 130 s; the poller then waits out its 20 s window once more.
    expect(r.invocations.map(receivedMs).map(Math.round)).toEqual([20_000, 150_000]);
  });

  it('F79: after maxReceiveCount receives a failing message moves to the queue\'s DLQ (dead-lettered)', async () => {
    const r = await run(consumer({ handler: { kind: 'model', durationMs: 100, errorRate: 1 } }), sqs([0, 0, 0], { visibilityTimeoutMs: 30_000, maxReceiveCount: 3 }));
    expect(r.invocations).toHaveLength(3);
    expect(r.requests.map((q) => [q.outcome, q.attempts])).toEqual([['dead-lettered', 3], ['dead-lettered', 3], ['dead-lettered', 3]]);
    expect(r.metrics.fn.counters.MessagesRedrivenToDLQ).toBe(3);
  });

  it('F78/F80: a code handler sees the same messageId with ApproximateReceiveCount 1 then 2, and only the items it reports come back', async () => {
    const source = `export const handler = async (event) => {
      const failures = [];
      for (const r of event.Records) {
        const body = JSON.parse(r.body);
        console.log(body.n, r.attributes.ApproximateReceiveCount, r.md5OfBody.length, r.eventSource);
        if (body.fail && r.attributes.ApproximateReceiveCount === '1') failures.push({ itemIdentifier: r.messageId });
      }
      return { batchItemFailures: failures };
    };`;
    const payloads = [{ n: 1 }, { n: 2, fail: true }, { n: 3 }, { n: 4, fail: true }, { n: 5 }];
    const scenario = {
      durationMs: 1000, functions: [consumer({ handler: { kind: 'code', source } })],
      sources: [{ ...sqs(zeros(5), { reportBatchItemFailures: true, visibilityTimeoutMs: 10_000 }), payloads }],
    } as Scenario;
    const r = await simulate(scenario, { createCodeEnvironment });
    const lines = r.logs.map((l) => l.message).filter((m) => m.includes('\tINFO\t')).map((m) => m.split('\t').slice(3).join('\t'));
    expect(lines).toEqual(['1 1 32 aws:sqs', '2 1 32 aws:sqs', '3 1 32 aws:sqs', '4 1 32 aws:sqs', '5 1 32 aws:sqs', '2 2 32 aws:sqs', '4 2 32 aws:sqs']);
    expect(r.requests.map((q) => q.attempts)).toEqual([1, 2, 1, 2, 1]);
    expect(Math.round(receivedMs(r.invocations[1]))).toBe(10_000);
    expect(r.requests.every((q) => q.outcome === 'succeeded')).toBe(true);
  });

  it('F80: a model handler with ReportBatchItemFailures fails messages one by one, so batches come back in part', async () => {
    const fn = consumer({ handler: { kind: 'model', durationMs: 100, errorRate: 0.3 } });
    const r = await run(fn, sqs(zeros(200), { reportBatchItemFailures: true, visibilityTimeoutMs: 5000, maxReceiveCount: 10 }), 1000, 3);
    const byId = new Map(r.requests.map((q) => [q.id, q]));
    const partial = r.invocations.filter((inv) => inv.status === 'success' &&
      inv.requestIds.some((id) => byId.get(id)!.invocationIds.at(-1) !== inv.requestId) &&
      inv.requestIds.some((id) => byId.get(id)!.invocationIds.at(-1) === inv.requestId));
    expect(partial.length).toBeGreaterThan(0);
    expect(r.requests.every((q) => q.outcome === 'succeeded' || q.outcome === 'dead-lettered')).toBe(true);
    // Failures are per message only: the handler itself returns normally with batchItemFailures.
    expect(r.invocations.every((inv) => inv.status === 'success')).toBe(true);
  });

  it('F79: throttled batches stay hidden, count a receive, and can reach the DLQ (why AWS recommends maxReceiveCount >= 5)', async () => {
    const fn = consumer({ reservedConcurrency: 1, timeoutMs: 20_000, handler: { kind: 'model', durationMs: 15_000 } });
    const r = await run(fn, sqs(zeros(30), { batchSize: 1, visibilityTimeoutMs: 20_000, maxReceiveCount: 1 }));
    expect(r.metrics.fn.throttles).toBeGreaterThan(0);
    const outcomes = new Set(r.requests.map((q) => q.outcome));
    expect(outcomes).toEqual(new Set(['succeeded', 'dead-lettered']));
    expect(r.requests.filter((q) => q.outcome === 'dead-lettered').every((q) => q.attempts === 0)).toBe(true);
  });
});
