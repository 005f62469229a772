import { describe, expect, it } from 'vitest';
import { inv, smallTrace } from './fixtures.test-helpers';
import { rateTimesDuration } from './rateDuration';
import { rowSegments } from './segments';
import { summarize } from './summary';
import { TraceIndex } from './traceIndex';

const prices = { memoryMB: { fn: 1024 }, architecture: {} };

function indexOf(result = smallTrace()): TraceIndex {
  const index = new TraceIndex(1);
  index.update(result);
  return index;
}

describe('TraceIndex', () => {
  it('counts one concurrent execution per busy environment (F12)', () => {
    const index = indexOf();
    expect(index.grid.at(250)).toBe(2);
    expect(index.grid.at(350)).toBe(1);
    expect(index.grid.at(450)).toBe(0);
    expect(index.grid.at(550)).toBe(1);
  });

  it('orders environment rows by creation time', () => {
    expect(indexOf().rows.map((r) => r.env.id)).toEqual(['e1', 'e2']);
    expect(indexOf().rowsAt(100).map((r) => r.env.id)).toEqual(['e1']);
  });

  it('takes in a growing trace without counting anything twice', () => {
    const full = smallTrace();
    const index = new TraceIndex(1);
    index.update({ ...full, invocations: full.invocations.slice(0, 1) });
    index.update(full);
    index.update(full);
    expect(index.starts.length).toBe(3);
    expect(index.coldStarts.length).toBe(2);
  });
});

describe('rowSegments', () => {
  it('shows init before the cold invoke, then invoke, frozen idle and a running invoke at t', () => {
    const [e1] = indexOf().rows;
    const segments = rowSegments(e1, 550, 0, 2000);
    expect(segments.map((s) => [s.kind, s.startMs, s.endMs, s.running ?? false])).toEqual([
      ['init', 0, 100, false],
      ['invoke', 100, 300, false],
      ['idle', 300, 500, false],
      ['invoke', 500, 550, true],
    ]);
  });

  it('keeps an invocation that took 0 ms of virtual time, so it can be seen and opened', () => {
    const index = new TraceIndex(1);
    index.update({
      requests: [],
      invocations: [inv({ requestId: 'r0', environmentId: 'e0', startMs: 50, endMs: 50 })],
      environments: [{ id: 'e0', function: 'fn', createdMs: 0, provisioned: false, invocations: 1 }],
      logs: [],
    });
    const segments = rowSegments(index.rows[0], 100, 0, 100);
    expect(segments.filter((s) => s.kind === 'invoke').map((s) => [s.startMs, s.endMs, s.invocation?.requestId])).toEqual([[50, 50, 'r0']]);
  });

  it('ends with a shutdown mark once the environment is destroyed', () => {
    const [, e2] = indexOf().rows;
    const kinds = rowSegments(e2, 2000, 0, 2000).map((s) => s.kind);
    expect(kinds).toEqual(['init', 'invoke', 'shutdown']);
  });

  it('clips to the visible window without inventing init for a warm environment', () => {
    const [e1] = indexOf().rows;
    const segments = rowSegments(e1, 2000, 400, 2000);
    expect(segments.map((s) => [s.kind, s.startMs, s.endMs])).toEqual([
      ['idle', 400, 500],
      ['invoke', 500, 600],
      ['idle', 600, 1000],
      ['shutdown', 1000, 1000],
    ]);
  });
});

describe('summarize', () => {
  it('counts invocations, cold starts, errors and throttles as they had happened by t', () => {
    const index = indexOf();
    const early = summarize(index, 260, prices);
    expect([early.invocations, early.coldStarts, early.errors, early.throttles]).toEqual([2, 2, 0, 1]);
    const late = summarize(index, 1000, prices);
    expect([late.invocations, late.coldStarts, late.errors, late.throttles]).toEqual([3, 2, 1, 1]);
    expect(late.coldStartShare).toBeCloseTo(2 / 3);
    expect(late.maxConcurrency).toBe(2);
  });

  it('prices GB-seconds and requests at the documented first-tier rates (F46, F47)', () => {
    // 1024 MB: billed 200 + 200 + 100 ms = 0.5 GB-s; 3 requests.
    const s = summarize(indexOf(), 1000, prices);
    expect(s.costUsd).toBeCloseTo(0.5 * 0.0000166667 + 3 * 0.0000002, 12);
  });

  it('reports nearest-rank p50 and p99 of Duration over finished invocations', () => {
    const s = summarize(indexOf(), 1000, prices);
    expect(s.p50DurationMs).toBe(200);
    expect(s.p99DurationMs).toBe(200);
  });
});

describe('rateTimesDuration', () => {
  it('predicts about rate x duration busy environments in steady load (F54)', () => {
    // 100 invocations per second, each 500 ms, staggered over 10 s on 50 environments.
    const invocations = Array.from({ length: 1000 }, (_, i) =>
      inv({ requestId: `r${i}`, environmentId: `e${i % 50}`, startMs: i * 10, endMs: i * 10 + 500 }),
    );
    const index = indexOf({ requests: [], invocations, environments: [], logs: [] });
    const r = rateTimesDuration(index, 8000, 5000)!;
    expect(r.ratePerSecond).toBeCloseTo(100, 0);
    expect(r.meanDurationMs).toBe(500);
    expect(r.predictedConcurrency).toBeCloseTo(50, 0);
    expect(r.measuredConcurrency).toBeCloseTo(50, 0);
  });
});

describe('init phases', () => {
  it('splits a cold start into extension, runtime and function init in that order (F02)', () => {
    const trace = smallTrace();
    trace.environments[0] = { ...trace.environments[0], initPhasesMs: { extension: 0, runtime: 60, function: 40 } };
    const [e1] = indexOf(trace).rows;
    const init = rowSegments(e1, 2000, 0, 2000).filter((s) => s.kind === 'init');
    expect(init.map((s) => [s.phase, s.startMs, s.endMs])).toEqual([
      ['runtime', 0, 60],
      ['function', 60, 100],
    ]);
  });
});

describe('ConcurrencyGrid', () => {
  it('does not count a run that ends and one that starts within the same millisecond as concurrent', () => {
    const index = new TraceIndex(1);
    index.update({
      requests: [],
      invocations: [
        inv({ requestId: 'a', environmentId: 'e1', startMs: 0, endMs: 100.3 }),
        inv({ requestId: 'b', environmentId: 'e2', startMs: 100.5, endMs: 200 }),
      ],
      environments: [],
      logs: [],
    });
    expect(index.grid.peaks(0, 300, 3, 300)).toEqual(new Int32Array([1, 1, 0]));
  });
});
