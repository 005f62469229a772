// The scenario: plain JSON that fully describes one simulation run (simulator-contract.md).
// Everything here round-trips through a URL and a file; parseScenario (./parse.ts) checks it.
import type { ExecutionRole, PolicyDocument } from '../aws/iam';

/** A duration distribution, all values in ms. */
export type Dist =
  | { dist: 'constant'; value: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'normal'; mean: number; sd: number } // truncated at 0
  | { dist: 'lognormal'; mu: number; sigma: number } // of ln(ms)
  | { dist: 'exponential'; mean: number };

export type Arrivals =
  | { at: number[] } // virtual ms of each arrival, each <= durationMs
  | { rate: number; fromMs?: number; toMs?: number; process?: 'poisson' | 'uniform' }; // per second

export interface ModelHandler {
  kind: 'model';
  /** Replaces the runtime's calibrated init (F22) when given. */
  initMs?: number | Dist;
  /** Time spent waiting (I/O): the same at every memory size. */
  durationMs: number | Dist;
  /** CPU work measured at 1 vCPU (1,769 MB, F28), stretched below it. */
  cpuMs?: number | Dist;
  /** Share of invocations that end in a function error (the environment stays warm). */
  errorRate?: number;
  /** Engine extension: share of invocations whose runtime process exits (F06, F135: reset). */
  crashRate?: number;
  /** Engine extension: what a successful invocation returns (default null; api-gateway: 200). */
  response?: unknown;
}

export interface CodeHandler {
  kind: 'code';
  source: string;
  handler?: string; // default 'index.handler'
}

export interface AsyncConfig {
  maximumRetryAttempts?: 0 | 1 | 2;
  maximumEventAgeMs?: number;
  onSuccess?: string;
  onFailure?: string;
}

export interface FunctionSpec extends FunctionPackageFields {
  name: string;
  runtime?: string; // default 'nodejs24.x'
  architecture?: 'x86_64' | 'arm64'; // default x86_64
  memoryMB?: number; // 128..10240, default 128
  timeoutMs?: number; // 1000..900000 in whole seconds, default 3000
  reservedConcurrency?: number;
  provisionedConcurrency?: number;
  environment?: Record<string, string>;
  handler: ModelHandler | CodeHandler;
  async?: AsyncConfig;
  // --- Permissions and recursion (simulator/aws/) ---
  /** Execution role; absent: allow-all. */
  role?: ExecutionRole;
  /** Who may invoke the function (lambda:InvokeFunction); absent: every trigger may. */
  resourcePolicy?: PolicyDocument;
  /** F95: default 'Terminate'. */
  recursiveLoop?: 'Terminate' | 'Allow';
  // --- end permissions and recursion ---
}

interface SourceBase {
  function: string;
  arrivals: Arrivals;
  /** Bodies of the arrivals in order, cycling. Strings verbatim, anything else JSON.stringify'd. */
  payloads?: unknown[];
  /** Engine extension: a label for RequestRecord.source (default `<type>#<index>`). */
  name?: string;
}

export interface InvokeSourceSpec extends SourceBase {
  type: 'invoke';
  invocationType: 'RequestResponse' | 'Event';
  payload?: unknown;
}
export interface ApiGatewaySourceSpec extends SourceBase {
  type: 'api-gateway';
}
export interface PushSourceSpec extends SourceBase {
  type: 's3' | 'sns';
}
export interface SqsSourceSpec extends SourceBase {
  type: 'sqs';
  batchSize?: number;
  maximumBatchingWindowMs?: number;
  maximumConcurrency?: number;
  visibilityTimeoutMs?: number;
  maxReceiveCount?: number;
  reportBatchItemFailures?: boolean;
}
export interface StreamSourceSpec extends SourceBase {
  type: 'kinesis' | 'dynamodb-streams';
  shards: number;
  batchSize?: number;
  parallelizationFactor?: number;
  bisectBatchOnFunctionError?: boolean;
  maximumRetryAttempts?: number;
  maximumRecordAgeMs?: number;
}

export type SourceSpec =
  | InvokeSourceSpec
  | ApiGatewaySourceSpec
  | PushSourceSpec
  | SqsSourceSpec
  | StreamSourceSpec;

export type SourceType = SourceSpec['type'];

