import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, simulate, type Scenario, type SimulationResult, type SourceSpec } from '../index';
import './eventSources';
import { placeKey } from './streamRecords';

const KEYS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];

const arrivalsArb = fc.oneof(
  fc.record({ rate: fc.integer({ min: 1, max: 40 }), process: fc.constantFrom('uniform' as const, 'poisson' as const) }),
  fc.record({ at: fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 30 }) }),
);

const sourceArb = (fn: string): fc.Arbitrary<SourceSpec> => fc.oneof(
  fc.record({ type: fc.constant('invoke' as const), function: fc.constant(fn), invocationType: fc.constant('Event' as const), arrivals: arrivalsArb }),
  fc.record({ type: fc.constantFrom('s3' as const, 'sns' as const), function: fc.constant(fn), arrivals: arrivalsArb }),
  fc.record({
    type: fc.constant('sqs' as const), function: fc.constant(fn), arrivals: arrivalsArb,
    batchSize: fc.integer({ min: 1, max: 10 }), maximumBatchingWindowMs: fc.constantFrom(0, 0, 500, 2000),
    maximumConcurrency: fc.option(fc.integer({ min: 2, max: 8 }), { nil: undefined }),
    visibilityTimeoutMs: fc.integer({ min: 1000, max: 20_000 }), maxReceiveCount: fc.integer({ min: 1, max: 4 }),
    reportBatchItemFailures: fc.boolean(),
  }),
  fc.record({
    type: fc.constantFrom('kinesis' as const, 'dynamodb-streams' as const), function: fc.constant(fn), arrivals: arrivalsArb,
    shards: fc.integer({ min: 1, max: 3 }), batchSize: fc.integer({ min: 1, max: 20 }),
    parallelizationFactor: fc.integer({ min: 1, max: 3 }), bisectBatchOnFunctionError: fc.boolean(),
    maximumRetryAttempts: fc.integer({ min: 0, max: 3 }),
    payloads: fc.array(fc.constantFrom(...KEYS).map((partitionKey) => ({ partitionKey })), { minLength: 1, maxLength: 12 }),
  }),
);

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  durationMs: fc.integer({ min: 500, max: 4000 }),
  functions: fc.tuple(
    fc.integer({ min: 5, max: 800 }), fc.constantFrom(0, 0.1, 0.3, 0.6, 1), fc.constantFrom(1000, 3000),
    fc.option(fc.constantFrom(0, 1, 2, 5), { nil: undefined }), fc.constantFrom(0, 1, 2),
    fc.option(fc.constant('on-failure'), { nil: undefined }),
  ).map(([durationMs, errorRate, timeoutMs, reservedConcurrency, maximumRetryAttempts, onFailure]) => [{
    name: 'fn', timeoutMs, reservedConcurrency, handler: { kind: 'model' as const, durationMs, errorRate },
    async: { maximumRetryAttempts: maximumRetryAttempts as 0 | 1 | 2, maximumEventAgeMs: 600_000, onFailure },
  }]),
  sources: fc.array(sourceArb('fn'), { minLength: 1, maxLength: 3 }),
}).map((s) => ({
  // Explicit arrival times must fall inside the scenario's duration.
  ...s,
  sources: s.sources.map((src) => ('at' in src.arrivals ? { ...src, arrivals: { at: src.arrivals.at.map((t) => t % (s.durationMs + 1)) } } : src)),
}));

function checkOutcomes(r: SimulationResult): void {
  const invocations = new Map(r.invocations.map((i) => [i.requestId, i]));
  for (const q of r.requests) {
    expect(q.outcome, q.id).not.toBe('unfinished');
    expect(q.finishedMs!).toBeGreaterThanOrEqual(q.arrivedMs);
    expect(q.attempts).toBe(q.invocationIds.length);
    expect(new Set(q.invocationIds).size).toBe(q.invocationIds.length);
    for (const id of q.invocationIds) expect(invocations.get(id)!.requestIds).toContain(q.id);
    // Async callers and pollers never see a 429 (F64, F86).
    expect(q.outcome).not.toBe('throttled');
  }
}

