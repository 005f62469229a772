// A simulation of a checked scenario (run.ts checks and creates): wire the scheduler, the service and
// the sources, and run the event loop. Model-only scenarios run a synchronous loop; code
// handlers make the loop wait for tracked runtime work before each event (runtime/types.ts).
import { PRIORITY_ARRIVAL, PRIORITY_NORMAL, Scheduler } from './core/scheduler';
import { createRng, deriveSeed, type Rng } from './core/rng';
import type { AwsAccount } from './aws/account';
import { utf8ByteLength } from './core/utf8';
import type { LambdaInvoker } from './aws/lambdaApi';
import { ScenarioError } from './scenario/issues';
import type { FunctionSpec, Scenario, SourceSpec } from './scenario/types';
import {
  DEFAULT_ACCOUNT_CONCURRENCY, DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_REGION, DEFAULT_SCALING_ENVIRONMENTS,
  DEFAULT_SCALING_WINDOW_MS, DEFAULT_SEED, epochMsOf, resolveFunction, DEFAULT_PROVISIONED_ALLOCATION_MS, DEFAULT_PROVISIONED_RECYCLE_MS,
} from './scenario/defaults';
import { getSourceFactory, sourceKey, type SourceContext, type SourceInstance } from './sources/types';
import './sources/sync'; // registers 'invoke:RequestResponse' and 'api-gateway'
import './sources/eventSources'; // registers async, SQS and stream sources
import type { RequestRecord, SimulationResult } from './trace/records';
import type { PackedRecords } from './trace/packedRecords';
import { LambdaService } from './service/lambdaService';
import { rulesFor, rulesUsed } from './rules/resolve';
import { checkVersionsKept, lookupTarget } from './service/versions';
import { Recorder } from './service/recorder';
import { createSourceContext, type RequestLedger } from './service/sourceContext';
import type { InvokeOptions, LiveEnvironment, RecordBatch, Simulation, SimulationEvent, SimulationOptions } from './simulationTypes';

const DEFAULT_MAX_STEPS = 200_000_000;

/** Checks a scenario, as parseScenario does (./scenario/parse.ts). */
export type ScenarioCheck = (input: unknown) => Scenario;
/** The AWS account and the database and HTTP services (./accountParts.ts). */
export type AccountParts = typeof import('./accountParts');

/** The parts of the engine a caller hands in, so that whoever needs none of them loads none. */
export interface EngineParts {
  /** Checks a function changed by updateFunction; without it, updateFunction refuses. */
  check?: ScenarioCheck;
  /** Required when needsAccountParts(scenario). */
  account?: AccountParts;
}

/** A scenario with an AWS account or code handlers needs AccountParts. */
export const needsAccountParts = (scenario: Scenario): boolean =>
  !!scenario.aws || scenario.functions.some((f) => f.handler.kind === 'code');

/**
 * A simulation of a scenario that parseScenario has already returned (a worker handed one by a
 * page that checked it): it is not checked again, so neither the checker nor zod needs to load.
 */
export function createCheckedSimulation(scenario: Scenario, options?: SimulationOptions, parts: EngineParts = {}): Simulation {
  if (needsAccountParts(scenario) && !parts.account) {
    throw new Error('this scenario has an AWS account or code handlers: hand in its AccountParts (checked.ts openCheckedSimulation loads them)');
  }
  return new SimulationRun(scenario, options ?? {}, parts);
}

/** Every source type must have a registered implementation, or nothing runs. */
function checkSourcesImplemented(sources: SourceSpec[]): void {
  const missing = sources.flatMap((s, i) => (getSourceFactory(sourceKey(s)) ? [] : [{
    path: `sources.${i}.type`,
    message: `source '${sourceKey(s)}' is not implemented in this build of the simulator`,
  }]));
  if (missing.length) throw new ScenarioError(missing);
}

