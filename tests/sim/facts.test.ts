// One test per implemented fact (shared/lambda-facts.md), named after its id, each asserting
// what a learner would observe: records, log lines, status codes, metrics, cost.
import { describe, expect, it } from 'vitest';
import { createSimulation, simulate } from '../../simulator/index';
import { fn, issuesOf, median, scenario, syncAt } from './helpers';

const REPORT_RE = /^REPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d{2} ms\tBilled Duration: \d+ ms\tMemory Size: \d+ MB\tMax Memory Used: \d+ MB\t(Init Duration: \d+\.\d{2} ms\t)?$/;

describe('execution environment lifecycle (1.1)', () => {
  it('F01: three sequential invokes run one Init and three Invokes on one environment', async () => {
    const r = await simulate(scenario({ sources: [syncAt([0, 1000, 2000])] }));
    expect(r.environments).toHaveLength(1);
    expect(r.invocations.map((i) => i.coldStart)).toEqual([true, false, false]);
    expect(r.invocations.every((i) => i.environmentId === r.environments[0].id)).toBe(true);
    expect(r.environments[0].invocations).toBe(3);
  });

  it('F02: Init runs extension, runtime and function init in order before the first invoke', async () => {
    const r = await simulate(scenario({ functions: [fn({ handler: { kind: 'model', initMs: 400, durationMs: 10 } })] }));
    const phases = r.environments[0].initPhasesMs!;
    expect(phases.extension).toBe(0);
    expect(phases.runtime + phases.function).toBeCloseTo(400, 5);
    expect(r.invocations[0].startMs).toBeCloseTo(400, 5);
  });

  it('F03: an Init longer than 10 s logs INIT_REPORT timeout and is retried inside the invoke', async () => {
    const ok = await simulate(scenario({ functions: [fn({ timeoutMs: 30_000, handler: { kind: 'model', initMs: 12_000, durationMs: 100 } })] }));
    expect(ok.logs.map((l) => l.message)).toContain('INIT_REPORT Init Duration: 10000.00 ms\tPhase: init\tStatus: timeout');
    expect(ok.invocations[0]).toMatchObject({ status: 'success', startMs: 10_000, durationMs: 12_100, initDurationMs: 10_000 });
    const tooSlow = await simulate(scenario({ functions: [fn({ timeoutMs: 5000, handler: { kind: 'model', initMs: 12_000, durationMs: 100 } })] }));
    expect(tooSlow.invocations[0].status).toBe('timeout');
  });

  it('F06: a timeout or a crash resets the environment, so the next invoke is cold', async () => {
    const r = await simulate(scenario({
      functions: [fn({ timeoutMs: 1000, handler: { kind: 'model', durationMs: 5000 } })],
      sources: [syncAt([0, 5000])],
    }));
    expect(r.environments.map((e) => e.endReason)).toEqual(['timeout-reset', 'timeout-reset']);
    expect(r.invocations.map((i) => i.coldStart)).toEqual([true, true]);
    const crash = await simulate(scenario({ functions: [fn({ handler: { kind: 'model', durationMs: 10, crashRate: 1 } })], sources: [syncAt([0, 1000])] }));
    expect(crash.environments.map((e) => e.endReason)).toEqual(['error-reset', 'error-reset']);
  });

  it('F08: an idle environment is shut down after the idle time and the next invoke is cold', async () => {
    const warm = await simulate(scenario({ durationMs: 600_000, sources: [syncAt([0, 299_000])] }));
    expect(warm.invocations.map((i) => i.coldStart)).toEqual([true, false]); // default: at least 5 min
    const r = await simulate(scenario({ durationMs: 100_000, service: { idleTimeoutMs: 10_000 }, sources: [syncAt([0, 60_000])] }));
    expect(r.environments[0]).toMatchObject({ endReason: 'idle' });
    expect(r.environments[0].destroyedMs).toBeCloseTo(r.invocations[0].endMs + 10_000, 5);
    expect(r.invocations[1].coldStart).toBe(true);
  });

  it('F11: updating the configuration makes the next invoke cold on a new environment', async () => {
    const sim = createSimulation(scenario({ sources: [] }));
    await sim.ready();
    sim.invoke('fn', {});
    await sim.settle();
    sim.invoke('fn', {});
    await sim.settle();
    sim.updateFunction('fn', { environment: { STAGE: 'prod' } });
    sim.invoke('fn', {});
    await sim.settle();
    const r = sim.result();
    expect(r.invocations.map((i) => i.coldStart)).toEqual([true, false, true]);
    expect(r.environments[0].endReason).toBe('config-update');
    expect(r.logs.filter((l) => l.message.startsWith('REPORT')).map((l) => l.message.includes('Init Duration'))).toEqual([true, false, true]);
  });

  it('F12: overlapping requests get one environment each; sequential ones share one', async () => {
    const overlap = await simulate(scenario({ sources: [syncAt([0, 10])] }));
    expect(overlap.environments).toHaveLength(2);
    expect(overlap.metrics.fn.coldStarts).toBe(2);
    const sequential = await simulate(scenario({ sources: [syncAt([0, 2000])] }));
    expect(sequential.environments).toHaveLength(1);
  });

  it('F13: each environment writes to its own log stream, each with its cold-start REPORT', async () => {
    const r = await simulate(scenario({ sources: [syncAt([0, 1, 2])] }));
    const streams = new Set(r.logs.map((l) => l.logStream));
    expect(streams.size).toBe(3);
    for (const s of streams) {
      expect(r.logs.some((l) => l.logStream === s && l.message.startsWith('REPORT') && l.message.includes('Init Duration'))).toBe(true);
    }
  });
});

