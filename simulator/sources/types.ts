// The plug-in boundary between the Lambda service (simulator/service) and event sources.
// A source turns its spec's arrivals into RequestRecords and drives the service through
// SourceContext; the service runs handlers and reports each invocation's outcome back at the
// virtual time it finishes. Sources register a factory per key (see sourceKey) in the registry.
import type { Rng } from '../core/rng';
import type { FunctionSpec, Scenario, SourceSpec } from '../scenario/types';
import type { InvocationRecord, RequestOutcome, RequestRecord } from '../trace/records';

export type { Rng } from '../core/rng';

/** Ordering of events at the same virtual millisecond: arrivals before anything else. */
export type SchedulePriority = 'arrival' | 'normal';

export interface FinishDetails {
  statusCode?: number;
  response?: unknown;
  /** Default: now(). */
  finishedMs?: number;
}

export type ThrottleReason =
  | 'ReservedFunctionConcurrentInvocationLimitExceeded' // F58, reserved concurrency (incl. 0: F59)
  | 'ConcurrentInvocationLimitExceeded' // F58, account (unreserved) concurrency
  | 'ScalingRateExceeded'; // F56, 1,000 environments per 10 s per function

/** What the service reports for one InvokeCall. */
export type InvokeOutcome =
  | { status: 'success'; response: unknown; invocation: InvocationRecord }
  | {
      status: 'error' | 'timeout' | 'crash';
      /** F126 / F133 error body as a sync caller sees it: { errorType, errorMessage, trace? }. */
      response: { errorType: string; errorMessage: string; trace?: string[] };
      errorType: string;
      errorMessage: string;
      invocation: InvocationRecord;
    }
  | {
      /** F95: the invocation would have been the 17th of its chain; the function did not run. */
      status: 'recursion-stopped';
      response: { errorType: 'RecursiveInvocationException'; errorMessage: string };
    }
  | {
      status: 'throttled';
      /** F58: { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', Reason }. */
      response: { errorType: 'TooManyRequestsException'; errorMessage: string; Reason: ThrottleReason };
      reason: ThrottleReason;
    };

/**
 * F95: where an event sits in a chain of invocations through SQS, SNS, S3 or Lambda. `depth` counts
 * the invocations of the chain before this one (the event that starts a chain: 0; an event that
 * an invocation at depth d sends on: d + 1).
 */
export interface Lineage {
  chainId: string;
  depth: number;
}

export interface InvokeCall {
  function: string;
  /** F95: the chain this invocation belongs to (absent: not part of a tracked chain). */
  lineage?: Lineage;
  /** The event the handler receives (already in the real event shape). */
  event: unknown;
  /** The RequestRecords this invocation carries (from createRequest); a batch carries several. */
  requests: RequestRecord[];
  invocationType: 'RequestResponse' | 'Event';
  /**
   * Called once with the outcome. Throttles are reported synchronously, inside invoke();
   * everything else at the virtual time the invocation ends (after Init on a cold start).
   * The service has already counted the attempt: attempts += 1 and the invocation's requestId
   * appended to invocationIds of each request (not on throttle). The source sets outcomes.
   */
  onDone(outcome: InvokeOutcome): void;
  /** Model handlers only: what a success returns when the function spec gives no `response`. */
  modelDefaultResponse?: unknown;
  /** Model handlers only: replaces the function's errorRate for this call (SQS partial batches pass 0: failures are per message). */
  modelErrorRate?: number;
  /** Called when the invocation starts (after placement), e.g. for a sync caller's own timer. */
  onStart?(invocation: { requestId: string; startMs: number; coldStart: boolean }): void;
}

/** The Lambda service as a source sees it. */
export interface LambdaServiceApi {
  invoke(call: InvokeCall): void;
  /** Busy environments of the function right now (F12: concurrency). */
  concurrency(functionName: string): number;
}

export interface SourceContext {
  readonly spec: SourceSpec;
  /** Index of the spec in scenario.sources. */
  readonly index: number;
  /** RequestRecord.source label: spec.name or `<type>#<index>`. */
  readonly name: string;
  readonly scenario: Scenario;
  /** After this virtual time the source emits nothing new (work in flight still finishes). */
  readonly durationMs: number;
  /** This source's own random stream (derived from the scenario seed). */
  readonly rng: Rng;
  readonly service: LambdaServiceApi;

