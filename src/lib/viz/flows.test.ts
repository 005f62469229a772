import { describe, expect, it } from 'vitest';
import { inv } from './fixtures.test-helpers';
import { flowCounts } from './flows';
import { TraceIndex } from './traceIndex';
import type { VizResult } from './types';

/** One async event that fails twice and succeeds on the third attempt (F63: retries 1 min, then 2 min later). */
function asyncRetries(): VizResult {
  return {
    requests: [{ id: 'ev1', source: 's3#0', function: 'fn', arrivedMs: 0, outcome: 'succeeded', attempts: 3, finishedMs: 180_300, invocationIds: ['a1', 'a2', 'a3'] }],
    invocations: [
      inv({ requestId: 'a1', environmentId: 'e1', startMs: 200, endMs: 300, status: 'error', requestIds: ['ev1'] }),
      inv({ requestId: 'a2', environmentId: 'e1', startMs: 60_300, endMs: 60_400, status: 'error', requestIds: ['ev1'] }),
      inv({ requestId: 'a3', environmentId: 'e1', startMs: 180_200, endMs: 180_300, requestIds: ['ev1'] }),
    ],
    environments: [{ id: 'e1', function: 'fn', createdMs: 0, provisioned: false, invocations: 3 }],
    logs: [],
  };
}

describe('flowCounts', () => {
  const index = new TraceIndex(10);
  index.update(asyncRetries());
  const at = (t: number) => flowCounts(index, t)[0];

  it('shows an async event waiting in the internal queue before its first attempt', () => {
    expect(at(100)).toMatchObject({ queued: 1, running: 0, oldestWaitingAgeMs: 100 });
  });

  it('shows it running, then waiting to be retried after a function error (F63)', () => {
    expect(at(250)).toMatchObject({ running: 1, runningBatches: 1 });
    expect(at(30_000)).toMatchObject({ retrying: 1, queued: 0, running: 0 });
    expect(at(120_000)).toMatchObject({ retrying: 1 });
  });

  it('counts the final outcome only once the request has reached it', () => {
    expect(at(180_250)).toMatchObject({ running: 1, succeeded: 0 });
    expect(at(180_300)).toMatchObject({ running: 0, succeeded: 1, oldestWaitingAgeMs: 0 });
  });

  it("gives each of the scenario's sources a board from the start, in the scenario's order", () => {
    const sources = [{ source: 'api', function: 'fn' }, { source: 's3#0', function: 'fn' }];
    expect(flowCounts(index, -1, sources).map((c) => [c.source, c.arrived, c.runningBatches])).toEqual([['api', 0, 0], ['s3#0', 0, 0]]);
    expect(flowCounts(index, 250, sources).map((c) => [c.source, c.arrived, c.runningBatches])).toEqual([['api', 0, 0], ['s3#0', 1, 1]]);
  });
});