describe('provisioned concurrency (1.1)', () => {
  it('F15: provisioned environments are initialised before any request and serve warm', async () => {
    const r = await simulate(scenario({ functions: [fn({ provisionedConcurrency: 2 })], sources: [syncAt([5000])] }));
    expect(r.environments.filter((e) => e.provisioned)).toHaveLength(2);
    expect(r.invocations[0].coldStart).toBe(false);
  });

  it('F16: provisioned concurrency above reserved concurrency is rejected', () => {
    expect(issuesOf(scenario({ functions: [fn({ reservedConcurrency: 2, provisionedConcurrency: 3 })] })))
      .toContainEqual(expect.objectContaining({ path: 'functions.0.provisionedConcurrency' }));
  });

  it('F16: idle provisioned environments count against the account: other functions get only what is left', async () => {
    const r = await simulate({
      durationMs: 60_000,
      account: { concurrencyLimit: 200 },
      functions: [fn({ name: 'pc', provisionedConcurrency: 100 }), fn({ name: 'other', timeoutMs: 10_000, handler: { kind: 'model', durationMs: 5000 } })],
      sources: [syncAt(Array(101).fill(0), 'other'), syncAt([10], 'pc')],
    });
    const other = r.requests.filter((q) => q.function === 'other');
    expect(other.filter((q) => q.outcome === 'throttled')).toHaveLength(1);
    expect(other.find((q) => q.outcome === 'throttled')!.response).toMatchObject({ Reason: 'ConcurrentInvocationLimitExceeded' });
    // The full pool does not throttle the provisioned function: its environment was held all along.
    expect(r.requests.find((q) => q.function === 'pc')).toMatchObject({ outcome: 'succeeded' });
    expect(r.invocations.find((i) => i.function === 'pc')!.coldStart).toBe(false);
  });

  it('F17: with PC = 1 and 3 concurrent requests, 1 is warm and 2 spill over cold', async () => {
    const r = await simulate(scenario({ functions: [fn({ provisionedConcurrency: 1 })], sources: [syncAt([0, 0, 0])] }));
    expect(r.invocations.filter((i) => i.coldStart)).toHaveLength(2);
    expect(r.invocations.filter((i) => !i.coldStart)).toHaveLength(1);
    expect(r.metrics.fn.provisionedConcurrencySpilloverInvocations).toBe(2);
  });
});

