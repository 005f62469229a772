// The zod schema of a Scenario: every documented configuration rule, each with its fact id.
// Field-level rules live on the fields; rules across fields live in checkScenarioRules.
import { utf8ByteLength } from '../core/utf8';
import { MEMORY_MAX_MB, MEMORY_MIN_MB, TIMEOUT_MAX_MS, TIMEOUT_MIN_MS } from './limits';
import { z } from 'zod';
import { CODE_RUNTIMES, KNOWN_RUNTIMES } from '../service/coldStartCalibration';
import { RULE_IDS, type RuleId } from '../rules/ledger';
import { checkVersions, provisionedTotal, targetProblem } from './versionRules';
import { executionRoleSchema, policyDocumentSchema } from '../aws/policySchema';
import { deployErrors } from '../layers/packageSize';
import { CURATED_PACKAGE_NAMES } from '../runtime/mount';

const nonNegative = z.number().finite().nonnegative();
const positiveInt = z.number().int().positive();

export const distSchema = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('constant'), value: nonNegative }),
  z
    .strictObject({ dist: z.literal('uniform'), min: nonNegative, max: nonNegative })
    .refine((d) => d.min <= d.max, { message: 'min must not exceed max', path: ['max'] }),
  z.strictObject({ dist: z.literal('normal'), mean: nonNegative, sd: nonNegative }),
  z.strictObject({ dist: z.literal('lognormal'), mu: z.number().finite(), sigma: nonNegative }),
  z.strictObject({ dist: z.literal('exponential'), mean: z.number().finite().positive() }),
]);

const msOrDist = z.union([nonNegative, distSchema]);
const share = z.number().min(0).max(1);

const modelHandlerSchema = z.strictObject({
  kind: z.literal('model'),
  initMs: msOrDist.optional(),
  durationMs: msOrDist,
  cpuMs: msOrDist.optional(),
  errorRate: share.optional(),
  crashRate: share.optional(),
  response: z.unknown().optional(),
});

const codeHandlerSchema = z.strictObject({
  kind: z.literal('code'),
  source: z.string(),
  // F104: <file>.<export>; a name containing '..' is malformed.
  handler: z
    .string()
    .regex(/^[^.]+\.[^.].*$/, 'handler must look like <file>.<export>, e.g. index.handler (F104)')
    .refine((h) => !h.includes('..'), 'handler must not contain ".." (F104)')
    .optional(),
});

// F114: variables Lambda reserves; a configuration that sets one is rejected.
export const RESERVED_ENVIRONMENT_KEYS = [
  '_HANDLER', '_X_AMZN_TRACE_ID', 'AWS_REGION', 'AWS_EXECUTION_ENV', 'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME', 'AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_LAMBDA_RUNTIME_API', 'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
] as const;

const environmentSchema = z
  .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'variable names are letters, digits and _'), z.string())
  .superRefine((vars, ctx) => {
    for (const key of Object.keys(vars)) {
      if ((RESERVED_ENVIRONMENT_KEYS as readonly string[]).includes(key)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `${key} is reserved by Lambda (F114)` });
      }
    }
    // F35: 4 KB across all variables (keys and values).
    const bytes = Object.entries(vars).reduce((n, [k, v]) => n + utf8ByteLength(k) + utf8ByteLength(v), 0);
    if (bytes > 4096) ctx.addIssue({ code: 'custom', message: `variables take ${bytes} bytes; the limit is 4 KB (F35)` });
  });

// Layers and curated npm packages (simulator/layers, simulator/runtime/mount.ts).
const curatedPackage = z.string().refine((p) => CURATED_PACKAGE_NAMES.includes(p), {
  message: `a package is one of the curated set: ${CURATED_PACKAGE_NAMES.join(', ')}`,
});
const layerSchema = z.strictObject({
  name: z.string().min(1).describe('The layer\'s name, as in its ARN.'),
  version: z.number().int().positive().optional().describe('The layer version number.'),
  files: z.record(z.string(), z.string()).optional()
    .describe('Files by path inside the layer, e.g. nodejs/node_modules/x/index.js; extracted to /opt, a later layer\'s file winning (F38, F39).'),
  packages: z.array(curatedPackage).optional()
    .describe('Curated npm packages the layer carries under nodejs/node_modules (e.g. lodash).'),
  sizeBytes: z.number().int().nonnegative().optional()
    .describe('Unzipped size in bytes, at least the files\' UTF-8 bytes plus the packages\' sizes (the default) (F36).'),
}).describe('A Lambda layer: a set of files mounted under /opt at Init.');