/** Engine extension: what to keep in the result. Metrics and cost are always computed. */
export interface RecordOptions {
  logs?: boolean; // default true
  requests?: boolean; // default true
  invocations?: boolean; // default true
}

/** Engine extension: service knobs AWS does not document (F08) or that lessons vary. */
export interface ServiceOptions {
  /** Idle environments are reclaimed after this long (F08: undocumented). Default 300000 (5 min). */
  idleTimeoutMs?: number;
  /** Scaling rate (F56): at most `scalingEnvironments` new environments per `scalingWindowMs`. */
  scalingEnvironments?: number; // default 1000
  scalingWindowMs?: number; // default 10000
  /** Wall-clock instant of virtual time 0, for log timestamps and stream names. */
  startTime?: string; // ISO 8601, default '2026-01-01T00:00:00.000Z'
  region?: string; // default 'us-east-1'
}

export interface Scenario {
  seed?: number; // default 1
  durationMs: number;
  account?: { concurrencyLimit?: number }; // default 1000
  functions: FunctionSpec[];
  sources: SourceSpec[];
  record?: RecordOptions;
  service?: ServiceOptions;
  /** Engine extension: simulated downstream services for code handlers (runtime/dependencies.ts DependencyConfig). */
  dependencies?: {
    db?: { maxConnections?: number; connectMs?: number; queryMs?: number; jitterMs?: number };
    http?: { latencyMs?: number; jitterMs?: number; routes?: Record<string, { status?: number; body?: unknown; latencyMs?: number; headers?: Record<string, string> }> };
  };
}

// ---- Layers and the function's package (simulator/layers, simulator/runtime/mount.ts) --------
/** One layer: files extracted to /opt in the listed order (F38), curated packages, a size (F36). */
export interface LayerSpec {
  name: string;
  version?: number;
  /** Path inside the layer → text, e.g. 'nodejs/node_modules/x/index.js' (F39). */
  files?: Record<string, string>;
  /** Curated npm packages the layer carries under nodejs/node_modules. */
  packages?: string[];
  /** Unzipped bytes; default: its files' UTF-8 bytes plus its packages' sizes. */
  sizeBytes?: number;
}
/** FunctionSpec's layer and package fields. */
export interface FunctionPackageFields {
  /** At most 5 (F37). */
  layers?: LayerSpec[];
  /** Curated npm packages in the function's own package (/var/task/node_modules). */
  packages?: string[];
  /** Unzipped bytes of the function's own package; default: the code's bytes plus its packages. */
  codeSizeBytes?: number;
}
// ---- Dated rules, versions and aliases: additions kept in one block (interfaces merge) ----
import type { RulesOption } from '../rules/resolve';
export type { RulesOption } from '../rules/resolve';

/** A published version: an immutable snapshot, the function's configuration with these fields instead. */
export interface VersionSpec {
  runtime?: string;
  architecture?: 'x86_64' | 'arm64';
  memoryMB?: number;
  timeoutMs?: number;
  environment?: Record<string, string>;
  handler?: ModelHandler | CodeHandler;
  /** F16: provisioned concurrency on this version. */
  provisionedConcurrency?: number;
}

/** An alias of a published version, optionally routing a share of invocations to a second one. */
export interface AliasSpec {
  name: string;
  version: number;
  /** Weighted routing (a canary): `weight` (0-1) of invocations run `version` instead. */
  additionalVersion?: { version: number; weight: number };
  /** F16: provisioned concurrency on the alias (split by weight when it routes to two versions). */
  provisionedConcurrency?: number;
}

export interface FunctionSpec {
  /** Engine extension: published versions 1, 2, ... in order. Sources invoke `fn:2`, `fn:alias` or `fn` ($LATEST). */
  versions?: VersionSpec[];
  aliases?: AliasSpec[];
}

export interface ServiceOptions {
  /** F16: how long provisioned concurrency requested during a run takes to be allocated. Default 60000. */
  provisionedAllocationMs?: number;
  /** F15: provisioned environments are replaced after this long ("every few hours"). Default 4 h. */
  provisionedRecycleMs?: number;
}

export interface Scenario {
  /** Engine extension: the dated rules a run follows (rules/ledger.ts); default today's. */
  rules?: RulesOption;
}
// ---- end of the block ----
