// The slice of the engine's SimulationResult (shared/simulator-contract.md) that the views read:
// the engine's own record types, loosened only where hand-made test traces need it.

import type { EnvironmentRecord, FunctionCost, FunctionMetrics, InvocationRecord, LogLine, RequestRecord } from '../../../simulator/index';

// Derived from the engine's own record types, so the two cannot drift apart.
export type VizRequest = Omit<RequestRecord, 'response'>;
export type VizInvocation = InvocationRecord;
export type VizLogLine = LogLine;

export interface VizEnvironment extends Omit<EnvironmentRecord, 'endReason' | 'logStream'> {
  endReason?: string;
  /** Engine extension: the log stream this environment writes to (F13). */
  logStream?: string;
  /** Optional: init of an environment made before any request (provisioned, F15). */
  initDurationMs?: number;
}

export interface VizResult {
  requests: VizRequest[];
  invocations: VizInvocation[];
  environments: VizEnvironment[];
  logs: VizLogLine[];
  cost?: Record<string, FunctionCost>;
  /**
   * Streamed traces (traceStore.ts): requests[0, finishedRequests) have their final outcome and
   * only ever grow at the end; the rest are unfinished and replaced as they change.
   */
  finishedRequests?: number;
  /** Per-function metrics so far, including the per-second series (queue depth, IteratorAge). */
  metrics?: Record<string, FunctionMetrics>;
}

/** What the views need to know about the scenario besides the trace. */
export interface VizLimits {
  accountConcurrency: number;
  reservedConcurrency?: number;
  provisionedConcurrency?: number;
}
