// A CloudWatch-style summary of what had happened by time t: Invocations, Errors, Throttles,
// cold-start share, p50/p99 Duration and cost (F46/F47 first-tier us-east-1 prices).

import { costUsd, DEFAULT_ARCHITECTURE, DEFAULT_MEMORY_MB, gbSeconds } from '../../../simulator/constants';
import type { TraceIndex } from './traceIndex';

export interface Summary {
  invocations: number;
  errors: number;
  /** Throttled invoke attempts, as CloudWatch's Throttles counts them (async retries included). */
  throttles: number;
  coldStarts: number;
  coldStartShare: number; // 0..1 of invocations started by t
  p50DurationMs?: number;
  p99DurationMs?: number;
  costUsd: number;
  maxConcurrency: number;
}

export interface PriceInputs {
  memoryMB: Record<string, number>;
  architecture: Record<string, 'x86_64' | 'arm64'>;
}

/** What `invocations` runs billed for `billedMs` in total cost at `memoryMB` (F46, F47; no free tier). */
export function invocationCostUsd(invocations: number, billedMs: number, memoryMB: number, arch: 'x86_64' | 'arm64' = DEFAULT_ARCHITECTURE): number {
  return costUsd(invocations, gbSeconds(billedMs, memoryMB), arch);
}

export function summarize(index: TraceIndex, t: number, prices: PriceInputs): Summary {
  const invocations = index.starts.countAtOrBefore(t);
  const coldStarts = index.coldStarts.countAtOrBefore(t);
  const ended = index.endedTotals(t);
  let costUsd = 0;
  for (const [fn, f] of ended.byFunction) {
    const memoryMB = prices.memoryMB[fn] ?? DEFAULT_MEMORY_MB;
    const arch = prices.architecture[fn] ?? DEFAULT_ARCHITECTURE;
    costUsd += invocationCostUsd(f.invocations, f.billedMs, memoryMB, arch);
  }
  return {
    invocations,
    errors: ended.errors,
    throttles: index.throttledAttempts(t),
    coldStarts,
    coldStartShare: invocations === 0 ? 0 : coldStarts / invocations,
    p50DurationMs: ended.durations.percentile(50),
    p99DurationMs: ended.durations.percentile(99),
    costUsd,
    maxConcurrency: maxConcurrencyUntil(index, t),
  };
}

function maxConcurrencyUntil(index: TraceIndex, t: number): number {
  const res = index.grid.resolutionMs;
  const buckets = Math.max(1, Math.ceil((t + 1) / res));
  const peaks = index.grid.peaks(0, buckets * res, buckets, t);
  let max = 0;
  for (const p of peaks) if (p > max) max = p;
  return max;
}
