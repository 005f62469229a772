// The page's copy of a streamed trace (Simulation.takeRecords batches): records arrive once and
// are appended; requests still unfinished and environments still alive are replaced with each
// batch. forgetBefore() drops what ended long before the cursor, so a long run keeps memory flat.

import type { VizEnvironment, VizInvocation, VizLogLine, VizRequest, VizResult } from './types';

export interface StreamBatch {
  /** Requests with their final outcome, once each. */
  finishedRequests: VizRequest[];
  invocations: VizInvocation[];
  /** Environments that have ended, once each. */
  endedEnvironments: VizEnvironment[];
  logs: VizLogLine[];
}

export interface StreamState {
  /** Every request still unfinished, as it stands now. */
  pendingRequests: VizRequest[];
  /** Every environment still alive, as it stands now. */
  liveEnvironments: VizEnvironment[];
  cost: VizResult['cost'];
  metrics: VizResult['metrics'];
}

/** What forgetBefore() removed: the index folds it into its running totals. */
export interface Forgotten {
  invocations: VizInvocation[];
  requests: VizRequest[];
  environments: VizEnvironment[];
}

export class TraceStore {
  /** requests = finished (append-only) then pending; environments = ended then live. */
  readonly trace: VizResult = { requests: [], invocations: [], environments: [], logs: [], finishedRequests: 0 };
  private endedEnvironments = 0;

  addBatch(batch: StreamBatch): void {
    const t = this.trace;
    pushAll(t.invocations, batch.invocations);
    pushAll(t.logs, batch.logs);
    if (batch.finishedRequests.length) {
      t.requests.length = t.finishedRequests!; // pending ones are re-sent with the state
      pushAll(t.requests, batch.finishedRequests);
      t.finishedRequests = t.requests.length;
    }
    if (batch.endedEnvironments.length) {
      t.environments.length = this.endedEnvironments;
      pushAll(t.environments, batch.endedEnvironments);
      this.endedEnvironments = t.environments.length;
    }
  }

  setState(state: StreamState): void {
    const t = this.trace;
    t.requests.length = t.finishedRequests!;
    pushAll(t.requests, state.pendingRequests);
    t.environments.length = this.endedEnvironments;
    pushAll(t.environments, state.liveEnvironments);
    t.cost = state.cost;
    t.metrics = state.metrics;
  }

  /**
   * Drop invocations that ended, requests that finished and environments that ended before
   * cutoffMs, and log lines before logCutoffMs (an invocation still kept may have started
   * that long before the cutoff). Order of what is kept is unchanged.
   */
  forgetBefore(cutoffMs: number, logCutoffMs: number): Forgotten {
    const t = this.trace;
    // The engine records an invocation when it ends, so they arrive in end order: a prefix.
    let k = 0;
    while (k < t.invocations.length && t.invocations[k].endMs < cutoffMs) k++;
    const invocations = t.invocations.splice(0, k);
    const requests = extract(t.requests, t.finishedRequests!, (r) => r.finishedMs !== undefined && r.finishedMs < cutoffMs);
    t.finishedRequests! -= requests.length;
    const environments = extract(t.environments, this.endedEnvironments, (e) => e.destroyedMs !== undefined && e.destroyedMs < cutoffMs);
    this.endedEnvironments -= environments.length;
    let n = 0;
    while (n < t.logs.length && t.logs[n].timeMs < logCutoffMs) n++;
    t.logs.splice(0, n);
    return { invocations, requests, environments };
  }
}

/** Moves the items of list[0, end) that match out of list (in place, order kept) and returns them. */
function extract<T>(list: T[], end: number, gone: (x: T) => boolean): T[] {
  const out: T[] = [];
  let kept = 0;
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (i < end && gone(x)) out.push(x);
    else list[kept++] = x;
  }
  list.length = kept;
  return out;
}

/** push(...items) overflows the stack for large batches. */
function pushAll<T>(list: T[], items: T[]): void {
  for (const x of items) list.push(x);
}
