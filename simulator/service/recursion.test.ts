// F95 recursive loop detection, driven with lineages set directly on console invokes (what an
// SDK call from another invocation carries).
import { describe, expect, it } from 'vitest';
import { createSimulation, registerSource, type FunctionSpec, type RequestRecord, type SourceInstance } from '../index';
import { RECURSION_LIMIT, RECURSIVE_INVOCATION_MESSAGE } from './recursion';
import { sqsSource } from '../sources/sqs';
import '../sources/eventSources';

const fn = (more: Partial<FunctionSpec> = {}): FunctionSpec => ({ name: 'loop', handler: { kind: 'model', durationMs: 20 }, ...more });

/** Runs one chain: invocation i carries depth i (the first one, from the original event, depth 0). */
async function chain(spec: FunctionSpec, links: number, invocationType: 'RequestResponse' | 'Event' = 'RequestResponse') {
  const sim = createSimulation({ durationMs: 600_000, functions: [spec], sources: [] });
  const requests: RequestRecord[] = [];
  for (let depth = 0; depth < links; depth++) {
    const { finished } = sim.invoke('loop', { depth }, { invocationType, lineage: { chainId: 'chain-1', depth } });
    await sim.settle();
    requests.push(await finished);
  }
  const result = sim.result();
  sim.dispose();
  return { requests, result };
}

describe('F95 recursive loop detection', () => {
  it('F95: the limit is 16 invocations per chain', () => {
    expect(RECURSION_LIMIT).toBe(16);
  });

  it('F95: under Terminate (the default) the 17th invocation of a chain is stopped: RecursiveInvocationException, 400, no run', async () => {
    const { requests, result } = await chain(fn(), 17);
    expect(result.invocations).toHaveLength(16);
    expect(requests.slice(0, 16).every((r) => r.outcome === 'succeeded')).toBe(true);
    expect(requests[16]).toMatchObject({
      outcome: 'failed', statusCode: 400, attempts: 0, invocationIds: [],
      response: { errorType: 'RecursiveInvocationException', errorMessage: RECURSIVE_INVOCATION_MESSAGE },
    });
    expect(result.metrics.loop.counters.RecursiveInvocationsDropped).toBe(1);
    expect(result.metrics.loop.throttles).toBe(0);
  });

  it('F95: under Allow the 17th and later invocations run', async () => {
    const { requests, result } = await chain(fn({ recursiveLoop: 'Allow' }), 20);
    expect(result.invocations).toHaveLength(20);
    expect(requests.every((r) => r.outcome === 'succeeded')).toBe(true);
    expect(result.metrics.loop.counters.RecursiveInvocationsDropped).toBeUndefined();
  });

  it('F95: async events stopped by the loop go to the on-failure destination without retries', async () => {
    const { requests, result } = await chain(fn({ async: { onFailure: 'loop-dlq' } }), 17, 'Event');
    expect(result.invocations).toHaveLength(16);
    expect(requests[16]).toMatchObject({ outcome: 'dead-lettered', statusCode: 202, attempts: 0 });
    expect(result.metrics.loop.counters.OnFailureDeliveries).toBe(1);
    expect(result.metrics.loop.counters.RecursiveInvocationsDropped).toBe(1);
  });

  it('F95: without a DLQ or destination the stopped event is dropped, and every stopped invocation is counted', async () => {
    const sim = createSimulation({ durationMs: 600_000, functions: [fn()], sources: [] });
    const stopped = [16, 17, 40].map((depth) => sim.invoke('loop', {}, { invocationType: 'Event', lineage: { chainId: `c${depth}`, depth } }).finished);
    await sim.settle();
    const records = await Promise.all(stopped);
    expect(records.map((r) => r.outcome)).toEqual(['discarded', 'discarded', 'discarded']);
    const result = sim.result();
    expect(result.invocations).toHaveLength(0);
    expect(result.metrics.loop.counters.RecursiveInvocationsDropped).toBe(3);
    expect(result.metrics.loop.counters.AsyncEventsDropped).toBe(3);
    sim.dispose();
  });

  it('F95: a function that re-sends its own SQS message runs exactly 16 times, then the message goes to the queue\'s DLQ', async () => {
    let mapping: SourceInstance | undefined;
    registerSource('sqs', (ctx) => (mapping = sqsSource(ctx)));
    try {
      const sim = createSimulation({
        durationMs: 600_000, functions: [fn()],
        sources: [{ type: 'sqs', function: 'loop', arrivals: { at: [] }, maxReceiveCount: 1 }],
      });
      sim.runUntilSync(0);
      let finished = 0;
      // Each run sends the processed message back to the queue it came from, one link deeper.
      sim.subscribe((e) => {
        if (e.type === 'invocation.finished') mapping!.arrive!({ again: true }, { lineage: { chainId: 'order-1', depth: ++finished } });
      });
      mapping!.arrive!({ order: 1 }, { lineage: { chainId: 'order-1', depth: 0 } });
      const result = await sim.run();
      expect(result.invocations).toHaveLength(16);
      const last = result.requests.find((r) => r.outcome !== 'succeeded');
      expect(last).toMatchObject({ outcome: 'dead-lettered' });
      expect(result.requests.filter((r) => r.outcome === 'succeeded')).toHaveLength(16);
      expect(result.metrics.loop.counters.RecursiveInvocationsDropped).toBe(1);
      expect(result.metrics.loop.counters.MessagesRedrivenToDLQ).toBe(1);
    } finally {
      registerSource('sqs', sqsSource);
    }
  });

  it('F95/F11: switching RecursiveLoop to Allow mid-chain lets the 17th run, on the same warm environment', async () => {
    const sim = createSimulation({ durationMs: 600_000, functions: [fn()], sources: [] });
    const first = sim.invoke('loop', {}, { lineage: { chainId: 'c', depth: 16 } }).finished;
    await sim.settle();
    expect((await first).response).toMatchObject({ errorType: 'RecursiveInvocationException' });
    sim.invoke('loop', {});
    await sim.settle();
    sim.updateFunction('loop', { recursiveLoop: 'Allow' });
    const again = sim.invoke('loop', {}, { lineage: { chainId: 'c', depth: 16 } }).finished;
    await sim.settle();
    expect((await again).outcome).toBe('succeeded');
    const result = sim.result();
    expect(result.invocations.map((i) => i.coldStart)).toEqual([true, false]);
    sim.dispose();
  });
});
