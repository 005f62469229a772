// The slice of the engine's SimulationResult (shared/simulator-contract.md) that the views read.
// Kept structural so a full SimulationResult from simulator/index.ts is assignable to it.

export interface VizRequest {
  id: string;
  source: string;
  function: string;
  arrivedMs: number;
  outcome: 'succeeded' | 'failed' | 'throttled' | 'dead-lettered' | 'discarded' | 'unfinished';
  attempts: number;
  finishedMs?: number;
  invocationIds: string[];
  statusCode?: number;
}

export interface VizInvocation {
  requestId: string;
  function: string;
  environmentId: string;
  coldStart: boolean;
  initDurationMs?: number;
  startMs: number;
  endMs: number;
  durationMs: number;
  billedDurationMs: number;
  status: 'success' | 'error' | 'timeout' | 'crash';
  errorType?: string;
  errorMessage?: string;
  requestIds: string[];
}

export interface VizEnvironment {
  id: string;
  function: string;
  createdMs: number;
  destroyedMs?: number;
  provisioned: boolean;
  invocations: number;
  endReason?: string;
  /** Optional: init of an environment made before any request (provisioned, F15). */
  initDurationMs?: number;
  /** Engine extension: Init phases in ms (F02: extension, then runtime, then function init). */
  initPhasesMs?: { extension: number; runtime: number; function: number };
  /** Engine extension: the log stream this environment writes to (F13). */
  logStream?: string;
}

export interface VizLogLine {
  timeMs: number;
  function: string;
  logStream: string;
  message: string;
}

export interface VizResult {
  requests: VizRequest[];
  invocations: VizInvocation[];
  environments: VizEnvironment[];
  logs: VizLogLine[];
  cost?: Record<string, { requests: number; gbSeconds: number; usd: number }>;
}

/** What the views need to know about the scenario besides the trace. */
export interface VizLimits {
  accountConcurrency: number;
  reservedConcurrency?: number;
  provisionedConcurrency?: number;
}
