// Engine benchmarks: model-handler scenarios of increasing size, stepped in 1-second chunks
// of virtual time so the heap can be sampled near its peak.
import type { Scenario } from '../simulator/index';
import { runChunked, totals } from './chunked';
import type { Benchmark } from './types';
import { benchmarks as heapBenchmarks } from './heap';
import { benchmarks as transitionBenchmarks } from './transitions';
import { BARE_NAME, bareLoop } from './bare';

async function runEngine(scenario: Scenario, sampleHeap: () => void): Promise<{ invocations: number; note: string }> {
  const result = await runChunked(scenario, sampleHeap);
  const { invocations, throttles, maxConcurrency } = totals(result);
  const recorded = `${result.requests.length} requests, ${result.invocations.length} invocations, ${result.logs.length} log lines recorded`;
  return { invocations, note: `max concurrency ${maxConcurrency}, ${throttles} throttles; ${recorded}` };
}

/** 10,000 requests/s of 99.95 ms for 100 s: 1,000 environments busy at every instant
 * (each invocation ends just before the one 1,000 arrivals later starts). */
function millionAt1000(record: Scenario['record'], provisioned: boolean): Scenario {
  return {
    seed: 7,
    durationMs: 100_000,
    account: { concurrencyLimit: provisioned ? 1100 : 2000 },
    functions: [{
      name: 'api', memoryMB: 512,
      provisionedConcurrency: provisioned ? 1000 : undefined,
      handler: { kind: 'model', durationMs: 99.95, errorRate: 0.01 },
    }],
    sources: [{ type: 'invoke', function: 'api', invocationType: 'RequestResponse', arrivals: { rate: 10_000 } }],
    record,
  };
}

export const benchmarks: Benchmark[] = [
  {
    name: BARE_NAME,
    baseline: true,
    async run(sample) {
      const records = bareLoop(1_000_000, sample);
      return { invocations: records.length, note: `${records.length} records kept` };
    },
  },
  {
    name: '1,000,000 invocations at 1,000 concurrent environments (model handler)',
    run: (sample) => runEngine(millionAt1000({ logs: false, requests: false, invocations: false }, true), sample),
  },
  {
    name: 'same, recording invocations only',
    comparedToBaseline: true,
    run: (sample) => runEngine(millionAt1000({ logs: false, requests: false, invocations: true }, true), sample),
  },
  {
    name: 'same, recording every request, invocation and log line (goal: within 3x of the bare loop, under 600 MB)',
    comparedToBaseline: true,
    run: (sample) => runEngine(millionAt1000(undefined, true), sample),
  },
  {
    name: '1,000,000 on-demand invocations, cold starts and scaling (model handler, lognormal)',
    run: (sample) => runEngine({
      ...millionAt1000({ logs: false, requests: false, invocations: false }, false),
      functions: [{ name: 'api', memoryMB: 512, handler: { kind: 'model', durationMs: { dist: 'lognormal', mu: 4.5, sigma: 0.3 }, cpuMs: 5 } }],
      sources: [{ type: 'invoke', function: 'api', invocationType: 'RequestResponse', arrivals: { rate: 10_000, process: 'poisson' } }],
    }, sample),
  },
  {
    name: '100,000 API Gateway requests, 3 functions, full recording',
    run: (sample) => runEngine({
      seed: 3,
      durationMs: 100_000,
      functions: ['a', 'b', 'c'].map((name) => ({ name, handler: { kind: 'model' as const, durationMs: { dist: 'exponential' as const, mean: 80 } } })),
      sources: ['a', 'b', 'c'].map((name) => ({ type: 'api-gateway' as const, function: name, arrivals: { rate: 333, process: 'poisson' as const } })),
    }, sample),
  },
  ...heapBenchmarks,
  ...transitionBenchmarks,
];
