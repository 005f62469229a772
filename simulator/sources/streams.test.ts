import { describe, expect, it } from 'vitest';
import { simulate, type FunctionSpec, type Scenario, type SimulationResult, type SourceSpec, type StreamSourceSpec } from '../index';
import { createCodeEnvironment } from '../runtime/index';
import './eventSources';
import { placeKey } from './streamRecords';
import { kinesisShardFor } from './events/kinesis';

type StreamOptions = Omit<StreamSourceSpec, 'type' | 'function' | 'arrivals' | 'shards'>;
const processor = (overrides: Partial<FunctionSpec> = {}): FunctionSpec => ({ name: 'fn', handler: { kind: 'model', durationMs: 10 }, ...overrides });
const stream = (type: 'kinesis' | 'dynamodb-streams', arrivals: SourceSpec['arrivals'], shards: number, options: StreamOptions = {}): SourceSpec =>
  ({ type, function: 'fn', arrivals, shards, ...options });
const run = (fn: FunctionSpec, source: SourceSpec, durationMs = 5000): Promise<SimulationResult> =>
  simulate({ durationMs, functions: [fn], sources: [source] } as Scenario);
const receivedMs = (i: SimulationResult['invocations'][number]) => i.startMs - (i.initDurationMs ?? 0);
/** A code handler that throws when any record's data is "poison"; it logs the batch it saw. */
const poisonHandler = `export const handler = async (event) => {
  const data = event.Records.map((r) => atob(r.kinesis.data));
  console.log(data.join(','));
  if (data.includes('poison')) throw new Error('poison record');
};`;

