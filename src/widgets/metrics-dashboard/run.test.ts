import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../simulator/index';
import { aggregate } from './aggregate';
import { runLoad } from './run';

// A canary: alias live sends 10 % of its traffic to version 2, which has a bug.
const canary = parseScenario({
  seed: 3,
  durationMs: 20_000,
  functions: [{
    name: 'orders', handler: { kind: 'model', durationMs: 20 },
    versions: [{}, { handler: { kind: 'model', durationMs: 20, errorRate: 1 } }],
    aliases: [{ name: 'live', version: 1, additionalVersion: { version: 2, weight: 0.1 } }],
  }],
  sources: [{ type: 'invoke', invocationType: 'RequestResponse', function: 'orders:live', arrivals: { rate: 50, process: 'uniform' } }],
});

describe('the dashboard split by a dimension', () => {
  it('by function: one series holding every invocation', async () => {
    const run = await runLoad(canary, 'function');
    expect([...run.inputs.keys()]).toEqual(['orders']);
    expect(run.inputs.get('orders')!.invocations).toHaveLength(run.metrics.orders.invocations);
  });

  it("by version: the canary's errors all land on version 2, about a tenth of the traffic", async () => {
    const run = await runLoad(canary, 'version');
    expect([...run.inputs.keys()].sort()).toEqual(['orders:1', 'orders:2']);
    const rows = (key: string) => aggregate(run.inputs.get(key)!, 5000);
    const sum = (key: string, k: 'invocations' | 'errors') => rows(key).reduce((n, r) => n + r[k], 0);
    expect(sum('orders:1', 'errors')).toBe(0);
    expect(sum('orders:2', 'errors')).toBe(sum('orders:2', 'invocations'));
    const share = sum('orders:2', 'invocations') / (sum('orders:1', 'invocations') + sum('orders:2', 'invocations'));
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.15);
    expect(Math.max(...rows('orders:2').map((r) => r.concurrentExecutions))).toBeGreaterThan(0);
  });
});
