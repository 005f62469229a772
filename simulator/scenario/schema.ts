// The zod schema of a Scenario: every documented configuration rule, each with its fact id.
// Field-level rules live on the fields; rules across fields live in checkScenarioRules.
import { utf8ByteLength } from '../core/utf8';
import { BATCH_SIZE_MAX, MEMORY_MAX_MB, MEMORY_MIN_MB, TIMEOUT_MAX_MS, TIMEOUT_MIN_MS } from './limits';
import { z } from 'zod';
import { CODE_RUNTIMES, KNOWN_RUNTIMES } from '../service/coldStartCalibration';
import { RULE_IDS, type RuleId } from '../rules/ledger';
import { checkVersions, provisionedTotal, targetProblem } from './versionRules';
import { awsAccountSchema, checkAwsReferences } from './awsSchema';
import { executionRoleSchema, policyDocumentSchema } from '../aws/policySchema';
import { deployErrors } from '../layers/packageSize';
import { packageFields } from '../layers/layerSchema';

const nonNegative = z.number().finite().nonnegative();
const positiveInt = z.number().int().positive();

export const distSchema = z.discriminatedUnion('dist', [
  z.strictObject({
    dist: z.literal('constant').describe('Always the same value.'),
    value: nonNegative.describe('The value, in ms.'),
  }),
  z
    .strictObject({
      dist: z.literal('uniform').describe('Any value between min and max, all equally likely.'),
      min: nonNegative.describe('The smallest value, in ms.'),
      max: nonNegative.describe('The largest value, in ms.'),
    })
    .refine((d) => d.min <= d.max, { message: 'min must not exceed max', path: ['max'] }),
  z.strictObject({
    dist: z.literal('normal').describe('A bell curve around the mean, cut off at 0.'),
    mean: nonNegative.describe('The middle of the bell curve, in ms.'),
    sd: nonNegative.describe('The standard deviation: how far values spread from the mean, in ms.'),
  }),
  z.strictObject({
    dist: z.literal('lognormal').describe('Mostly near a typical value with a long tail of slow ones, like real latencies.'),
    mu: z.number().finite().describe('The mean of ln(ms): e^mu ms is the median.'),
    sigma: nonNegative.describe('The spread of ln(ms): larger gives a longer tail.'),
  }),
  z.strictObject({
    dist: z.literal('exponential').describe('Many short values and a few long ones.'),
    mean: z.number().finite().positive().describe('The average value, in ms.'),
  }),
]).describe('A random duration: each draw comes from the scenario\'s seed.');

const msOrDist = z.union([nonNegative, distSchema]);
const share = z.number().min(0).max(1);

const modelHandlerSchema = z.strictObject({
  kind: z.literal('model').describe('A modelled handler: its timing and error rate are given, no code runs.'),
  initMs: msOrDist.optional().describe('How long Init takes on a cold start, in ms or a distribution; replaces the runtime\'s measured Init (F22).'),
  durationMs: msOrDist.describe('Time the handler spends waiting (I/O), in ms or a distribution; the same at every memory size.'),
  cpuMs: msOrDist.optional().describe('CPU work at one full vCPU (1,769 MB, F28), in ms; it takes longer at less memory.'),
  errorRate: share.optional().describe('Share of invocations (0 to 1) that end in a function error; the environment stays warm.'),
  crashRate: share.optional().describe('Share of invocations (0 to 1) whose runtime process exits; the environment is reset (F06, F135).'),
  response: z.unknown().optional().describe('What a successful invocation returns (default null; behind API Gateway a 200 response).'),
});