const functionFields = {
  name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'a function name is 1-64 letters, digits, - or _'),
  runtime: z
    .string()
    .refine((r) => KNOWN_RUNTIMES.includes(r), { message: `runtime must be one of ${KNOWN_RUNTIMES.join(', ')}` })
    .optional(),
  architecture: z.enum(['x86_64', 'arm64']).optional(),
  // F28: 128-10,240 MB in 1 MB steps.
  memoryMB: z.number().int('memory is set in whole MB (F28)').min(MEMORY_MIN_MB, 'memory is at least 128 MB (F28)')
    .max(MEMORY_MAX_MB, 'memory is at most 10,240 MB (F28)').optional(),
  // F29: 1-900 s in 1 s steps.
  timeoutMs: z.number().int().min(TIMEOUT_MIN_MS, 'the timeout is at least 1 s (F29)').max(TIMEOUT_MAX_MS, 'the timeout is at most 900 s (F29)')
    .refine((ms) => ms % 1000 === 0, 'the timeout is set in whole seconds (F29)').optional(),
  reservedConcurrency: z.number().int().nonnegative().optional(),
  provisionedConcurrency: z.number().int().nonnegative().optional(),
  environment: environmentSchema.optional(),
  handler: z.discriminatedUnion('kind', [modelHandlerSchema, codeHandlerSchema]),
  layers: z.array(layerSchema).optional()
    .describe('Layers in extraction order; at most 5 (F37), 250 MB unzipped with the code (F36); their size lengthens Init (F24).'),
  packages: z.array(curatedPackage).optional()
    .describe('Curated npm packages in the function\'s own package, under /var/task/node_modules.'),
  codeSizeBytes: z.number().int().nonnegative().optional()
    .describe('Unzipped size of the function\'s own package in bytes, at least the code plus its packages (the default) (F24, F36).'),
  async: z
    .strictObject({
      maximumRetryAttempts: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(), // F65
      maximumEventAgeMs: z.number().int().min(60000, 'at least 60 s (F65)').max(21600000, 'at most 6 h (F65)').optional(),
      onSuccess: z.string().min(1).optional(),
      onFailure: z.string().min(1).optional(),
    })
    .optional(),
  // Permissions and recursion (simulator/aws/): absent means allow-all and Terminate, as before.
  role: executionRoleSchema
    .describe('Execution role: a name and an IAM policy ({ Version, Statement: [{ Effect, Action, Resource }] }). '
      + 'SDK calls it does not allow are denied; event source mappings need its read permissions. Absent: allow-all.')
    .optional(),
  resourcePolicy: policyDocumentSchema
    .describe('Resource-based policy: which services (Principal.Service, e.g. s3.amazonaws.com) and accounts may call '
      + 'lambda:InvokeFunction, with aws:SourceArn / aws:SourceAccount conditions. Absent: every trigger may invoke.')
    .optional(),
  recursiveLoop: z.enum(['Terminate', 'Allow'])
    .describe('F95 recursive loop detection: Terminate (default) stops the 17th invocation of a chain; Allow lets it run.')
    .optional(),
};

// Versions and aliases (service/versions.ts). A published version is an immutable snapshot:
// the function's configuration with the fields the version lists instead.
const versionSchema = z
  .strictObject({
    runtime: functionFields.runtime, architecture: functionFields.architecture, memoryMB: functionFields.memoryMB,
    timeoutMs: functionFields.timeoutMs, environment: functionFields.environment, handler: functionFields.handler.optional(),
    provisionedConcurrency: functionFields.provisionedConcurrency,
  })
  .describe('A published version (numbered from 1 in order): what differs from the function\'s configuration, and its provisioned concurrency (F16)');