class SimulationRun implements Simulation {
  private scenario: Scenario;
  private readonly scheduler = new Scheduler();
  private readonly recorder: Recorder;
  private readonly service: LambdaService;
  private readonly ledger: RequestLedger = { nextId: 1, open: 0, waiters: new Map() };
  private readonly sources: { ctx: SourceContext; instance: SourceInstance }[] = [];
  private readonly consoleSources = new Map<string, SourceInstance>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly listeners: ((e: SimulationEvent) => void)[] = [];
  private readonly hasCode: boolean;
  private readonly account: AwsAccount | undefined;
  private readonly maxSteps: number;
  private started = false;
  private finalized = false;
  private disposed = false;
  private factoryLoad: Promise<void> | null = null;

  constructor(scenario: Scenario, private readonly options: SimulationOptions, private readonly parts: EngineParts) {
    checkSourcesImplemented(scenario.sources);
    this.scenario = scenario;
    this.maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
    const rng = createRng(scenario.seed ?? DEFAULT_SEED);
    const specs = scenario.functions.map(resolveFunction);
    this.recorder = new Recorder(scenario.record, specs.map((f) => f.name));
    const region = scenario.service?.region ?? DEFAULT_REGION;
    this.service = new LambdaService(this.scheduler, this.recorder, rng.derive('service'), {
      epochMs: epochMsOf(scenario),
      region,
      rules: rulesFor(scenario.rules, region),
      endMs: scenario.durationMs,
      provisionedAllocationMs: scenario.service?.provisionedAllocationMs ?? DEFAULT_PROVISIONED_ALLOCATION_MS,
      provisionedRecycleMs: scenario.service?.provisionedRecycleMs ?? DEFAULT_PROVISIONED_RECYCLE_MS,
      accountConcurrencyLimit: scenario.account?.concurrencyLimit ?? DEFAULT_ACCOUNT_CONCURRENCY,
      idleTimeoutMs: scenario.service?.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
      scalingEnvironments: scenario.service?.scalingEnvironments ?? DEFAULT_SCALING_ENVIRONMENTS,
      scalingWindowMs: scenario.service?.scalingWindowMs ?? DEFAULT_SCALING_WINDOW_MS,
    }, specs, (p) => this.track(p));
    this.hasCode = specs.some((f) => f.handler.kind === 'code');
    this.service.codeFactory = options.createCodeEnvironment;
    // Created here, not with the lazily loaded runtime, so that synchronous stepping with an
    // injected factory reaches the simulated database and HTTP services too.
    const account = parts.account!; // present whenever hasCode or scenario.aws (createCheckedSimulation)
    const dependencies = options.dependencies ?? (this.hasCode ? account.createDependencyService(
      { now: () => this.scheduler.now(), schedule: (atMs, fn) => this.scheduler.schedule(atMs, fn) },
      { seed: deriveSeed(scenario.seed ?? DEFAULT_SEED, 'dependencies'), ...(scenario.dependencies ?? {}) },
    ) : undefined);
    this.account = scenario.aws || this.hasCode ? this.createAccount(scenario, rng.derive('aws'), account) : undefined;
    this.service.dependencies = dependencies && this.account ? account.withAwsAccount(dependencies, this.account) : dependencies;
    scenario.sources.forEach((spec, i) => {
      const ctx = createSourceContext(spec, i, scenario, this.scheduler, rng.derive(`source:${i}`), this.service,
        this.recorder, this.ledger, () => this.service.emit, this.account);
      this.sources.push({ ctx, instance: getSourceFactory(sourceKey(spec))!(ctx) });
    });
  }

