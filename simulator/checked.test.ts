import { describe, expect, it } from 'vitest';
import { createCheckedSimulation, openCheckedSimulation, plainRecords } from './checked';
import { createSimulation, parseScenario, type Scenario } from './index';

const scenario = (): Scenario => ({
  seed: 7,
  durationMs: 20_000,
  functions: [{ name: 'fn', memoryMB: 512, handler: { kind: 'model', durationMs: { dist: 'lognormal', mu: 5, sigma: 0.5 }, errorRate: 0.1 } }],
  sources: [{ type: 'api-gateway', function: 'fn', arrivals: { rate: 20, process: 'poisson' } }],
});

describe('createCheckedSimulation (the worker door, simulator/checked.ts)', () => {
  it('runs a checked scenario to the same trace as createSimulation', async () => {
    const checked = createCheckedSimulation(parseScenario(scenario()));
    checked.runUntilSync(7_000);
    const early = plainRecords(checked.result().requests);
    const reference = createSimulation(scenario());
    reference.runUntilSync(7_000);
    expect(early).toEqual(plainRecords(reference.result().requests));
    expect(await checked.run()).toEqual(await reference.run());
  });

  it('refuses updateFunction without a checker, and applies it with one', () => {
    const bare = createCheckedSimulation(parseScenario(scenario()));
    expect(() => bare.updateFunction('fn', { memoryMB: 1024 })).toThrow(/scenario checker/);
    const withCheck = createCheckedSimulation(parseScenario(scenario()), {}, { check: parseScenario });
    expect(() => withCheck.updateFunction('fn', { memoryMB: 100 })).toThrow(/memoryMB|128/); // F28: still checked
    withCheck.updateFunction('fn', { memoryMB: 1024 });
  });

  it('a scenario with an AWS account needs the account part: openCheckedSimulation fetches it', async () => {
    const withBucket: Scenario = { ...scenario(), aws: { buckets: [{ name: 'uploads' }] }, sources: [
      { type: 's3', function: 'fn', bucket: 'uploads', arrivals: { rate: 5, process: 'poisson' } } as Scenario['sources'][number],
    ] };
    const checked = parseScenario(withBucket);
    expect(() => createCheckedSimulation(checked)).toThrow(/AWS account/);
    const result = await (await openCheckedSimulation(checked)).run();
    expect(result.requests.length).toBeGreaterThan(50);
    expect(result).toEqual(await createSimulation(withBucket).run());
  });
});