const aliasSchema = z
  .strictObject({
    // AWS: 1-128 letters, digits, - or _, and not only digits (a number names a version).
    name: z.string().regex(/^[a-zA-Z0-9_-]{1,128}$/, 'an alias name is 1-128 letters, digits, - or _')
      .refine((n) => !/^\d+$/.test(n), 'an alias name cannot be a number (numbers name versions)')
      .refine((n) => n !== '$LATEST', 'an alias name cannot be $LATEST'),
    version: positiveInt.describe('The version the alias points at'),
    additionalVersion: z
      .strictObject({ version: positiveInt, weight: z.number().min(0).max(1) })
      .optional()
      .describe('Weighted routing (a canary): this share of invocations goes to a second version'),
    provisionedConcurrency: functionFields.provisionedConcurrency,
  })
  .describe('An alias pointing at a published version, with optional weighted routing and provisioned concurrency');

const functionSchema = z.strictObject({
  ...functionFields,
  versions: z.array(versionSchema).optional().describe('Published versions 1, 2, ... in order; $LATEST is the function itself'),
  aliases: z.array(aliasSchema).optional().describe('Aliases of published versions'),
}).superRefine((fn, ctx) => {
  // Refused at deploy, as CreateFunction would (F36, F37).
  for (const message of deployErrors(fn)) ctx.addIssue({ code: 'custom', path: ['layers'], message });
});

const arrivalsSchema = z.union([
  z.strictObject({ at: z.array(nonNegative) }),
  z
    .strictObject({
      rate: z.number().finite().nonnegative('the rate must not be negative'),
      fromMs: nonNegative.optional(),
      toMs: nonNegative.optional(),
      process: z.enum(['poisson', 'uniform']).optional(),
    })
    .refine((a) => a.fromMs === undefined || a.toMs === undefined || a.fromMs <= a.toMs, {
      message: 'fromMs must not be after toMs',
      path: ['toMs'],
    }),
]);

const sourceBase = {
  function: z.string(),
  arrivals: arrivalsSchema,
  payloads: z.array(z.unknown()).optional(),
  name: z.string().min(1).optional(),
};

const sourceSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...sourceBase, type: z.literal('invoke'), invocationType: z.enum(['RequestResponse', 'Event']), payload: z.unknown().optional() }),
  z.strictObject({ ...sourceBase, type: z.literal('api-gateway') }),
  z.strictObject({ ...sourceBase, type: z.literal('s3') }),
  z.strictObject({ ...sourceBase, type: z.literal('sns') }),
  z.strictObject({
    ...sourceBase,
    type: z.literal('sqs'),
    batchSize: z.number().int().min(1).max(10000, 'at most 10,000 (F73)').optional(),
    maximumBatchingWindowMs: z.number().int().min(0).max(300000, 'at most 300 s (F73)').optional(),
    maximumConcurrency: z.number().int().min(2, 'at least 2 (F76)').max(1000, 'at most 1,000 (F76)').optional(),
    visibilityTimeoutMs: z.number().int().min(0).max(43200000, 'at most 12 h').optional(),
    maxReceiveCount: z.number().int().min(1).max(1000).optional(),
    reportBatchItemFailures: z.boolean().optional(),
  }),
  ...(['kinesis', 'dynamodb-streams'] as const).map((type) =>
    z.strictObject({
      ...sourceBase,
      type: z.literal(type),
      shards: z.number().int().min(1).max(1000),
      batchSize: z.number().int().min(1).max(10000, 'at most 10,000 (F85)').optional(),
      parallelizationFactor: z.number().int().min(1, '1-10 (F85)').max(10, '1-10 (F85)').optional(),
      bisectBatchOnFunctionError: z.boolean().optional(),
      maximumRetryAttempts: z.number().int().min(-1).max(10000, '-1 to 10,000 (F86)').optional(),
      maximumRecordAgeMs: z
        .number().int().min(-1).max(604800000, 'at most 7 days (F86)')
        .refine((ms) => ms === -1 || ms >= 60000, '-1 (infinite) or at least 60 s (F86)')
        .optional(),
    }),
  ),
]);