const codeHandlerSchema = z.strictObject({
  kind: z.literal('code').describe('Real JavaScript that runs in a simulated execution environment.'),
  source: z.string().describe('The handler file\'s source code (the file the handler setting names).'),
  // F104: <file>.<export>; a name containing '..' is malformed.
  handler: z
    .string()
    .regex(/^[^.]+\.[^.].*$/, 'handler must look like <file>.<export>, e.g. index.handler (F104)')
    .refine((h) => !h.includes('..'), 'handler must not contain ".." (F104)')
    .optional()
    .describe('File and exported function Lambda calls, as <file>.<export> (default index.handler, F104).'),
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

const functionFields = {
  name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'a function name is 1-64 letters, digits, - or _')
    .describe('The function\'s name: 1-64 letters, digits, - or _; sources name it to invoke it.'),
  runtime: z
    .string()
    .refine((r) => KNOWN_RUNTIMES.includes(r), { message: `runtime must be one of ${KNOWN_RUNTIMES.join(', ')}` })
    .optional()
    .describe(`The language runtime (default nodejs24.x): one of ${KNOWN_RUNTIMES.join(', ')}.`),
  architecture: z.enum(['x86_64', 'arm64']).optional()
    .describe('The processor: x86_64 (default) or arm64 (Graviton, cheaper per GB-second, F46).'),
  // F28: 128-10,240 MB in 1 MB steps.
  memoryMB: z.number().int('memory is set in whole MB (F28)').min(MEMORY_MIN_MB, 'memory is at least 128 MB (F28)')
    .max(MEMORY_MAX_MB, 'memory is at most 10,240 MB (F28)').optional()
    .describe('Memory in MB, 128-10,240 (default 128). CPU grows with it: 1,769 MB is one vCPU (F28).'),
  // F29: 1-900 s in 1 s steps.
  timeoutMs: z.number().int().min(TIMEOUT_MIN_MS, 'the timeout is at least 1 s (F29)').max(TIMEOUT_MAX_MS, 'the timeout is at most 900 s (F29)')
    .refine((ms) => ms % 1000 === 0, 'the timeout is set in whole seconds (F29)').optional()
    .describe('How long one invocation may run, in ms: whole seconds from 1 to 900 s (default 3 s, F29).'),
  reservedConcurrency: z.number().int().nonnegative().optional()
    .describe('Environments kept for this function and its maximum at once; 0 throttles every invocation (F59).'),
  provisionedConcurrency: z.number().int().nonnegative().optional()
    .describe('Environments initialised before any request arrives, so those requests start warm (F16).'),
  environment: environmentSchema.optional()
    .describe('Environment variables the handler reads: 4 KB at most, Lambda\'s reserved names refused (F35, F114).'),
  handler: z.discriminatedUnion('kind', [modelHandlerSchema, codeHandlerSchema])
    .describe('What runs: a model (timing given) or code (real JavaScript).'),
  ...packageFields,
  async: z
    .strictObject({
      maximumRetryAttempts: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional()
        .describe('How often a failed async event is retried: 0, 1 or 2 (default 2, F65).'),
      maximumEventAgeMs: z.number().int().min(60000, 'at least 60 s (F65)').max(21600000, 'at most 6 h (F65)').optional()
        .describe('How long an async event may wait before it is dropped, in ms: 60 s to 6 h (default 6 h, F65).'),
      onSuccess: z.string().min(1).optional().describe('A name for the destination of successful async events.'),
      onFailure: z.string().min(1).optional().describe('A name for the destination of async events that failed every attempt.'),
    })
    .optional()
    .describe('How Lambda handles events invoked asynchronously (Event invokes, S3, SNS).'),
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
    // A version freezes its layers too: attaching a layer to $LATEST later leaves it as it was.
    layers: packageFields.layers,
    provisionedConcurrency: functionFields.provisionedConcurrency,
  })
  .describe('A published version (numbered from 1 in order): what differs from the function\'s configuration, and its provisioned concurrency (F16)');