describe('cold start (1.2)', () => {
  async function medianInit(runtime: string, memoryMB = 128, architecture: 'x86_64' | 'arm64' = 'x86_64'): Promise<number> {
    const r = await simulate(scenario({
      functions: [fn({ runtime, memoryMB, architecture })],
      sources: [syncAt(Array.from({ length: 300 }, () => 0))],
    }));
    return median(r.invocations.map((i) => i.initDurationMs!));
  }

  it('F20: only the cold invocation carries Init Duration', async () => {
    const r = await simulate(scenario({ sources: [syncAt([0, 1000])] }));
    expect('initDurationMs' in r.invocations[0]).toBe(true);
    expect('initDurationMs' in r.invocations[1]).toBe(false);
  });

  it('F21: with steady traffic, cold starts are far below 1 % of invocations', async () => {
    const r = await simulate(scenario({
      durationMs: 600_000,
      sources: [{ type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { rate: 50, process: 'poisson' } }],
      record: { logs: false, requests: false, invocations: false },
    }));
    expect(r.metrics.fn.invocations).toBeGreaterThan(29_000);
    expect(r.metrics.fn.coldStarts / r.metrics.fn.invocations).toBeLessThan(0.001);
  });

  it('F22: default Init per runtime is within 25 % of the calibration p50', async () => {
    for (const [runtime, p50] of [['nodejs24.x', 135], ['python3.13', 85], ['java21', 239], ['provided.al2023', 50]] as const) {
      const m = await medianInit(runtime);
      expect(m).toBeGreaterThan(p50 * 0.75);
      expect(m).toBeLessThan(p50 * 1.25);
    }
  });

  it('F23: memory moves Init by under 10 % but CPU-bound time shrinks with memory', async () => {
    const small = await medianInit('nodejs24.x', 128);
    const big = await medianInit('nodejs24.x', 1024);
    expect(Math.abs(small - big) / small).toBeLessThan(0.1);
    const cpuBound = async (memoryMB: number) => (await simulate(scenario({
      functions: [fn({ memoryMB, timeoutMs: 10_000, handler: { kind: 'model', durationMs: 0, cpuMs: 100 } })],
    }))).invocations[0].durationMs;
    expect((await cpuBound(128)) / (await cpuBound(1024))).toBeCloseTo(8, 1);
  });

  it('F26: arm64 Node init is lower than x86_64', async () => {
    expect(await medianInit('nodejs24.x', 128, 'arm64')).toBeLessThan(await medianInit('nodejs24.x', 128, 'x86_64'));
  });
});

describe('resources and limits (1.3)', () => {
  it('F28: memory is 128-10,240 MB and CPU work takes twice as long at half of 1,769 MB', async () => {
    expect(issuesOf(scenario({ functions: [fn({ memoryMB: 127 })] }))[0].path).toBe('functions.0.memoryMB');
    expect(issuesOf(scenario({ functions: [fn({ memoryMB: 10_241 })] }))[0].path).toBe('functions.0.memoryMB');
    expect(issuesOf(scenario({ functions: [fn({ memoryMB: 1769 })] }))).toEqual([]);
    const at = async (memoryMB: number) => (await simulate(scenario({
      functions: [fn({ memoryMB, provisionedConcurrency: 1, handler: { kind: 'model', durationMs: 0, cpuMs: 100 } })],
    }))).invocations[0].durationMs;
    expect(await at(1769)).toBeCloseTo(100, 1);
    expect(await at(884)).toBeCloseTo(100 * (1769 / 884), 1); // ~2x
    expect(await at(3538)).toBeCloseTo(100, 1); // single-threaded work gains nothing above 1 vCPU
  });

  it('F29: the timeout defaults to 3 s and must be 1-900 s in whole seconds', async () => {
    const r = await simulate(scenario({ functions: [fn({ handler: { kind: 'model', durationMs: 5000 } })] }));
    expect(r.invocations[0]).toMatchObject({ status: 'timeout', durationMs: 3000 });
    expect(issuesOf(scenario({ functions: [fn({ timeoutMs: 0 })] }))[0].path).toBe('functions.0.timeoutMs');
    expect(issuesOf(scenario({ functions: [fn({ timeoutMs: 901_000 })] }))[0].path).toBe('functions.0.timeoutMs');
    expect(issuesOf(scenario({ functions: [fn({ timeoutMs: 1500 })] }))[0].path).toBe('functions.0.timeoutMs');
  });

  it('F35: environment variables over 4 KB in total are rejected', () => {
    expect(issuesOf(scenario({ functions: [fn({ environment: { BIG: 'x'.repeat(4094) } })] }))[0].path).toBe('functions.0.environment');
    expect(issuesOf(scenario({ functions: [fn({ environment: { OK: 'x'.repeat(4000) } })] }))).toEqual([]);
  });
});

