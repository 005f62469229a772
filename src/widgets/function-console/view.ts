// What the console shows about one invocation. Filled by session.ts from the engine's records;
// no field here is computed by the widget itself.
/** The unpublished function: what an unqualified invoke runs. */
export const LATEST = '$LATEST';

export type InvocationStatus = 'success' | 'error' | 'timeout' | 'crash' | 'throttled';

export interface InvocationView {
  /** 1-based, counting every invocation this widget made. */
  index: number;
  requestId: string;
  /** Counts the console's deployments of new code or configuration (1 = the first). */
  deployment: number;
  /** What was invoked: $LATEST, a version number or an alias name. */
  target: string;
  /** The version that ran ($LATEST or a number): an alias with a canary picks one per invocation. */
  version: string;
  status: InvocationStatus;
  coldStart: boolean;
  environmentId?: string;
  /** What the caller got: the handler's return value, or the error body (F126). */
  response: unknown;
  errorType?: string;
  /** This invocation's log lines, START to REPORT. */
  logLines: string[];
  durationMs?: number;
  billedDurationMs?: number;
  memoryMB: number;
  maxMemoryUsedMB?: number;
  initDurationMs?: number;
  costUsd?: number;
}

export interface Deployment {
  /** JavaScript the runtime loads (TypeScript already compiled). */
  source: string;
  config: import('./state').FunctionConfig;
}

export type InvokeMode = 'sequential' | 'concurrent';

/** One row of the metrics by CloudWatch Resource: a version (`2`, `$LATEST`) or an alias (`live`). */
export interface ResourceTally {
  resource: string;
  invocations: number;
  errors: number;
}
