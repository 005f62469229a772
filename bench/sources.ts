// Event source benchmarks: a 100,000-message SQS backlog drained by the event source mapping
// (scaling, batches, visibility and redrive), and an 8-shard Kinesis stream with a
// parallelization factor and failing batches. Stepped in virtual seconds so the heap can be
// sampled near its peak.
import type { Scenario } from '../simulator/index';
import { runChunked, totals } from './chunked';
import type { Benchmark } from './types';

async function runSources(scenario: Scenario, sampleHeap: () => void, stepMs: number): Promise<{ invocations: number; note: string }> {
  const t0 = performance.now();
  const result = await runChunked(scenario, sampleHeap, stepMs);
  const { invocations, maxConcurrency } = totals(result);
  const outcomes: Record<string, number> = {};
  for (const r of result.requests) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  const lastMs = Math.max(...result.requests.map((r) => r.finishedMs ?? 0));
  const recordsPerS = Math.round(result.requests.length / ((performance.now() - t0) / 1000)).toLocaleString('en-US');
  return {
    invocations,
    note: `${result.requests.length} records (${recordsPerS} records/s), outcomes ${JSON.stringify(outcomes)}, max concurrency ` +
      `${maxConcurrency}, last outcome at ${(lastMs / 1000).toFixed(0)} s virtual`,
  };
}

export const benchmarks: Benchmark[] = [
  {
    name: '100,000 SQS messages (batch 10, 5 % errors, visibility 30 s, maxReceiveCount 3)',
    run: (sample) => runSources({
      seed: 11,
      durationMs: 100_000,
      functions: [{ name: 'consumer', memoryMB: 256, handler: { kind: 'model', durationMs: { dist: 'lognormal', mu: 4.6, sigma: 0.4 }, errorRate: 0.05 } }],
      sources: [{ type: 'sqs', function: 'consumer', arrivals: { rate: 1000 }, batchSize: 10, visibilityTimeoutMs: 30_000, maxReceiveCount: 3 }],
    }, sample, 1000),
  },
  {
    name: '8-shard Kinesis stream, 100,000 records, parallelization factor 2, 2 % errors, bisect',
    run: (sample) => runSources({
      seed: 12,
      durationMs: 100_000,
      functions: [{ name: 'processor', memoryMB: 512, handler: { kind: 'model', durationMs: { dist: 'exponential', mean: 40 }, errorRate: 0.02 } }],
      sources: [{
        type: 'kinesis', function: 'processor', arrivals: { rate: 1000, process: 'poisson' }, shards: 8, parallelizationFactor: 2,
        batchSize: 100, bisectBatchOnFunctionError: true, maximumRetryAttempts: 3,
      }],
    }, sample, 1000),
  },
];
