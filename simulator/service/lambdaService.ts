// The Lambda service: places each invocation on an execution environment (F12), enforces
// reserved/account concurrency (F52-F59) and the scaling rate (F56), runs Init and Invoke in
// virtual time, resets environments after timeouts and crashes (F06), reclaims idle ones
// (F08) and records everything. Environment lifecycles step through the table derived from
// executionEnvironmentMachine; placement follows functionScalerMachine's ordered rules.
import type { Scheduler } from '../core/scheduler';
import type { Rng } from '../core/rng';
import { formatUuidV4, guid32 as guid, uuidV4Words } from '../core/ids';
import type { CreateCodeEnvironment } from '../runtime/types';
import type { DependencyStats } from '../runtime/dependencies';
import { ReplyQueue } from './replyQueue';
import type { InvokeCall, InvokeOutcome, LambdaServiceApi, ResolvedFunctionSpec, ThrottleReason } from '../sources/types';
import type { EnvironmentEndReason, EnvironmentRecord } from '../trace/records';
import type { SimulationEvent } from '../simulationTypes';
import { buildEnvironmentTable, decidePlacement, placementRules, type EnvironmentEventType } from '../machines/transitionTable';
import { ActiveInvocation, Environment, FunctionPool, IdleDeque, type HandlerStrategy, type InvocationEnd } from './functionPool';
import type { EnvironmentHost, ServiceConfig } from './host';
import type { DependencyCall } from '../aws/types';
import type { Recorder } from './recorder';
import { logStreamName } from './logFormat';
import { createModelHandler } from './modelHandler';
import { createCodeHandler } from './codeHandler';
import { finishInvocation } from './invocationEnd';
import { AccountBurstLimit, perFunctionLimit, type ScalingLimit } from './scalingLimit';
import { lookupTarget, reservedInUse, type Alias } from './versions';
import { attachVersions, updateVersions } from './versionPools';
import { completeRecycle, provision as provisionPool } from './provisioning';
import type { FunctionStats } from './recorder';
import { lineageOf } from './caller';
import { HELD_AT_END, heldAtEnd, RECURSION_STOPPED_OUTCOME, RECURSIVE_INVOCATIONS_DROPPED, stopsRecursion } from './recursion';

export type { ServiceConfig } from './host';

const TABLE = buildEnvironmentTable();
const RULES = placementRules();
const N_EVENTS = TABLE.events.length;
const EV = Object.fromEntries(TABLE.events.map((e, i) => [e, i])) as Record<EnvironmentEventType, number>;
const S_IDLE = TABLE.stateId('idle');
const S_SHUT_DOWN = TABLE.stateId('shutDown');

export class LambdaService implements LambdaServiceApi, EnvironmentHost {
  readonly functions = new Map<string, FunctionPool>();
  unreservedConcurrency = 0;
  unreservedLimit = 0;
  /** On-demand environments serving a request, across all functions (F57's account-wide burst). */
  onDemandConcurrency = 0;
  /** F56 or F57, by the run's rule set. */
  readonly scaling: ScalingLimit;
  emit: ((e: SimulationEvent) => void) | null = null;
  codeFactory: CreateCodeEnvironment | undefined;
  /** Code runtimes' replies, applied in a deterministic order (replyQueue.ts). */
  readonly replies = new ReplyQueue();
  /** Simulated downstream services for code handlers (runtime/dependencies.ts). */
  dependencies: { call: DependencyCall; stats?(): DependencyStats } | undefined;
  readonly idRng: Rng;
  /** Calls that came through an alias (for its metrics), until they start. */
  private readonly routedBy = new WeakMap<InvokeCall, Alias>();
  /** One strategy per handler kind, chosen for each function configuration (configurePool). */
  private readonly handlers: Record<ResolvedFunctionSpec['handler']['kind'], HandlerStrategy>;

