// The end of one invocation: its InvocationRecord, its log lines (F116-F118, F127, F133,
// F134), metrics and cost, and the outcome reported to the source.
import type { InvokeCall, InvokeOutcome } from '../sources/types';
import type { InvocationRecord, InvocationStatus } from '../trace/records';
import type { Environment, InvocationEnd } from './functionPool';
import type { UuidWords } from '../core/ids';
import type { EnvironmentHost } from './host';
import type { FunctionStats } from './recorder';
import { billedDurationMs as billedDuration } from '../rules/resolve';
import { invokeErrorLine, isoTime, runtimeExitLine, timeoutLine, timeoutMessage } from './logFormat';


const round2 = (ms: number) => Math.round(ms * 100) / 100;

export function finishInvocation(host: EnvironmentHost, env: Environment, end: InvocationEnd): InvokeOutcome {
  const inv = env.current!;
  env.current = null;
  const fn = env.fn;
  const spec = fn.spec;
  const now = host.scheduler.now();
  const timeoutMs = spec.timeoutMs;
  // F50: a timed-out invocation reports and bills the full timeout.
  const durationMs = end.status === 'timeout' ? timeoutMs : round2(now - inv.startMs);
  const initMs = inv.coldStart ? round2(inv.initDurationMs ?? 0) : 0;
  // F45 (1 ms or 100 ms steps), F27/F51 (Init billed on a cold start), by the run's rule set.
  // Before the F27 change Init was billed anyway for custom runtimes and provisioned concurrency.
  const initAlwaysBilled = env.provisioned || spec.runtime.startsWith('provided');
  const billedDurationMs = billedDuration(host.config.rules, durationMs, initMs, initAlwaysBilled);
  const requests = inv.call.requests;
  const requestIds = requests.length === 1 ? [requests[0].id] : requests.map((r) => r.id);
  const record: InvocationRecord = {
    requestId: inv.requestId, function: spec.name, environmentId: env.record.id, coldStart: inv.coldStart,
    startMs: inv.startMs, endMs: now, durationMs, billedDurationMs, status: end.status, requestIds,
  };
  if (inv.coldStart) record.initDurationMs = initMs;
  if (fn.main.resourceStats) record.version = fn.version;
  let errorBody: { errorType: string; errorMessage: string; trace?: string[] } | undefined;
  if (end.status !== 'success') {
    errorBody = errorResponse(end, inv.requestId, timeoutMs);
    record.errorType = errorBody.errorType;
    record.errorMessage = errorBody.errorMessage;
  }
  writeLogs(host, env, record, end, inv.idWords);
  countInvocation(fn.stats, record, spec, env.provisioned);
  for (const stats of inv.resourceStats) countInvocation(stats, record, spec, env.provisioned);
  if (host.emit) {
    host.emit({ type: 'invocation.finished', timeMs: now, function: spec.name, environmentId: env.record.id, invocationId: inv.requestId, status: end.status });
  }
  if (errorBody) {
    return { status: end.status as 'error' | 'timeout' | 'crash', response: errorBody, errorType: errorBody.errorType, errorMessage: errorBody.errorMessage, invocation: record };
  }
  return { status: 'success', response: end.response, invocation: record };
}

function countInvocation(stats: FunctionStats, r: InvocationRecord, spec: Environment['fn']['spec'], provisioned: boolean): void {
  stats.invocations++;
  stats.addDuration(r.durationMs);
  if (r.status !== 'success') stats.errors++;
  if (r.coldStart) stats.coldStarts++;
  stats.bill(r.billedDurationMs, spec.memoryMB, spec.architecture, provisioned);
}

/** F126 (function error), F133 (timeout), F134/F135 (runtime exit) bodies for a sync caller. */
function errorResponse(end: InvocationEnd, requestId: string, timeoutMs: number) {
  if (end.status === 'timeout') {
    return { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${requestId} Error: ${timeoutMessage(timeoutMs)}` };
  }
  if (end.status === 'crash' && end.exitError !== undefined) {
    return { errorType: end.errorType ?? 'Runtime.ExitError', errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: ${end.exitError}` };
  }
  const body: { errorType: string; errorMessage: string; trace?: string[] } = {
    errorType: end.errorType ?? 'Error', errorMessage: end.errorMessage ?? '',
  };
  body.trace = end.trace ?? [];
  return body;
}

/** The invocation's record, then its log lines: any error line, END and REPORT (from the record). */
function writeLogs(host: EnvironmentHost, env: Environment, r: InvocationRecord, end: InvocationEnd, idWords: UuidWords): void {
  const rec = host.recorder;
  const spec = env.fn.spec;
  if (!rec.keepLogs) {
    rec.invocation(r, spec.memoryMB, env.fn.memoryUsedMB, env.record.logStream, idWords);
    return;
  }
  const fnName = r.function;
  const stream = env.record.logStream;
  const now = r.endMs;
  if (end.status === 'error' && end.logError) {
    rec.log(now, fnName, stream, invokeErrorLine(isoTime(host.config.epochMs + now), r.requestId, r.errorType!, r.errorMessage!, end.trace ?? []));
  } else if (end.status === 'timeout') {
    rec.log(now, fnName, stream, timeoutLine(isoTime(host.config.epochMs + now), r.requestId, env.fn.spec.timeoutMs));
  } else if (end.status === 'crash' && end.exitError !== undefined) {
    rec.log(now, fnName, stream, runtimeExitLine(r.requestId, end.exitError));
    rec.log(now, fnName, stream, r.errorType!);
  }
  rec.invocation(r, spec.memoryMB, env.fn.memoryUsedMB, stream, idWords); // END, REPORT
}
