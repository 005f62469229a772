// A small hand-made trace for unit tests of the views' data transforms (never shipped in the UI).

import type { VizInvocation, VizResult } from './types';

export function inv(p: Partial<VizInvocation> & Pick<VizInvocation, 'requestId' | 'environmentId' | 'startMs' | 'endMs'>): VizInvocation {
  const durationMs = p.endMs - p.startMs;
  return {
    function: 'fn',
    coldStart: false,
    durationMs,
    billedDurationMs: Math.ceil(durationMs),
    status: 'success',
    requestIds: [p.requestId],
    ...p,
  };
}

/** Two environments: e1 cold then warm, e2 cold with an error; one throttled request. */
export function smallTrace(): VizResult {
  return {
    requests: [
      { id: 'q1', source: 'invoke', function: 'fn', arrivedMs: 0, outcome: 'succeeded', attempts: 1, invocationIds: ['r1'] },
      { id: 'q3', source: 'invoke', function: 'fn', arrivedMs: 150, outcome: 'failed', attempts: 1, invocationIds: ['r3'] },
      { id: 'q4', source: 'invoke', function: 'fn', arrivedMs: 250, outcome: 'throttled', attempts: 0, invocationIds: [], statusCode: 429 },
      { id: 'q2', source: 'invoke', function: 'fn', arrivedMs: 500, outcome: 'succeeded', attempts: 1, invocationIds: ['r2'] },
    ],
    invocations: [
      inv({ requestId: 'r1', environmentId: 'e1', coldStart: true, initDurationMs: 100, startMs: 100, endMs: 300 }),
      inv({ requestId: 'r3', environmentId: 'e2', coldStart: true, initDurationMs: 50, startMs: 200, endMs: 400, status: 'error', errorType: 'Error' }),
      inv({ requestId: 'r2', environmentId: 'e1', startMs: 500, endMs: 600 }),
    ],
    environments: [
      { id: 'e1', function: 'fn', createdMs: 0, destroyedMs: 1000, provisioned: false, invocations: 2, endReason: 'idle' },
      { id: 'e2', function: 'fn', createdMs: 150, destroyedMs: 400, provisioned: false, invocations: 1, endReason: 'error-reset' },
    ],
    logs: [
      { timeMs: 100, function: 'fn', logStream: 's1', message: 'START RequestId: r1 Version: $LATEST' },
      { timeMs: 120, function: 'fn', logStream: 's1', message: 'hello from r1' },
      { timeMs: 300, function: 'fn', logStream: 's1', message: 'END RequestId: r1' },
      { timeMs: 300, function: 'fn', logStream: 's1', message: 'REPORT RequestId: r1\tDuration: 200.00 ms\tBilled Duration: 200 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\tInit Duration: 100.00 ms\t' },
      { timeMs: 500, function: 'fn', logStream: 's1', message: 'START RequestId: r2 Version: $LATEST' },
      { timeMs: 600, function: 'fn', logStream: 's1', message: 'REPORT RequestId: r2\tDuration: 100.00 ms\tBilled Duration: 100 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\t' },
    ],
  };
}
