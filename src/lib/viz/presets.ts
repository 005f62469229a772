// Starting scenarios for the playground: plain, valid scenario JSON, one per invocation model.
// Every source has a name: knobs and the flow view show it, so a steady load and a burst differ.

export interface Preset {
  id: string;
  label: string;
  scenario: Record<string, unknown>;
}

export const PRESETS: Preset[] = [
  {
    id: 'api-burst',
    label: 'Synchronous API: a burst against reserved concurrency',
    scenario: {
      seed: 1,
      durationMs: 20_000,
      functions: [{ name: 'api', memoryMB: 512, timeoutMs: 3000, reservedConcurrency: 20, handler: { kind: 'model', durationMs: { dist: 'lognormal', mu: 5.3, sigma: 0.4 }, errorRate: 0.02 } }],
      sources: [
        { name: 'steady load', type: 'api-gateway', function: 'api', arrivals: { rate: 40, fromMs: 0, toMs: 8000 } },
        { name: 'burst', type: 'api-gateway', function: 'api', arrivals: { rate: 150, fromMs: 8000, toMs: 12_000 } },
      ],
    },
  },
  {
    id: 'async-retries',
    label: 'Asynchronous (S3 events): retries and an on-failure destination',
    scenario: {
      seed: 1,
      durationMs: 10_000,
      functions: [{ name: 'thumbnails', memoryMB: 1024, timeoutMs: 10_000, handler: { kind: 'model', durationMs: 400, errorRate: 0.3 }, async: { maximumRetryAttempts: 2, onFailure: 'failed-thumbnails-queue' } }],
      sources: [{ name: 'photo uploads', type: 's3', function: 'thumbnails', arrivals: { rate: 2 } }],
    },
  },
  {
    id: 'sqs-batches',
    label: 'SQS queue: batches, pollers and a backlog',
    scenario: {
      seed: 1,
      durationMs: 30_000,
      functions: [{ name: 'worker', memoryMB: 256, timeoutMs: 5000, handler: { kind: 'model', durationMs: 800, errorRate: 0.05 } }],
      sources: [{ name: 'jobs queue', type: 'sqs', function: 'worker', arrivals: { rate: 60 }, batchSize: 10, maxReceiveCount: 3 }],
    },
  },
  {
    id: 'kinesis-shards',
    label: 'Kinesis stream: shards, ordered batches and IteratorAge',
    scenario: {
      seed: 1,
      durationMs: 30_000,
      functions: [{ name: 'consumer', memoryMB: 256, timeoutMs: 10_000, handler: { kind: 'model', durationMs: 300, errorRate: 0.05 } }],
      sources: [{ name: 'clickstream', type: 'kinesis', function: 'consumer', arrivals: { rate: 50 }, shards: 2, batchSize: 100 }],
    },
  },
  {
    id: 'provisioned',
    label: 'Provisioned concurrency against cold starts',
    scenario: {
      seed: 1,
      durationMs: 15_000,
      functions: [{ name: 'checkout', runtime: 'java21', memoryMB: 1024, timeoutMs: 6000, provisionedConcurrency: 5, handler: { kind: 'model', durationMs: 120 } }],
      sources: [{ name: 'checkout calls', type: 'invoke', function: 'checkout', invocationType: 'RequestResponse', arrivals: { rate: 30, process: 'poisson' } }],
    },
  },
];

export const DEFAULT_PRESET = PRESETS[0];

/** Presets the engine in this build accepts (a source not built yet is left out, with a build warning). */
export function runnablePresets<T>(parse: (input: unknown) => T): { id: string; label: string; scenario: T }[] {
  const out: { id: string; label: string; scenario: T }[] = [];
  for (const p of PRESETS) {
    try {
      out.push({ ...p, scenario: parse(p.scenario) });
    } catch (err) {
      console.warn(`[viz] preset ${p.id} left out: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (!out.length) throw new Error('no playground preset is a valid scenario');
  return out;
}
