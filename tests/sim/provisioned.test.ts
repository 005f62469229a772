// Provisioned concurrency in time: allocation after a request (F16), its price (F49), and the
// recycling of provisioned environments every few hours (F15).
import { describe, expect, it } from 'vitest';
import { createSimulation, simulate, PC_PRICE_PER_GB_SECOND_USD, PC_DURATION_PRICE_PER_GB_SECOND_USD } from '../../simulator/index';
import { fn, scenario, syncAt } from './helpers';

describe('provisioned concurrency in time', () => {
  it('F16 F17: PC requested during a run is allocated a minute later; until then requests spill over cold', async () => {
    const sim = createSimulation(scenario({ durationMs: 120_000, sources: [syncAt([30_000, 90_000])] }));
    sim.runUntilSync(1000);
    sim.updateFunction('fn', { provisionedConcurrency: 2 });
    sim.runUntilSync(60_000);
    expect(sim.environments().filter((e) => e.provisioned)).toHaveLength(0);
    const r = await sim.run();
    expect(r.environments.filter((e) => e.provisioned).map((e) => e.createdMs)).toEqual([61_000, 61_000]);
    expect(r.invocations.map((i) => [i.startMs >= 90_000, i.coldStart])).toEqual([[false, true], [true, false]]);
    expect(r.metrics.fn.provisionedConcurrencySpilloverInvocations).toBe(1);
  });

  it('F16: the allocation delay is a knob; 0 allocates at once', async () => {
    const sim = createSimulation(scenario({ service: { provisionedAllocationMs: 0 } }));
    sim.runUntilSync(1000);
    sim.updateFunction('fn', { provisionedConcurrency: 1 });
    expect(sim.environments().filter((e) => e.provisioned)).toHaveLength(1);
  });

  it('F49: 10 x 512 MB of PC for 24 h bills 432,000 GB-s whatever the traffic', async () => {
    const r = await simulate(scenario({ durationMs: 24 * 3600_000, functions: [fn({ memoryMB: 512, provisionedConcurrency: 10 })], sources: [] }));
    expect(r.cost.fn.provisioned!.gbSeconds).toBeCloseTo(432_000, 6);
    expect(r.cost.fn.usd).toBeCloseTo(432_000 * PC_PRICE_PER_GB_SECOND_USD, 9);
    expect(r.cost.fn.requests).toBe(0);
  });

  it('F49: the enabled span rounds up to 5 minutes, and a warm invocation on PC bills the lower duration rate', async () => {
    const r = await simulate(scenario({
      durationMs: 61_000, functions: [fn({ memoryMB: 1024, provisionedConcurrency: 1, handler: { kind: 'model', durationMs: 1000 } })],
    }));
    expect(r.cost.fn.provisioned!.gbSeconds).toBeCloseTo(300, 9);
    expect(r.cost.fn.gbSeconds).toBeCloseTo(1, 9);
    expect(r.cost.fn.usd).toBeCloseTo(300 * PC_PRICE_PER_GB_SECOND_USD + PC_DURATION_PRICE_PER_GB_SECOND_USD + 0.0000002, 12);
    expect((await simulate(scenario())).cost.fn.provisioned).toBeUndefined();
  });

  it('F15: provisioned environments are replaced every few hours; the replacement initialises first, so no request goes cold', async () => {
    const r = await simulate(scenario({
      durationMs: 9 * 3600_000, record: { logs: false },
      functions: [fn({ provisionedConcurrency: 1, handler: { kind: 'model', initMs: 500, durationMs: 100 } })],
      sources: [{ type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { rate: 1 / 60, process: 'uniform' } }],
    }));
    expect(r.environments.map((e) => [e.createdMs, e.endReason])).toEqual([
      [0, 'recycled'], [4 * 3600_000, 'recycled'], [8 * 3600_000, 'end'],
    ]);
    expect(r.environments[0].destroyedMs).toBe(4 * 3600_000 + 500);
    expect(r.metrics.fn.coldStarts).toBe(0);
    expect(r.metrics.fn.provisionedConcurrencySpilloverInvocations).toBe(0);
    expect(r.metrics.fn.invocations).toBe(540);
  });
});
