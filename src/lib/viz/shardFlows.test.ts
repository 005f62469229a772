import { describe, expect, it } from 'vitest';
import { simulate, type Scenario, type SimulationResult } from '../../../simulator/index';
import { createCodeEnvironment } from '../../../simulator/runtime/index';
import { inv } from './fixtures.test-helpers';
import { seriesValueAt, seriesWindow, shardFlows } from './shardFlows';
import { TraceIndex } from './traceIndex';
import type { VizResult } from './types';

const S0 = 'shardId-000000000000';
const S1 = 'shardId-000000000001';

/**
 * Shard 0: a batch of 2 fails at 1.0-1.1 s and 3.0-3.1 s, then succeeds at 7.0-7.1 s (F86);
 * a third record waits behind it. Shard 1: one record read at 1.0 s, done at 1.05 s.
 */
function blockedShardTrace(): VizResult {
  const req = (id: string, shardId: string, arrivedMs: number, invocationIds: string[], finishedMs: number) => ({
    id, source: 'orders', function: 'fn', shardId, arrivedMs, outcome: 'succeeded' as const, attempts: invocationIds.length, invocationIds, finishedMs,
  });
  return {
    requests: [
      req('a', S0, 100, ['i1', 'i2', 'i3'], 7100),
      req('b', S0, 200, ['i1', 'i2', 'i3'], 7100),
      req('x', S1, 300, ['j1'], 1050),
      req('c', S0, 1500, ['i4'], 8100),
    ],
    invocations: [
      inv({ requestId: 'i1', environmentId: 'e1', startMs: 1000, endMs: 1100, status: 'error', errorType: 'PoisonError', requestIds: ['a', 'b'] }),
      inv({ requestId: 'j1', environmentId: 'e2', startMs: 1000, endMs: 1050, requestIds: ['x'] }),
      inv({ requestId: 'i2', environmentId: 'e1', startMs: 3000, endMs: 3100, status: 'timeout', requestIds: ['a', 'b'] }),
      inv({ requestId: 'i3', environmentId: 'e1', startMs: 7000, endMs: 7100, requestIds: ['a', 'b'] }),
      inv({ requestId: 'i4', environmentId: 'e1', startMs: 8000, endMs: 8100, requestIds: ['c'] }),
    ],
    environments: [
      { id: 'e1', function: 'fn', createdMs: 900, provisioned: false, invocations: 4 },
      { id: 'e2', function: 'fn', createdMs: 900, provisioned: false, invocations: 1 },
    ],
    logs: [],
  };
}

describe('shardFlows on a hand-made trace', () => {
  const index = new TraceIndex(10);
  index.update(blockedShardTrace());
  const lane = (t: number, shardId: string) => shardFlows(index, t)[0].shards.find((s) => s.shardId === shardId)!;

  it('lists only shards that have had records, in shard id order', () => {
    expect(shardFlows(index, 50)).toEqual([]);
    expect(shardFlows(index, 250)[0].shards.map((s) => s.shardId)).toEqual([S0]);
    expect(shardFlows(index, 400)[0]).toMatchObject({ source: 'orders', function: 'fn' });
    expect(shardFlows(index, 400)[0].shards.map((s) => s.shardId)).toEqual([S0, S1]);
  });

  it('shows the first batch in flight and IteratorAge as the age of the oldest unprocessed record', () => {
    expect(lane(1020, S0)).toMatchObject({ arrived: 2, processed: 0, iteratorAgeMs: 920 });
    expect(lane(1020, S0).blocked).toBeUndefined();
    expect(lane(1020, S0).inFlight).toEqual([{ invocationId: 'i1', size: 2, startMs: 1000, retry: false }]);
  });

  it('F86: after the batch fails the shard is blocked and its iterator does not move', () => {
    const at2s = lane(2000, S0);
    expect(at2s).toMatchObject({ arrived: 3, processed: 0, inFlight: [], iteratorAgeMs: 1900 });
    expect(at2s.blocked).toEqual({ records: 2, failedAttempts: 1, sinceMs: 1100, lastFailedMs: 1100, lastError: 'PoisonError' });
    const retrying = lane(3050, S0);
    expect(retrying.inFlight).toEqual([{ invocationId: 'i2', size: 2, startMs: 3000, retry: true }]);
    expect(lane(5000, S0).blocked).toMatchObject({ failedAttempts: 2, sinceMs: 1100, lastFailedMs: 3100, lastError: 'timeout' });
  });

  it('another shard is not held up by the blocked one (F86)', () => {
    expect(lane(2000, S1)).toMatchObject({ arrived: 1, processed: 1, succeeded: 1, iteratorAgeMs: 0, inFlight: [] });
    expect(lane(2000, S1).blocked).toBeUndefined();
  });

  it('when the batch succeeds the iterator moves past it and the shard is no longer blocked', () => {
    const after = lane(7500, S0);
    expect(after).toMatchObject({ arrived: 3, processed: 2, succeeded: 2, iteratorAgeMs: 6000 });
    expect(after.blocked).toBeUndefined();
    expect(lane(9000, S0)).toMatchObject({ processed: 3, iteratorAgeMs: 0 });
  });

  it('adds the processed records a long run has forgotten to their shards', () => {
    const forgetful = Object.assign(new TraceIndex(10), {
      forgottenShards: new Map([['orders', { function: 'fn', shards: new Map([[S1, { succeeded: 40, skipped: 2 }], ['shardId-000000000002', { succeeded: 5, skipped: 0 }]]) }]]),
    });
    forgetful.update(blockedShardTrace());
    const lanes = shardFlows(forgetful, 2000)[0].shards;
    expect(lanes.map((s) => s.shardId)).toEqual([S0, S1, 'shardId-000000000002']);
    expect(lanes[1]).toMatchObject({ arrived: 43, processed: 43, succeeded: 41, skipped: 2, iteratorAgeMs: 0 });
    expect(lanes[2]).toMatchObject({ arrived: 5, processed: 5 });
  });

  it('counts failed attempts a long run has forgotten, from what the index kept of them', () => {
    const trace = blockedShardTrace();
    trace.invocations = trace.invocations.filter((i) => i.requestId !== 'i1');
    const forgetful = Object.assign(new TraceIndex(10), { forgottenAttempts: new Map([['i1', { endMs: 1100, error: 'PoisonError' }]]), forgottenBeforeMs: 2000 });
    forgetful.update(trace);
    const kept = new TraceIndex(10);
    kept.update(blockedShardTrace());
    expect(shardFlows(forgetful, 5000)).toEqual(shardFlows(kept, 5000));
    expect(shardFlows(forgetful, 5000)[0].shards[0].blocked).toMatchObject({ records: 2, failedAttempts: 2, sinceMs: 1100 });
  });

  it('ignores requests without a shard id (non-stream sources)', () => {
    const other = new TraceIndex(10);
    const trace = blockedShardTrace();
    trace.requests = trace.requests.map(({ shardId: _drop, ...r }) => r);
    other.update(trace);
    expect(shardFlows(other, 9000)).toEqual([]);
  });
});