// Dated rules (rules/ledger.ts): which side of each change a run follows.
const ruleSide = z.enum(['before', 'after']);
const rulesSchema = z
  .strictObject({
    asOf: z.iso.date('asOf is a day, YYYY-MM-DD').optional()
      .describe('Follow the rules AWS applied on this day (default: today\'s rules)'),
    use: z.strictObject(Object.fromEntries(RULE_IDS.map((id) => [id, ruleSide.optional()])) as Record<RuleId, z.ZodOptional<typeof ruleSide>>)
      .optional()
      .describe('Pick rules one by one by ledger id, before or after their change; wins over asOf'),
  })
  .describe('Which dated Lambda rules a run follows (rules/ledger.ts)');

export const scenarioSchema = z
  .strictObject({
    seed: z.number().int().optional(),
    durationMs: z.number().finite().positive().max(30 * 24 * 3600 * 1000, 'at most 30 days of virtual time'),
    account: z.strictObject({ concurrencyLimit: z.number().int().min(1).max(1_000_000).optional() }).optional(),
    functions: z.array(functionSchema).min(1, 'a scenario needs at least one function'),
    sources: z.array(sourceSchema),
    record: z.strictObject({ logs: z.boolean().optional(), requests: z.boolean().optional(), invocations: z.boolean().optional() }).optional(),
    dependencies: z
      .strictObject({
        db: z.strictObject({
          maxConnections: z.number().int().min(1).optional(), connectMs: nonNegative.optional(),
          queryMs: nonNegative.optional(), jitterMs: nonNegative.optional(),
        }).optional(),
        http: z.strictObject({
          latencyMs: nonNegative.optional(), jitterMs: nonNegative.optional(),
          routes: z.record(z.string(), z.strictObject({
            status: z.number().int().min(100).max(599).optional(), body: z.unknown().optional(),
            latencyMs: nonNegative.optional(), headers: z.record(z.string(), z.string()).optional(),
          })).optional(),
        }).optional(),
      })
      .optional(),
    rules: rulesSchema.optional(),
    service: z
      .strictObject({
        idleTimeoutMs: z.number().finite().positive().optional(),
        scalingEnvironments: z.number().int().positive().optional(),
        scalingWindowMs: z.number().finite().positive().optional(),
        startTime: z.iso.datetime().optional(),
        region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'a Region looks like us-east-1').optional(),
        provisionedAllocationMs: nonNegative.optional()
          .describe('F16: how long provisioned concurrency requested during a run takes to be allocated (default 60000)'),
        provisionedRecycleMs: z.number().positive().optional()
          .describe('F15: provisioned environments are replaced after this long, every few hours (default 14400000)'),
      })
      .optional(),
  })
  // Cross-field rules run even when some fields are broken, so every problem is listed at once.
  .superRefine((s, ctx) => checkScenarioRules(s as unknown as ParsedScenario, ctx), { when: () => true });

type ParsedScenario = {
  durationMs: number;
  account?: { concurrencyLimit?: number };
  functions: { name: string; runtime?: string; handler: { kind: string }; reservedConcurrency?: number; provisionedConcurrency?: number }[];
  sources: { type: string; function: string; arrivals: { at: number[] } | object; batchSize?: number; maximumBatchingWindowMs?: number }[];
};

/** Rules that span fields: names, references, concurrency budgets, ESM batching. */
function checkScenarioRules(raw: ParsedScenario, ctx: z.RefinementCtx): void {
  const s = sanitize(raw);
  if (!s) return;
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const names = new Set<string>();
  const accountLimit = typeof s.account?.concurrencyLimit === 'number' ? s.account.concurrencyLimit : 1000;
  s.functions.forEach((f, i) => {
    if (f.name === '') return;
    if (names.has(f.name)) issue(['functions', i, 'name'], `function name ${f.name} is used twice`);
    names.add(f.name);
    if (f.handler.kind === 'code' && !CODE_RUNTIMES.includes(f.runtime ?? 'nodejs24.x')) {
      issue(['functions', i, 'runtime'], `code handlers run on ${CODE_RUNTIMES.join(', ')} (F139)`);
    }
    // F16: you can't allocate more provisioned concurrency than reserved concurrency.
    checkVersions(f, i, issue);
    if (f.reservedConcurrency !== undefined && provisionedTotal(f) > f.reservedConcurrency) {
      issue(['functions', i, 'provisionedConcurrency'], 'provisioned concurrency cannot exceed reserved concurrency (F16)');
    }
  });
  checkAllocations(s.functions, accountLimit, issue);
  s.sources.forEach((src, i) => {
    if (src.type === '') return;
    const problem = targetProblem(s.functions, src.function);
    if (problem) issue(['sources', i, 'function'], problem);
    if ('at' in src.arrivals) {
      src.arrivals.at.forEach((t, j) => {
        if (t > s.durationMs) issue(['sources', i, 'arrivals', 'at', j], `arrival at ${t} ms is after durationMs (${s.durationMs})`);
      });
    }
    // F73: an SQS batch size above 10 needs a batching window of at least 1 s.
    if (src.type === 'sqs' && (src.batchSize ?? 10) > 10 && (src.maximumBatchingWindowMs ?? 0) < 1000) {
      issue(['sources', i, 'maximumBatchingWindowMs'], 'a batch size above 10 needs a batching window of at least 1000 ms (F73)');
    }
  });
}