describe('billing (1.4)', () => {
  it('F45: Billed Duration is Duration rounded up to the next 1 ms', async () => {
    const r = await simulate(scenario({ functions: [fn({ provisionedConcurrency: 1, handler: { kind: 'model', durationMs: 12.34 } })] }));
    expect(r.invocations[0]).toMatchObject({ durationMs: 12.34, billedDurationMs: 13 });
    expect(r.logs.find((l) => l.message.startsWith('REPORT'))!.message).toContain('Duration: 12.34 ms\tBilled Duration: 13 ms');
  });

  it('F45: a run measured at 0 ms is still billed one 1 ms unit', async () => {
    const r = await simulate(scenario({ functions: [fn({ provisionedConcurrency: 1, handler: { kind: 'model', durationMs: 0 } })] }));
    expect(r.invocations[0]).toMatchObject({ durationMs: 0, billedDurationMs: 1 });
  });

  it('F46: a 1 GB function running 1 s costs $0.0000166667 on x86 and $0.0000133334 on arm64', async () => {
    for (const [architecture, price] of [['x86_64', 0.0000166667], ['arm64', 0.0000133334]] as const) {
      // On demand with a 0 ms Init: provisioned concurrency would add its own charge (F49).
      const r = await simulate(scenario({ functions: [fn({ architecture, memoryMB: 1024, handler: { kind: 'model', initMs: 0, durationMs: 1000 } })] }));
      expect(r.cost.fn.gbSeconds).toBeCloseTo(1, 10);
      expect(r.cost.fn.usd).toBeCloseTo(price + 0.0000002, 12);
    }
  });

  it('F47: each invocation is a request at $0.20 per million', async () => {
    const r = await simulate(scenario({ functions: [fn({ handler: { kind: 'model', initMs: 0, durationMs: 0 } })], sources: [syncAt([0, 10, 20])] }));
    expect(r.cost.fn.requests).toBe(3);
    // Each 0 ms run still bills its 1 ms minimum (F45) at 128 MB.
    expect(r.cost.fn.gbSeconds).toBeCloseTo(3 * 0.001 * (128 / 1024), 12);
    expect(r.cost.fn.usd).toBeCloseTo(3 * 0.0000002 + r.cost.fn.gbSeconds * 0.0000166667, 14);
  });

  it('F50: a timed-out invocation reports and bills the full timeout', async () => {
    const r = await simulate(scenario({ functions: [fn({ provisionedConcurrency: 1, handler: { kind: 'model', durationMs: 9000 } })] }));
    expect(r.logs.find((l) => l.message.startsWith('REPORT'))!.message).toContain('Duration: 3000.00 ms\tBilled Duration: 3000 ms');
  });

  it('F51: a cold start bills ceil(Init Duration + Duration)', async () => {
    const r = await simulate(scenario({ functions: [fn({ handler: { kind: 'model', initMs: 120.4, durationMs: 3.1 } })] }));
    expect(r.invocations[0]).toMatchObject({ initDurationMs: 120.4, durationMs: 3.1, billedDurationMs: 124 });
  });
});