describe('Kinesis and DynamoDB Streams event source mappings', () => {
  it('F83: a Kinesis shard is read once a second, so records put every 100 ms arrive in 1 s batches', async () => {
    const r = await run(processor(), stream('kinesis', { rate: 10, toMs: 5000 }, 1), 5000);
    // After the first reads, one read per second; the last read after the puts stop is partial.
    const steady = r.invocations.slice(-5, -1);
    expect(steady.map((i) => Math.round(receivedMs(i))).map((t, k, a) => (k ? t - a[k - 1] : 0))).toEqual([0, 1000, 1000, 1000]);
    expect(steady.map((i) => i.requestIds.length)).toEqual([10, 10, 10, 10]);
  });

  it('F84: a DynamoDB stream shard is read 4 times a second', async () => {
    const r = await run(processor(), stream('dynamodb-streams', { rate: 20, toMs: 3000 }, 1), 3000);
    const steady = r.invocations.slice(-5, -1);
    expect(steady.map((i) => Math.round(receivedMs(i))).map((t, k, a) => (k ? t - a[k - 1] : 0))).toEqual([0, 250, 250, 250]);
    expect(steady.map((i) => i.requestIds.length)).toEqual([5, 5, 5, 5]);
  });

  it('F85/F60: concurrency is shards x ParallelizationFactor, and each batch holds records of one shard', async () => {
    const slow = processor({ handler: { kind: 'model', durationMs: 2000 } });
    const payloads = Array.from({ length: 64 }, (_, i) => ({ partitionKey: `user-${i}` }));
    const r = await simulate({ durationMs: 10_000, functions: [slow], sources: [{ ...stream('kinesis', { rate: 200 }, 2, { parallelizationFactor: 3 }), payloads }] } as Scenario);
    expect(r.metrics.fn.maxConcurrency).toBe(6);
    const shardOf = new Map(r.requests.map((q, i) => [q.id, kinesisShardFor(`user-${i % 64}`, 2)]));
    for (const inv of r.invocations) expect(new Set(inv.requestIds.map((id) => shardOf.get(id))).size).toBe(1);
  });

  it('F85: with a parallelization factor a partition key always stays on one lane, so its records keep their order', () => {
    for (let k = 0; k < 100; k++) {
      const a = placeKey(`order-${k}`, 4, 10);
      expect(placeKey(`order-${k}`, 4, 10)).toEqual(a);
      expect(a.shardIndex).toBe(kinesisShardFor(`order-${k}`, 4));
      expect(a.laneInShard).toBeLessThan(10);
    }
  });

  it('F86: a failing batch blocks its shard and is retried until its records expire; nothing behind it runs before', async () => {
    const failing = processor({ handler: { kind: 'model', durationMs: 10, errorRate: 1 } });
    const r = await run(failing, stream('kinesis', { at: [0, 0, 20, 3000] }, 1, { maximumRecordAgeMs: 60_000, batchSize: 2 }), 4000);
    // Every run carries the first two records until they expire; only then does the shard move on.
    const firstBatch = r.invocations.filter((i) => i.requestIds.includes(r.requests[0].id));
    expect(firstBatch.length).toBeGreaterThan(5);
    expect(firstBatch.every((i) => i.requestIds.length === 2)).toBe(true);
    const laterStarts = r.invocations.filter((i) => !i.requestIds.includes(r.requests[0].id)).map((i) => i.startMs);
    expect(Math.min(...laterStarts)).toBeGreaterThan(60_000);
    expect(r.requests.every((q) => q.outcome === 'discarded')).toBe(true);
    expect(r.requests[0].finishedMs).toBeGreaterThan(60_000);
  });

  it('F86: with MaximumRetryAttempts 2 a poison batch runs 3 times and is discarded, then its shard continues in order', async () => {
    const fn = processor({ handler: { kind: 'code', source: poisonHandler } });
    const payloads = ['a', 'poison', 'c', 'd'];
    const scenario = { durationMs: 1000, functions: [fn], sources: [{ ...stream('kinesis', { at: [0, 0, 500, 500] }, 1, { maximumRetryAttempts: 2, batchSize: 2 }), payloads }] } as Scenario;
    const r = await simulate(scenario, { createCodeEnvironment });
    const batches = r.logs.map((l) => l.message).filter((m) => m.includes('\tINFO\t')).map((m) => m.split('\t').at(-1));
    expect(batches).toEqual(['a,poison', 'a,poison', 'a,poison', 'c,d']);
    expect(r.requests.map((q) => [q.outcome, q.attempts])).toEqual([['discarded', 3], ['discarded', 3], ['succeeded', 1], ['succeeded', 1]]);
  });

  it('F87: bisecting isolates a poison record at index 5 with batches of 8, 4, 2, 1, and splitting uses no retries', async () => {
    const fn = processor({ handler: { kind: 'code', source: poisonHandler } });
    const payloads = ['r0', 'r1', 'r2', 'r3', 'r4', 'poison', 'r6', 'r7'];
    const source = { ...stream('kinesis', { at: payloads.map(() => 0) }, 1, { batchSize: 8, bisectBatchOnFunctionError: true, maximumRetryAttempts: 0 }), payloads };
    const r = await simulate({ durationMs: 1000, functions: [fn], sources: [source] } as Scenario, { createCodeEnvironment });
    expect(r.invocations.map((i) => i.requestIds.length)).toEqual([8, 4, 4, 2, 1, 1, 2]);
    expect(r.requests.map((q) => q.outcome)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded', 'discarded', 'succeeded', 'succeeded']);
  });

  it('F86: throttled batches are retried without using up MaximumRetryAttempts', async () => {
    const fn = processor({ reservedConcurrency: 1, handler: { kind: 'model', durationMs: 1500 } });
    const r = await run(fn, stream('kinesis', { rate: 20, toMs: 3000 }, 4, { maximumRetryAttempts: 0 }), 3000);
    expect(r.metrics.fn.throttles).toBeGreaterThan(0);
    expect(r.requests.every((q) => q.outcome === 'succeeded')).toBe(true);
  });

  it('IteratorAge is recorded for each batch as the age of its last record when read', async () => {
    const r = await run(processor(), stream('kinesis', { rate: 10, toMs: 5000 }, 1), 5000);
    const ages = r.metrics.fn.series.IteratorAge;
    expect(ages).toHaveLength(r.invocations.length);
    expect(ages.every((p) => p.value >= 0 && p.value <= 1000)).toBe(true);
  });

  describe('shard ids on request records', () => {
    /** A handler that logs each record's Kinesis eventID ("shardId-…:sequenceNumber"). */
    const eventIdHandler = `export const handler = async (event) => { for (const r of event.Records) console.log(r.eventID); };`;
    const manyKeys = Array.from({ length: 60 }, (_, i) => ({ partitionKey: `device-${i}` }));

    it('every Kinesis record carries the shardId of its eventID, and the ids are exactly the scenario\'s 3 shards', async () => {
      const source = { ...stream('kinesis', { rate: 20, toMs: 3000 }, 3), payloads: manyKeys };
      const r = await simulate({ durationMs: 6000, functions: [processor({ handler: { kind: 'code', source: eventIdHandler } })], sources: [source] } as Scenario, { createCodeEnvironment });
      expect(r.requests.length).toBe(60);
      expect(new Set(r.requests.map((q) => q.shardId))).toEqual(new Set(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002']));
      // The handler saw each record's eventID; its shard prefix is the request's shardId.
      const seen = r.logs.map((l) => l.message).filter((m) => m.includes('\tINFO\t')).map((m) => m.split('\t').at(-1)!.trim());
      expect(seen).toHaveLength(60);
      const byInvocation = new Map(r.invocations.map((i) => [i.requestId, i]));
      const shardOfLog = new Map<string, string[]>();
      for (const l of r.logs.filter((x) => x.message.includes('\tINFO\t'))) {
        const [, requestId] = l.message.split('\t');
        const list = shardOfLog.get(requestId) ?? [];
        list.push(l.message.split('\t').at(-1)!.trim().split(':')[0]);
        shardOfLog.set(requestId, list);
      }
      for (const [invocationId, shardIds] of shardOfLog) {
        const inv = byInvocation.get(invocationId)!;
        const expected = inv.requestIds.map((id) => r.requests.find((q) => q.id === id)!.shardId);
        expect(shardIds).toEqual(expected);
      }
    });

    it('DynamoDB stream records carry DynamoDB-style shard ids, one per shard of the scenario', async () => {
      const source = { ...stream('dynamodb-streams', { rate: 40, toMs: 2000 }, 4), payloads: manyKeys };
      const r = await run(processor(), source, 4000);
      expect(r.requests.every((q) => /^shardId-\d{20}-[0-9a-f]{8}$/.test(q.shardId ?? ''))).toBe(true);
      expect(new Set(r.requests.map((q) => q.shardId)).size).toBe(4);
    });

    it('requests of other sources carry no shard id', async () => {
      const r = await run(processor(), { type: 'sqs', function: 'fn', arrivals: { at: [0, 10] } } as SourceSpec, 2000);
      expect(r.requests.length).toBe(2);
      expect(r.requests.every((q) => q.shardId === undefined)).toBe(true);
    });

    it('F85/F86: each shard\'s records are read in arrival order, even while batches fail and are retried', async () => {
      const flaky = processor({ handler: { kind: 'model', durationMs: 30, errorRate: 0.3 } });
      const source = { ...stream('kinesis', { rate: 30, toMs: 4000 }, 3, { batchSize: 5 }), payloads: manyKeys };
      const r = await run(flaky, source, 120_000);
      const requestById = new Map(r.requests.map((q) => [q.id, q]));
      expect(r.invocations.some((i) => i.status === 'error')).toBe(true);
      for (const shardId of new Set(r.requests.map((q) => q.shardId))) {
        // The order in which the shard's records were first handed to the function...
        const firstSeen: string[] = [];
        for (const inv of [...r.invocations].sort((a, b) => a.startMs - b.startMs)) {
          for (const id of inv.requestIds) if (requestById.get(id)!.shardId === shardId && !firstSeen.includes(id)) firstSeen.push(id);
        }
        // ...is the order they were put to the shard, and they finish in that order too.
        const putOrder = r.requests.filter((q) => q.shardId === shardId);
        expect(firstSeen).toEqual(putOrder.map((q) => q.id));
        const finished = putOrder.map((q) => q.finishedMs!);
        expect(finished).toEqual([...finished].sort((a, b) => a - b));
      }
    });

    it('F86: a poison record blocks only its own shard; the other shards keep being read', async () => {
      const keys = ['k-a', 'k-b', 'k-c', 'k-d', 'k-e', 'k-f', 'k-g', 'k-h'];
      const poisonKey = keys[0];
      const handler = `export const handler = async (event) => {
        if (event.Records.some((r) => atob(r.kinesis.data).includes('POISON'))) throw new Error('poison record');
      };`;
      const payloads = Array.from({ length: 40 }, (_, i) => ({ partitionKey: keys[i % keys.length], note: i === 0 ? 'POISON' : 'fine' }));
      // A 10-minute maximum record age (F86): the poison record expires while the records behind it
      // are still young. With the default 24 h, each failing run's own time (F141) adds up over
      // ~2,900 retries until the records put seconds later have expired too.
      const source = { ...stream('kinesis', { rate: 10, toMs: 4000 }, 2, { maximumRecordAgeMs: 600_000 }), payloads };
      const r = await simulate({ durationMs: 10_000, functions: [processor({ handler: { kind: 'code', source: handler } })], sources: [source] } as Scenario, { createCodeEnvironment });
      const blockedShard = r.requests[0].shardId;
      expect(payloads.findIndex((p) => p.partitionKey === poisonKey)).toBe(0);
      const other = r.requests.filter((q) => q.shardId !== blockedShard);
      const same = r.requests.filter((q) => q.shardId === blockedShard);
      expect(other.length).toBeGreaterThan(0);
      expect(same.length).toBeGreaterThan(1);
      // Retried until it expires (F86): the other shard is done within seconds of its puts.
      const poison = same[0];
      expect(poison.attempts).toBeGreaterThan(10);
      expect(other.every((q) => q.outcome === 'succeeded' && q.finishedMs! < 10_000)).toBe(true);
      // Nothing behind the poison record on its shard reaches the function while it is retried.
      const behind = new Set(same.slice(1).map((q) => q.id));
      const carrying = r.invocations.filter((i) => i.requestIds.some((id) => behind.has(id)));
      expect(carrying.length).toBeGreaterThan(0);
      expect(Math.min(...carrying.map((i) => i.startMs))).toBeGreaterThanOrEqual(poison.finishedMs!);
    });
  });
});
