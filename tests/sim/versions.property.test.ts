// Properties over random versioned scenarios under random rule dates: every request ends once,
// the function's reservation holds across its versions, an invocation runs on an environment of
// its own version, per-version metrics add up to the function's, billing follows the rule set's
// step, and the same seed gives the same result.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rulesFor, simulate, type FunctionSpec, type Scenario } from '../../simulator/index';
import { checkConcurrencyLimits, checkRequestsEndOnce } from './invariants';

const versionedScenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    seed: fc.integer({ min: 1, max: 1e6 }),
    versions: fc.array(fc.constantFrom(128, 256, 1024), { minLength: 1, maxLength: 3 }),
    weight: fc.double({ min: 0, max: 1, noNaN: true }),
    aliasPc: fc.integer({ min: 0, max: 3 }),
    reserved: fc.option(fc.integer({ min: 3, max: 8 }), { nil: undefined }),
    asOf: fc.option(fc.constantFrom('2019-06-01', '2022-06-01', '2025-09-01'), { nil: undefined }),
    targets: fc.array(fc.constantFrom('fn', 'fn:1', 'fn:live', 'fn:$LATEST'), { minLength: 1, maxLength: 3 }),
    rate: fc.integer({ min: 1, max: 40 }),
  })
  .map(({ seed, versions, weight, aliasPc, reserved, asOf, targets, rate }) => {
    const second = versions.length > 1 ? { version: versions.length, weight } : undefined;
    const fn: FunctionSpec = {
      name: 'fn', reservedConcurrency: reserved, handler: { kind: 'model', durationMs: { dist: 'exponential', mean: 150 }, errorRate: 0.05 },
      versions: versions.map((memoryMB) => ({ memoryMB })),
      aliases: [{ name: 'live', version: 1, additionalVersion: second, provisionedConcurrency: Math.min(aliasPc, reserved ?? aliasPc) }],
    };
    return {
      seed, durationMs: 5000, rules: asOf ? { asOf } : undefined, functions: [fn],
      sources: targets.map((target) => ({ type: 'invoke', function: target, invocationType: 'RequestResponse', arrivals: { rate, process: 'poisson' } })),
    } as Scenario;
  });

describe('versions and dated rules over random scenarios', () => {
  it('requests end once, limits hold across versions, environments serve one version, metrics add up, billing follows the rules', async () => {
    await fc.assert(fc.asyncProperty(versionedScenarioArb, async (s) => {
      const r = await simulate(s);
      expect(checkRequestsEndOnce(s, r)).toEqual([]);
      expect(checkConcurrencyLimits(s, r)).toEqual([]);
      const envVersion = new Map(r.environments.map((e) => [e.id, e.version]));
      expect(r.invocations.filter((i) => envVersion.get(i.environmentId) !== i.version)).toEqual([]);
      const resources = r.metrics.fn.resources!;
      const versionKeys = Object.keys(resources).filter((k) => k !== 'fn:live');
      expect(versionKeys.reduce((n, k) => n + resources[k].invocations, 0)).toBe(r.metrics.fn.invocations);
      expect(versionKeys.reduce((n, k) => n + resources[k].throttles, 0)).toBe(r.metrics.fn.throttles);
      const step = rulesFor(s.rules).billingGranularityMs;
      expect(r.invocations.filter((i) => i.billedDurationMs % step !== 0 || i.billedDurationMs < step)).toEqual([]);
      expect(await simulate(s)).toEqual(r);
    }), { numRuns: 40 });
  });
});
