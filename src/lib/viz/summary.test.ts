import { describe, expect, it } from 'vitest';
import { simulate, type Scenario } from '../../../simulator/index';
import { summarize } from './summary';
import { TraceIndex } from './traceIndex';

const prices = { memoryMB: { orders: 512 }, architecture: {} };

// Lesson 6's asynchronous player: 120 Event invokes against reserved concurrency 2.
const asyncBurst: Scenario = {
  seed: 8,
  durationMs: 20000,
  functions: [{ name: 'orders', memoryMB: 512, timeoutMs: 3000, reservedConcurrency: 2, handler: { kind: 'model', durationMs: { dist: 'uniform', min: 300, max: 500 }, errorRate: 0.2 } }],
  sources: [{ name: 'async caller', type: 'invoke', function: 'orders', invocationType: 'Event', arrivals: { rate: 6 } }],
};

async function indexOf(scenario: Scenario) {
  const result = await simulate(scenario);
  const index = new TraceIndex(1);
  index.update(result);
  return { result, index, endMs: Math.max(...result.requests.map((r) => r.finishedMs ?? r.arrivedMs)) };
}

describe('the Throttles tile', () => {
  it('counts throttled attempts as CloudWatch does: async events that wait and retry are counted, though no request was refused (F64)', async () => {
    const { result, index, endMs } = await indexOf(asyncBurst);
    const engine = result.metrics.orders.throttles;
    expect(engine).toBeGreaterThan(0);
    expect(result.requests.filter((r) => r.outcome === 'throttled')).toHaveLength(0);
    expect(summarize(index, endMs, prices).throttles).toBe(engine);
  });

  it('grows with the cursor: none before the first throttled second, all of them by the end', async () => {
    const { result, index, endMs } = await indexOf(asyncBurst);
    const series = result.metrics.orders.series.Throttles;
    expect(series.reduce((n, p) => n + p.value, 0)).toBe(result.metrics.orders.throttles);
    expect(summarize(index, series[0].timeMs - 1, prices).throttles).toBe(0);
    expect(summarize(index, series[0].timeMs, prices).throttles).toBe(series[0].value);
    expect(summarize(index, endMs, prices).throttles).toBe(result.metrics.orders.throttles);
  });

  it('counts refused synchronous requests once each (F58)', async () => {
    const sync: Scenario = { ...asyncBurst, sources: [{ name: 'sync caller', type: 'invoke', function: 'orders', invocationType: 'RequestResponse', arrivals: { rate: 6 } }] };
    const { result, index, endMs } = await indexOf(sync);
    const refused = result.requests.filter((r) => r.statusCode === 429).length;
    expect(refused).toBeGreaterThan(0);
    expect(summarize(index, endMs, prices).throttles).toBe(refused);
  });
});