  /** The scenario's AWS account; Lambda Invoke from handler code gets one source context per function. */
  private createAccount(scenario: Scenario, rng: Rng, parts: AccountParts): AwsAccount {
    const contexts = new Map<string, SourceContext>();
    const invoker: LambdaInvoker = {
      hasFunction: (name) => this.service.functions.has(name),
      contextFor: (name) => {
        let ctx = contexts.get(name);
        if (!ctx) {
          const spec: SourceSpec = { type: 'invoke', function: name, invocationType: 'RequestResponse', arrivals: { at: [] }, name: 'lambda-api' };
          ctx = createSourceContext(spec, -1, this.scenario, this.scheduler, rng.derive(`lambda-api:${name}`), this.service,
            this.recorder, this.ledger, () => this.service.emit, this.account);
          contexts.set(name, ctx);
        }
        return ctx;
      },
      account: () => ({
        concurrencyLimit: this.scenario.account?.concurrencyLimit ?? DEFAULT_ACCOUNT_CONCURRENCY,
        functions: this.scenario.functions.map((f) => ({
          reservedConcurrency: f.reservedConcurrency,
          codeBytes: f.handler.kind === 'code' ? utf8ByteLength(f.handler.source) : 0,
        })),
      }),
    };
    return new parts.AwsAccount(
      { now: () => this.scheduler.now(), schedule: (t, fn, p) => { this.scheduler.schedule(t, fn, p === 'arrival' ? PRIORITY_ARRIVAL : PRIORITY_NORMAL); } },
      scenario.aws ?? {}, rng,
      { region: scenario.service?.region ?? DEFAULT_REGION, epochMs: epochMsOf(scenario), durationMs: scenario.durationMs, invoker },
    );
  }

  private track(p: Promise<unknown>): void {
    const settled = p.then(() => undefined, () => undefined);
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
  }

  /** Waits for every worker, then applies their replies in a fixed order; again while that sends more. */
  private async awaitTracked(): Promise<void> {
    const replies = this.service.replies;
    do {
      replies.waiting = true;
      try {
        while (this.pending.size) await Promise.all([...this.pending]);
      } finally {
        replies.waiting = false;
      }
    } while (replies.apply());
  }

  private async loadFactory(): Promise<void> {
    if (!this.hasCode || this.service.codeFactory) return;
    // Loaded only when a scenario has code handlers: model-only pages never fetch the runtime.
    this.factoryLoad ??= import('./runtime/index').then((m) => {
      this.service.codeFactory ??= m.createCodeEnvironment;
    });
    await this.factoryLoad;
  }

  /** Time 0: provisioned environments (F15) and every source's arrivals. */
  private start(): void {
    if (this.started) return;
    if (this.disposed) throw new Error('simulation was disposed');
    this.started = true;
    for (const fn of this.service.pools()) this.service.provision(fn);
    for (const s of this.sources) s.instance.start();
    this.account?.start();
  }

  private requireSync(what: string): void {
    if (this.hasCode && !this.service.codeFactory) {
      throw new Error(`${what}: this scenario has code handlers; use the async form (or pass createCodeEnvironment)`);
    }
  }

  private checkSteps(): void {
    if (this.scheduler.stepCount > this.maxSteps) {
      throw new Error(`simulation exceeded ${this.maxSteps} events (seed ${this.scenario.seed ?? DEFAULT_SEED}); is something looping?`);
    }
  }

  /** The synchronous loop: events up to limitMs; with foregroundOnly, stop when only background work is left. */
  private loopSync(limitMs: number, foregroundOnly: boolean, maxEvents = Infinity): number {
    const n = this.runEvents(limitMs, foregroundOnly, maxEvents);
    this.checkSteps();
    return n;
  }

  /**
   * The event loop proper. Nothing follows the loop but `return`: code after a hot loop has no
   * type feedback when the loop is compiled mid-run, and the compiled loop then bailed out at
   * its exit on every call (every step of a run stepped in chunks).
   */
  private runEvents(limitMs: number, foregroundOnly: boolean, maxEvents: number): number {
    const sched = this.scheduler;
    let n = 0;
    while (n < maxEvents) {
      if (foregroundOnly && !sched.hasForeground()) break;
      const t = sched.nextTime();
      if (t > limitMs || t === Infinity) break;
      sched.step();
      n++;
      if ((n & 0xffff) === 0) this.checkSteps();
    }
    return n;
  }