const aliasSchema = z
  .strictObject({
    // AWS: 1-128 letters, digits, - or _, and not only digits (a number names a version).
    name: z.string().regex(/^[a-zA-Z0-9_-]{1,128}$/, 'an alias name is 1-128 letters, digits, - or _')
      .refine((n) => !/^\d+$/.test(n), 'an alias name cannot be a number (numbers name versions)')
      .refine((n) => n !== '$LATEST', 'an alias name cannot be $LATEST')
      .describe('The alias name sources invoke as fn:name: 1-128 letters, digits, - or _, not a number'),
    version: positiveInt.describe('The version the alias points at'),
    additionalVersion: z
      .strictObject({
        version: positiveInt.describe('The second version'),
        weight: z.number().min(0).max(1).describe('The share of invocations (0 to 1) that run the second version'),
      })
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
  (fn.versions ?? []).forEach((v, i) => {
    if (!v.layers) return;
    for (const message of deployErrors({ ...fn, ...v })) ctx.addIssue({ code: 'custom', path: ['versions', i, 'layers'], message });
  });
});

const arrivalsSchema = z.union([
  z.strictObject({ at: z.array(nonNegative).describe('The virtual ms of each arrival, none after durationMs.') }),
  z
    .strictObject({
      rate: z.number().finite().nonnegative('the rate must not be negative').describe('Arrivals per second.'),
      fromMs: nonNegative.optional().describe('When the arrivals start, in virtual ms (default 0).'),
      toMs: nonNegative.optional().describe('When the arrivals stop, in virtual ms (default durationMs).'),
      process: z.enum(['poisson', 'uniform']).optional()
        .describe('uniform (default): evenly spaced; poisson: random gaps, as independent users make.'),
    })
    .refine((a) => a.fromMs === undefined || a.toMs === undefined || a.fromMs <= a.toMs, {
      message: 'fromMs must not be after toMs',
      path: ['toMs'],
    }),
]).describe('When requests arrive: at given moments, or at a rate per second.');

const sourceBase = {
  function: z.string().describe('The name of the function this source invokes.'),
  arrivals: arrivalsSchema,
  payloads: z.array(z.unknown()).optional()
    .describe('The body of each arrival in turn, repeating; strings are used as they are, other values as JSON.'),
  name: z.string().min(1).optional().describe('A label for this source in the results (default <type>#<index>).'),
};

const sqsSchema = z.strictObject({
  ...sourceBase,
  type: z.literal('sqs').describe('An SQS queue read by Lambda\'s pollers in batches.'),
  batchSize: z.number().int().min(1).max(BATCH_SIZE_MAX, 'at most 10,000 (F73)').optional()
    .describe('Most messages in one batch: 1-10,000 (default 10); above 10 needs a batching window (F73).'),
  maximumBatchingWindowMs: z.number().int().min(0).max(300000, 'at most 300 s (F73)').optional()
    .describe('How long pollers wait to fill a batch, in ms: 0-300 s (default 0, F73).'),
  maximumConcurrency: z.number().int().min(2, 'at least 2 (F76)').max(1000, 'at most 1,000 (F76)').optional()
    .describe('Most batches in flight at once for this queue: 2-1,000 (default: no cap of its own, F76).'),
  visibilityTimeoutMs: z.number().int().min(0).max(43200000, 'at most 12 h').optional()
    .describe('How long a received message stays hidden before it is delivered again, in ms (default 30 s).'),
  maxReceiveCount: z.number().int().min(1).max(1000).optional()
    .describe('Receives after which a message goes to the redrive queue (default: it never does).'),
  reportBatchItemFailures: z.boolean().optional()
    .describe('The handler reports which messages failed, so only those come back (default false).'),
  queue: z.string().optional().describe('The aws.queues queue this mapping polls (messages sent by handler code arrive here).'),
});

