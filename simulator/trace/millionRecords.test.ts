// A million invocations with every record kept: none lost, and the records fit in a few
// hundred MB (before the columns the same run held 1.15 GB of heap; bench/engine.ts).
import { describe, expect, it } from 'vitest';
import { simulate, type Scenario } from '../index';

const N = 1_000_000;

/** bench/engine.ts's run: 10,000 requests/s of 99.95 ms for 100 s on 1,000 provisioned environments. */
const scenario: Scenario = {
  seed: 7,
  durationMs: 100_000,
  account: { concurrencyLimit: 1100 },
  functions: [{ name: 'api', memoryMB: 512, provisionedConcurrency: 1000, handler: { kind: 'model', durationMs: 99.95, errorRate: 0.01 } }],
  sources: [{ type: 'invoke', function: 'api', invocationType: 'RequestResponse', arrivals: { rate: 10_000 } }],
};

describe('a million invocations, every record kept', () => {
  it('keeps one invocation and one request per arrival and three platform log lines per invocation (F116-F118)', async () => {
    const result = await simulate(scenario);
    const { invocations, errors } = result.metrics.api;
    expect(invocations).toBe(N);
    expect(result.invocations).toHaveLength(N);
    expect(result.requests).toHaveLength(N);
    // START, END, REPORT for each; a function error adds its ERROR line (F127).
    expect(result.logs).toHaveLength(3 * N + errors);
    const memory = process.memoryUsage();
    const heldMB = (memory.heapUsed + memory.arrayBuffers) / 2 ** 20;
    expect(heldMB).toBeLessThan(600);
    const last = result.invocations[N - 1];
    const request = result.requests.find((r) => r.invocationIds[0] === last.requestId);
    expect(request?.id).toBe(last.requestIds[0]);
    const lastLines = [result.logs[result.logs.length - 2].message, result.logs[result.logs.length - 1].message];
    expect(lastLines.some((m) => m === `END RequestId: ${last.requestId}`)).toBe(true);
    let succeeded = 0;
    for (const r of result.requests) if (r.outcome === 'succeeded' && r.invocationIds.length === 1) succeeded++;
    expect(succeeded).toBe(N - errors);
  }, 300_000);
});
