import { describe, expect, it } from 'vitest';
import { saleScenario } from '../../../content/lessons/01-serverless-computing.challenges';
import { parseScenario, simulate } from '../../../simulator/index';
import { aggregate, CLOUDWATCH_PERIOD_MS, percentile, periodFor, splitBy } from './aggregate';
import { logStreams } from './logStreams';

const inv = (startMs: number, durationMs: number, status: 'success' | 'error' | 'timeout' | 'crash' = 'success') => ({ startMs, durationMs, status });

describe('per-period metrics, as CloudWatch computes them', () => {
  it('percentiles are nearest-rank: p50 of 1..100 is 50, p99 is 99, one value is every percentile', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeUndefined();
    // 95 % of the data at or below p95: the 19th of 20.
    expect(percentile(Array.from({ length: 20 }, (_, i) => i), 0.95)).toBe(18);
  });

  it('uses the 1-minute period for a long run and a finer one that still gives about 10 points for a short run', () => {
    expect(periodFor(30 * 60_000)).toBe(CLOUDWATCH_PERIOD_MS);
    expect(periodFor(10 * 60_000)).toBe(CLOUDWATCH_PERIOD_MS);
    expect(periodFor(5 * 60_000)).toBe(30_000);
    expect(periodFor(60_000)).toBe(5000);
    expect(periodFor(3000)).toBe(1000);
  });

  it('sums invocations, errors (thrown, timed out, crashed) and throttles per period, by start time', () => {
    const rows = aggregate({
      invocations: [inv(100, 10), inv(900, 30, 'error'), inv(1500, 20), inv(1600, 3000, 'timeout'), inv(2500, 5, 'crash')],
      throttleTimesMs: [950, 2100, 2200],
      concurrency: [],
    }, 1000);
    expect(rows.map((r) => [r.startMs, r.invocations, r.errors, r.throttles])).toEqual([[0, 2, 1, 1], [1000, 2, 1, 0], [2000, 1, 1, 2]]);
  });

  it('covers the traffic with whole periods and leaves no empty one at the end; a late retry extends it', () => {
    expect(aggregate({ invocations: [inv(59_990, 5)], throttleTimesMs: [], concurrency: [], endMs: 60_000 }, 5000)).toHaveLength(12);
    expect(aggregate({ invocations: [inv(61_000, 5)], throttleTimesMs: [], concurrency: [], endMs: 60_000 }, 5000)).toHaveLength(13);
  });

  it('takes Duration p50/p99 within each period and leaves a period with no invocation without a data point', () => {
    const rows = aggregate({ invocations: [inv(0, 10), inv(10, 20), inv(20, 30), inv(2100, 400)], throttleTimesMs: [], concurrency: [], endMs: 2500 }, 1000);
    expect(rows.map((r) => [r.durationP50Ms, r.durationP99Ms])).toEqual([[20, 30], [undefined, undefined], [400, 400]]);
  });

  it('ConcurrentExecutions is the Maximum of the per-second peaks in each period', () => {
    const rows = aggregate({ invocations: [], throttleTimesMs: [], concurrency: [{ timeMs: 0, value: 3 }, { timeMs: 1000, value: 7 }, { timeMs: 5000, value: 2 }], endMs: 5999 }, 5000);
    expect(rows.map((r) => r.concurrentExecutions)).toEqual([7, 2]);
  });

  it('splits records by a dimension, keeping their order', () => {
    const split = splitBy([{ v: '1', n: 1 }, { v: '2', n: 2 }, { v: '1', n: 3 }], (x) => x.v);
    expect([...split.entries()].map(([k, xs]) => [k, xs.map((x) => x.n)])).toEqual([['1', [1, 3]], ['2', [2]]]);
  });

  it("one period over a whole engine run agrees with the engine's totals and p50/p99 (lesson 1's sale)", async () => {
    const scenario = parseScenario(saleScenario);
    const result = await simulate(scenario);
    const fn = scenario.functions[0].name;
    const m = result.metrics[fn];
    const [row] = aggregate({
      invocations: result.invocations.filter((i) => i.function === fn),
      throttleTimesMs: Array(m.throttles).fill(0),
      concurrency: m.series.ConcurrentExecutions ?? [],
    }, 1e9);
    expect(row.invocations).toBe(m.invocations);
    expect(row.errors).toBe(m.errors);
    expect(row.throttles).toBe(m.throttles);
    expect(row.durationP50Ms).toBe(m.durationMs.p50);
    expect(row.durationP99Ms).toBe(m.durationMs.p99);
    expect(row.concurrentExecutions).toBe(m.maxConcurrency);
  });
});

describe('log streams', () => {
  it('groups a function\'s lines by stream (one per execution environment, F125), streams in order of their first line', () => {
    const line = (timeMs: number, fn: string, logStream: string, message: string) => ({ timeMs, function: fn, logStream, message });
    const a = '2026/12/07/[$LATEST]aaaa';
    const b = '2026/12/07/[$LATEST]bbbb';
    const streams = logStreams([line(5, 'f', b, 'START b'), line(1, 'f', a, 'START a'), line(6, 'g', a, 'other'), line(9, 'f', a, 'END a')].sort((x, y) => x.timeMs - y.timeMs), 'f');
    expect(streams.map((s) => [s.name, s.lines.map((l) => l.message)])).toEqual([[a, ['START a', 'END a']], [b, ['START b']]]);
  });
});