  now(): number;
  /** Runs fn at virtual atMs (>= now()). Same-ms order: 'arrival' first, then scheduling order. */
  schedule(atMs: number, fn: () => void, priority?: SchedulePriority): number;
  cancel(id: number): void;
  /**
   * Work that is only background (like an idle poll) does not keep the simulation alive:
   * the run ends when only background events remain. Default: foreground.
   */
  scheduleBackground(atMs: number, fn: () => void): number;

  /** Drives this spec's arrivals (arrivals.ts): calls onArrival(timeMs, index) at each one. */
  startArrivals(onArrival: (timeMs: number, index: number) => void): void;
  /** The body of arrival `index`: payloads cycling, else spec.payload (invoke), else {}. */
  payload(index: number): unknown;

  /** A new RequestRecord, outcome 'unfinished', attempts 0, arrivedMs default now(). */
  createRequest(init?: { arrivedMs?: number; function?: string }): RequestRecord;
  /** Sets the final outcome (once; a second call throws: every request has exactly one). */
  finishRequest(request: RequestRecord, outcome: Exclude<RequestOutcome, 'unfinished'>, details?: FinishDetails): void;

  /** The function's scenario spec with defaults applied. */
  functionSpec(name: string): Readonly<ResolvedFunctionSpec>;
  /** Adds a point to a per-function metrics series in the result (e.g. 'ApproximateQueueDepth'). */
  recordSeries(functionName: string, series: string, timeMs: number, value: number): void;
  /** Adds delta to a per-function counter in FunctionMetrics.counters (e.g. 'DeadLetterErrors'). */
  addCounter(functionName: string, counter: string, delta: number): void;
  /** Adds a log line to the result (e.g. a trigger's own log, or the CloudTrail record of a denied call). */
  log(functionName: string, logStream: string, message: string): void;
}

export interface ResolvedFunctionSpec extends FunctionSpec {
  runtime: string;
  architecture: 'x86_64' | 'arm64';
  memoryMB: number;
  timeoutMs: number;
  environment: Record<string, string>;
}

/** What a console or SDK arrival may carry besides its payload. */
export interface ArriveOptions {
  lineage?: Lineage;
}

export interface SourceInstance {
  /** Called once at virtual time 0, after every source is created. */
  start(): void;
  /**
   * Adds one arrival at now() outside the spec's arrivals (the console's Test button) and
   * returns its RequestRecord. Required for 'invoke:RequestResponse' and 'invoke:Event'.
   */
  arrive?(payload: unknown, options?: ArriveOptions): RequestRecord;
  /** Optional: called when the simulation is disposed. */
  dispose?(): void;
}

export type SourceFactory = (ctx: SourceContext) => SourceInstance;

/**
 * Registry key of a spec: the type, except that `invoke` splits by invocation type:
 * 'invoke:RequestResponse' (engine, sync.ts) and 'invoke:Event' (sources, async queue).
 */
export type SourceKey = Exclude<SourceSpec['type'], 'invoke'> | 'invoke:RequestResponse' | 'invoke:Event';

export function sourceKey(spec: Pick<SourceSpec, 'type'> & { invocationType?: string }): SourceKey {
  return spec.type === 'invoke' ? (`invoke:${spec.invocationType}` as SourceKey) : (spec.type as SourceKey);
}

const registry = new Map<SourceKey, SourceFactory>();

/** Registers the factory for a key; a later registration replaces an earlier one. */
export function registerSource(key: SourceKey, factory: SourceFactory): void {
  registry.set(key, factory);
}

/** Removes a registration (tests use it to check what an unimplemented source does). */
export function unregisterSource(key: SourceKey): SourceFactory | undefined {
  const factory = registry.get(key);
  registry.delete(key);
  return factory;
}

export function getSourceFactory(key: SourceKey): SourceFactory | undefined {
  return registry.get(key);
}

export function registeredSourceKeys(): SourceKey[] {
  return [...registry.keys()];
}
