import { describe, expect, it } from 'vitest';
import { createSimulation, simulate, ScenarioError, type Scenario, type SimulationEvent } from './index';
import { registerSource, unregisterSource } from './sources/types';

const scenario = (): Scenario => ({
  durationMs: 10_000,
  functions: [{ name: 'fn', handler: { kind: 'model', durationMs: 1000 } }],
  sources: [{ type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { at: [0, 5000] } }],
});

describe('createSimulation', () => {
  it('steps through virtual time and shows unfinished requests mid-run', async () => {
    const sim = createSimulation(scenario());
    await sim.runUntil(500);
    expect(sim.now()).toBe(500);
    const mid = sim.result();
    expect(mid.requests).toHaveLength(1);
    expect(mid.requests[0].outcome).toBe('unfinished');
    expect(sim.environments().map((e) => e.state)).toEqual(['busy']);
    await sim.runUntil(2000);
    expect(sim.result().requests[0].outcome).toBe('succeeded');
    expect(mid.requests[0].outcome).toBe('unfinished'); // a mid-run result is a snapshot
    const live = sim.result({ snapshot: false });
    expect(live.requests).toBe(sim.result({ snapshot: false }).requests); // the live arrays, no copy
    expect(sim.environments().map((e) => e.state)).toEqual(['idle']);
    const end = await sim.run();
    expect(end.requests.map((r) => r.outcome)).toEqual(['succeeded', 'succeeded']);
    expect(end.environments[0].endReason).toBe('end');
    expect(end).toEqual(await simulate(scenario()));
  });

  it('step() runs one event at a time and returns false at the end', async () => {
    const sim = createSimulation(scenario());
    let steps = 0;
    while (await sim.step()) steps++;
    expect(steps).toBeGreaterThan(4);
    expect(sim.isFinished()).toBe(true);
    expect(sim.stepSync()).toBe(false);
  });

  it('tells subscribers what happens, in virtual-time order', async () => {
    const sim = createSimulation(scenario());
    const events: SimulationEvent[] = [];
    const unsubscribe = sim.subscribe((e) => events.push(e));
    sim.runUntilSync(3000);
    unsubscribe();
    sim.runUntilSync(10_000);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['request.arrived', 'environment.state', 'invocation.started', 'invocation.finished', 'request.finished']));
    expect(events.filter((e) => e.type === 'environment.state').map((e) => (e as { state: string }).state))
      .toEqual(['initializing.extensionInit', 'initializing.runtimeInit', 'initializing.functionInit', 'idle', 'busy', 'idle']);
    for (let i = 1; i < events.length; i++) expect(events[i].timeMs).toBeGreaterThanOrEqual(events[i - 1].timeMs);
    expect(events.every((e) => e.timeMs <= 3000)).toBe(true);
  });

  it('adds console invokes at now() that reuse the warm environment', async () => {
    const sim = createSimulation({ ...scenario(), sources: [] });
    const first = sim.invoke('fn', { a: 1 });
    await sim.settle();
    expect((await first.finished).outcome).toBe('succeeded');
    await sim.runUntil(sim.now() + 60_000);
    sim.invoke('fn');
    await sim.settle();
    expect(sim.result().invocations.map((i) => [i.coldStart, i.environmentId])).toEqual([[true, 'fn#1'], [false, 'fn#1']]);
    expect(() => sim.invoke('nope')).toThrow(/no function named nope/);
  });

  it('scales provisioned concurrency in: idle provisioned environments end with scale-in', async () => {
    const sim = createSimulation({ ...scenario(), functions: [{ ...scenario().functions[0], provisionedConcurrency: 3 }], sources: [] });
    await sim.ready();
    expect(sim.environments().filter((e) => e.provisioned)).toHaveLength(3);
    sim.updateFunction('fn', { provisionedConcurrency: 1 });
    expect(sim.environments().filter((e) => e.provisioned)).toHaveLength(1);
    expect(sim.result().environments.filter((e) => e.endReason === 'scale-in')).toHaveLength(2);
    const { finished } = sim.invoke('fn');
    await sim.settle();
    expect((await finished).outcome).toBe('succeeded');
    expect(sim.result().invocations[0].coldStart).toBe(false);
  });

  it('F11: a code or configuration update after a scale-in ends the busy environment as config-update, not scale-in', async () => {
    const sim = createSimulation({ ...scenario(), functions: [{ ...scenario().functions[0], provisionedConcurrency: 1 }], sources: [] });
    await sim.ready();
    sim.invoke('fn');
    await sim.runUntil(100);
    sim.updateFunction('fn', { provisionedConcurrency: 0 }); // busy: scale-in after its invoke
    sim.updateFunction('fn', { memoryMB: 256 }); // and now new configuration too (F11)
    await sim.settle();
    expect(sim.result().environments.map((e) => [e.provisioned, e.endReason])).toEqual([[true, 'config-update']]);
  });

  it('refuses a bad scenario with a ScenarioError before anything runs', () => {
    expect(() => createSimulation({ ...scenario(), durationMs: -1 })).toThrow(ScenarioError);
  });

  it('refuses a scenario whose source type has no implementation, naming its path', async () => {
    const saved = unregisterSource('sqs');
    try {
      const s: Scenario = { ...scenario(), sources: [scenario().sources[0], { type: 'sqs', function: 'fn', arrivals: { rate: 1 } }] };
      await expect(simulate(s)).rejects.toThrow(ScenarioError);
      try { createSimulation(s); } catch (e) { expect((e as ScenarioError).issues).toEqual([expect.objectContaining({ path: 'sources.1.type' })]); }
    } finally {
      if (saved) registerSource('sqs', saved);
    }
  });

  it('records less on request, while metrics and cost stay complete', async () => {
    const full = await simulate(scenario());
    const lean = await simulate({ ...scenario(), record: { logs: false, requests: false, invocations: false } });
    expect(lean.logs).toEqual([]);
    expect(lean.requests).toEqual([]);
    expect(lean.invocations).toEqual([]);
    expect(lean.metrics).toEqual(full.metrics);
    expect(lean.cost).toEqual(full.cost);
  });
});
