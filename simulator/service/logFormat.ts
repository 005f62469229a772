// CloudWatch log lines exactly as Lambda writes them (F116-F120, F125, F127, F133-F135).

/** F116 */
export function startLine(requestId: string, version = '$LATEST'): string {
  return `START RequestId: ${requestId} Version: ${version}`;
}

/** F117 */
export function endLine(requestId: string): string {
  return `END RequestId: ${requestId}`;
}

/**
 * F118: tab-separated, Duration and Init Duration with 2 decimals, Billed Duration an
 * integer, Init Duration only on cold starts, trailing tab.
 */
export function reportLine(
  requestId: string, durationMs: number, billedDurationMs: number, memoryMB: number,
  maxMemoryUsedMB: number, initDurationMs?: number,
): string {
  // join() builds one flat string; a template literal would keep a tree of ~15 pieces alive
  // per line, which dominates GC time when millions of lines are recorded.
  return [
    'REPORT RequestId: ', requestId, '\tDuration: ', durationMs.toFixed(2), ' ms\tBilled Duration: ', billedDurationMs,
    ' ms\tMemory Size: ', memoryMB, ' MB\tMax Memory Used: ', maxMemoryUsedMB, ' MB\t',
    initDurationMs === undefined ? '' : `Init Duration: ${initDurationMs.toFixed(2)} ms\t`,
  ].join('');
}

/** F119 / F03: the on-demand Init phase hit its 10 s limit (tab-separated like REPORT [verify]). */
export function initReportTimeoutLine(initDurationMs: number): string {
  return `INIT_REPORT Init Duration: ${initDurationMs.toFixed(2)} ms\tPhase: init\tStatus: timeout`;
}

/** F133: "<ISO ts> <requestId> Task timed out after 3.00 seconds". */
export function timeoutLine(isoTime: string, requestId: string, timeoutMs: number): string {
  return `${isoTime} ${requestId} ${timeoutMessage(timeoutMs)}`;
}

export function timeoutMessage(timeoutMs: number): string {
  return `Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`;
}

/** F127: the Node runtime's log line for a handler error (`stack` here, `trace` in the response). */
export function invokeErrorLine(isoTime: string, requestId: string, errorType: string, errorMessage: string, trace: string[]): string {
  return `${isoTime}\t${requestId}\tERROR\tInvoke Error \t${JSON.stringify({ errorType, errorMessage, stack: trace })}`;
}

/** F134/F135: the platform's line when the runtime process exits during an invoke. */
export function runtimeExitLine(requestId: string, exitError: string): string {
  return `RequestId: ${requestId} Error: Runtime exited with error: ${exitError}`;
}

/** F125: YYYY/MM/DD/[<version>]<execution environment GUID>, dated when the environment starts. */
export function logStreamName(epochMs: number, guid: string, version = '$LATEST'): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}/[${version}]${guid}`;
}

/** F124 */
export function logGroupName(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** Approximate Max Memory Used of a small function per runtime family (lambda-facts §2d). */
export function maxMemoryUsedMB(runtime: string, memoryMB: number): number {
  const used = runtime.startsWith('nodejs') ? 76 : runtime.startsWith('python') ? 35 : runtime.startsWith('java') ? 95
    : runtime.startsWith('dotnet') ? 90 : runtime.startsWith('ruby') ? 60 : 30;
  return Math.min(used, memoryMB);
}
