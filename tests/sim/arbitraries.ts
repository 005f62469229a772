// Random valid scenarios for the property tests and the seeded sweep: every event source, model
// handlers with every duration distribution, and a few small code handlers. Every value stays
// inside the documented limits, so parseScenario accepts all of them (the sweep checks it).
import fc from 'fast-check';
import type { Dist, FunctionSpec, Scenario, SourceSpec } from '../../simulator/index';

export const distArb: fc.Arbitrary<number | Dist> = fc.oneof(
  fc.integer({ min: 0, max: 3000 }),
  fc.record({ dist: fc.constant('constant' as const), value: fc.integer({ min: 0, max: 2000 }) }),
  fc.record({ dist: fc.constant('uniform' as const), min: fc.constant(0), max: fc.integer({ min: 1, max: 4000 }) }),
  fc.record({ dist: fc.constant('normal' as const), mean: fc.integer({ min: 0, max: 1500 }), sd: fc.integer({ min: 0, max: 500 }) }),
  fc.record({ dist: fc.constant('exponential' as const), mean: fc.integer({ min: 1, max: 1500 }) }),
  fc.record({ dist: fc.constant('lognormal' as const), mu: fc.double({ min: 1, max: 7, noNaN: true }), sigma: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

/** Small handlers: a reply, a throw, a virtual-time wait, module state, CommonJS, batch replies. */
export const SMALL_CODE_HANDLERS = [
  'export const handler = async (event) => ({ ok: true, keys: Object.keys(event ?? {}).length });',
  "export const handler = async () => { throw new Error('boom'); };",
  'export const handler = async () => { await new Promise((r) => setTimeout(r, 40)); return 1; };',
  'let calls = 0;\nexport const handler = async () => ++calls;',
  'exports.handler = async (event, context) => context.getRemainingTimeInMillis() > 0;',
  'export const handler = async () => ({ batchItemFailures: [] });',
];

const modelHandlerArb = fc.record({
  durationMs: distArb,
  initMs: fc.option(fc.integer({ min: 0, max: 12_000 }), { nil: undefined, freq: 4 }),
  cpuMs: fc.option(distArb, { nil: undefined, freq: 4 }),
  errorRate: fc.constantFrom(0, 0.1, 0.5),
  crashRate: fc.constantFrom(0, 0, 0.1),
}).map((h) => ({ kind: 'model' as const, ...h }));

const codeHandlerArb = fc.constantFrom(...SMALL_CODE_HANDLERS).map((source) => ({ kind: 'code' as const, source }));

// Async callers retry a throttled or failed event for up to maximumEventAgeMs (F65, default
// 6 h): with reserved concurrency 0 that is hours of virtual retries, so every function caps it.
const functionArb = (name: string, code: boolean, syncOnly: boolean): fc.Arbitrary<FunctionSpec> =>
  fc.record({
    memoryMB: fc.constantFrom(128, 512, 1769, 3008),
    timeoutMs: fc.constantFrom(1000, 2000, 5000),
    reservedConcurrency: fc.option(fc.integer({ min: syncOnly ? 0 : 1, max: 6 }), { nil: undefined }),
    pc: fc.integer({ min: 0, max: 2 }),
    handler: code ? codeHandlerArb : modelHandlerArb,
    async: fc.record({ maximumRetryAttempts: fc.constantFrom(0 as const, 1 as const, 2 as const), maximumEventAgeMs: fc.constantFrom(60_000, 300_000) }),
  }).map(({ pc, reservedConcurrency, ...f }) => ({
    name,
    ...f,
    reservedConcurrency,
    provisionedConcurrency: Math.min(pc, reservedConcurrency ?? pc), // F16
  }));

const arrivalsArb = (durationMs: number, few: boolean) =>
  few
    ? fc.record({ at: fc.array(fc.integer({ min: 0, max: durationMs }), { maxLength: 4 }) })
    : fc.oneof(
        fc.record({ rate: fc.integer({ min: 0, max: 25 }), process: fc.constantFrom('poisson' as const, 'uniform' as const) }),
        fc.record({ at: fc.array(fc.integer({ min: 0, max: durationMs }), { maxLength: 30 }) }),
      );

/** Options of each source type, inside the documented limits (F73, F76, F85, F86). A message
 *  that always fails is received again until it expires (4 days) unless a redrive policy
 *  (maxReceiveCount) moves it, and a stream retries a failing batch until the record expires
 *  (24 h) with -1 retries: the sweep bounds both, or one seed would run days of virtual retries. */
const sourceOptionsArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ type: fc.constant('invoke'), invocationType: fc.constantFrom('RequestResponse', 'Event') }),
  fc.constantFrom({ type: 'api-gateway' }, { type: 's3' }, { type: 'sns' }),
  fc.record({
    type: fc.constant('sqs'),
    batchSize: fc.integer({ min: 1, max: 10 }),
    maximumConcurrency: fc.option(fc.integer({ min: 2, max: 5 }), { nil: undefined }),
    visibilityTimeoutMs: fc.constantFrom(5000, 30_000),
    maxReceiveCount: fc.integer({ min: 1, max: 3 }),
    reportBatchItemFailures: fc.boolean(),
  }),
  fc.record({
    type: fc.constantFrom('kinesis', 'dynamodb-streams'),
    shards: fc.integer({ min: 1, max: 3 }),
    batchSize: fc.integer({ min: 1, max: 20 }),
    parallelizationFactor: fc.integer({ min: 1, max: 3 }),
    bisectBatchOnFunctionError: fc.boolean(),
    maximumRetryAttempts: fc.constantFrom(0, 2),
    maximumRecordAgeMs: fc.constantFrom(-1, 60_000),
  }),
);

