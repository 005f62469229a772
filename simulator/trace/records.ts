// What a simulation records: the SimulationResult of simulator-contract.md, plus a few
// engine extensions (marked). The UI renders from these; the trace is the source of truth.
import type { RulesUsed } from '../rules/resolve';

export type RequestOutcome = 'succeeded' | 'failed' | 'throttled' | 'dead-lettered' | 'discarded' | 'unfinished';

export interface RequestRecord {
  id: string;
  source: string;
  function: string;
  arrivedMs: number;
  outcome: RequestOutcome;
  attempts: number;
  finishedMs?: number;
  /** The requestId of each InvocationRecord that carried it, in order. */
  invocationIds: string[];
  /** What a sync caller got: the payload, or { errorType, errorMessage, ... }. */
  response?: unknown;
  /** Sync callers: 200, 429 throttled, 504 gateway timeout, ...; Event invokes 202. */
  statusCode?: number;
  /**
   * Engine extension, stream sources only: the shard the record was put to, as AWS names it
   * (Kinesis `shardId-000000000002`, the prefix of the record's eventID; DynamoDB Streams
   * `shardId-00000000000000000002-…`). Records of one shard are read in order (F85, F86).
   */
  shardId?: string;
}

export type InvocationStatus = 'success' | 'error' | 'timeout' | 'crash';

export interface InvocationRecord {
  /** The awsRequestId the handler saw; also in the START/END/REPORT lines. */
  requestId: string;
  function: string;
  environmentId: string;
  coldStart: boolean;
  /** Present exactly when coldStart. */
  initDurationMs?: number;
  startMs: number;
  endMs: number;
  durationMs: number;
  billedDurationMs: number;
  status: InvocationStatus;
  errorType?: string;
  errorMessage?: string;
  /** The RequestRecord ids this run carried (a batch carries several). */
  requestIds: string[];
  /** Engine extension, functions with versions: the version that ran ('$LATEST', '3'). */
  version?: string;
}

export type EnvironmentEndReason = 'error-reset' | 'timeout-reset' | 'idle' | 'scale-in' | 'end' | 'config-update' | 'recycled';

export interface EnvironmentRecord {
  id: string;
  function: string;
  createdMs: number;
  destroyedMs?: number;
  provisioned: boolean;
  invocations: number;
  /** 'config-update' (engine extension): the function's code or configuration changed (F11). */
  endReason?: EnvironmentEndReason;
  /** Engine extension: the CloudWatch log stream this environment writes to (F13, F125). */
  logStream: string;
  /** Engine extension: Init phases in ms (F02); absent until Init completes. */
  initPhasesMs?: { extension: number; runtime: number; function: number };
  /** Engine extension, functions with versions: the version this environment belongs to. */
  version?: string;
}

export interface LogLine {
  timeMs: number;
  function: string;
  logStream: string;
  message: string;
}

export interface SeriesPoint {
  timeMs: number;
  value: number;
}

export interface FunctionMetrics {
  invocations: number;
  errors: number;
  throttles: number;
  maxConcurrency: number;
  coldStarts: number;
  durationMs: { p50: number; p99: number; max: number };
  /** Engine extension: invocations that ran on on-demand environments while PC was busy (F17). */
  provisionedConcurrencySpilloverInvocations: number;
  /**
   * Engine extension: time series. The engine records 'ConcurrentExecutions' (the peak in each
   * virtual second); sources add their own (e.g. queue depth, IteratorAge).
   */
  series: Record<string, SeriesPoint[]>;
  /** Engine extension: counters sources add (e.g. 'DeadLetterErrors', 'DestinationDeliveries'). */
  counters: Record<string, number>;
  /**
   * Engine extension, functions with versions: the same metrics per version and alias, keyed as
   * CloudWatch's Resource dimension (`fn:$LATEST`, `fn:3`, `fn:live`). An alias counts what was
   * invoked through it; its maxConcurrency and series stay empty (only versions track concurrency).
   */
  resources?: Record<string, FunctionMetrics>;
}

export interface FunctionCost {
  requests: number;
  gbSeconds: number;
  /** Everything: requests, duration, and provisioned concurrency when there was any. */
  usd: number;
  /** Engine extension, functions with provisioned concurrency: the PC charge (F49), included in usd. */
  provisioned?: { gbSeconds: number; usd: number };
}

/** Engine extension: what the simulated database saw (code handlers reach it through lambda-lab:db). */
export interface DependencyTotals {
  db: { peakConnections: number; refusedConnections: number; queries: number };
  http: { requests: number };
}

export interface SimulationResult {
  /** Engine extension: present when the scenario sets `rules`: the dated rules the run followed. */
  rules?: RulesUsed;
  /** Engine extension: present when a code handler ran (the simulated dependencies exist then). */
  dependencies?: DependencyTotals;
  requests: RequestRecord[];
  invocations: InvocationRecord[];
  environments: EnvironmentRecord[];
  logs: LogLine[];
  metrics: Record<string, FunctionMetrics>;
  cost: Record<string, FunctionCost>;
}

// ---- Simulated AWS account (simulator/aws): lineage of requests and the account's totals.

/**
 * F95: where an event sits in a chain of invocations through SQS, SNS, S3 or Lambda. `depth` counts
 * the invocations of the chain before this one (the event that starts a chain: 0; an event that
 * an invocation at depth d sends on: d + 1).
 */
export interface Lineage {
  chainId: string;
  depth: number;
}

export interface RequestRecord {
  /** Engine extension: set when an AWS SDK call in handler code started this request. */
  lineage?: Lineage;
}

/** What happened in the simulated account; `waiting` counts what no consumer took. */
export interface AwsTotals {
  s3: { puts: number; gets: number; objects: number; events: number };
  sqs: { sent: number; delivered: number; deadLettered: number; waiting: Record<string, number> };
  sns: { published: number; deliveries: number };
  dynamodb: { reads: number; writes: number; throttled: number; streamRecords: number; unreadStreamRecords: number };
  lambda: { invokes: number; refused: number };
  /** Every SDK call that reached the account, by `<service>:<Operation>`. */
  calls: Record<string, number>;
  /** Engine extension: the calls among them the caller's execution role refused (AccessDenied). */
  denied: Record<string, number>;
}

export interface SimulationResult {
  /** Engine extension: present when the scenario has an `aws` account or a code handler used the SDK. */
  aws?: AwsTotals;
}
