// Runs a custom runtime's `bootstrap` (F102) written in JavaScript against the simulated Runtime
// API (runtimeApi.ts) and reports what it did with each event. A real bootstrap is any executable
// (a shell script with curl, a Go binary); here it is the body of an async JavaScript function that
// gets `fetch`, `process.env` and `console`, so a learner can write one in the browser.
// Deterministic: every API call answers at once on virtual time; the run ends when the bootstrap
// stops making calls (blocked on /next, awaiting something that never settles, or finished).
import { RUNTIME_API_HOST, createRuntimeApi, type ApiResponse, type ApiStep, type RuntimeApiOptions, type ServedInvocation } from './runtimeApi';

export interface BootstrapRunOptions extends RuntimeApiOptions {
  /** A bound on API calls, so a loop that never blocks ends with a report (default 100). */
  maxCalls?: number;
}

export type BootstrapOutcome =
  | { kind: 'waiting' } // blocked in GET /next with nothing open: the healthy end of a run
  | { kind: 'timeout'; requestId: string } // went quiet with an invocation open (F133, then reset F06)
  | { kind: 'exited'; message: string } // the bootstrap returned, threw or called process.exit
  | { kind: 'syntax-error'; message: string }
  | { kind: 'call-limit'; calls: number };

export interface BootstrapLog {
  atMs: number;
  line: string;
}

export interface BootstrapRunResult {
  outcome: BootstrapOutcome;
  steps: readonly ApiStep[];
  invocations: readonly ServedInvocation[];
  logs: BootstrapLog[];
  /** Events answered through /response or /error before their deadline. */
  answered: number;
}

interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** The bits of a fetch Response a bootstrap needs: status, ok, headers.get, text(), json(). */
function responseOf(answer: ApiResponse) {
  const lower = new Map(Object.entries(answer.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    status: answer.status,
    ok: answer.status >= 200 && answer.status < 300,
    headers: { get: (name: string) => lower.get(String(name).toLowerCase()) ?? null },
    text: async () => answer.body,
    json: async () => JSON.parse(answer.body),
  };
}

class ExitSignal extends Error {}

const NEVER = new Promise<never>(() => {});
const IDLE_TURNS = 200; // microtask turns without a call before the bootstrap counts as quiet

function formatLogArg(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export async function runBootstrap(source: string, options: BootstrapRunOptions): Promise<BootstrapRunResult> {
  const api = createRuntimeApi(options);
  const maxCalls = options.maxCalls ?? 100;
  const logs: BootstrapLog[] = [];
  let calls = 0;
  const result = (outcome: BootstrapOutcome): BootstrapRunResult => ({
    outcome, steps: api.steps, invocations: api.invocations, logs,
    answered: api.invocations.filter((i) => i.status === 'success' || i.status === 'error').length,
  });

  const fetch = (url: unknown, init: FetchInit = {}) => {
    if (calls >= maxCalls) return NEVER;
    calls++;
    const body = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : String(init.body);
    const answer = api.handle(init.method ?? 'GET', String(url), init.headers, body);
    return answer === 'wait' ? NEVER : Promise.resolve(responseOf(answer));
  };
  const log = (...args: unknown[]) => logs.push({ atMs: api.nowMs(), line: args.map(formatLogArg).join(' ') });
  const console = { log, info: log, warn: log, error: log };
  const process = {
    env: {
      AWS_LAMBDA_RUNTIME_API: RUNTIME_API_HOST, // F96
      _HANDLER: 'function.handler',
      LAMBDA_TASK_ROOT: '/var/task',
      AWS_LAMBDA_FUNCTION_NAME: options.functionName ?? 'bootstrap-demo',
    },
    exit: (code?: number) => {
      throw new ExitSignal(`Runtime exited with error: exit status ${code ?? 0}`); // F135
    },
  };

  let body: (...args: unknown[]) => Promise<unknown>;
  try {
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => typeof body;
    body = new AsyncFunction('fetch', 'process', 'console', source);
  } catch (err) {
    return result({ kind: 'syntax-error', message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }

  let ended: BootstrapOutcome | undefined;
  body(fetch, process, console).then(
    () => { ended = { kind: 'exited', message: 'The bootstrap returned: a runtime must loop for the next event.' }; },
    (err) => { ended = { kind: 'exited', message: err instanceof ExitSignal ? err.message : `Uncaught ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}` }; },
  );

  for (;;) {
    const before = calls;
    for (let turn = 0; turn < IDLE_TURNS && !ended; turn++) await null;
    if (ended) break;
    if (calls >= maxCalls) return result({ kind: 'call-limit', calls });
    if (calls === before) break; // quiet: nothing more will happen on its own
  }
  if (ended) return result(ended);
  const timedOut = api.timeOutOpenInvocation();
  return result(timedOut ? { kind: 'timeout', requestId: timedOut.requestId } : { kind: 'waiting' });
}
