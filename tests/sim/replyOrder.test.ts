// Real workers answer in whatever order the machine lets them. The scenario is seed 17843 of the
// sweep at code share 0.05, cut down: a provisioned and two on-demand environments, an async
// event throttled at 7 ms and retried at 1,007 ms together with a later one. Its messages reach
// the engine after random real delays; ten runs must still give the same bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate, type Scenario } from '../../simulator/index';
import { configureCodeRuntime, defaultPortFactory, type PortFactory } from '../../simulator/runtime/index';

/** Delivers each worker's messages in order, each after a random real delay of up to 8 ms. */
const jitteryPorts: PortFactory = async () => {
  const port = await defaultPortFactory();
  return {
    ...port,
    onMessage(cb) {
      let chain = Promise.resolve();
      port.onMessage((m) => {
        const delayMs = Math.random() * 8;
        chain = chain.then(() => new Promise<void>((resolve) => setTimeout(() => { cb(m); resolve(); }, delayMs)));
      });
    },
  };
};

const scenario: Scenario = {
  seed: -19,
  durationMs: 511,
  account: { concurrencyLimit: 128 },
  functions: [{
    name: 'a', memoryMB: 512, timeoutMs: 5000, reservedConcurrency: 2, provisionedConcurrency: 1,
    handler: { kind: 'code', source: 'let calls = 0;\nexport const handler = async () => ++calls;' },
  }],
  sources: [
    { type: 's3', function: 'a', arrivals: { at: [5, 511, 7] } },
    { type: 'dynamodb-streams', function: 'a', shards: 2, batchSize: 3, arrivals: { at: [4, 414, 335] } },
  ],
  service: { scalingEnvironments: 6, scalingWindowMs: 500, idleTimeoutMs: 3000 },
};

describe('code handlers with real workers', () => {
  beforeAll(() => configureCodeRuntime({ createPort: jitteryPorts }));
  afterAll(() => configureCodeRuntime({ createPort: defaultPortFactory }));

  it('give the same bytes in 10 runs whatever order the workers answer in', async () => {
    const runs: string[] = [];
    for (let i = 0; i < 10; i++) runs.push(JSON.stringify(await simulate(structuredClone(scenario))));
    const first = JSON.parse(runs[0]);
    const at1007 = first.invocations.filter((x: { startMs: number }) => x.startMs === 1007);
    expect(at1007.map((x: { environmentId: string }) => x.environmentId).sort()).toEqual(['a#1', 'a#3']);
    expect(new Set(runs).size).toBe(1);
  }, 120_000);
});