  constructor(
    readonly scheduler: Scheduler,
    readonly recorder: Recorder,
    readonly rng: Rng,
    readonly config: ServiceConfig,
    specs: ResolvedFunctionSpec[],
    readonly track: (p: Promise<unknown>) => void,
  ) {
    this.idRng = rng.derive('ids');
    const rule = config.rules.scaling;
    this.scaling = rule.model === 'per-function' ? perFunctionLimit : new AccountBurstLimit(rule, () => this.onDemandConcurrency);
    this.handlers = { model: createModelHandler(this), code: createCodeHandler(this) };
    for (const spec of specs) {
      const stats = recorder.stats.get(spec.name)!;
      const fn = new FunctionPool(spec, stats, rng.derive(`function:${spec.name}`), config.scalingEnvironments, config.scalingWindowMs);
      fn.handler = this.handlers[spec.handler.kind];
      this.functions.set(spec.name, fn);
      attachVersions(this, fn, rng);
    }
    this.updateUnreservedLimit();
  }

  updateUnreservedLimit(): void {
    let reserved = 0;
    for (const fn of this.functions.values()) reserved += fn.spec.reservedConcurrency ?? 0;
    this.unreservedLimit = this.config.accountConcurrencyLimit - reserved;
  }

  concurrency(functionName: string): number {
    return lookupTarget(this.functions, functionName)?.pool.main.concurrency ?? 0;
  }

  /** Every pool: each function's $LATEST and its published versions. */
  *pools(): Iterable<FunctionPool> {
    for (const fn of this.functions.values()) {
      yield fn;
      yield* fn.versions;
    }
  }

  /** The pool of a handler kind's strategy (a new configuration or version). */
  handlerFor(spec: ResolvedFunctionSpec): HandlerStrategy {
    return this.handlers[spec.handler.kind];
  }

  /** Lifecycle step through the derived table; a move the chart forbids is an engine bug. */
  fire(env: Environment, event: EnvironmentEventType): void {
    const next = TABLE.next[env.state * N_EVENTS + EV[event]];
    if (!(next >= 0)) throw new Error(`executionEnvironmentMachine: ${event} is not allowed in ${TABLE.states[env.state]} (${env.record.id})`);
    env.state = next;
    if (this.emit) {
      this.emit({ type: 'environment.state', timeMs: this.scheduler.now(), function: env.fn.spec.name,
        environmentId: env.record.id, state: TABLE.states[next] });
    }
  }

  stateName(env: Environment): string {
    return TABLE.states[env.state];
  }

  invoke(call: InvokeCall): void {
    const target = lookupTarget(this.functions, call.function);
    if (!target) throw new Error(`invoke: no function named ${call.function}`);
    if (call.lineage === undefined && call.requests.some((r) => r.lineage)) call.lineage = lineageOf(call.requests, '');
    const now = this.scheduler.now();
    if (call.lineage !== undefined) {
      if (stopsRecursion(target.pool.spec.recursiveLoop, call.lineage)) return this.stopRecursion(target.pool, call);
      if (heldAtEnd(call.lineage, now, this.config.endMs)) return this.count(target.pool, HELD_AT_END);
    }
    const alias = target.alias;
    const fn = alias ? alias.pick() : target.pool;
    if (alias) this.routedBy.set(call, alias);
    const ctx = fn.placement;
    ctx.idleProvisioned = fn.idleProvisioned.length;
    ctx.idleOnDemand = fn.idleOnDemand.size;
    ctx.concurrency = reservedInUse(fn); // the reservation covers every version (F59, F16)
    ctx.unreservedConcurrency = this.unreservedConcurrency;
    ctx.unreservedLimit = this.unreservedLimit;
    ctx.scalingWindowFull = this.scaling.full(fn.main, now);
    switch (decidePlacement(RULES, fn.guardArgs)) {
      case 'throttleReserved': return this.throttle(fn, call, 'ReservedFunctionConcurrentInvocationLimitExceeded');
      case 'throttleAccount': return this.throttle(fn, call, 'ConcurrentInvocationLimitExceeded');
      case 'throttleScalingRate': return this.throttle(fn, call, 'ScalingRateExceeded');
      case 'invokeProvisioned':
        this.acquire(fn, false); // its share of the account is held already (F16)
        return this.startInvocation(fn.idleProvisioned.pop()!, call, false);
      case 'invokeWarm':
        this.acquire(fn, true);
        this.countSpillover(fn, call);
        return this.startInvocation(fn.idleOnDemand.popBack()!, call, false);
      case 'createEnvironment': {
        this.acquire(fn, true);
        this.countSpillover(fn, call);
        this.scaling.noteScaleUp(fn.main, now);
        const env = this.createEnvironment(fn, false);
        env.pending = call;
        this.beginInit(env);
        return;
      }
    }
  }