/** Another run only after a failed one, or after a partial batch response (F80); never overlapping. */
function checkNoDuplicateDelivery(s: Scenario, r: SimulationResult): void {
  const invocations = new Map(r.invocations.map((i) => [i.requestId, i]));
  const partial = new Set(s.sources.map((src, i) => (src.type === 'sqs' && src.reportBatchItemFailures ? `sqs#${i}` : '')));
  for (const q of r.requests) {
    const runs = q.invocationIds.map((id) => invocations.get(id)!);
    for (let k = 1; k < runs.length; k++) {
      if (!partial.has(q.source)) expect(runs[k - 1].status, `${q.id} ran again after a success`).not.toBe('success');
      expect(runs[k].startMs).toBeGreaterThanOrEqual(runs[k - 1].endMs);
    }
    if (q.outcome === 'succeeded' && runs.length > 0) expect(runs.at(-1)!.status).toBe('success');
  }
}

/** F85/F86: within a shard lane (one partition key's lane), records are handled in put order. */
function checkStreamOrder(s: Scenario, r: SimulationResult): void {
  const invocations = new Map(r.invocations.map((i) => [i.requestId, i]));
  s.sources.forEach((src, index) => {
    if (src.type !== 'kinesis' && src.type !== 'dynamodb-streams') return;
    const records = r.requests.filter((q) => q.source === `${src.type}#${index}`);
    const lanes = new Map<string, typeof records>();
    records.forEach((q, i) => {
      const key = (src.payloads![i % src.payloads!.length] as { partitionKey: string }).partitionKey;
      const p = placeKey(key, src.shards, src.parallelizationFactor ?? 1);
      const lane = `${p.shardIndex}/${p.laneInShard}`;
      lanes.set(lane, [...(lanes.get(lane) ?? []), q]);
    });
    for (const lane of lanes.values()) {
      const ran = lane.filter((q) => q.invocationIds.length > 0);
      for (let k = 1; k < ran.length; k++) {
        const before = invocations.get(ran[k - 1].invocationIds.at(-1)!)!;
        const first = invocations.get(ran[k].invocationIds[0])!;
        // The later record rides in a batch with the earlier one, or starts after the earlier one's last batch ended.
        if (!first.requestIds.includes(ran[k - 1].id)) expect(first.startMs, `${ran[k].id} ran before ${ran[k - 1].id} was done`).toBeGreaterThanOrEqual(before.endMs);
        expect(invocations.get(ran[k - 1].invocationIds[0])!.startMs).toBeLessThanOrEqual(first.startMs);
      }
    }
  });
}

/** F59/F76/F60: reserved concurrency, SQS MaximumConcurrency and shards x factor bound the runs. */
function checkConcurrencyLimits(s: Scenario, r: SimulationResult): void {
  const reserved = s.functions[0].reservedConcurrency;
  if (reserved !== undefined) expect(r.metrics.fn.maxConcurrency).toBeLessThanOrEqual(reserved);
  if (s.sources.length !== 1) return;
  const src = s.sources[0];
  if (src.type === 'sqs' && src.maximumConcurrency !== undefined) expect(r.metrics.fn.maxConcurrency).toBeLessThanOrEqual(src.maximumConcurrency);
  if (src.type === 'kinesis' || src.type === 'dynamodb-streams') {
    expect(r.metrics.fn.maxConcurrency).toBeLessThanOrEqual(src.shards * (src.parallelizationFactor ?? 1));
  }
}

describe('event sources over random scenarios', () => {
  it('every event, message and record ends in exactly one outcome; shards keep order; nothing runs twice except by a documented retry', async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, async (scenario) => {
      const s = parseScenario(scenario);
      const r = await simulate(s);
      checkOutcomes(r);
      checkNoDuplicateDelivery(s, r);
      checkStreamOrder(s, r);
      checkConcurrencyLimits(s, r);
    }), { numRuns: 40 });
  }, 120_000);

  it('the same scenario and seed give an identical result with every source', async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, async (scenario) => {
      const s = parseScenario(scenario);
      expect(JSON.stringify(await simulate(s))).toBe(JSON.stringify(await simulate(s)));
    }), { numRuns: 10 });
  }, 120_000);
});