const sourceArb = (functions: FunctionSpec[], durationMs: number, syncOnly: boolean): fc.Arbitrary<SourceSpec> =>
  fc.constantFrom(...functions).chain((f) =>
    fc.record({
      options: syncOnly ? fc.constantFrom<Record<string, unknown>>({ type: 'invoke', invocationType: 'RequestResponse' }, { type: 'api-gateway' }) : sourceOptionsArb,
      // Code handlers run in real workers: a handful of arrivals each keeps a run short.
      arrivals: arrivalsArb(durationMs, f.handler.kind === 'code'),
    }).map(({ options, arrivals }) => ({ ...options, function: f.name, arrivals }) as SourceSpec),
  );

export interface ScenarioArbOptions {
  /** Only sync callers (invoke RequestResponse, API Gateway); default every source type. */
  syncOnly?: boolean;
  /** Share of functions with a code handler, 0..1; default 0. */
  codeShare?: number;
}

export function scenarioArb({ syncOnly = false, codeShare = 0 }: ScenarioArbOptions = {}): fc.Arbitrary<Scenario> {
  // Unbiased: fast-check leans towards small numbers, which would make nearly every handler code.
  const codeFlag = fc.noBias(fc.integer({ min: 0, max: 9999 })).map((x) => x < codeShare * 10_000);
  return fc
    .record({
      seed: fc.integer(),
      durationMs: fc.integer({ min: 500, max: 10_000 }),
      code: fc.tuple(codeFlag, codeFlag, codeFlag),
      n: fc.integer({ min: 1, max: 3 }),
      account: fc.integer({ min: 120, max: 140 }),
      scalingEnvironments: fc.integer({ min: 2, max: 12 }),
      scalingWindowMs: fc.constantFrom(500, 2000, 10_000),
    })
    .chain((base) => {
      const names = ['a', 'b', 'c'].slice(0, base.n);
      return fc.tuple(...names.map((name, i) => functionArb(name, base.code[i], syncOnly))).chain((functions) =>
        fc.array(sourceArb(functions, base.durationMs, syncOnly), { minLength: 1, maxLength: 3 }).map((sources) => ({
          seed: base.seed,
          durationMs: base.durationMs,
          account: { concurrencyLimit: base.account },
          functions,
          sources,
          service: { scalingEnvironments: base.scalingEnvironments, scalingWindowMs: base.scalingWindowMs, idleTimeoutMs: 3000 },
        })),
      );
    });
}
