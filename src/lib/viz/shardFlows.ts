// Where each shard of a Kinesis or DynamoDB stream source stands at time t (F83-F87), from the
// trace alone: stream request records carry their shardId, and a shard is read in order, so the
// count of its records processed so far is its iterator position.

import { requestState } from './flows';
import type { TraceIndex } from './traceIndex';
import type { VizRequest } from './types';

/** A batch of one shard's records running at t. */
export interface ShardBatch {
  invocationId: string;
  size: number;
  startMs: number;
  /** The batch (or a bisected half of it, F87) failed before and is being retried (F86). */
  retry: boolean;
}

/** A failed batch holding up its shard (F86): its records wait for the next attempt. */
export interface ShardBlock {
  /** Records that have failed at least once and are not yet processed. */
  records: number;
  /** Attempts of those records that have ended by t (the most of any record). */
  failedAttempts: number;
  /** When the first of those attempts ended. */
  sinceMs: number;
  /** When the latest of them ended, and its errorType (else its status: 'error', 'timeout', 'crash'). */
  lastFailedMs: number;
  lastError: string;
}

export interface ShardLane {
  shardId: string;
  /** Records put to this shard by t. */
  arrived: number;
  /** Iterator position: records delivered successfully or skipped (expired, retries used up). */
  processed: number;
  succeeded: number;
  /** Discarded or sent to an on-failure destination (F86, F89). */
  skipped: number;
  /** Batches running at t; more than one only with a ParallelizationFactor above 1 (F85). */
  inFlight: ShardBatch[];
  blocked?: ShardBlock;
  /** Age of the oldest record of this shard not yet processed at t (0 when caught up). */
  iteratorAgeMs: number;
}

export interface ShardFlow {
  source: string;
  function: string;
  /** Shards that have had records by t, in shard id order. */
  shards: ShardLane[];
}

type Entry = { flow: ShardFlow; lanes: Map<string, ShardLane>; batches: Map<string, ShardBatch> };

/** Per shard of every stream source, what had happened by t. */
export function shardFlows(index: TraceIndex, t: number): ShardFlow[] {
  const flows = new Map<string, Entry>();
  for (const r of index.result.requests) {
    if (r.shardId === undefined || r.arrivedMs > t) continue;
    addRecord(index, laneOf(flows, r.source, r.function, r.shardId), flows.get(r.source)!.batches, r, t);
  }
  for (const [source, f] of index.forgottenShards) {
    for (const [shardId, done] of f.shards) {
      const lane = laneOf(flows, source, f.function, shardId);
      lane.arrived += done.succeeded + done.skipped;
      lane.processed += done.succeeded + done.skipped;
      lane.succeeded += done.succeeded;
      lane.skipped += done.skipped;
    }
  }
  return [...flows.values()].map(({ flow, lanes }) => {
    flow.shards = [...lanes.values()].sort((a, b) => (a.shardId < b.shardId ? -1 : a.shardId > b.shardId ? 1 : 0));
    for (const lane of flow.shards) lane.inFlight.sort((a, b) => a.startMs - b.startMs);
    return flow;
  });
}

function laneOf(flows: Map<string, Entry>, source: string, fn: string, shardId: string): ShardLane {
  let entry = flows.get(source);
  if (!entry) {
    entry = { flow: { source, function: fn, shards: [] }, lanes: new Map(), batches: new Map() };
    flows.set(source, entry);
  }
  let lane = entry.lanes.get(shardId);
  if (!lane) {
    lane = { shardId, arrived: 0, processed: 0, succeeded: 0, skipped: 0, inFlight: [], iteratorAgeMs: 0 };
    entry.lanes.set(shardId, lane);
  }
  return lane;
}

function addRecord(index: TraceIndex, lane: ShardLane, batches: Map<string, ShardBatch>, r: VizRequest, t: number): void {
  lane.arrived++;
  const state = requestState(index, r, t);
  if (state.kind === 'succeeded') {
    lane.processed++;
    lane.succeeded++;
    return;
  }
  if (state.kind !== 'queued' && state.kind !== 'retrying' && state.kind !== 'running') {
    lane.processed++;
    lane.skipped++;
    return;
  }
  lane.iteratorAgeMs = Math.max(lane.iteratorAgeMs, t - r.arrivedMs);
  const failures = endedAttempts(index, r, t);
  if (failures.count > 0) {
    const b = (lane.blocked ??= { records: 0, failedAttempts: 0, sinceMs: Infinity, lastFailedMs: -Infinity, lastError: '' });
    b.records++;
    b.failedAttempts = Math.max(b.failedAttempts, failures.count);
    b.sinceMs = Math.min(b.sinceMs, failures.firstEndMs);
    if (failures.lastEndMs > b.lastFailedMs) {
      b.lastFailedMs = failures.lastEndMs;
      b.lastError = failures.lastError;
    }
  }
  if (state.kind !== 'running') return;
  let batch = batches.get(state.invocationId);
  if (!batch) {
    const inv = index.invocationById.get(state.invocationId)!;
    batch = { invocationId: state.invocationId, size: inv.requestIds.length, startMs: inv.startMs, retry: failures.count > 0 };
    batches.set(state.invocationId, batch);
    lane.inFlight.push(batch);
  }
}

/** Attempts of a record that had ended by t: for a record not yet processed, each one failed. */
function endedAttempts(index: TraceIndex, r: VizRequest, t: number) {
  let count = 0;
  let firstEndMs = Infinity;
  let lastEndMs = -Infinity;
  let lastError = '';
  for (const id of r.invocationIds) {
    const inv = index.invocationById.get(id);
    // A forgotten attempt ended before any t the index can be asked about; the index kept how.
    const ended = inv ? { endMs: inv.endMs, error: inv.errorType ?? inv.status } : index.forgottenAttempts.get(id);
    if (!ended || ended.endMs > t) continue;
    count++;
    firstEndMs = Math.min(firstEndMs, ended.endMs);
    if (ended.endMs >= lastEndMs) {
      lastEndMs = ended.endMs;
      lastError = ended.error;
    }
  }
  return { count, firstEndMs, lastEndMs, lastError };
}

/**
 * The value of a source's metric series at t: its last point at or before t (the engine adds
 * queue depth once a second and IteratorAge once per batch read). Undefined before the first.
 */
export function seriesValueAt(points: readonly { timeMs: number; value: number }[] | undefined, t: number): number | undefined {
  const i = points ? upperBound(points, t) : 0;
  return i > 0 ? points![i - 1].value : undefined;
}

/** The points of a series in (t - windowMs, t], for a sparkline. */
export function seriesWindow(points: readonly { timeMs: number; value: number }[] | undefined, t: number, windowMs: number): { timeMs: number; value: number }[] {
  if (!points?.length) return [];
  const out: { timeMs: number; value: number }[] = [];
  for (let i = upperBound(points, t) - 1; i >= 0 && points[i].timeMs > t - windowMs; i--) out.push(points[i]);
  return out.reverse();
}

function upperBound(points: readonly { timeMs: number }[], t: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid].timeMs <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
