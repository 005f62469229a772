// A fixed set of varied scenarios (model and code handlers, every source type) run through
// simulate(), written as one JSON file: the engine's full output. Take one before a refactor
// that must not change behaviour and check the same bytes come out after it.
//
//   npx tsx scripts/engine-snapshot.ts /tmp/before.json          # write
//   npx tsx scripts/engine-snapshot.ts --check /tmp/before.json  # compare, exit 1 on a difference
import { readFileSync, writeFileSync } from 'node:fs';
import { simulate, type FunctionSpec, type Scenario } from '../simulator/index';

const model = (durationMs: unknown, more: object = {}) => ({ kind: 'model', durationMs, ...more }) as FunctionSpec['handler'];
const code = (source: string): FunctionSpec['handler'] => ({ kind: 'code', source });

const CODE_DB = `import { connect } from 'lambda-lab:db';
import { burnCpu } from 'lambda-lab:cpu';
let db; console.log('init');
export const handler = async (event) => {
  db ??= await connect();
  burnCpu(event.cpu ?? 5);
  await db.put('k', event); const v = await db.get('k');
  if (event.fail) throw new TypeError('bad input');
  console.log('done', JSON.stringify(v));
  return { statusCode: 200, body: JSON.stringify(v) };
};`;

const CODE_TIMEOUTS = `let n = 0;
export const handler = async (event) => {
  n++;
  if (event.Records) return { batchItemFailures: event.Records.filter((_, i) => i % 3 === 0).map((r) => ({ itemIdentifier: r.messageId })) };
  await new Promise((r) => setTimeout(r, event.sleep ?? 10));
  if (event.exit) setImmediate(() => process.exit(2));
  return n;
};`;