  private async loopAsync(limitMs: number, foregroundOnly: boolean, maxEvents = Infinity): Promise<number> {
    if (!this.hasCode) return this.loopSync(limitMs, foregroundOnly, maxEvents);
    await this.loadFactory();
    this.start();
    const sched = this.scheduler;
    let n = 0;
    for (;;) {
      await this.awaitTracked();
      if (n >= maxEvents) break;
      if (foregroundOnly && !sched.hasForeground()) break;
      const t = sched.nextTime();
      if (t > limitMs || t === Infinity) break;
      sched.step();
      n++;
      this.checkSteps();
    }
    return n;
  }

  async ready(): Promise<void> {
    await this.loadFactory();
    this.start();
  }

  async step(): Promise<boolean> {
    await this.loadFactory();
    this.start();
    return (await this.loopAsync(Infinity, false, 1)) > 0;
  }

  stepSync(): boolean {
    this.requireSync('stepSync');
    this.start();
    return this.loopSync(Infinity, false, 1) > 0;
  }

  async runUntil(virtualMs: number): Promise<void> {
    await this.loadFactory();
    this.start();
    await this.loopAsync(virtualMs, false);
    this.scheduler.advanceTo(virtualMs);
  }

  runUntilSync(virtualMs: number): void {
    this.requireSync('runUntilSync');
    this.start();
    this.loopSync(virtualMs, false);
    this.scheduler.advanceTo(virtualMs);
  }

  /** Runs until only background work is left, without ending the simulation (console). */
  async settle(): Promise<void> {
    await this.loadFactory();
    this.start();
    await this.loopAsync(Infinity, true);
  }

  async run(): Promise<SimulationResult> {
    if (this.finalized) return this.finalResult();
    await this.settle();
    // Idle reclaims due before the horizon still happen; then every environment ends.
    const endMs = Math.max(this.scheduler.now(), this.scenario.durationMs);
    await this.loopAsync(endMs, false);
    this.scheduler.advanceTo(endMs);
    this.service.endAll();
    this.finalized = true;
    return this.finalResult();
  }

  private finalResult(): SimulationResult {
    return this.withDependencies(this.recorder.result(this.functionList(), false, this.scheduler.now()));
  }

  /** Adds the simulated database's totals (peak connections across every environment). */
  private withDependencies(result: SimulationResult): SimulationResult {
    if (this.scenario.rules) result.rules = rulesUsed(this.service.config.rules);
    if (this.account && (this.scenario.aws || this.account.used())) result = { ...result, aws: this.account.totals() };
    const stats = this.service.dependencies?.stats?.();
    if (!stats) return result;
    return {
      ...result,
      dependencies: {
        db: { peakConnections: stats.peakConnections, refusedConnections: stats.refusedConnections, queries: stats.queries },
        http: { requests: stats.httpRequests },
      },
    };
  }

  now(): number {
    return this.scheduler.now();
  }

  isFinished(): boolean {
    return this.started && !this.scheduler.hasForeground() && this.pending.size === 0 && this.service.replies.size === 0;
  }

