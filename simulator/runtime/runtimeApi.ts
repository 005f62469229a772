// The Lambda Runtime API as a custom runtime sees it (F96-F101): an HTTP-shaped request handler
// over virtual time that hands out a fixed list of events and records what the runtime does with
// each one. Used to check a learner's `bootstrap` loop (runBootstrap in bootstrapRun.ts).
// Documentation: https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html
import { uuidV4 } from '../core/ids';
import { createRng } from '../core/rng';
import { DEFAULT_EPOCH_MS } from './config';

/** host:port, the value of AWS_LAMBDA_RUNTIME_API inside an execution environment (F96). */
export const RUNTIME_API_HOST = '127.0.0.1:9001';
export const RUNTIME_API_VERSION = '2018-06-01';

export interface RuntimeApiOptions {
  /** The events to serve, in order; each becomes one invocation. */
  events: unknown[];
  /** The function's timeout (default 3000 ms, the console default). */
  timeoutMs?: number;
  functionName?: string;
  seed?: number;
  /** Unix ms of virtual 0 (default 2026-01-01T00:00:00Z). */
  epochMs?: number;
  /** Virtual ms each API call takes (default 1): the loop's own cost, so steps are ordered in time. */
  callCostMs?: number;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type StepKind = 'next' | 'response' | 'error' | 'init-error' | 'timeout' | 'rejected';

export interface ApiStep {
  atMs: number;
  kind: StepKind;
  method: string;
  path: string;
  status: number;
  requestId?: string;
}

export interface InvocationError {
  errorType: string;
  errorMessage: string;
  stackTrace?: unknown;
}

export interface ServedInvocation {
  requestId: string;
  event: unknown;
  startMs: number;
  deadlineMs: number;
  endMs?: number;
  status: 'pending' | 'success' | 'error' | 'timeout';
  /** The body posted to /response, as sent. */
  response?: string;
  /** The error posted to /error (type from the header when the body has none), or the timeout. */
  error?: InvocationError;
}

export interface RuntimeApi {
  /** Answers one request; 'wait' means the GET /next blocks: there is no event to hand out. */
  handle(method: string, url: string, headers?: Record<string, string>, body?: string): ApiResponse | 'wait';
  /** The runtime went quiet with an invocation open: it runs until its deadline (F133). */
  timeOutOpenInvocation(): ServedInvocation | undefined;
  /** The invocation handed out and not yet answered, if any. */
  openInvocation(): ServedInvocation | undefined;
  readonly steps: readonly ApiStep[];
  readonly invocations: readonly ServedInvocation[];
  nowMs(): number;
}

const JSON_TYPE = { 'Content-Type': 'application/json' };
const json = (status: number, value: unknown): ApiResponse => ({ status, headers: { ...JSON_TYPE }, body: JSON.stringify(value) });
// The OpenAPI spec's StatusResponse for 202 and ErrorResponse for 4xx.
const accepted = () => json(202, { status: 'OK' });
const invalidRequestId = () => json(400, { errorType: 'InvalidRequestID', errorMessage: 'Invalid request ID' }); // F98
// Unknown paths: the router's plain 404 (F101).
const notFound = (): ApiResponse => ({ status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '404 page not found\n' });
const methodNotAllowed = (): ApiResponse => ({ status: 405, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Method Not Allowed\n' });

type Route =
  | { kind: 'next' }
  | { kind: 'response' | 'error'; requestId: string }
  | { kind: 'init-error' }
  | { kind: 'unknown' };

/** Splits a Runtime API URL into a route; anything not on this host and version is unknown. */
export function routeOf(url: string): Route {
  const match = /^http:\/\/([^/]+)\/([^/]+)(\/[^?#]*)/.exec(url);
  if (!match || match[1] !== RUNTIME_API_HOST || match[2] !== RUNTIME_API_VERSION) return { kind: 'unknown' };
  const path = match[3];
  if (path === '/runtime/invocation/next') return { kind: 'next' };
  if (path === '/runtime/init/error') return { kind: 'init-error' };
  const posted = /^\/runtime\/invocation\/([^/]+)\/(response|error)$/.exec(path);
  if (posted) return { kind: posted[2] as 'response' | 'error', requestId: decodeURIComponent(posted[1]) };
  return { kind: 'unknown' };
}

function pathOf(url: string): string {
  return /^http:\/\/[^/]+(\/[^?#]*)/.exec(url)?.[1] ?? url;
}

function parseError(body: string | undefined, headerType: string | undefined): InvocationError {
  let parsed: Record<string, unknown> = {};
  try {
    const value = JSON.parse(body ?? '');
    if (value && typeof value === 'object') parsed = value as Record<string, unknown>;
  } catch {
    /* a body that is not JSON still counts as an error report; its type comes from the header */
  }
  const errorType = typeof parsed.errorType === 'string' ? parsed.errorType : headerType ?? 'Unhandled';
  const errorMessage = typeof parsed.errorMessage === 'string' ? parsed.errorMessage : (body ?? '');
  return { errorType, errorMessage, ...(parsed.stackTrace !== undefined ? { stackTrace: parsed.stackTrace } : {}) };
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers![key];
}

export function createRuntimeApi(options: RuntimeApiOptions): RuntimeApi {
  const timeoutMs = options.timeoutMs ?? 3000;
  const epochMs = options.epochMs ?? DEFAULT_EPOCH_MS;
  const callCostMs = options.callCostMs ?? 1;
  const functionName = options.functionName ?? 'bootstrap-demo';
  const rng = createRng(options.seed ?? 1);
  const steps: ApiStep[] = [];
  const invocations: ServedInvocation[] = [];
  let now = 0;
  let nextEvent = 0;
  const open = () => invocations.find((i) => i.status === 'pending');

  function record(kind: StepKind, method: string, url: string, status: number, requestId?: string): void {
    steps.push({ atMs: now, kind, method, path: pathOf(url), status, ...(requestId ? { requestId } : {}) });
  }

  function serveNext(): ApiResponse | 'wait' {
    if (nextEvent >= options.events.length) return 'wait'; // frozen until an event comes (F97)
    const requestId = uuidV4(rng);
    const invocation: ServedInvocation = { requestId, event: options.events[nextEvent++], startMs: now, deadlineMs: now + timeoutMs, status: 'pending' };
    invocations.push(invocation);
    const traceRoot = `1-${Math.floor((epochMs + now) / 1000).toString(16).padStart(8, '0')}-${requestId.replace(/-/g, '').slice(0, 24)}`;
    return {
      status: 200,
      headers: {
        ...JSON_TYPE,
        'Lambda-Runtime-Aws-Request-Id': requestId,
        'Lambda-Runtime-Deadline-Ms': String(epochMs + invocation.deadlineMs), // Unix ms (F97)
        'Lambda-Runtime-Invoked-Function-Arn': `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
        'Lambda-Runtime-Trace-Id': `Root=${traceRoot};Parent=${requestId.replace(/-/g, '').slice(0, 16)};Sampled=0`,
      },
      body: JSON.stringify(invocation.event),
    };
  }

  function finish(kind: 'response' | 'error', requestId: string, headers: Record<string, string> | undefined, body: string | undefined): ApiResponse {
    const invocation = invocations.find((i) => i.requestId === requestId);
    if (!invocation || invocation.status !== 'pending') return invalidRequestId(); // unknown or already answered (F98)
    invocation.endMs = now;
    if (kind === 'response') {
      invocation.status = 'success';
      invocation.response = body ?? '';
    } else {
      invocation.status = 'error';
      invocation.error = parseError(body, headerValue(headers, 'Lambda-Runtime-Function-Error-Type')); // F99
    }
    return accepted();
  }

  return {
    handle(method, url, headers, body) {
      now += callCostMs;
      const route = routeOf(url);
      const verb = method.toUpperCase();
      const expected = route.kind === 'next' ? 'GET' : 'POST';
      let answer: ApiResponse | 'wait';
      if (route.kind === 'unknown') answer = notFound();
      else if (verb !== expected) answer = methodNotAllowed();
      else if (route.kind === 'next') {
        // Asking for the next event while one is open: that one never got an answer.
        const pending = open();
        answer = pending ? 'wait' : serveNext();
      } else if (route.kind === 'init-error') answer = open() || invocations.length ? json(403, { errorType: 'InvalidStateTransition', errorMessage: 'init error after init' }) : accepted(); // F100
      else answer = finish(route.kind, route.requestId, headers, body);
      const status = answer === 'wait' ? 0 : answer.status;
      const kind: StepKind = status >= 400 ? 'rejected' : route.kind === 'unknown' ? 'rejected' : route.kind;
      const requestId = route.kind === 'response' || route.kind === 'error' ? route.requestId : answer !== 'wait' ? answer.headers['Lambda-Runtime-Aws-Request-Id'] : undefined;
      record(kind, verb, url, status, requestId); // status 0: the GET blocks (the runtime is frozen there)
      return answer;
    },
    timeOutOpenInvocation() {
      const invocation = open();
      if (!invocation) return undefined;
      now = Math.max(now, invocation.deadlineMs);
      invocation.status = 'timeout';
      invocation.endMs = invocation.deadlineMs;
      const seconds = (timeoutMs / 1000).toFixed(2);
      invocation.error = { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${invocation.requestId} Error: Task timed out after ${seconds} seconds` }; // F133
      steps.push({ atMs: now, kind: 'timeout', method: '', path: '', status: 0, requestId: invocation.requestId });
      return invocation;
    },
    openInvocation: open,
    steps,
    invocations,
    nowMs: () => now,
  };
}
