import { describe, expect, it } from 'vitest';
import { createSimulation, simulate, type FunctionSpec, type Scenario, type SourceSpec } from '../index';
import { createCodeEnvironment } from '../runtime/index';
import './eventSources';

const fn = (overrides: Partial<FunctionSpec> = {}): FunctionSpec => ({ name: 'fn', handler: { kind: 'model', durationMs: 100 }, ...overrides });
const eventAt = (at: number[], type: 'invoke' | 's3' | 'sns' = 'invoke'): SourceSpec =>
  type === 'invoke' ? { type, function: 'fn', invocationType: 'Event', arrivals: { at } } : { type, function: 'fn', arrivals: { at } };
const run = (functions: FunctionSpec[], sources: SourceSpec[], durationMs = 1000): Promise<ReturnType<typeof simulate> extends Promise<infer R> ? R : never> =>
  simulate({ durationMs, functions, sources } as Scenario);

describe('asynchronous invocation', () => {
  it('F61: an Event invoke is answered 202 and the event runs once', async () => {
    const r = await run([fn()], [eventAt([0])]);
    expect(r.requests).toHaveLength(1);
    expect(r.requests[0]).toMatchObject({ statusCode: 202, outcome: 'succeeded', attempts: 1 });
    expect(r.requests[0].finishedMs).toBe(r.invocations[0].endMs);
    expect(r.metrics.fn.counters.AsyncEventsReceived).toBe(1);
  });

  it('F32: an Event payload of 900 KB gets 202, one over 1 MB (counted in UTF-8 bytes) gets 413 and never runs', async () => {
    const small = 'a'.repeat(900 * 1024);
    const multibyte = 'é'.repeat(600 * 1024); // 600 K code units, 1.2 MB of UTF-8
    const r = await simulate({
      durationMs: 1000, functions: [fn()],
      sources: [{ type: 'invoke', function: 'fn', invocationType: 'Event', arrivals: { at: [0, 10, 20] }, payloads: [small, { big: 'x'.repeat(1_100_000) }, multibyte] }],
    });
    const byArrival = [...r.requests].sort((a, b) => a.arrivedMs - b.arrivedMs);
    expect(byArrival.map((q) => q.statusCode)).toEqual([202, 413, 413]);
    expect(byArrival[1]).toMatchObject({ outcome: 'failed', attempts: 0, finishedMs: 10, response: { errorType: 'RequestEntityTooLargeException' } });
    expect(r.invocations).toHaveLength(1);
    const sim = createSimulation({ durationMs: 1000, functions: [fn()], sources: [] });
    const { finished } = sim.invoke('fn', 'b'.repeat(1_048_577), { invocationType: 'Event' });
    expect(await finished).toMatchObject({ statusCode: 413, outcome: 'failed' });
    sim.dispose();
  });

  it('F63: a handler that always throws runs three times, 1 min after the first failure and 2 min after the second', async () => {
    const r = await run([fn({ handler: { kind: 'model', durationMs: 100, errorRate: 1 } })], [eventAt([0])]);
    const [a, b, c] = r.invocations;
    expect(r.invocations).toHaveLength(3);
    expect(b.startMs - a.endMs).toBe(60_000);
    expect(c.startMs - b.endMs).toBe(120_000);
    // F65: retries exhausted with no destination -> discarded; the caller still saw only 202.
    expect(r.requests[0]).toMatchObject({ outcome: 'discarded', attempts: 3, statusCode: 202, finishedMs: c.endMs });
    expect(r.requests[0].invocationIds).toEqual([a.requestId, b.requestId, c.requestId]);
  });

  it('F65: MaximumRetryAttempts 0 runs the event once, then hands it to the on-failure destination', async () => {
    const r = await run([fn({ handler: { kind: 'model', durationMs: 100, errorRate: 1 }, async: { maximumRetryAttempts: 0, onFailure: 'failed-orders' } })], [eventAt([0])]);
    expect(r.invocations).toHaveLength(1);
    expect(r.requests[0]).toMatchObject({ outcome: 'dead-lettered', attempts: 1 });
    expect(r.metrics.fn.counters.OnFailureDeliveries).toBe(1);
  });

  it('F65: MaximumRetryAttempts 1 gives two runs; a success after a failure ends the event as succeeded', async () => {
    const one = await run([fn({ handler: { kind: 'model', durationMs: 100, errorRate: 1 }, async: { maximumRetryAttempts: 1 } })], [eventAt([0])]);
    expect(one.requests[0]).toMatchObject({ outcome: 'discarded', attempts: 2 });
    const ok = await run([fn({ async: { onSuccess: 'audit' } })], [eventAt([0])]);
    expect(ok.requests[0].outcome).toBe('succeeded');
    expect(ok.metrics.fn.counters.OnSuccessDeliveries).toBe(1);
  });

  it('F65: an event older than the maximum event age is discarded without running, at the moment it expires', async () => {
    const slow = fn({ timeoutMs: 900_000, reservedConcurrency: 1, handler: { kind: 'model', durationMs: 200_000 }, async: { maximumEventAgeMs: 60_000 } });
    const r = await run([slow], [eventAt([0, 10])]);
    expect(r.requests[0].outcome).toBe('succeeded');
    expect(r.requests[1]).toMatchObject({ outcome: 'discarded', attempts: 0, invocationIds: [], finishedMs: 60_010, statusCode: 202 });
    expect(r.metrics.fn.counters.AsyncEventsDropped).toBe(1);
  });

  it('F64: throttled events go back to the queue, retried 1 s, 2 s, 4 s ... apart, and all run one at a time with no 429', async () => {
    const oneAtATime = fn({ timeoutMs: 120_000, reservedConcurrency: 1, handler: { kind: 'model', durationMs: 60_000 } });
    const r = await run([oneAtATime], [eventAt(Array.from({ length: 10 }, () => 0))]);
    expect(r.requests.every((q) => q.outcome === 'succeeded' && q.statusCode === 202)).toBe(true);
    expect(r.metrics.fn.maxConcurrency).toBe(1);
    expect(r.metrics.fn.throttles).toBeGreaterThan(0);
    // The second event was throttled at 0 s and retried at 1, 3, 7, 15, 31 and 63 s.
    expect(r.invocations[1].startMs).toBe(63_000);
    const starts = r.invocations.map((i) => i.startMs);
    for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThanOrEqual(r.invocations[i - 1].endMs);
  });

  it('F64: the back-off between reads is capped at 5 minutes', async () => {
    const blocked = fn({ timeoutMs: 900_000, reservedConcurrency: 1, handler: { kind: 'model', durationMs: 900_000 }, async: { maximumRetryAttempts: 0 } });
    const r = await run([blocked], [eventAt([0, 0])]);
    // 1+2+...+256 = 511 s, then 300 s steps: 811, 1111 s; the first run ends at about 900 s.
    expect(r.invocations[1].startMs).toBe(1_111_000);
  });

  it('F66: with reserved concurrency 0 an event goes straight to the on-failure destination, without a run or a retry', async () => {
    const r = await run([fn({ reservedConcurrency: 0, async: { onFailure: 'dlq' } })], [eventAt([500])]);
    expect(r.invocations).toHaveLength(0);
    expect(r.requests[0]).toMatchObject({ outcome: 'dead-lettered', attempts: 0, finishedMs: 500, statusCode: 202 });
    const nowhere = await run([fn({ reservedConcurrency: 0 })], [eventAt([500])]);
    expect(nowhere.requests[0].outcome).toBe('discarded');
  });

  it('F91: S3 and SNS push asynchronously: a throwing handler is retried twice and the sender sees 202, never the error', async () => {
    for (const type of ['s3', 'sns'] as const) {
      const r = await run([fn({ handler: { kind: 'model', durationMs: 100, errorRate: 1 } })], [eventAt([0], type)]);
      expect(r.requests[0]).toMatchObject({ outcome: 'discarded', attempts: 3, statusCode: 202 });
      expect(r.requests[0].response).toBeUndefined();
    }
  });

  it('F91: a code handler receives the real S3 and SNS event shapes, with the payload as the object key and the message', async () => {
    const source = `export const handler = async (event) => {
      const r = event.Records[0];
      console.log(r.eventSource ?? r.EventSource, r.s3 ? r.s3.object.key : r.Sns.Message);
    };`;
    const functions = [fn({ handler: { kind: 'code', source } })];
    const sources: SourceSpec[] = [
      { type: 's3', function: 'fn', arrivals: { at: [0] }, payloads: ['photos/cat 1.jpg'] },
      { type: 'sns', function: 'fn', arrivals: { at: [1000] }, payloads: [{ orderId: 7 }] },
    ];
    const r = await simulate({ durationMs: 2000, functions, sources } as Scenario, { createCodeEnvironment });
    const lines = r.logs.map((l) => l.message).filter((m) => m.includes('\tINFO\t')).map((m) => m.split('\t').slice(3).join('\t'));
    expect(lines).toEqual(['aws:s3 photos/cat+1.jpg', 'aws:sns {"orderId":7}']);
  });

  it("F61: the console's Event invoke gets 202 at once and its outcome when the queued event finishes", async () => {
    const sim = createSimulation({ durationMs: 1, functions: [fn()], sources: [] });
    await sim.ready();
    const { finished } = sim.invoke('fn', { hello: 'world' }, { invocationType: 'Event' });
    await sim.settle();
    const request = await finished;
    expect(request).toMatchObject({ statusCode: 202, outcome: 'succeeded', attempts: 1, source: 'console' });
  });

  it('F65: a change to the async settings applies to events already queued (the retry already due still runs)', async () => {
    const failing = fn({ handler: { kind: 'model', durationMs: 100, errorRate: 1 } });
    const sim = createSimulation({ durationMs: 1, functions: [failing], sources: [] });
    await sim.ready();
    const { finished } = sim.invoke('fn', {}, { invocationType: 'Event' });
    await sim.runUntil(1000);
    sim.updateFunction('fn', { async: { maximumRetryAttempts: 0, onFailure: 'dlq' } });
    await sim.settle();
    // Before the change it would have run 3 times and been discarded.
    expect(await finished).toMatchObject({ outcome: 'dead-lettered', attempts: 2 });
  });
});