const streamSchema = (type: 'kinesis' | 'dynamodb-streams') => z.strictObject({
  ...sourceBase,
  type: z.literal(type).describe(type === 'kinesis'
    ? 'A Kinesis data stream: records are read per shard, in order.'
    : 'A DynamoDB stream of table changes: records are read per shard, in order.'),
  shards: z.number().int().min(1).max(1000).describe('How many shards the stream has; each is read in order.'),
  batchSize: z.number().int().min(1).max(BATCH_SIZE_MAX, 'at most 10,000 (F85)').optional()
    .describe('Most records in one batch: 1-10,000 (default 100, F85).'),
  parallelizationFactor: z.number().int().min(1, '1-10 (F85)').max(10, '1-10 (F85)').optional()
    .describe('Batches read from one shard at once: 1-10 (default 1, F85).'),
  bisectBatchOnFunctionError: z.boolean().optional()
    .describe('On a function error, split the batch in two and retry each half (default false).'),
  maximumRetryAttempts: z.number().int().min(-1).max(10000, '-1 to 10,000 (F86)').optional()
    .describe('Retries of a failing batch: -1 (default) retries until the records expire (F86).'),
  maximumRecordAgeMs: z
    .number().int().min(-1).max(604800000, 'at most 7 days (F86)')
    .refine((ms) => ms === -1 || ms >= 60000, '-1 (infinite) or at least 60 s (F86)')
    .optional()
    .describe('Records older than this are skipped, in ms: -1 (default, never) or 60 s to 7 days (F86).'),
  table: z.string().optional().describe('dynamodb-streams: the aws.tables table whose stream this mapping reads.'),
});

const sourceSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...sourceBase,
    type: z.literal('invoke').describe('Direct calls to the Invoke API.'),
    invocationType: z.enum(['RequestResponse', 'Event'])
      .describe('RequestResponse: the caller waits for the answer; Event: Lambda queues it and answers 202.'),
    payload: z.unknown().optional().describe('The event every call sends, unless payloads is given.'),
  }),
  z.strictObject({ ...sourceBase, type: z.literal('api-gateway').describe('An API Gateway REST API: a synchronous caller that gives up at 29 s.') }),
  z.strictObject({
    ...sourceBase,
    type: z.literal('s3').describe('S3 object notifications, invoked asynchronously.'),
    bucket: z.string().optional().describe('The aws.buckets bucket whose object-created events this trigger receives.'),
    prefix: z.string().optional().describe('Only keys that start with this (S3 notification filter).'),
    suffix: z.string().optional().describe('Only keys that end with this (S3 notification filter).'),
  }),
  z.strictObject({
    ...sourceBase,
    type: z.literal('sns').describe('SNS messages, invoked asynchronously.'),
    topic: z.string().optional().describe('The aws.topics topic this subscription receives.'),
  }),
  sqsSchema,
  streamSchema('kinesis'),
  streamSchema('dynamodb-streams'),
]).describe('Something that invokes a function: a caller, a queue, a stream or a notification.');

// Dated rules (rules/ledger.ts): which side of each change a run follows.
const ruleSide = z.enum(['before', 'after']);
const rulesSchema = z
  .strictObject({
    asOf: z.iso.date('asOf is a day, YYYY-MM-DD').optional()
      .describe('Follow the rules AWS applied on this day (default: today\'s rules)'),
    use: z.strictObject(Object.fromEntries(RULE_IDS.map((id) => [id, ruleSide.optional().describe(`Rule ${id}: follow it as it was before or after its change.`)])) as Record<RuleId, z.ZodOptional<typeof ruleSide>>)
      .optional()
      .describe('Pick rules one by one by ledger id, before or after their change; wins over asOf'),
  })
  .describe('Which dated Lambda rules a run follows (rules/ledger.ts)');