  subscribe(listener: (event: SimulationEvent) => void): () => void {
    this.listeners.push(listener);
    this.service.emit = (e) => {
      for (const l of this.listeners) l(e);
    };
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
      if (this.listeners.length === 0) this.service.emit = null;
    };
  }

  takeRecords(): RecordBatch {
    return this.recorder.take();
  }

  takePackedRecords(): { packed: PackedRecords; transfer: ArrayBuffer[] } {
    return this.recorder.takePacked();
  }

  result(options?: { snapshot?: boolean }): SimulationResult {
    return this.withDependencies(this.recorder.result(this.functionList(), !this.finalized && (options?.snapshot ?? true), this.scheduler.now()));
  }

  private functionList() {
    return [...this.service.functions.values()].map((f) => f.spec);
  }

  environments(): LiveEnvironment[] {
    const out: LiveEnvironment[] = [];
    for (const fn of this.service.pools()) {
      for (const env of fn.alive) {
        const live: LiveEnvironment = { id: env.record.id, function: fn.spec.name, state: this.service.stateName(env), provisioned: env.provisioned };
        if (env.record.version !== undefined) live.version = env.record.version;
        out.push(live);
      }
    }
    return out;
  }

  invoke(functionName: string, payload?: unknown, options?: InvokeOptions): { requestId: string; finished: Promise<RequestRecord> } {
    if (!lookupTarget(this.service.functions, functionName)) throw new Error(`invoke: no function named ${functionName}`);
    if (this.finalized) throw new Error('invoke: the simulation has ended (run() was called)');
    this.requireSync('invoke (await ready() first)');
    this.start();
    const invocationType = options?.invocationType ?? 'RequestResponse';
    const instance = this.consoleSource(functionName, invocationType);
    let resolve!: (r: RequestRecord) => void;
    const finished = new Promise<RequestRecord>((r) => (resolve = r));
    const request = instance.arrive!(payload === undefined ? {} : payload, options?.lineage ? { lineage: options.lineage } : undefined);
    if (request.outcome !== 'unfinished') resolve(request);
    else this.ledger.waiters.set(request, resolve);
    return { requestId: request.id, finished };
  }

  private consoleSource(functionName: string, invocationType: 'RequestResponse' | 'Event'): SourceInstance {
    const key = `${functionName}:${invocationType}`;
    let instance = this.consoleSources.get(key);
    if (instance) return instance;
    const spec: SourceSpec = { type: 'invoke', function: functionName, invocationType, arrivals: { at: [] }, name: 'console' };
    const factory = getSourceFactory(sourceKey(spec));
    if (!factory) throw new Error(`invoke: '${sourceKey(spec)}' is not implemented in this build of the simulator`);
    const ctx = createSourceContext(spec, -1, this.scenario, this.scheduler, createRng(this.scenario.seed ?? DEFAULT_SEED).derive(`console:${key}`),
      this.service, this.recorder, this.ledger, () => this.service.emit);
    instance = factory(ctx);
    if (!instance.arrive) throw new Error(`invoke: source '${sourceKey(spec)}' cannot take console invokes`);
    this.consoleSources.set(key, instance);
    return instance;
  }

  updateFunction(functionName: string, patch: Partial<Omit<FunctionSpec, 'name'>>): void {
    const i = this.scenario.functions.findIndex((f) => f.name === functionName);
    if (i < 0) throw new Error(`updateFunction: no function named ${functionName}`);
    const before = this.scenario.functions[i];
    checkVersionsKept(before, patch);
    const after = { ...before, ...patch, name: functionName } as FunctionSpec;
    const check = this.parts.check;
    if (!check) throw new Error('updateFunction: this simulation was created without a scenario checker (createSimulation has one)');
    const next = check({ ...this.scenario, functions: this.scenario.functions.map((f, j) => (j === i ? after : f)) });
    this.scenario = next;
    // F11: new code or configuration means new environments; concurrency settings do not.
    // Publishing versions and moving aliases leave $LATEST's environments alone; AddPermission and
    // PutFunctionRecursionConfig change neither, so a resource policy or the RecursiveLoop setting
    // keeps environments warm too (a new role is a configuration update).
    const concurrencyOnly = new Set(['reservedConcurrency', 'provisionedConcurrency', 'async', 'versions', 'aliases', 'resourcePolicy', 'recursiveLoop']);
    const retire = Object.keys(patch).some((k) => !concurrencyOnly.has(k));
    const versions = this.service.updateFunction(resolveFunction(next.functions[i]), retire);
    if (!this.started) return;
    // F16: provisioned concurrency requested now is allocated after a delay.
    const delay = this.service.config.provisionedAllocationMs;
    if (!retire) this.service.provision(this.service.functions.get(functionName)!, delay);
    for (const pool of versions) this.service.provision(pool, delay);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const s of this.sources) s.instance.dispose?.();
    for (const s of this.consoleSources.values()) s.dispose?.();
    if (!this.finalized) this.service.endAll();
    this.listeners.length = 0;
    this.service.emit = null;
  }
}
