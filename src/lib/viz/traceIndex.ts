// An index over a growing SimulationResult so every view can ask "what was true at t?"
// without rescanning the whole trace each frame. Seeking is a query: the trace is the truth.

import { ConcurrencyGrid } from './concurrencyGrid';
import { SortedTimes } from './sortedTimes';
import type { VizEnvironment, VizInvocation, VizResult } from './types';

export interface EnvRow {
  env: VizEnvironment;
  /** In start order (an environment runs one invocation at a time, F12). */
  invocations: VizInvocation[];
}

export class TraceIndex {
  readonly rows: EnvRow[] = [];
  readonly grid: ConcurrencyGrid;
  readonly starts = new SortedTimes();
  readonly coldStarts = new SortedTimes();
  /** Invocations in end order: the ones finished by t are a prefix. */
  readonly ended: VizInvocation[] = [];
  readonly endTimes = new SortedTimes();
  result: VizResult = { requests: [], invocations: [], environments: [], logs: [] };
  /** Invocation by its requestId (the id RequestRecord.invocationIds lists). */
  readonly invocationById = new Map<string, VizInvocation>();
  private rowById = new Map<string, EnvRow>();
  private seenInvocations = 0;
  private throttleCache: { requests: unknown; length: number; times: SortedTimes } | undefined;

  constructor(resolutionMs: number) {
    this.grid = new ConcurrencyGrid(resolutionMs);
  }

  /**
   * Take in what the simulation has recorded so far (records are only ever appended).
   * With `shouldYield`, stops early when it says so and returns false: call again to go on.
   */
  update(result: VizResult, shouldYield?: () => boolean): boolean {
    if (result.invocations.length < this.seenInvocations) throw new Error('trace shrank: rebuild the index');
    this.result = result;
    this.throttleCache = undefined; // requests may have changed outcome in place
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

  /** Requests refused for lack of concurrency (F58), by arrival time; rebuilt when the trace changes. */
  throttleTimes(): SortedTimes {
    const requests = this.result.requests;
    const cache = this.throttleCache;
    if (cache && cache.requests === requests && cache.length === requests.length) return cache.times;
    const times = new SortedTimes();
    for (const r of requests) if (r.outcome === 'throttled' || r.statusCode === 429) times.insert(r.arrivedMs);
    this.throttleCache = { requests, length: requests.length, times };
    return times;
  }

  /** Environments that exist (have been created) by t, in creation order. */
  rowsAt(t: number): EnvRow[] {
    let n = 0;
    while (n < this.rows.length && this.rows[n].env.createdMs <= t) n++;
    return n === this.rows.length ? this.rows : this.rows.slice(0, n);
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
    insertBy(this.ended, inv, (x) => x.endMs);
    this.endTimes.insert(inv.endMs);
    this.starts.insert(inv.startMs);
    if (inv.coldStart) this.coldStarts.insert(inv.startMs);
    this.grid.add(inv.startMs, inv.endMs);
  }
}

function insertBy<T>(list: T[], item: T, key: (x: T) => number): void {
  let i = list.length;
  const k = key(item);
  while (i > 0 && key(list[i - 1]) > k) i--;
  if (i === list.length) list.push(item);
  else list.splice(i, 0, item);
}
