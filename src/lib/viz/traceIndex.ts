// An index over a growing SimulationResult so every view can ask "what was true at t?"
// without rescanning the whole trace each frame. Seeking is a query: the trace is the truth.
// A long run may forget() detail that ended well before the cursor; its counts are kept, and
// queries must then be for t >= forgottenBeforeMs (the player re-runs to go further back).

import { busyFromMs, ConcurrencyGrid } from './concurrencyGrid';
import { EndedTotals } from './endedTotals';
import { SortedTimes } from './sortedTimes';
import type { Forgotten } from './traceStore';
import type { VizEnvironment, VizInvocation, VizRequest, VizResult } from './types';

export interface EnvRow {
  env: VizEnvironment;
  /** In start order (an environment runs one invocation at a time, F12). */
  invocations: VizInvocation[];
}

/** Requests of one source that were forgotten: all had their final outcome by then. */
export interface ForgottenRequests {
  function: string;
  outcomes: Map<VizRequest['outcome'], number>;
}

let rowsVersions = 0;

export class TraceIndex {
  readonly rows: EnvRow[] = [];
  readonly grid: ConcurrencyGrid;
  readonly starts = new SortedTimes();
  readonly coldStarts = new SortedTimes();
  /** Invocations in end order: the ones finished by t are a prefix. Aligned with endTimes. */
  readonly ended: VizInvocation[] = [];
  readonly endTimes = new SortedTimes();
  result: VizResult = { requests: [], invocations: [], environments: [], logs: [] };
  /** Invocation by its requestId (the id RequestRecord.invocationIds lists). */
  readonly invocationById = new Map<string, VizInvocation>();
  /** Detail before this time has been forgotten (see forget()). */
  forgottenBeforeMs = -Infinity;
  readonly forgottenRequests = new Map<string, ForgottenRequests>();
  /** Stream records forgotten, per source and shard: how many had been processed (all final). */
  readonly forgottenShards = new Map<string, { function: string; shards: Map<string, { succeeded: number; skipped: number }> }>();
  /**
   * Forgotten invocations that were attempts of requests still held, by id: when each ended and
   * how (all before any t the index can be asked about). Bounded by the requests in flight.
   */
  readonly forgottenAttempts = new Map<string, { endMs: number; error: string }>();
  /** Changes when rows are removed, and differs between indexes: a picture of rows keyed on it stays valid. */
  rowsVersion = ++rowsVersions;
  private totals = new EndedTotals();
  private rowById = new Map<string, EnvRow>();
  private seenInvocations = 0;
  private throttles = new SortedTimes();
  private seenFinishedRequests = 0;
  private throttleCache: { requests: unknown; length: number; times: SortedTimes } | undefined;

  constructor(resolutionMs: number) {
    this.grid = new ConcurrencyGrid(resolutionMs);
  }

  /** Invocations held in detail (not forgotten). */
  get retainedInvocations(): number {
    return this.ended.length;
  }

  /**
   * Take in what the simulation has recorded so far (records are only ever appended).
   * With `shouldYield`, stops early when it says so and returns false: call again to go on.
   */
  update(result: VizResult, shouldYield?: () => boolean): boolean {
    if (result.invocations.length < this.seenInvocations) throw new Error('trace shrank: rebuild the index');
    this.result = result;
    this.throttleCache = undefined; // requests may have changed outcome in place
    this.takeThrottles(result);
    for (const env of result.environments) this.upsertEnvironment(env);
    const total = result.invocations.length;
    while (this.seenInvocations < total) {
      const stop = Math.min(total, this.seenInvocations + 512);
      for (let i = this.seenInvocations; i < stop; i++) this.addInvocation(result.invocations[i]);
      this.seenInvocations = stop;
      if (stop < total && shouldYield?.()) return false;
    }
    return true;
  }

  /** Requests refused for lack of concurrency (F58), by arrival time. */
  throttleTimes(): SortedTimes {
    if (this.result.finishedRequests !== undefined) return this.throttles;
    // A trace that is not streamed may change any request in place: rebuild when it changes.
    const requests = this.result.requests;
    const cache = this.throttleCache;
    if (cache && cache.requests === requests && cache.length === requests.length) return cache.times;
    const times = new SortedTimes();
    for (const r of requests) if (isThrottle(r)) times.insert(r.arrivedMs);
    this.throttleCache = { requests, length: requests.length, times };
    return times;
  }

  /**
   * CloudWatch's Throttles by t: throttled invoke attempts, async retries of one event included,
   * from the engine's per-second 'Throttles' series (a second counts once it has begun). A trace
   * without metrics (a hand-made one) falls back to the refused requests.
   */
  throttledAttempts(t: number): number {
    const metrics = this.result.metrics;
    if (!metrics) return this.throttleTimes().countAtOrBefore(t);
    let n = 0;
    for (const m of Object.values(metrics)) {
      for (const p of m.series.Throttles ?? []) {
        if (p.timeMs > t) break;
        n += p.value;
      }
    }
    return n;
  }

  /** Totals over the invocations that had ended by t (t >= forgottenBeforeMs). */
  endedTotals(t: number): EndedTotals {
    this.totals.moveTo(this.ended, this.endTimes.localCountAtOrBefore(t));
    return this.totals;
  }

  /** Environments that exist (have been created) by t, in creation order. */
  rowsAt(t: number): EnvRow[] {
    let n = 0;
    while (n < this.rows.length && this.rows[n].env.createdMs <= t) n++;
    return n === this.rows.length ? this.rows : this.rows.slice(0, n);
  }

