// Where each request of a source stands at time t, derived from the trace alone: waiting in
// the async internal queue (F63) or an SQS queue, waiting to be retried (F63 back-off, F78
// visibility timeout, F86 a blocked stream batch), running, or at its final outcome.

import type { TraceIndex } from './traceIndex';
import type { VizRequest } from './types';

export interface FlowCounts {
  source: string;
  function: string;
  arrived: number;
  queued: number; // never attempted yet
  retrying: number; // attempted, failed, waiting for the next attempt
  running: number;
  runningBatches: number; // distinct invocations carrying this source's requests right now
  succeeded: number;
  failed: number; // sync caller got an error
  throttled: number;
  deadLettered: number; // on-failure destination, DLQ or redrive queue
  discarded: number;
  /** Age of the oldest request still waiting or running (IteratorAge for streams, F86). */
  oldestWaitingAgeMs: number;
}

/**
 * Counts by source at t. `sources` (the scenario's, in its order) get a board each from the
 * start, at zero until their first request arrives, so the view does not grow as they do.
 */
export function flowCounts(index: TraceIndex, t: number, sources: Pick<VizRequest, 'source' | 'function'>[] = []): FlowCounts[] {
  const bySource = new Map<string, FlowCounts>(sources.map((s) => [s.source, emptyCounts(s)]));
  const batches = new Map<string, Set<string>>();
  for (const r of index.result.requests) {
    if (r.arrivedMs > t) continue;
    let c = bySource.get(r.source);
    if (!c) {
      c = emptyCounts(r);
      bySource.set(r.source, c);
    }
    if (!batches.has(r.source)) batches.set(r.source, new Set());
    c.arrived++;
    const state = requestState(index, r, t);
    if (state.kind === 'running') batches.get(r.source)!.add(state.invocationId);
    c[state.kind === 'running' ? 'running' : state.kind]++;
    if (state.kind === 'queued' || state.kind === 'retrying' || state.kind === 'running') {
      c.oldestWaitingAgeMs = Math.max(c.oldestWaitingAgeMs, t - r.arrivedMs);
    }
  }
  for (const [source, c] of bySource) c.runningBatches = batches.get(source)?.size ?? 0;
  // Forgotten requests had their final outcome before any t the index can be asked about.
  for (const [source, f] of index.forgottenRequests) {
    let c = bySource.get(source);
    if (!c) bySource.set(source, (c = emptyCounts({ source, function: f.function })));
    for (const [outcome, n] of f.outcomes) {
      c.arrived += n;
      if (outcome === 'dead-lettered') c.deadLettered += n;
      else if (outcome !== 'unfinished') c[outcome] += n;
    }
  }
  return [...bySource.values()];
}

type RequestState =
  | { kind: 'queued' | 'retrying' | 'succeeded' | 'failed' | 'throttled' | 'deadLettered' | 'discarded' }
  | { kind: 'running'; invocationId: string };

export function requestState(index: TraceIndex, r: VizRequest, t: number): RequestState {
  if (r.finishedMs !== undefined && r.finishedMs <= t && r.outcome !== 'unfinished') {
    if (r.outcome === 'dead-lettered') return { kind: 'deadLettered' };
    return { kind: r.outcome };
  }
  if (r.outcome === 'throttled' && r.finishedMs === undefined) return { kind: 'throttled' };
  let attempted = false;
  for (const id of r.invocationIds) {
    const inv = index.invocationById.get(id);
    if (!inv) {
      if (index.forgottenAttempts.has(id)) attempted = true; // it ended before anything still shown
      continue;
    }
    if (inv.startMs > t) continue;
    if (inv.endMs > t) return { kind: 'running', invocationId: id };
    attempted = true;
  }
  return { kind: attempted ? 'retrying' : 'queued' };
}

function emptyCounts(r: Pick<VizRequest, 'source' | 'function'>): FlowCounts {
  return {
    source: r.source, function: r.function, arrived: 0, queued: 0, retrying: 0, running: 0, runningBatches: 0,
    succeeded: 0, failed: 0, throttled: 0, deadLettered: 0, discarded: 0, oldestWaitingAgeMs: 0,
  };
}
