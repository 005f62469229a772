// Invariants over random scenarios (fast-check): every request ends with exactly one outcome,
// no function runs more environments at once than its limits allow, environments never grow
// faster than the scaling rate, billed >= duration, and the same seed gives the same result.
// A failing run prints the scenario (and so its seed) through fast-check's counterexample.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate, type Dist, type FunctionSpec, type Scenario, type SimulationResult, type SourceSpec } from '../../simulator/index';

const distArb: fc.Arbitrary<number | Dist> = fc.oneof(
  fc.integer({ min: 0, max: 3000 }),
  fc.record({ dist: fc.constant('uniform' as const), min: fc.constant(0), max: fc.integer({ min: 1, max: 4000 }) }),
  fc.record({ dist: fc.constant('exponential' as const), mean: fc.integer({ min: 1, max: 1500 }) }),
  fc.record({ dist: fc.constant('lognormal' as const), mu: fc.double({ min: 1, max: 7, noNaN: true }), sigma: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

const functionArb = (name: string): fc.Arbitrary<FunctionSpec> =>
  fc.record({
    memoryMB: fc.constantFrom(128, 512, 1769, 3008),
    timeoutMs: fc.constantFrom(1000, 2000, 5000),
    reservedConcurrency: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    pc: fc.integer({ min: 0, max: 2 }),
    durationMs: distArb,
    initMs: fc.option(fc.integer({ min: 0, max: 12_000 }), { nil: undefined, freq: 4 }),
    errorRate: fc.constantFrom(0, 0.1, 0.5),
    crashRate: fc.constantFrom(0, 0, 0.1),
  }).map(({ pc, reservedConcurrency, initMs, ...f }) => ({
    name,
    memoryMB: f.memoryMB,
    timeoutMs: f.timeoutMs,
    reservedConcurrency,
    provisionedConcurrency: Math.min(pc, reservedConcurrency ?? pc),
    handler: { kind: 'model' as const, durationMs: f.durationMs, initMs, errorRate: f.errorRate, crashRate: f.crashRate },
  }));

const sourceArb = (functionNames: string[], durationMs: number): fc.Arbitrary<SourceSpec> =>
  fc.record({
    type: fc.constantFrom('invoke' as const, 'api-gateway' as const),
    function: fc.constantFrom(...functionNames),
    arrivals: fc.oneof(
      fc.record({ rate: fc.integer({ min: 0, max: 80 }), process: fc.constantFrom('poisson' as const, 'uniform' as const) }),
      fc.record({ at: fc.array(fc.integer({ min: 0, max: durationMs }), { maxLength: 40 }) }),
    ),
  }).map((s) => (s.type === 'invoke' ? { ...s, type: 'invoke', invocationType: 'RequestResponse' } : s) as SourceSpec);

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    seed: fc.integer(),
    durationMs: fc.integer({ min: 500, max: 15_000 }),
    n: fc.integer({ min: 1, max: 3 }),
    account: fc.integer({ min: 120, max: 140 }),
    scalingEnvironments: fc.integer({ min: 2, max: 12 }),
    scalingWindowMs: fc.constantFrom(500, 2000, 10_000),
  })
  .chain((base) => {
    const names = ['a', 'b', 'c'].slice(0, base.n);
    return fc.record({
      functions: fc.tuple(...names.map(functionArb)),
      sources: fc.array(sourceArb(names, base.durationMs), { minLength: 1, maxLength: 3 }),
    }).map(({ functions, sources }) => ({
      seed: base.seed,
      durationMs: base.durationMs,
      account: { concurrencyLimit: base.account },
      functions,
      sources,
      service: { scalingEnvironments: base.scalingEnvironments, scalingWindowMs: base.scalingWindowMs, idleTimeoutMs: 3000 },
    }));
  });

/** Peak number of overlapping [from, to) intervals; starts count before ends at the same instant. */
function peakOverlap(intervals: [number, number][]): number {
  const points = intervals.flatMap(([a, b]) => [[a, 1], [b, -1]] as [number, number][]);
  points.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  let n = 0, peak = 0;
  for (const [, d] of points) peak = Math.max(peak, (n += d));
  return peak;
}

/** Each sync request holds one environment from arrival (placement) to its invocation's end. */
function busyIntervals(r: SimulationResult, functionName: string, onlyInvocations?: Set<string>): [number, number][] {
  const byId = new Map(r.invocations.map((i) => [i.requestId, i]));
  return r.requests
    .filter((q) => q.function === functionName && q.invocationIds.length && (!onlyInvocations || onlyInvocations.has(q.invocationIds[0])))
    .map((q) => [q.arrivedMs, byId.get(q.invocationIds[0])!.endMs]);
}

const runs = { numRuns: 60 };

describe('engine invariants over random scenarios', () => {
  it('every request ends with exactly one outcome and one attempt at most (sync callers)', async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, async (s) => {
      const r = await simulate(s);
      for (const q of r.requests) {
        expect(q.outcome).not.toBe('unfinished');
        expect(q.finishedMs).toBeGreaterThanOrEqual(q.arrivedMs);
        expect(q.attempts).toBe(q.outcome === 'throttled' ? 0 : 1);
        expect(q.invocationIds).toHaveLength(q.attempts);
      }
      const carried = r.invocations.flatMap((i) => i.requestIds);
      expect(new Set(carried).size).toBe(carried.length);
    }), runs);
  });

  it('no function runs more environments at once than its reserved or the account limit allows', async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, async (s) => {
      const r = await simulate(s);
      const reservedTotal = s.functions.reduce((n, f) => n + (f.reservedConcurrency ?? 0), 0);
      const unreserved: [number, number][] = [];
      for (const f of s.functions) {
        const busy = busyIntervals(r, f.name);
        if (f.reservedConcurrency !== undefined) expect(peakOverlap(busy)).toBeLessThanOrEqual(f.reservedConcurrency);
        else unreserved.push(...busy);
        expect(r.metrics[f.name].maxConcurrency).toBeLessThanOrEqual(f.reservedConcurrency ?? s.account!.concurrencyLimit!);
      }
      expect(peakOverlap(unreserved)).toBeLessThanOrEqual(s.account!.concurrencyLimit! - reservedTotal);
      // F16: provisioned environments hold their share for their whole life, busy or idle.
      const provisioned = new Set(r.environments.filter((e) => e.provisioned).map((e) => e.id));
      const onDemand = new Set(r.invocations.filter((i) => !provisioned.has(i.environmentId)).map((i) => i.requestId));
      const held: [number, number][] = [];
      for (const f of s.functions.filter((g) => g.reservedConcurrency === undefined)) {
        held.push(...busyIntervals(r, f.name, onDemand));
        for (const e of r.environments) if (e.function === f.name && e.provisioned) held.push([e.createdMs, e.destroyedMs!]);
      }
      expect(peakOverlap(held)).toBeLessThanOrEqual(s.account!.concurrencyLimit! - reservedTotal);
    }), runs);
  });

  it('on-demand environments never grow faster than the scaling rate', async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, async (s) => {
      const r = await simulate(s);
      const limit = s.service!.scalingEnvironments!;
      for (const f of s.functions) {
        const created = r.environments.filter((e) => e.function === f.name && !e.provisioned).map((e) => e.createdMs).sort((a, b) => a - b);
        for (let i = limit; i < created.length; i++) expect(created[i] - created[i - limit]).toBeGreaterThanOrEqual(s.service!.scalingWindowMs!);
      }
    }), runs);
  });

  it('billed duration is never below the duration, and cold starts carry Init Duration', async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, async (s) => {
      const r = await simulate(s);
      for (const inv of r.invocations) {
        expect(inv.billedDurationMs).toBeGreaterThanOrEqual(inv.durationMs);
        expect(Number.isInteger(inv.billedDurationMs)).toBe(true);
        expect(inv.initDurationMs !== undefined).toBe(inv.coldStart);
        expect(inv.endMs).toBeGreaterThanOrEqual(inv.startMs);
      }
    }), runs);
  });

  it('the same scenario and seed give an identical result', async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, async (s) => {
      const a = JSON.stringify(await simulate(s));
      const b = JSON.stringify(await simulate(structuredClone(s)));
      expect(a).toBe(b);
    }), { numRuns: 30 });
  });

  it('logs are ordered by time and every invocation has START, END and REPORT', async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, async (s) => {
      const r = await simulate(s);
      for (let i = 1; i < r.logs.length; i++) expect(r.logs[i].timeMs).toBeGreaterThanOrEqual(r.logs[i - 1].timeMs);
      const messages = new Set(r.logs.map((l) => l.message));
      for (const inv of r.invocations) {
        expect(messages.has(`START RequestId: ${inv.requestId} Version: $LATEST`)).toBe(true);
        expect(messages.has(`END RequestId: ${inv.requestId}`)).toBe(true);
      }
      expect(r.logs.filter((l) => l.message.startsWith('REPORT')).length).toBe(r.invocations.length);
    }), { numRuns: 30 });
  });
});
