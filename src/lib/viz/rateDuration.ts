// Concurrency = rate x duration (F54), measured over a trailing window so the learner can
// check the formula against the concurrency the chart shows.

import type { TraceIndex } from './traceIndex';

export interface RateDuration {
  windowMs: number;
  ratePerSecond: number;
  meanDurationMs: number;
  predictedConcurrency: number;
  measuredConcurrency: number;
}

export function rateTimesDuration(index: TraceIndex, t: number, windowMs: number): RateDuration | undefined {
  const from = Math.max(0, t - windowMs);
  const span = t - from;
  if (span <= 0) return undefined;
  const started = index.starts.countAtOrBefore(t) - index.starts.countAtOrBefore(from);
  // Local counts: index.ended holds only what has not been forgotten, aligned with endTimes.
  const lo = index.endTimes.localCountAtOrBefore(from);
  const hi = index.endTimes.localCountAtOrBefore(t);
  let sum = 0;
  for (let i = lo; i < hi; i++) sum += index.ended[i].endMs - index.ended[i].startMs;
  const meanDurationMs = hi > lo ? sum / (hi - lo) : 0;
  const ratePerSecond = started / (span / 1000);
  return {
    windowMs: span,
    ratePerSecond,
    meanDurationMs,
    predictedConcurrency: ratePerSecond * (meanDurationMs / 1000),
    measuredConcurrency: index.grid.mean(from, t),
  };
}
