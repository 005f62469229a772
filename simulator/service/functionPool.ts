// One function's live state inside the service: its resolved configuration, its pool of
// execution environments (idle provisioned, idle on-demand), its concurrency and its
// scaling-rate window (F56).
import type { CodeEnvironment, Outcome } from '../runtime/types';
import type { InvokeCall, ResolvedFunctionSpec } from '../sources/types';
import type { EnvironmentEndReason, EnvironmentRecord, InvocationStatus } from '../trace/records';
import type { TimedEvent } from '../core/eventQueue';
import type { Rng } from '../core/rng';
import type { UuidWords } from '../core/ids';
import type { PlacementContext } from '../machines/functionScalerMachine';
import { standardNormal } from '../core/distributions';
import { drawLognormalMs, initCalibration, initLognormal, RUNTIME_OVERHEAD_128MB } from './coldStartCalibration';
import { packageInitMs } from '../layers/packageInit';
import { packageBytes } from '../layers/packageSize';
import { maxMemoryUsedMB } from './logFormat';
import type { FunctionStats } from './recorder';
import type { AliasRoute } from './aliasRoute';
import { ProvisionedMeter } from '../pricing/provisioned';
import { cpuStretch, ONE_VCPU_MEMORY_MB } from '../scenario/limits';

/**
 * How one kind of handler runs (model, code), chosen once per function configuration; the
 * service calls it and never asks which kind it has. Built with the service's EnvironmentHost.
 */
export interface HandlerStrategy {
  /** Start Init on a new environment; it ends with host.initCompleted (or an invoke, F03/F131). */
  beginInit(env: Environment): void;
  /** Run env.current; it ends with host.endInvocation. `suppressedInitMs` < 0: re-run Init first (F03). */
  runInvocation(env: Environment, suppressedInitMs: number): void;
  /** The environment ended (any reason): release what the handler holds for it. */
  destroy(env: Environment, reason: EnvironmentEndReason): void;
}

export interface InvocationEnd {
  status: InvocationStatus;
  call: InvokeCall;
  response?: unknown;
  errorType?: string;
  errorMessage?: string;
  trace?: string[];
  /** 'crash': how the runtime process ended, e.g. 'exit status 1' or 'signal: killed'. */
  exitError?: string;
  /** Write the runtime's "Invoke Error" line (F127): model handlers; a code runtime logs its own. */
  logError?: boolean;
  /** Reset the environment even though the status is 'error' (F131: a failed Init). */
  reset?: boolean;
}


const NO_STATS: FunctionStats[] = [];

export class ActiveInvocation {
  /** Model handlers: the end event; code handlers: the timeout timer. */
  timer: TimedEvent | null = null;
  /** Model handlers: how the invocation ends, decided when it starts. */
  end: InvocationEnd | null = null;
  /** Per-version and per-alias metrics this invocation also counts in (functions with versions). */
  resourceStats: FunctionStats[] = NO_STATS;
  constructor(
    readonly requestId: string,
    /** requestId's words, for the record columns (no parse of the text). */
    readonly idWords: UuidWords,
    readonly startMs: number,
    readonly coldStart: boolean,
    readonly initDurationMs: number | undefined,
    readonly call: InvokeCall,
  ) {}
}

export class Environment {
  state: number;
  /** The handler of the configuration this environment was created for (F11: it keeps it). */
  readonly handler: HandlerStrategy;
  idleSinceMs = 0;
  initDurationMs = 0;
  /** A request waiting for Init to finish (on-demand cold start). */
  pending: InvokeCall | null = null;
  current: ActiveInvocation | null = null;
  code: CodeEnvironment | null = null;
  /** Set by a code or configuration update (F11) or a PC decrease: shut down instead of going idle. */
  retire = false;
  retireReason: 'config-update' | 'scale-in' | 'recycled' = 'config-update';
  initStartMs: number;
  initTimer: TimedEvent | null = null;
  /** F131: Init failed; the next invocation reports this error and the environment resets. */
  initError: Outcome | null = null;
  /** Code handlers: the drawn runtime part of this environment's Init (F22). */
  runtimeInitMs = 0;
  /** The last invocation's request id (for the platform's log line when the runtime exits). */
  lastRequestId = '';
  /** F15: the provisioned environment this one replaces once its Init completes (recycling). */
  replaces: Environment | null = null;
  constructor(
    readonly fn: FunctionPool,
    readonly record: EnvironmentRecord,
    readonly provisioned: boolean,
    initialState: number,
  ) {
    this.state = initialState;
    this.initStartMs = record.createdMs;
    this.handler = fn.handler;
  }
}

/** A deque of idle on-demand environments: placement takes the most recently used (back),
 * idle reclaim takes the longest idle (front), so idleSinceMs ascends from front to back. */
export class IdleDeque {
  private items: (Environment | undefined)[] = [];
  private head = 0;
  get size(): number {
    return this.items.length - this.head;
  }
  pushBack(env: Environment): void {
    this.items.push(env);
  }
  popBack(): Environment | undefined {
    if (this.size === 0) return undefined;
    return this.items.pop();
  }
  front(): Environment | undefined {
    return this.size === 0 ? undefined : this.items[this.head];
  }
  popFront(): Environment | undefined {
    if (this.size === 0) return undefined;
    const env = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return env;
  }
  remove(env: Environment): boolean {
    const i = this.items.indexOf(env, this.head);
    if (i < 0) return false;
    this.items.splice(i, 1);
    return true;
  }
  toArray(): Environment[] {
    return this.items.slice(this.head) as Environment[];
  }
}

