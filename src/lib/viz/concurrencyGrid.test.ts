import { describe, expect, it } from 'vitest';
import { saleScenario } from '../../../content/lessons/01-serverless-computing.challenges';
import { parseScenario, simulate, type Scenario } from '../../../simulator/index';
import { busyFromMs, gridResolutionMs } from './concurrencyGrid';
import { PRESETS } from './presets';
import { summarize } from './summary';
import { TraceIndex } from './traceIndex';


const JAVA_BURST: unknown = {
  seed: 3,
  durationMs: 5000,
  functions: [{ name: 'slow-init', runtime: 'java21', memoryMB: 1024, handler: { kind: 'model', durationMs: 50 } }],
  sources: [{ name: 'burst', type: 'invoke', function: 'slow-init', invocationType: 'RequestResponse', arrivals: { rate: 400, fromMs: 1000, toMs: 2000 } }],
};

const scenarios: [string, unknown][] = [
  ['lesson 1: steady traffic and a sale', saleScenario],
  ['a burst of short invokes on a slow-starting runtime', JAVA_BURST],
  ...PRESETS.map((p): [string, unknown] => [`playground preset ${p.id}`, p.scenario]),
];

describe('the page counts concurrency as the engine does', () => {
  it('a cold invocation holds its environment from the start of Init (F20), a warm one from its start', () => {
    expect(busyFromMs({ coldStart: true, initDurationMs: 130, startMs: 1130 })).toBe(1000);
    expect(busyFromMs({ coldStart: false, startMs: 1130 })).toBe(1130);
  });

  for (const [name, raw] of scenarios) {
    it(`maximum concurrency equals the engine's metrics.maxConcurrency (F12): ${name}`, async () => {
      const scenario: Scenario = parseScenario(raw);
      const result = await simulate(scenario);
      const fn = scenario.functions[0].name;
      const horizon = scenario.durationMs + Math.max(3000, ...scenario.functions.map((f) => f.timeoutMs ?? 3000));
      const index = new TraceIndex(gridResolutionMs(horizon));
      index.update(result);
      const end = Math.max(...result.invocations.map((i) => i.endMs));
      const engineMax = result.metrics[fn].maxConcurrency;
      expect(engineMax).toBeGreaterThan(0);
      expect(summarize(index, end, { memoryMB: {}, architecture: {} }).maxConcurrency).toBe(engineMax);
    });
  }
});
