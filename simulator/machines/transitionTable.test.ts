import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createActor, transition } from 'xstate';
import { executionEnvironmentMachine } from './executionEnvironmentMachine';
import { functionScalerMachine, type PlacementContext } from './functionScalerMachine';
import { buildEnvironmentTable, decidePlacement, ENVIRONMENT_EVENT_TYPES, placementRules, statePath } from './transitionTable';

describe('the environment transition table', () => {
  const table = buildEnvironmentTable();

  it('follows the statechart on any sequence of events', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...ENVIRONMENT_EVENT_TYPES), { maxLength: 40 }), (events) => {
      const actor = createActor(executionEnvironmentMachine).start();
      let state = table.initial;
      for (const type of events) {
        const snapshot = actor.getSnapshot();
        const allowed = snapshot.can({ type });
        const next = table.next[state * table.events.length + table.eventId(type)];
        expect(next >= 0).toBe(allowed);
        if (!allowed) continue;
        actor.send({ type });
        state = next;
        expect(table.states[state]).toBe(statePath(actor.getSnapshot().value));
      }
      actor.stop();
    }), { numRuns: 300 });
  });

  it('covers every leaf state and every event type of the chart', () => {
    expect(table.states).toEqual([
      'initializing.extensionInit', 'initializing.runtimeInit', 'initializing.functionInit',
      'idle', 'busy', 'resetting', 'shuttingDown', 'shutDown',
    ]);
    const used = new Set<number>();
    table.next.forEach((v, i) => v >= 0 && used.add(i % table.events.length));
    expect(used.size).toBe(ENVIRONMENT_EVENT_TYPES.length);
    // Read from the chart: an event added to the chart is in the table without a second list.
    expect([...ENVIRONMENT_EVENT_TYPES].sort()).toEqual([
      'config.updated', 'extensionInit.completed', 'functionInit.completed', 'idle.expired', 'init.failed', 'init.timedOut',
      'invoke.crashed', 'invoke.failed', 'invoke.received', 'invoke.succeeded', 'invoke.timedOut', 'reset.completed',
      'runtime.exited', 'runtimeInit.completed', 'shutdown.completed', 'simulation.ended',
    ].sort());
  });

  it('walks a cold start, two invokes, a timeout reset and nothing after shutdown', () => {
    let s = table.initial;
    const step = (e: (typeof ENVIRONMENT_EVENT_TYPES)[number]) => (s = table.next[s * table.events.length + table.eventId(e)]);
    for (const e of ['extensionInit.completed', 'runtimeInit.completed', 'functionInit.completed', 'invoke.received',
      'invoke.succeeded', 'invoke.received', 'invoke.timedOut', 'reset.completed'] as const) step(e);
    expect(table.states[s]).toBe('shutDown');
    expect(step('invoke.received')).toBe(-1);
  });
});

describe('the placement rules', () => {
  const rules = placementRules();
  const contextArb: fc.Arbitrary<PlacementContext> = fc.record({
    idleProvisioned: fc.integer({ min: 0, max: 2 }),
    idleOnDemand: fc.integer({ min: 0, max: 2 }),
    concurrency: fc.integer({ min: 0, max: 6 }),
    reservedConcurrency: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    unreservedConcurrency: fc.integer({ min: 0, max: 6 }),
    unreservedLimit: fc.integer({ min: 0, max: 6 }),
    scalingWindowFull: fc.boolean(),
  });

  it('choose the same action as the scaler statechart for any context', () => {
    fc.assert(fc.property(contextArb, (context) => {
      const snapshot = functionScalerMachine.resolveState({ value: {}, context });
      const [, actions] = transition(functionScalerMachine, snapshot, { type: 'request.arrived' });
      expect(actions.map((a) => a.type)).toEqual([decidePlacement(rules, { context })]);
    }), { numRuns: 500 });
  });

  it('throttle at the reserved limit even when a warm environment is idle (F59, F137)', () => {
    const ctx: PlacementContext = { idleProvisioned: 0, idleOnDemand: 1, concurrency: 0, reservedConcurrency: 0,
      unreservedConcurrency: 0, unreservedLimit: 100, scalingWindowFull: false };
    expect(decidePlacement(rules, { context: ctx })).toBe('throttleReserved');
    expect(decidePlacement(rules, { context: { ...ctx, reservedConcurrency: undefined } })).toBe('invokeWarm');
    expect(decidePlacement(rules, { context: { ...ctx, reservedConcurrency: undefined, idleOnDemand: 0, scalingWindowFull: true } })).toBe('throttleScalingRate');
  });
});
