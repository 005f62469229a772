// The stepping API (createSimulation) beyond the contract minimum. See simulator/README.md.
import type { DependencyStats } from './runtime/dependencies';
import type { CodeRuntimeHost, CreateCodeEnvironment } from './runtime/types';
import type { FunctionSpec } from './scenario/types';
import type { Lineage } from './sources/types';
import type { EnvironmentRecord, InvocationRecord, LogLine, RequestRecord, SimulationResult } from './trace/records';

export interface SimulationOptions {
  /** Factory for code-handler environments; default: simulator/runtime (loaded lazily). */
  createCodeEnvironment?: CreateCodeEnvironment;
  /** Engine-side dependencies behind host.call (default: the runtime's createDependencyService). */
  dependencies?: { call: CodeRuntimeHost['call']; stats?(): DependencyStats };
  /** Safety cap on events processed (a runaway scenario is an error, not a hang). Default 2e8. */
  maxSteps?: number;
}

/** A light notification; one per thing that happened, in virtual-time order. */
export type SimulationEvent =
  | { type: 'request.arrived'; timeMs: number; function: string; requestId: string; source: string }
  | { type: 'request.finished'; timeMs: number; function: string; requestId: string; outcome: RequestRecord['outcome'] }
  | { type: 'invocation.started'; timeMs: number; function: string; environmentId: string; invocationId: string; coldStart: boolean }
  | { type: 'invocation.finished'; timeMs: number; function: string; environmentId: string; invocationId: string; status: string }
  | { type: 'environment.state'; timeMs: number; function: string; environmentId: string; state: string }
  | { type: 'throttled'; timeMs: number; function: string; reason: string };

export interface LiveEnvironment {
  id: string;
  function: string;
  /** Leaf state of executionEnvironmentMachine, e.g. 'idle', 'busy', 'initializing.runtimeInit'. */
  state: string;
  provisioned: boolean;
  /** Functions with versions: the version the environment belongs to. */
  version?: string;
}

export interface InvokeOptions {
  invocationType?: 'RequestResponse' | 'Event'; // default RequestResponse
  /** F95: the invoke belongs to a chain (an SDK call from another invocation); see sources/types.ts Lineage. */
  lineage?: Lineage;
}

/** Records handed over by Simulation.takeRecords(), each list in the order it was recorded. */
export interface RecordBatch {
  requests: RequestRecord[];
  invocations: InvocationRecord[];
  environments: EnvironmentRecord[];
  logs: LogLine[];
}

export interface Simulation {
  /** Loads the code runtime if the scenario needs it and starts time 0; await it before invoke(). */
  ready(): Promise<void>;
  /** Runs the next event; false when the simulation has finished. */
  step(): Promise<boolean>;
  /** Runs every event up to virtualMs, then sets the clock to virtualMs. */
  runUntil(virtualMs: number): Promise<void>;
  /** Runs to the end (all arrivals emitted and all work finished), then ends every environment. */
  run(): Promise<SimulationResult>;
  /** Runs until only background work (idle reclaim) is left, without ending anything (console). */
  settle(): Promise<void>;
  /** Synchronous forms for model-only scenarios; they throw if the scenario has code handlers. */
  stepSync(): boolean;
  runUntilSync(virtualMs: number): void;
  now(): number;
  /** True when nothing but background work (idle reclaim) is left. */
  isFinished(): boolean;
  subscribe(listener: (event: SimulationEvent) => void): () => void;
  /**
   * What has happened so far; requests still in flight have outcome 'unfinished'. By default a
   * snapshot (copies); `{ snapshot: false }` returns the live arrays, O(1) per call, for callers
   * that copy anyway (e.g. postMessage) and accept that unfinished records change later.
   */
  result(options?: { snapshot?: boolean }): SimulationResult;
  /**
   * Engine extension for long runs shown live: returns what was recorded since the last call
   * and drops it from result() — invocations, logs, ended environments, and requests with
   * their final outcome. Metrics and cost still cover the whole run.
   */
  takeRecords(): RecordBatch;
  environments(): LiveEnvironment[];
  /** Adds one arrival at now() (the console's Test button). Resolves when it has its outcome. */
  invoke(functionName: string, payload?: unknown, options?: InvokeOptions): { requestId: string; finished: Promise<RequestRecord> };
  /** Changes a function's code or configuration; its environments are retired, the next invoke is cold (F11). */
  updateFunction(functionName: string, patch: Partial<Omit<FunctionSpec, 'name'>>): void;
  dispose(): void;
}