describe('concurrency and scaling (1.5)', () => {
  it('F52: the 1,001st concurrent request in an account of 1,000 gets 429', async () => {
    const r = await simulate(scenario({
      functions: [fn({ timeoutMs: 10_000, handler: { kind: 'model', durationMs: 5000 } })],
      sources: [syncAt(Array.from({ length: 1001 }, () => 0))],
    }));
    expect(r.metrics.fn.throttles).toBe(1);
    expect(r.requests.filter((q) => q.statusCode === 429)[0].response).toMatchObject({ Reason: 'ConcurrentInvocationLimitExceeded' });
  });

  it('F53: reserving more than the account limit minus 100 is rejected', () => {
    const issues = issuesOf(scenario({
      functions: [fn({ name: 'a', reservedConcurrency: 900 }), fn({ name: 'b', reservedConcurrency: 1 })],
      sources: [],
    }));
    expect(issues.some((i) => i.path.endsWith('reservedConcurrency'))).toBe(true);
  });

  it('F54: 100 requests/s of 500 ms settle at about 50 busy environments', async () => {
    const r = await simulate(scenario({
      durationMs: 20_000,
      functions: [fn({ handler: { kind: 'model', durationMs: 500 } })],
      sources: [{ type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { rate: 100 } }],
    }));
    const steady = r.metrics.fn.series.ConcurrentExecutions.filter((p) => p.timeMs >= 5000 && p.timeMs < 19_000);
    expect(steady.length).toBe(14);
    for (const p of steady) {
      expect(p.value).toBeGreaterThanOrEqual(50);
      expect(p.value).toBeLessThanOrEqual(51);
    }
  });

  it('F56: environments never grow by more than 1,000 in any 10 s window', async () => {
    const r = await simulate({
      durationMs: 40_000,
      account: { concurrencyLimit: 10_000 },
      functions: [fn({ timeoutMs: 120_000, handler: { kind: 'model', durationMs: 60_000 } })],
      sources: [{ type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { rate: 250 } }],
      record: { logs: false },
    });
    const created = r.environments.map((e) => e.createdMs).sort((a, b) => a - b);
    for (let i = 1000; i < created.length; i++) expect(created[i] - created[i - 1000]).toBeGreaterThanOrEqual(10_000);
    expect(created.length).toBeGreaterThan(3000);
    expect(r.requests.filter((q) => q.statusCode === 429).length).toBeGreaterThan(0);
    expect(r.requests.find((q) => q.statusCode === 429)!.response).toMatchObject({ errorType: 'TooManyRequestsException' });
  });

  it('F58: a sync invoke over reserved concurrency gets 429 with the reserved reason and does not run', async () => {
    const r = await simulate(scenario({ functions: [fn({ reservedConcurrency: 1 })], sources: [syncAt([0, 1])] }));
    expect(r.requests[1]).toMatchObject({
      outcome: 'throttled', statusCode: 429, attempts: 0,
      response: { errorType: 'TooManyRequestsException', Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' },
    });
    expect(r.invocations).toHaveLength(1);
  });

  it('F59: reserved concurrency 0 throttles every invocation', async () => {
    const r = await simulate(scenario({ functions: [fn({ reservedConcurrency: 0 })], sources: [syncAt([0, 100, 200])] }));
    expect(r.requests.map((q) => q.statusCode)).toEqual([429, 429, 429]);
    expect(r.invocations).toHaveLength(0);
  });

  it('F137: throttling a live function (reserved 0) makes later sync invokes return 429', async () => {
    const sim = createSimulation(scenario({ sources: [] }));
    sim.invoke('fn');
    await sim.settle();
    sim.updateFunction('fn', { reservedConcurrency: 0 });
    const { finished } = sim.invoke('fn');
    expect((await finished).statusCode).toBe(429);
  });
});

describe('invocation types (1.6)', () => {
  it('F61: a RequestResponse invoke returns 200 with the payload', async () => {
    const r = await simulate(scenario({ functions: [fn({ handler: { kind: 'model', durationMs: 5, response: { ok: 1 } } })] }));
    expect(r.requests[0]).toMatchObject({ outcome: 'succeeded', statusCode: 200, response: { ok: 1 } });
  });

  it('F62: a function error still returns 200 with the error body', async () => {
    const r = await simulate(scenario({ functions: [fn({ handler: { kind: 'model', durationMs: 5, errorRate: 1 } })] }));
    expect(r.requests[0]).toMatchObject({ outcome: 'failed', statusCode: 200, response: { errorType: 'Error' } });
  });

  it('F62: a payload that is not JSON is an invocation error (400) and the function does not run', async () => {
    const r = await simulate(scenario({
      functions: [fn({ handler: { kind: 'model', durationMs: 5, response: 'ok' } })],
      sources: [{ type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { at: [0, 10] }, payloads: ['{"a":1}', 'not json'] }],
    }));
    expect(r.requests.map((q) => [q.outcome, q.statusCode])).toEqual([['succeeded', 200], ['failed', 400]]);
    expect(r.requests[1].response).toMatchObject({ errorType: 'InvalidRequestContentException' });
    expect(r.invocations).toHaveLength(1);
  });

  it('F71: Lambda never retries a sync invoke: one START per request', async () => {
    const r = await simulate(scenario({ functions: [fn({ handler: { kind: 'model', durationMs: 5, errorRate: 1 } })], sources: [syncAt([0, 500])] }));
    expect(r.logs.filter((l) => l.message.startsWith('START'))).toHaveLength(2);
    expect(r.requests.map((q) => q.attempts)).toEqual([1, 1]);
  });
});

describe('API Gateway (1.8)', () => {
  it('F93: the client gets 504 at 29 s while the function runs on to its end', async () => {
    const r = await simulate(scenario({
      functions: [fn({ timeoutMs: 60_000, provisionedConcurrency: 1, handler: { kind: 'model', durationMs: 35_000 } })],
      sources: [{ type: 'api-gateway', function: 'fn', arrivals: { at: [1000] } }],
    }));
    expect(r.requests[0]).toMatchObject({ statusCode: 504, finishedMs: 30_000, outcome: 'failed' });
    expect(r.invocations[0]).toMatchObject({ status: 'success', durationMs: 35_000 });
  });

  it('F136: API Gateway answers 502 for a function error and relays a proxy result', async () => {
    const r = await simulate(scenario({
      functions: [fn({ name: 'bad', handler: { kind: 'model', durationMs: 5, errorRate: 1 } }), fn({ name: 'good' })],
      sources: [{ type: 'api-gateway', function: 'bad', arrivals: { at: [0] } }, { type: 'api-gateway', function: 'good', arrivals: { at: [0] } }],
    }));
    expect(r.requests.find((q) => q.function === 'bad')!.statusCode).toBe(502);
    expect(r.requests.find((q) => q.function === 'good')).toMatchObject({ statusCode: 200, outcome: 'succeeded' });
  });

  it('F140: API Gateway answers 500 "Internal server error" when Lambda throttles; the Invoke API keeps 429', async () => {
    const r = await simulate(scenario({
      functions: [fn({ reservedConcurrency: 1 })],
      sources: [
        { type: 'api-gateway', function: 'fn', arrivals: { at: [0, 1] } },
        { type: 'invoke', function: 'fn', invocationType: 'RequestResponse', arrivals: { at: [2] } },
      ],
    }));
    const [first, second, direct] = [...r.requests].sort((a, b) => a.arrivedMs - b.arrivedMs);
    expect(first.statusCode).toBe(200);
    expect(second).toMatchObject({ outcome: 'throttled', statusCode: 500, response: { message: 'Internal server error' } });
    expect(direct).toMatchObject({ outcome: 'throttled', statusCode: 429, response: { errorType: 'TooManyRequestsException' } });
    expect(r.metrics.fn.throttles).toBe(2);
  });
});

describe('recursive loops (1.8)', () => {
  it('F95: the 17th invocation of a chain gets RecursiveInvocationException; with RecursiveLoop Allow it runs', async () => {
    const chain = async (recursiveLoop?: 'Allow') => {
      const sim = createSimulation(scenario({ functions: [fn(recursiveLoop ? { recursiveLoop } : {})], sources: [] }));
      const last = [];
      for (let depth = 0; depth <= 16; depth++) {
        last.push(sim.invoke('fn', {}, { lineage: { chainId: 'loop', depth } }).finished);
        await sim.settle();
      }
      const records = await Promise.all(last);
      const result = sim.result();
      sim.dispose();
      return { records, result };
    };
    const stopped = await chain();
    expect(stopped.result.invocations).toHaveLength(16);
    expect(stopped.records[16]).toMatchObject({ statusCode: 400, response: { errorType: 'RecursiveInvocationException' } });
    expect(stopped.result.metrics.fn.counters.RecursiveInvocationsDropped).toBe(1);
    const allowed = await chain('Allow');
    expect(allowed.result.invocations).toHaveLength(17);
  });
});

describe('environment variables (1.10)', () => {
  it('F114: setting a reserved variable is rejected', () => {
    expect(issuesOf(scenario({ functions: [fn({ environment: { AWS_REGION: 'eu-west-1' } })] }))[0])
      .toMatchObject({ path: 'functions.0.environment.AWS_REGION' });
  });
});

describe('logs (1.11)', () => {
  it('F116: START RequestId: <uuid> Version: $LATEST', async () => {
    const r = await simulate(scenario());
    expect(r.logs[0].message).toMatch(/^START RequestId: [0-9a-f-]{36} Version: (\$LATEST|\d+)$/);
    expect(r.logs[0].message).toContain(r.invocations[0].requestId);
  });

  it('F117: END RequestId: <uuid> follows the handler', async () => {
    const r = await simulate(scenario());
    expect(r.logs[1].message).toBe(`END RequestId: ${r.invocations[0].requestId}`);
  });

  it('F118: REPORT is tab-separated with 2 decimals, integer billed, Init Duration only when cold', async () => {
    const r = await simulate(scenario({ sources: [syncAt([0, 1000])] }));
    const reports = r.logs.filter((l) => l.message.startsWith('REPORT')).map((l) => l.message);
    for (const line of reports) expect(line).toMatch(REPORT_RE);
    expect(reports[0]).toContain('Init Duration: ');
    expect(reports[1]).not.toContain('Init Duration');
    expect(reports[1]).toContain('Duration: 100.00 ms\tBilled Duration: 100 ms\tMemory Size: 128 MB');
  });

  it('F119: an Init timeout logs INIT_REPORT with Status: timeout before START', async () => {
    const r = await simulate(scenario({ functions: [fn({ timeoutMs: 30_000, handler: { kind: 'model', initMs: 11_000, durationMs: 1 } })] }));
    const messages = r.logs.map((l) => l.message);
    const i = messages.findIndex((m) => m.startsWith('INIT_REPORT'));
    expect(messages[i]).toMatch(/^INIT_REPORT Init Duration: 10000\.00 ms\tPhase: init\tStatus: timeout$/);
    expect(i).toBeLessThan(messages.findIndex((m) => m.startsWith('START')));
  });

  it('F125: log streams are named YYYY/MM/DD/[$LATEST]<32 hex> and kept across warm invokes', async () => {
    const r = await simulate(scenario({ sources: [syncAt([0, 1000])] }));
    expect(r.environments[0].logStream).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(new Set(r.logs.map((l) => l.logStream)).size).toBe(1);
    expect(r.environments[0].logStream.startsWith('2026/01/01/')).toBe(true);
  });
});

describe('log groups (1.11)', () => {
  it('F124: the function\'s log group is /aws/lambda/<function name>', async () => {
    const groups: string[] = [];
    await simulate(scenario({ functions: [fn({ name: 'my-fn', handler: { kind: 'code', source: '' } })], sources: [syncAt([0], 'my-fn')] }), {
      createCodeEnvironment: (spec, _host, callbacks) => {
        groups.push(spec.logGroupName);
        return { init: () => callbacks.onInitDone({ status: 'success', response: null }), invoke: () => callbacks.onInvokeDone({ status: 'success', response: 1 }), destroy: () => {} };
      },
    });
    expect(groups).toEqual(['/aws/lambda/my-fn']);
  });
});

describe('errors (1.12)', () => {
  it('F126: a function error gives the caller { errorType, errorMessage, trace[] }', async () => {
    const r = await simulate(scenario({ functions: [fn({ handler: { kind: 'model', durationMs: 5, errorRate: 1 } })] }));
    const body = r.requests[0].response as { errorType: string; errorMessage: string; trace: string[] };
    expect(Object.keys(body)).toEqual(['errorType', 'errorMessage', 'trace']);
    expect(Array.isArray(body.trace)).toBe(true);
    expect(body.trace[0]).toBe(`${body.errorType}: ${body.errorMessage}`);
  });

  it('F127: the error is logged as "Invoke Error" with stack, not trace', async () => {
    const r = await simulate(scenario({ functions: [fn({ handler: { kind: 'model', durationMs: 5, errorRate: 1 } })] }));
    const line = r.logs.find((l) => l.message.includes('Invoke Error'))!.message;
    expect(line).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\t[0-9a-f-]{36}\tERROR\tInvoke Error \t\{/);
    expect(JSON.parse(line.split('Invoke Error \t')[1])).toHaveProperty('stack');
  });

  it('F133: a timeout logs "Task timed out after 1.00 seconds" and returns Sandbox.Timedout', async () => {
    const r = await simulate(scenario({ functions: [fn({ timeoutMs: 1000, handler: { kind: 'model', durationMs: 5000 } })] }));
    const id = r.invocations[0].requestId;
    expect(r.logs.map((l) => l.message)).toContainEqual(expect.stringMatching(new RegExp(`^\\S+Z ${id} Task timed out after 1\\.00 seconds$`)));
    expect(r.requests[0].response).toEqual({ errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${id} Error: Task timed out after 1.00 seconds` });
    expect(r.invocations[0]).toMatchObject({ status: 'timeout', errorType: 'Sandbox.Timedout', durationMs: 1000 });
  });

  it('F135: a runtime exit is Runtime.ExitError "Runtime exited with error: exit status 1" and resets', async () => {
    const r = await simulate(scenario({ functions: [fn({ handler: { kind: 'model', durationMs: 5, crashRate: 1 } })] }));
    const id = r.invocations[0].requestId;
    expect(r.invocations[0]).toMatchObject({ status: 'crash', errorType: 'Runtime.ExitError' });
    expect(r.logs.map((l) => l.message)).toContain(`RequestId: ${id} Error: Runtime exited with error: exit status 1`);
    expect(r.environments[0].endReason).toBe('error-reset');
  });
});