type Allocating = { name: string; reservedConcurrency?: number; provisionedConcurrency?: number };

/**
 * F53: at most the account limit minus 100 may be reserved; F16: provisioned concurrency counts
 * against the same pool (inside the function's reservation when it has one). A total that breaks
 * the rule is reported at the function that breaks it.
 */
function checkAllocations(functions: Allocating[], accountLimit: number, issue: (path: (string | number)[], message: string) => void): void {
  const allowed = accountLimit - 100;
  let total = 0;
  functions.forEach((f, i) => {
    if (f.name === '') return;
    const reserved = typeof f.reservedConcurrency === 'number' ? f.reservedConcurrency : undefined;
    const provisioned = provisionedTotal(f);
    const field = reserved !== undefined ? 'reservedConcurrency' : 'provisionedConcurrency';
    const allocated = reserved ?? provisioned;
    if (!(allocated > 0)) return;
    if (allowed <= 0) {
      issue(['functions', i, field], `the account's concurrency limit is ${accountLimit}: with a limit of 100 or less nothing can be `
        + 'reserved or provisioned, because 100 always stays unreserved (F53)');
      return;
    }
    const before = total;
    total += allocated;
    if (before <= allowed && total > allowed) {
      const what = field === 'reservedConcurrency' ? 'reserved' : 'provisioned';
      issue(['functions', i, field], `${what} concurrency brings the account's reservations to ${total}; at most ${allowed} `
        + `of ${accountLimit} may be reserved or provisioned, 100 stays unreserved (F53)`);
    }
  });
}

/** Keeps only the well-typed parts of a possibly broken scenario, for the cross-field rules.
 *  Numbers the rules compare are numbers or absent: `{"toString": {}}` would throw a TypeError. */
function sanitize(raw: unknown): ParsedScenario | undefined {
  if (!isObject(raw) || typeof raw.durationMs !== 'number') return undefined;
  const functions = (Array.isArray(raw.functions) ? raw.functions : [])
    .map((f) => (isObject(f) && typeof f.name === 'string' && isObject(f.handler) ? f : { name: '', handler: { kind: '' } }))
    .map((f) => ({ ...f, reservedConcurrency: numberOr(f.reservedConcurrency), provisionedConcurrency: numberOr(f.provisionedConcurrency) }));
  const sources = (Array.isArray(raw.sources) ? raw.sources : [])
    .map((x) => (isObject(x) && typeof x.function === 'string' && isObject(x.arrivals) ? x : { type: '', function: '', arrivals: {} }))
    .map((x) => ('at' in x.arrivals && !Array.isArray(x.arrivals.at) ? { ...x, arrivals: {} } : x))
    .map((x) => ({
      ...x,
      batchSize: numberOr(x.batchSize),
      maximumBatchingWindowMs: numberOr(x.maximumBatchingWindowMs),
      arrivals: 'at' in x.arrivals ? { at: x.arrivals.at.filter((t: unknown) => typeof t === 'number') } : x.arrivals,
    }));
  const account = isObject(raw.account) ? { concurrencyLimit: numberOr(raw.account.concurrencyLimit) } : undefined;
  return { durationMs: raw.durationMs, account, functions, sources } as ParsedScenario;
}

const numberOr = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