export class FunctionPool {
  idleOnDemand = new IdleDeque();
  idleProvisioned: Environment[] = [];
  /** Every environment not yet shut down. */
  alive = new Set<Environment>();
  /** Busy or initializing-for-a-request environments (F12). */
  concurrency = 0;
  /** What the function takes from the account's concurrency: on-demand environments serving a
   * request plus all provisioned ones (F16). */
  accountHeld = 0;
  envCounter = 0;
  reclaimTimer: TimedEvent | null = null;
  // Versions (versions.ts): every pool of a function shares `main`, the $LATEST pool, whose
  // `concurrency`, reservation, scaling window and environment counter are the function's.
  main: FunctionPool = this;
  /** '$LATEST' or the published version's number. */
  version = '$LATEST';
  /** main only: published versions, version n at index n - 1, and the aliases. */
  versions: FunctionPool[] = [];
  aliases = new Map<string, AliasRoute<FunctionPool>>();
  /** Environments of this pool serving a request (the function-wide count is main.concurrency). */
  ownConcurrency = 0;
  /** Functions with versions: this version's own metrics (CloudWatch's Resource = fn:version). */
  resourceStats: FunctionStats | null = null;
  /** F49: this version's configured provisioned concurrency over time, to bill. */
  readonly pcMeter: ProvisionedMeter;
  /** F16: provisioned environments requested but not yet allocated. */
  pcPending = 0;
  readonly placement: PlacementContext;
  /** { context: placement }, reused for every guard call. */
  readonly guardArgs: { context: PlacementContext };
  /** What lookupTarget answers for this pool named without an alias (one object, not one per invoke). */
  readonly asTarget: { readonly pool: FunctionPool; readonly alias: null } = { pool: this, alias: null };
  /** How this configuration's handler runs (set by the service with each configuration). */
  handler!: HandlerStrategy;
  cpuStretch = 1;
  memoryUsedMB = 0;
  initDist = { mu: 0, sigma: 0 };
  /** F24: what the package (code plus layers) adds to every Init, in ms. */
  packageInitMs = 0;
  /** F141: the runtime's own CPU work per invoke of a code handler, at this memory size. */
  overheadDist = { mu: 0, sigma: 0 };
  // Sliding-window scaling limit (F56): creation times of the last `scalingLimit` scale-ups.
  private scaleUps: Float64Array;
  private scaleUpHead = 0;
  private scaleUpCount = 0;

  constructor(
    public spec: ResolvedFunctionSpec,
    readonly stats: FunctionStats,
    readonly rng: Rng,
    readonly scalingLimit: number,
    readonly scalingWindowMs: number,
  ) {
    this.scaleUps = new Float64Array(scalingLimit);
    this.placement = {
      idleProvisioned: 0, idleOnDemand: 0, concurrency: 0, reservedConcurrency: spec.reservedConcurrency,
      unreservedConcurrency: 0, unreservedLimit: 0, scalingWindowFull: false,
    };
    this.guardArgs = { context: this.placement };
    this.pcMeter = new ProvisionedMeter(spec.memoryMB);
    stats.pcMeters.push(this.pcMeter);
    this.configure(spec);
  }

  configure(spec: ResolvedFunctionSpec): void {
    this.spec = spec;
    this.placement.reservedConcurrency = spec.reservedConcurrency;
    this.cpuStretch = cpuStretch(spec.memoryMB);
    this.memoryUsedMB = maxMemoryUsedMB(spec.runtime, spec.memoryMB);
    this.initDist = initLognormal(initCalibration(spec.runtime, spec.architecture, spec.memoryMB));
    this.packageInitMs = packageInitMs(packageBytes(spec)); // F24: code plus layers
    const at128 = initLognormal(RUNTIME_OVERHEAD_128MB);
    this.overheadDist = { mu: at128.mu + Math.log((this.cpuStretch * 128) / ONE_VCPU_MEMORY_MB), sigma: at128.sigma };
  }

  /** F22: the runtime's Init (extension + runtime start), drawn from the calibration, plus what
   * the package's size adds (F24; simulator/layers/packageInit.ts). */
  drawRuntimeInitMs(): number {
    return Math.round((drawLognormalMs(this.initDist, standardNormal(this.rng)) + this.packageInitMs) * 100) / 100;
  }

  /** F141/F28: virtual ms the runtime spends on one invoke of a code handler (never 0). */
  drawInvokeOverheadMs(): number {
    return Math.max(0.01, drawLognormalMs(this.overheadDist, standardNormal(this.rng)));
  }

  /** F56: has the function created `scalingLimit` environments within (now - window, now]? */
  scalingWindowFull(nowMs: number): boolean {
    if (this.scaleUpCount < this.scalingLimit) return false;
    return this.scaleUps[this.scaleUpHead] > nowMs - this.scalingWindowMs;
  }

  noteScaleUp(nowMs: number): void {
    if (this.scaleUpCount < this.scalingLimit) {
      this.scaleUps[(this.scaleUpHead + this.scaleUpCount) % this.scalingLimit] = nowMs;
      this.scaleUpCount++;
    } else {
      this.scaleUps[this.scaleUpHead] = nowMs;
      this.scaleUpHead = (this.scaleUpHead + 1) % this.scalingLimit;
    }
  }
}