const dependenciesSchema = z
  .strictObject({
    db: z.strictObject({
      maxConnections: z.number().int().min(1).optional().describe('Connections the database accepts at once (default 10).'),
      connectMs: nonNegative.optional().describe('Time to open a connection, in ms (default 30).'),
      queryMs: nonNegative.optional().describe('Time one query takes, in ms (default 5).'),
      jitterMs: nonNegative.optional().describe('Random extra time on each call, up to this many ms (default 2).'),
    }).optional().describe('The simulated database code handlers reach through lambda-lab:db.'),
    http: z.strictObject({
      latencyMs: nonNegative.optional().describe('Time one request takes, in ms (default 80).'),
      jitterMs: nonNegative.optional().describe('Random extra time on each request, up to this many ms (default 20).'),
      routes: z.record(z.string(), z.strictObject({
        status: z.number().int().min(100).max(599).optional().describe('The HTTP status the host answers (default 200).'),
        body: z.unknown().optional().describe('The body the host answers.'),
        latencyMs: nonNegative.optional().describe('This host\'s own request time, in ms.'),
        headers: z.record(z.string(), z.string()).optional().describe('Response headers.'),
      })).optional().describe('Answers by host name; * matches any other host.'),
    }).optional().describe('The simulated web services code handlers reach through lambda-lab:http.'),
  })
  .optional()
  .describe('Simulated services that code handlers call.');

const serviceSchema = z
  .strictObject({
    idleTimeoutMs: z.number().finite().positive().optional()
      .describe('How long an idle environment stays warm, in ms (default 5 min; AWS documents no number, F08).'),
    scalingEnvironments: z.number().int().positive().optional()
      .describe('New environments a function may add per scaling window (default 1,000, F56).'),
    scalingWindowMs: z.number().finite().positive().optional().describe('The scaling window, in ms (default 10 s, F56).'),
    startTime: z.iso.datetime().optional()
      .describe('The clock time of virtual 0 ms, for log timestamps (default 2026-01-01T00:00:00.000Z).'),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'a Region looks like us-east-1').optional()
      .describe('The AWS Region in names and logs (default us-east-1).'),
    provisionedAllocationMs: nonNegative.optional()
      .describe('F16: how long provisioned concurrency requested during a run takes to be allocated (default 60000)'),
    provisionedRecycleMs: z.number().positive().optional()
      .describe('F15: provisioned environments are replaced after this long, every few hours (default 14400000)'),
  })
  .optional()
  .describe('How the simulated Lambda service behaves where AWS documents no number.');

export const scenarioSchema = z
  .strictObject({
    seed: z.number().int().optional().describe('Every random draw comes from this number (default 1): the same seed gives the same run.'),
    durationMs: z.number().finite().positive().max(30 * 24 * 3600 * 1000, 'at most 30 days of virtual time')
      .describe('How long requests keep arriving, in virtual ms; work already started then still finishes.'),
    account: z.strictObject({
      concurrencyLimit: z.number().int().min(1).max(1_000_000).optional()
        .describe('Environments all functions may run at once in the account (default 1,000, F52).'),
    }).optional().describe('The AWS account the functions share.'),
    functions: z.array(functionSchema).min(1, 'a scenario needs at least one function').describe('The Lambda functions.'),
    sources: z.array(sourceSchema).describe('What invokes the functions, and when.'),
    record: z.strictObject({
      logs: z.boolean().optional().describe('Keep the log lines (default true).'),
      requests: z.boolean().optional().describe('Keep one record per request (default true).'),
      invocations: z.boolean().optional().describe('Keep one record per invocation (default true).'),
    }).optional().describe('What the result keeps; metrics and cost are always complete. Large runs turn these off.'),
    dependencies: dependenciesSchema,
    rules: rulesSchema.optional(),
    aws: awsAccountSchema(arrivalsSchema).optional(),
    service: serviceSchema,
  })
  // Cross-field rules run even when some fields are broken, so every problem is listed at once.
  .superRefine((s, ctx) => checkScenarioRules(s as unknown as ParsedScenario, ctx), { when: () => true })
  .describe('A simulation run: the functions, what invokes them, and for how long.');

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
  checkAwsReferences(raw, issue);
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