describe('metric series at t', () => {
  const points = [{ timeMs: 1000, value: 3 }, { timeMs: 2000, value: 5 }, { timeMs: 3000, value: 0 }];

  it('takes the last point at or before t, and nothing before the first', () => {
    expect(seriesValueAt(points, 999)).toBeUndefined();
    expect(seriesValueAt(points, 1000)).toBe(3);
    expect(seriesValueAt(points, 2999)).toBe(5);
    expect(seriesValueAt(points, 1e9)).toBe(0);
    expect(seriesValueAt(undefined, 1000)).toBeUndefined();
  });

  it('gives the points of a trailing window for a sparkline', () => {
    expect(seriesWindow(points, 2500, 2000).map((p) => p.value)).toEqual([3, 5]);
    expect(seriesWindow(points, 3000, 1500).map((p) => p.value)).toEqual([5, 0]);
    expect(seriesWindow([], 3000, 1500)).toEqual([]);
  });
});

describe('shardFlows agrees with the engine', () => {
  const poisonHandler = `export const handler = async (event) => {
    if (event.Records.some((r) => atob(r.kinesis.data).includes('POISON'))) throw new Error('poison');
  };`;
  const keys = Array.from({ length: 30 }, (_, i) => `device-${i}`);

  async function run(poisonIndex: number): Promise<SimulationResult> {
    const payloads = Array.from({ length: 90 }, (_, i) => ({ partitionKey: keys[i % keys.length], note: i === poisonIndex ? 'POISON' : 'ok' }));
    const scenario = {
      durationMs: 9000,
      functions: [{ name: 'fn', handler: { kind: 'code', source: poisonHandler } }],
      sources: [{ type: 'kinesis', name: 'clicks', function: 'fn', shards: 3, batchSize: 10, maximumRecordAgeMs: 60_000, arrivals: { rate: 30, toMs: 3000 }, payloads }],
    } as Scenario;
    return simulate(scenario, { createCodeEnvironment });
  }

  it('three shards whose counts add up to what the engine recorded at every second', async () => {
    const result = await run(-1);
    const index = new TraceIndex(10);
    index.update(result);
    for (let t = 0; t <= 6000; t += 500) {
      const flows = shardFlows(index, t);
      const arrived = result.requests.filter((q) => q.arrivedMs <= t);
      const lanes = flows[0]?.shards ?? [];
      expect(lanes.reduce((n, s) => n + s.arrived, 0)).toBe(arrived.length);
      expect(lanes.reduce((n, s) => n + s.processed, 0)).toBe(arrived.filter((q) => q.finishedMs! <= t).length);
      for (const s of lanes) expect(s.arrived).toBe(arrived.filter((q) => q.shardId === s.shardId).length);
    }
    expect(shardFlows(index, 6000)[0].shards.map((s) => s.shardId)).toEqual([
      'shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002',
    ]);
  });

  it('F86: a poison record blocks only its shard, whose IteratorAge keeps growing while the others catch up', async () => {
    const result = await run(0);
    const index = new TraceIndex(10);
    index.update(result);
    const poisonShard = result.requests[0].shardId;
    const at = (t: number) => shardFlows(index, t)[0].shards;
    const blocked = (t: number) => at(t).find((s) => s.shardId === poisonShard)!;
    expect(blocked(8000).blocked?.failedAttempts).toBeGreaterThan(blocked(5000).blocked!.failedAttempts);
    expect(blocked(8000).processed).toBe(blocked(5000).processed);
    expect(blocked(8000).iteratorAgeMs - blocked(5000).iteratorAgeMs).toBe(3000);
    for (const s of at(8000).filter((x) => x.shardId !== poisonShard)) {
      expect(s).toMatchObject({ processed: s.arrived, iteratorAgeMs: 0 });
      expect(s.blocked).toBeUndefined();
    }
  });
});
