// The SourceContext each source gets: the scheduler, its own random stream, its arrivals,
// request records and the service (see sources/types.ts for the contract).
import type { Scheduler } from '../core/scheduler';
import { PRIORITY_ARRIVAL, PRIORITY_NORMAL } from '../core/scheduler';
import type { Rng } from '../core/rng';
import type { Scenario, SourceSpec } from '../scenario/types';
import { createArrivalStream } from '../sources/arrivals';
import type { FinishDetails, ResolvedFunctionSpec, SourceContext } from '../sources/types';
import type { RequestOutcome, RequestRecord } from '../trace/records';
import type { SimulationEvent } from '../simulationTypes';
import type { LambdaService } from './lambdaService';
import type { Recorder } from './recorder';
import { baseName, lookupTarget } from './versions';
import type { AwsResources } from '../aws/resources';

export interface RequestLedger {
  nextId: number;
  /** Requests still without an outcome (for 'unfinished' and the exactly-once check). */
  open: number;
  /** Resolvers of console invokes, by request. */
  waiters: Map<RequestRecord, (r: RequestRecord) => void>;
}

export function createSourceContext(
  spec: SourceSpec, index: number, scenario: Scenario, scheduler: Scheduler, rng: Rng, service: LambdaService,
  recorder: Recorder, ledger: RequestLedger, emit: () => ((e: SimulationEvent) => void) | null, aws?: AwsResources,
): SourceContext {
  const name = spec.name ?? `${spec.type}#${index}`;
  const payloads = spec.payloads;
  const fallback = spec.type === 'invoke' && spec.payload !== undefined ? spec.payload : {};
  const ctx: SourceContext = {
    spec, index, name, scenario, durationMs: scenario.durationMs, rng, service, aws,
    now: () => scheduler.now(),
    schedule: (atMs, fn, priority) => scheduler.schedule(atMs, fn, priority === 'arrival' ? PRIORITY_ARRIVAL : PRIORITY_NORMAL),
    cancel: (id) => scheduler.cancel(id),
    scheduleBackground: (atMs, fn) => scheduler.schedule(atMs, fn, PRIORITY_NORMAL, true),
    startArrivals(onArrival) {
      const stream = createArrivalStream(spec.arrivals, scenario.durationMs, rng.derive('arrivals'));
      let index = 0;
      // One arrival is queued at a time; the next is queued before this one's work runs, so
      // arrivals at the same ms all come before any other work at that ms.
      const fire = (t: number): void => {
        const i = index++;
        const next = stream.next();
        if (next >= 0) scheduler.atWith(next, fire, next, PRIORITY_ARRIVAL);
        onArrival(t, i);
      };
      const first = stream.next();
      if (first >= 0) scheduler.atWith(first, fire, first, PRIORITY_ARRIVAL);
    },
    payload: (i) => (payloads && payloads.length ? payloads[i % payloads.length] : fallback),
    createRequest(init) {
      const n = ledger.nextId++;
      const r: RequestRecord = {
        id: `req-${n}`, source: name, function: baseName(init?.function ?? spec.function),
        arrivedMs: init?.arrivedMs ?? scheduler.now(), outcome: 'unfinished', attempts: 0, invocationIds: [],
      };
      if (init?.lineage) r.lineage = init.lineage;
      ledger.open++;
      recorder.request(r, n);
      const e = emit();
      if (e) e({ type: 'request.arrived', timeMs: r.arrivedMs, function: r.function, requestId: r.id, source: name });
      return r;
    },
    finishRequest(r, outcome, details) {
      const statusEarly = r.statusCode !== undefined;
      finishRequest(r, outcome, details, scheduler, ledger, emit());
      recorder.requestFinished(r, statusEarly);
    },
    // A qualified target (fn:3, fn:alias) reads its version's configuration (an alias: its primary version).
    functionSpec: (target) => lookupTarget(service.functions, target)!.pool.spec as Readonly<ResolvedFunctionSpec>,
    recordSeries(target, series, timeMs, value) {
      const fnName = baseName(target);
      const stats = recorder.stats.get(fnName);
      if (!stats) throw new Error(`recordSeries: no function named ${fnName}`);
      (stats.series[series] ??= []).push({ timeMs, value });
    },
    addCounter(target, counter, delta) {
      const fnName = baseName(target);
      const stats = recorder.stats.get(fnName);
      if (!stats) throw new Error(`addCounter: no function named ${fnName}`);
      stats.counters[counter] = (stats.counters[counter] ?? 0) + delta;
    },
    log(fnName, logStream, message) {
      recorder.log(scheduler.now(), fnName, logStream, message);
    },
  };
  return ctx;
}

function finishRequest(
  r: RequestRecord, outcome: Exclude<RequestOutcome, 'unfinished'>, details: FinishDetails | undefined,
  scheduler: Scheduler, ledger: RequestLedger, emit: ((e: SimulationEvent) => void) | null,
): void {
  if (r.outcome !== 'unfinished') throw new Error(`request ${r.id} already ended as ${r.outcome}; every request has exactly one outcome`);
  r.outcome = outcome;
  r.finishedMs = details?.finishedMs ?? scheduler.now();
  if (details?.statusCode !== undefined) r.statusCode = details.statusCode;
  if (details && 'response' in details) r.response = details.response;
  ledger.open--;
  if (emit) emit({ type: 'request.finished', timeMs: r.finishedMs, function: r.function, requestId: r.id, outcome });
  const waiter = ledger.waiters.get(r);
  if (waiter) {
    ledger.waiters.delete(r);
    waiter(r);
  }
}