export const SCENARIOS: Record<string, Scenario> = {
  'sync-pc-spillover': {
    seed: 11, durationMs: 20_000,
    functions: [{ name: 'api', memoryMB: 512, provisionedConcurrency: 3, handler: model({ dist: 'lognormal', mu: 4, sigma: 0.5 }, { cpuMs: 8, errorRate: 0.05, crashRate: 0.02 }) }],
    sources: [{ type: 'invoke', function: 'api', invocationType: 'RequestResponse', arrivals: { rate: 40, process: 'poisson' } }],
  },
  'api-gateway-reserved-timeouts': {
    seed: 12, durationMs: 40_000,
    functions: [
      { name: 'slow', timeoutMs: 40_000, reservedConcurrency: 4, handler: model({ dist: 'exponential', mean: 9000 }) },
      { name: 'fast', runtime: 'python3.13', architecture: 'arm64', handler: model(20, { errorRate: 0.1 }) },
    ],
    sources: [
      { type: 'api-gateway', function: 'slow', arrivals: { rate: 1, process: 'uniform' } },
      { type: 'api-gateway', function: 'fast', arrivals: { at: [0, 0, 5, 3000, 3000] }, payloads: [{ a: 1 }, 'raw'] },
    ],
  },
  'async-retries-destinations': {
    seed: 13, durationMs: 30_000,
    functions: [{ name: 'worker', reservedConcurrency: 2, async: { maximumRetryAttempts: 1, onFailure: 'dlq', onSuccess: 'done' }, handler: model(1500, { errorRate: 0.4 }) }],
    sources: [{ type: 'invoke', function: 'worker', invocationType: 'Event', arrivals: { rate: 3 }, payloads: [{ job: 1 }, { job: 2 }] }],
  },
  's3-and-sns': {
    seed: 14, durationMs: 10_000,
    functions: [{ name: 'thumbs', memoryMB: 1024, handler: model({ dist: 'normal', mean: 300, sd: 80 }) }, { name: 'notify', handler: model(5) }],
    sources: [
      { type: 's3', function: 'thumbs', arrivals: { rate: 5, fromMs: 1000, toMs: 6000 }, payloads: ['a.png', 'b.png'] },
      { type: 'sns', function: 'notify', arrivals: { rate: 8, process: 'poisson' } },
    ],
  },
  'sqs-batches': {
    seed: 15, durationMs: 20_000,
    functions: [{ name: 'consumer', timeoutMs: 5000, handler: model({ dist: 'uniform', min: 100, max: 2000 }, { errorRate: 0.2 }) }],
    sources: [{ type: 'sqs', function: 'consumer', arrivals: { rate: 60, process: 'poisson' }, batchSize: 20, maximumBatchingWindowMs: 1000,
      maximumConcurrency: 3, visibilityTimeoutMs: 8000, maxReceiveCount: 2, reportBatchItemFailures: true }],
  },
  'kinesis-bisect': {
    seed: 16, durationMs: 15_000,
    functions: [{ name: 'stream', handler: model(200, { errorRate: 0.15 }) }],
    sources: [{ type: 'kinesis', function: 'stream', arrivals: { rate: 30 }, shards: 2, batchSize: 10, parallelizationFactor: 2,
      bisectBatchOnFunctionError: true, maximumRetryAttempts: 3, maximumRecordAgeMs: 60_000 }],
  },
  'dynamodb-streams': {
    seed: 17, durationMs: 10_000,
    functions: [{ name: 'ddb', memoryMB: 256, handler: model(50, { cpuMs: { dist: 'constant', value: 30 } }) }],
    sources: [{ type: 'dynamodb-streams', function: 'ddb', arrivals: { rate: 12, process: 'poisson' }, shards: 1, batchSize: 5 }],
  },
  'init-limit-small-account-scaling': {
    seed: 18, durationMs: 30_000, account: { concurrencyLimit: 10 },
    service: { idleTimeoutMs: 4000, scalingEnvironments: 3, scalingWindowMs: 2000 },
    functions: [
      { name: 'java', runtime: 'java21', timeoutMs: 20_000, handler: model(100, { initMs: { dist: 'uniform', min: 8000, max: 12_000 } }) },
      { name: 'go', runtime: 'provided.al2023', handler: model(2000) },
    ],
    sources: [
      { type: 'invoke', function: 'java', invocationType: 'RequestResponse', arrivals: { at: [0, 0, 100, 15_000, 29_000] } },
      { type: 'invoke', function: 'go', invocationType: 'RequestResponse', arrivals: { rate: 6, process: 'poisson' } },
    ],
  },
  'code-db-api-gateway': {
    seed: 19, durationMs: 6000, dependencies: { db: { maxConnections: 2 } },
    functions: [{ name: 'orders', memoryMB: 512, handler: code(CODE_DB) }],
    sources: [
      { type: 'api-gateway', function: 'orders', arrivals: { at: [0, 0, 0, 2000, 4000] }, payloads: [{ id: 1 }, { id: 2, fail: true }] },
      { type: 'invoke', function: 'orders', invocationType: 'RequestResponse', arrivals: { at: [100, 3000] }, payloads: [{ cpu: 50 }] },
    ],
  },
  'code-timeouts-sqs-event': {
    seed: 20, durationMs: 8000,
    functions: [{ name: 'jobs', timeoutMs: 1000, provisionedConcurrency: 1, handler: code(CODE_TIMEOUTS) }],
    sources: [
      { type: 'invoke', function: 'jobs', invocationType: 'RequestResponse', arrivals: { at: [200, 1500, 3000, 5000] }, payloads: [{ sleep: 5 }, { sleep: 2000 }, { exit: true }, {}] },
      { type: 'invoke', function: 'jobs', invocationType: 'Event', arrivals: { at: [2500] } },
      { type: 'sqs', function: 'jobs', arrivals: { at: [4000, 4001, 4002, 4003] }, batchSize: 4, maximumBatchingWindowMs: 500, maxReceiveCount: 2, reportBatchItemFailures: true },
    ],
  },
};

async function snapshot(): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const [name, scenario] of Object.entries(SCENARIOS)) out[name] = await simulate(scenario);
  return JSON.stringify(out, null, 1) + '\n';
}

async function main(): Promise<void> {
  const [first, second] = process.argv.slice(2);
  if (!first) throw new Error('usage: engine-snapshot.ts OUT.json | --check BEFORE.json');
  const now = await snapshot();
  if (first !== '--check') {
    writeFileSync(first, now);
    console.log(`wrote ${Object.keys(SCENARIOS).length} scenarios, ${now.length} bytes, to ${first}`);
    return;
  }
  const before = JSON.parse(readFileSync(second, 'utf8')) as Record<string, unknown>;
  const after = JSON.parse(now) as Record<string, unknown>;
  const changed = Object.keys(SCENARIOS).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (changed.length === 0 && readFileSync(second, 'utf8') === now) {
    console.log(`byte-identical: ${Object.keys(SCENARIOS).length} scenarios, ${now.length} bytes`);
    return;
  }
  console.error(`different: ${changed.join(', ') || '(formatting)'}`);
  process.exitCode = 1;
}

await main();