  /**
   * Drop the detail of what ended before cutoffMs (the trace store has just removed it; every
   * record in `removed` has been indexed). Counts, the concurrency grid and throttles stay whole.
   */
  forget(cutoffMs: number, removed: Forgotten): void {
    let k = 0;
    while (k < this.ended.length && this.ended[k].endMs < cutoffMs) k++;
    this.totals.moveTo(this.ended, Math.max(this.totals.included, k));
    this.totals.included -= k;
    this.ended.splice(0, k);
    this.endTimes.dropBefore(cutoffMs);
    this.starts.dropBefore(cutoffMs);
    this.coldStarts.dropBefore(cutoffMs);
    // Attempts of requests forgotten along with them need nothing more. The rest (retries)
    // are kept only for requests the store still holds: it has already dropped what it forgot.
    const removedRequests = new Set(removed.requests.map((r) => r.id));
    const retried = new Map<string, VizInvocation[]>();
    for (const inv of removed.invocations) {
      this.invocationById.delete(inv.requestId);
      for (const id of inv.requestIds) if (!removedRequests.has(id)) retried.set(id, [...(retried.get(id) ?? []), inv]);
    }
    if (retried.size) {
      for (const r of this.result.requests) {
        for (const inv of retried.get(r.id) ?? []) this.forgottenAttempts.set(inv.requestId, { endMs: inv.endMs, error: inv.errorType ?? inv.status });
      }
    }
    for (const r of removed.requests) for (const id of r.invocationIds) this.forgottenAttempts.delete(id);
    this.seenInvocations -= removed.invocations.length;
    const goneEnvs = new Set(removed.environments.map((e) => e.id));
    let kept = 0;
    for (const row of this.rows) {
      if (goneEnvs.has(row.env.id)) {
        this.rowById.delete(row.env.id);
        continue;
      }
      let n = 0;
      while (n < row.invocations.length && row.invocations[n].endMs < cutoffMs) n++;
      if (n) row.invocations.splice(0, n);
      this.rows[kept++] = row;
    }
    if (kept < this.rows.length) this.rowsVersion = ++rowsVersions;
    this.rows.length = kept;
    for (const r of removed.requests) {
      let f = this.forgottenRequests.get(r.source);
      if (!f) this.forgottenRequests.set(r.source, (f = { function: r.function, outcomes: new Map() }));
      f.outcomes.set(r.outcome, (f.outcomes.get(r.outcome) ?? 0) + 1);
      if (r.shardId !== undefined) this.forgetShardRecord(r);
    }
    this.seenFinishedRequests -= removed.requests.length;
    this.forgottenBeforeMs = Math.max(this.forgottenBeforeMs, cutoffMs);
  }

  private forgetShardRecord(r: VizRequest): void {
    let s = this.forgottenShards.get(r.source);
    if (!s) this.forgottenShards.set(r.source, (s = { function: r.function, shards: new Map() }));
    let c = s.shards.get(r.shardId!);
    if (!c) s.shards.set(r.shardId!, (c = { succeeded: 0, skipped: 0 }));
    if (r.outcome === 'succeeded') c.succeeded++;
    else c.skipped++; // discarded or sent to the on-failure destination (F87): the iterator moved on
  }

  /** Streamed traces: finished requests only grow at the end, so throttles are taken once. */
  private takeThrottles(result: VizResult): void {
    const end = result.finishedRequests;
    if (end === undefined) return;
    for (let i = this.seenFinishedRequests; i < end; i++) if (isThrottle(result.requests[i])) this.throttles.insert(result.requests[i].arrivedMs);
    this.seenFinishedRequests = end;
  }

  private upsertEnvironment(env: VizEnvironment): void {
    const row = this.rowById.get(env.id);
    if (row) {
      row.env = env;
      return;
    }
    const created: EnvRow = { env, invocations: [] };
    this.rowById.set(env.id, created);
    let i = this.rows.length;
    while (i > 0 && this.rows[i - 1].env.createdMs > env.createdMs) i--;
    this.rows.splice(i, 0, created);
  }

  private addInvocation(inv: VizInvocation): void {
    let row = this.rowById.get(inv.environmentId);
    if (!row) {
      // The engine lists environments with their invocations; tolerate an invocation seen first.
      row = { env: { id: inv.environmentId, function: inv.function, createdMs: inv.startMs - (inv.initDurationMs ?? 0), provisioned: false, invocations: 0 }, invocations: [] };
      this.rowById.set(inv.environmentId, row);
      this.rows.push(row);
    }
    this.invocationById.set(inv.requestId, inv);
    insertBy(row.invocations, inv, (x) => x.startMs);
    const at = insertBy(this.ended, inv, (x) => x.endMs);
    // Ended before the totals' cursor: it belongs in them.
    if (at < this.totals.included) {
      this.totals.included++;
      this.totals.add(inv);
    }
    this.endTimes.insert(inv.endMs);
    this.starts.insert(inv.startMs);
    if (inv.coldStart) this.coldStarts.insert(inv.startMs);
    this.grid.add(busyFromMs(inv), inv.endMs);
  }
}

function isThrottle(r: VizRequest): boolean {
  return r.outcome === 'throttled' || r.statusCode === 429;
}

function insertBy<T>(list: T[], item: T, key: (x: T) => number): number {
  let i = list.length;
  const k = key(item);
  while (i > 0 && key(list[i - 1]) > k) i--;
  if (i === list.length) list.push(item);
  else list.splice(i, 0, item);
  return i;
}