  /** The metrics a call counts in besides the function's: its version's and its alias's. */
  private resourceStats(fn: FunctionPool, call: InvokeCall): FunctionStats[] {
    if (!fn.resourceStats) return [];
    const alias = this.routedBy.get(call);
    return alias ? [fn.resourceStats, alias.stats] : [fn.resourceStats];
  }

  /** F17: an on-demand invocation while the version has provisioned concurrency. */
  private countSpillover(fn: FunctionPool, call: InvokeCall): void {
    if ((fn.spec.provisionedConcurrency ?? 0) === 0) return;
    fn.stats.spillover++;
    for (const s of this.resourceStats(fn, call)) s.spillover++;
  }

  private throttle(fn: FunctionPool, call: InvokeCall, reason: ThrottleReason): void {
    const now = this.scheduler.now();
    fn.stats.throttled(now);
    for (const s of this.resourceStats(fn, call)) s.throttled(now);
    this.routedBy.delete(call);
    if (this.emit) this.emit({ type: 'throttled', timeMs: this.scheduler.now(), function: fn.spec.name, reason });
    // F58: 429 TooManyRequestsException with the reason; the function does not run.
    const outcome: InvokeOutcome = {
      status: 'throttled', reason,
      response: { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', Reason: reason },
    };
    call.onDone(outcome);
  }

  /** F95: the function does not run; the caller learns why at once, and the metric counts it. */
  private stopRecursion(fn: FunctionPool, call: InvokeCall): void {
    this.count(fn, RECURSIVE_INVOCATIONS_DROPPED);
    call.onDone(RECURSION_STOPPED_OUTCOME);
  }

  private count(fn: FunctionPool, counter: string): void {
    fn.stats.counters[counter] = (fn.stats.counters[counter] ?? 0) + 1;
  }

  /** One more environment serving a request (F12); `holds`: it takes a share of the account now. */
  private acquire(fn: FunctionPool, holds: boolean): void {
    this.changeConcurrency(fn, 1);
    if (holds) {
      this.hold(fn, 1);
      this.onDemandConcurrency++;
    }
  }

  private release(env: Environment): void {
    const fn = env.fn;
    this.changeConcurrency(fn, -1);
    if (!env.provisioned) {
      this.hold(fn, -1);
      this.onDemandConcurrency--;
    }
  }

  /** The function's concurrency (all versions) and the version's own. */
  private changeConcurrency(fn: FunctionPool, n: number): void {
    const main = fn.main;
    const now = this.scheduler.now();
    main.concurrency += n;
    fn.ownConcurrency += n;
    fn.stats.concurrencyChanged(now, main.concurrency);
    fn.resourceStats?.concurrencyChanged(now, fn.ownConcurrency);
  }

  /**
   * The account's concurrency a function holds: environments serving a request plus, F16, every
   * provisioned environment, busy or idle. Unreserved functions share the pool left after all
   * reservations (F53); a reserved function's share is its reservation.
   */
  private hold(pool: FunctionPool, n: number): void {
    const fn = pool.main;
    fn.accountHeld += n;
    if (fn.spec.reservedConcurrency === undefined) this.unreservedConcurrency += n;
  }

  createEnvironment(fn: FunctionPool, provisioned: boolean): Environment {
    const now = this.scheduler.now();
    const n = ++fn.main.envCounter;
    const logStream = logStreamName(this.config.epochMs + now, guid(this.idRng), fn.version); // F125
    const record: EnvironmentRecord = { id: `${fn.spec.name}#${n}`, function: fn.spec.name, createdMs: now, provisioned, invocations: 0, logStream };
    if (fn.main.resourceStats) record.version = fn.version;
    this.recorder.environments.push(record);
    const env = new Environment(fn, record, provisioned, TABLE.initial);
    fn.alive.add(env);
    if (provisioned) this.hold(fn, 1);
    if (this.emit) this.emit({ type: 'environment.state', timeMs: now, function: fn.spec.name, environmentId: record.id, state: TABLE.states[env.state] });
    return env;
  }

  beginInit(env: Environment): void {
    env.handler.beginInit(env);
  }

  /** Init finished at now(): the environment goes idle, or straight on to its waiting request. */
  initCompleted(env: Environment): void {
    this.fire(env, 'functionInit.completed');
    const call = env.pending;
    env.pending = null;
    if (call) {
      this.fire(env, 'invoke.received');
      this.startInvocation(env, call, true);
    } else if (env.retire) {
      this.shutdown(env, env.retireReason);
    } else {
      this.makeIdle(env); // provisioned: Init ran before any request (F15)
      completeRecycle(this, env);
    }
  }

  /** Starts the handler on env (already acquired). `suppressedInitMs`: F03 retried Init. */
  startInvocation(env: Environment, call: InvokeCall, coldStart: boolean, suppressedInitMs = 0): void {
    if (env.state === S_IDLE) this.fire(env, 'invoke.received');
    const now = this.scheduler.now();
    const idWords = uuidV4Words(this.idRng);
    const requestId = formatUuidV4(idWords[0], idWords[1], idWords[2], idWords[3]);
    for (let i = 0; i < call.requests.length; i++) {
      const r = call.requests[i];
      r.attempts++;
      // An exact-size array: push() on an empty one reserves 16 slots, per request.
      if (r.invocationIds.length === 0) r.invocationIds = [requestId];
      else r.invocationIds.push(requestId);
    }
    env.record.invocations++;
    env.lastRequestId = requestId;
    env.current = new ActiveInvocation(requestId, idWords, now, coldStart, coldStart ? env.initDurationMs : undefined, call);
    const fn = env.fn;
    if (fn.resourceStats) {
      env.current.resourceStats = this.resourceStats(fn, call);
      this.routedBy.delete(call);
    }
    this.recorder.logStart(now, fn.spec.name, env.record.logStream, requestId, fn.version, idWords); // F116
    call.onStart?.({ requestId, startMs: now, coldStart });
    if (this.emit) {
      this.emit({ type: 'invocation.started', timeMs: now, function: fn.spec.name, environmentId: env.record.id, invocationId: requestId, coldStart });
    }
    env.handler.runInvocation(env, suppressedInitMs);
  }

  /** The invocation on env ended at now() (see invocationEnd.ts for records and logs). */
  endInvocation(env: Environment, end: InvocationEnd): void {
    const outcome = finishInvocation(this, env, end);
    this.release(env);
    if (end.status === 'timeout' || end.status === 'crash' || end.reset) {
      // F06: a timeout or crash resets the environment; the simulator replaces it.
      this.fire(env, end.status === 'timeout' ? 'invoke.timedOut' : 'invoke.crashed');
      this.fire(env, 'reset.completed');
      this.ended(env, end.status === 'timeout' ? 'timeout-reset' : 'error-reset');
    } else {
      this.fire(env, end.status === 'success' ? 'invoke.succeeded' : 'invoke.failed');
      if (env.retire) this.shutdown(env, env.retireReason);
      else this.makeIdle(env);
    }
    end.call.onDone(outcome);
  }

  removeIdle(env: Environment): void {
    const fn = env.fn;
    if (env.provisioned) fn.idleProvisioned.splice(fn.idleProvisioned.indexOf(env), 1);
    else fn.idleOnDemand.remove(env);
  }

  makeIdle(env: Environment): void {
    const fn = env.fn;
    env.idleSinceMs = this.scheduler.now();
    if (env.provisioned) {
      fn.idleProvisioned.push(env);
      return;
    }
    fn.idleOnDemand.pushBack(env);
    if (fn.reclaimTimer === null) this.scheduleReclaim(fn);
  }

  /** F08: idle environments are shut down after idleTimeoutMs (no documented number). */
  private scheduleReclaim(fn: FunctionPool): void {
    const front = fn.idleOnDemand.front();
    if (!front) return;
    fn.reclaimTimer = this.scheduler.at(front.idleSinceMs + this.config.idleTimeoutMs, () => {
      fn.reclaimTimer = null;
      const now = this.scheduler.now();
      for (let env = fn.idleOnDemand.front(); env && env.idleSinceMs + this.config.idleTimeoutMs <= now; env = fn.idleOnDemand.front()) {
        fn.idleOnDemand.popFront();
        this.fire(env, 'idle.expired');
        this.fire(env, 'shutdown.completed');
        this.ended(env, 'idle');
      }
      this.scheduleReclaim(fn);
    }, 1, true);
  }

  /** Shuts an idle environment down now (F07: 0 ms without extensions). */
  shutdown(env: Environment, reason: EnvironmentEndReason): void {
    this.fire(env, reason === 'end' ? 'simulation.ended' : reason === 'scale-in' || reason === 'recycled' ? 'idle.expired' : 'config.updated');
    if (env.state !== S_SHUT_DOWN) this.fire(env, 'shutdown.completed');
    this.ended(env, reason);
  }

  /** Bookkeeping once env reached shutDown. */
  ended(env: Environment, reason: EnvironmentEndReason): void {
    env.record.destroyedMs = this.scheduler.now();
    env.record.endReason = reason;
    env.fn.alive.delete(env);
    if (env.provisioned) this.hold(env.fn, -1);
    env.handler.destroy(env, reason);
  }

  /** Ends the run: every live environment shuts down with endReason 'end'. */
  endAll(): void {
    for (const fn of this.pools()) {
      for (const env of [...fn.alive]) {
        if (env.current?.timer) this.scheduler.cancelEvent(env.current.timer);
        if (env.initTimer) this.scheduler.cancelEvent(env.initTimer);
        this.fire(env, 'simulation.ended');
        this.ended(env, 'end');
      }
      fn.idleOnDemand = new IdleDeque();
      fn.idleProvisioned = [];
      fn.pcMeter.set(0, this.scheduler.now()); // F49: disabled at the end, rounded up to 5 min
      if (fn.reclaimTimer) this.scheduler.cancelEvent(fn.reclaimTimer);
      fn.reclaimTimer = null;
    }
  }

  /** F15/F16: provisioned environments to the configured PC; at time 0 already allocated, later after delayMs. */
  provision(fn: FunctionPool, delayMs = 0): void {
    provisionPool(this, fn, delayMs);
  }

  /**
   * F11: new code or configuration of $LATEST; idle environments go now, busy ones after their
   * invoke. Published versions never change; returns the version pools whose provisioned
   * concurrency must be provisioned again (new versions, changed PC).
   */
  updateFunction(spec: ResolvedFunctionSpec, retireEnvironments: boolean): FunctionPool[] {
    const fn = this.functions.get(spec.name)!;
    const wasReserved = fn.spec.reservedConcurrency !== undefined;
    if (wasReserved !== (spec.reservedConcurrency !== undefined)) {
      this.unreservedConcurrency += wasReserved ? fn.accountHeld : -fn.accountHeld;
    }
    fn.configure(spec);
    fn.handler = this.handlers[spec.handler.kind];
    this.updateUnreservedLimit();
    const versions = updateVersions(this, fn, spec, this.rng);
    if (!retireEnvironments) return versions;
    const idle = [...fn.idleOnDemand.toArray(), ...fn.idleProvisioned];
    fn.idleOnDemand = new IdleDeque();
    fn.idleProvisioned = [];
    for (const env of fn.alive) {
      env.retire = true;
      env.retireReason = 'config-update'; // the newest reason: an earlier scale-in is superseded
    }
    for (const env of idle) this.shutdown(env, 'config-update');
    this.provision(fn);
    return versions;
  }
}

