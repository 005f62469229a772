// The boundary between the Lambda service model (simulator/service) and a code handler's
// execution environment (simulator/runtime). The service owns virtual time, placement, limits,
// timeouts and records; the runtime owns one isolated JavaScript realm per environment.

/** What the service lends a code environment. All times are virtual milliseconds. */
export interface CodeRuntimeHost {
  now(): number;
  /** Schedule fn on the engine's event queue at virtual time atMs (>= now()). */
  schedule(atMs: number, fn: () => void): number;
  cancel(id: number): void;
  /**
   * The engine does not advance virtual time while a tracked promise is pending. A runtime
   * tracks its worker until the worker is quiescent (waiting only on virtual timers or on
   * host replies). A runaway worker must still settle this promise (real-time watchdog).
   */
  track(p: Promise<unknown>): void;
  /** One CloudWatch log event in this environment's log stream. */
  log(timeMs: number, message: string): void;
  /** Shared simulated dependencies (database, HTTP); engine-side so limits span environments. */
  call(service: string, op: string, args: unknown, reply: (result: DependencyReply) => void): void;
}

export type DependencyReply = { ok: true; value: unknown } | { ok: false; errorType: string; errorMessage: string };

export interface CodeFunctionSpec {
  functionName: string;
  functionVersion: string;          // '$LATEST' or a number
  invokedFunctionArn: string;
  runtime: string;                  // 'nodejs24.x', 'nodejs22.x', ...
  handler: string;                  // 'index.handler'
  source: string;                   // the file the handler setting names
  memoryMB: number;
  timeoutMs: number;
  environment: Record<string, string>;  // user variables; the runtime adds the reserved ones (F114, F115)
  initializationType: 'on-demand' | 'provisioned-concurrency';
  logGroupName: string;
  logStreamName: string;
  region: string;
  /** Virtual ms the platform spends on extension + runtime init before module code runs (F22). */
  platformInitMs: number;
  /** CPU share relative to 1 vCPU (F28); scales measured CPU time when cpuTime is 'measured'. */
  cpuShare: number;
  cpuTime: 'none' | 'measured';     // 'none' = deterministic (tests, share links)
  /** Optional: the file's name, e.g. 'index.mjs'; when its stem differs from the handler's module, init fails (F128). */
  fileName?: string;
  /** Optional: seed of the environment's random source (crypto.randomUUID, Math.random); default derived from the log stream. */
  seed?: number;
  /** Optional: Unix ms that virtual time 0 stands for (Date, log timestamps); default DEFAULT_EPOCH_MS (2026-01-01Z). */
  epochMs?: number;
  /** Optional: layers, mounted under /opt in this order, a later layer's file winning (F38; mount.ts). */
  layers?: LayerContent[];
  /** Optional: curated npm packages in the function's own package, under /var/task/node_modules. */
  packages?: string[];
}

/** What a layer holds: files by path inside the layer ('nodejs/node_modules/x/index.js') and curated packages. */
export interface LayerContent {
  files?: Record<string, string>;
  /** Curated npm packages (curated-packages.json), placed at nodejs/node_modules/<name> as npm would. */
  packages?: string[];
}

export interface InvokeRequest {
  requestId: string;
  event: unknown;
  deadlineMs: number;               // virtual; Lambda-Runtime-Deadline-Ms
  invokedFunctionArn: string;
  traceId: string;
}

export type Outcome =
  | { status: 'success'; response: unknown }
  | { status: 'error' | 'crash'; errorType: string; errorMessage: string; trace?: string[] };

export interface CodeEnvironmentCallbacks {
  /** Init finished at host.now(); on error the invoke that follows reports it (F131). */
  onInitDone(outcome: Outcome): void;
  /** The handler finished at host.now(). 'crash' means the environment must be reset (F06). */
  onInvokeDone(outcome: Outcome): void;
  /**
   * Optional: the runtime process died while no invocation was running (e.g. a timer threw after
   * the response). If the service does nothing, the next invoke() re-runs Init inside it.
   */
  onRuntimeExit?(outcome: Outcome): void;
}

export interface CodeEnvironment {
  init(): void;
  invoke(request: InvokeRequest): void;
  /** The service gave up on the current work (timeout: F133) or reclaims the environment. */
  destroy(reason: 'timeout' | 'error-reset' | 'idle' | 'scale-in' | 'end'): void;
}

export type CreateCodeEnvironment = (
  spec: CodeFunctionSpec,
  host: CodeRuntimeHost,
  callbacks: CodeEnvironmentCallbacks,
) => CodeEnvironment;
