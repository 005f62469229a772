// A run's records as CloudWatch-style metrics per period: Invocations, Errors and Throttles
// (Sum), Duration p50 and p99, ConcurrentExecutions (Maximum). Pure and engine-free, so the
// aggregation is tested on hand-made records.
import type { InvocationRecord, SeriesPoint } from '../../../simulator/index';

/** CloudWatch publishes Lambda's metrics at a 1-minute period. */
export const CLOUDWATCH_PERIOD_MS = 60_000;
const SHORT_PERIODS_MS = [1000, 5000, 10_000, 30_000, CLOUDWATCH_PERIOD_MS];

/**
 * The period for a run of `spanMs`: CloudWatch's 1 minute, unless that would leave fewer than
 * about 10 points, when the dashboard zooms in to 30, 10, 5 or 1 s (a simulation's load run is
 * often shorter than a minute). The widget says which period it used.
 */
export function periodFor(spanMs: number): number {
  return [...SHORT_PERIODS_MS].reverse().find((p) => spanMs / p >= 10) ?? SHORT_PERIODS_MS[0];
}

/**
 * Nearest-rank percentile of ascending values: the smallest value with at least p of the data
 * at or below it. CloudWatch: "p95 ... means that 95 percent of the data within the period is
 * lower than this value" (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html).
 * The engine's whole-run p50/p99 use the same rule, so one period covering the run agrees with it.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export interface PeriodRow {
  startMs: number;
  invocations: number;
  errors: number;
  throttles: number;
  /** Absent when nothing ran in the period (CloudWatch shows no data point). */
  durationP50Ms?: number;
  durationP99Ms?: number;
  concurrentExecutions: number;
}

export interface MetricInputs {
  invocations: Pick<InvocationRecord, 'startMs' | 'durationMs' | 'status'>[];
  /** When each throttled request was refused. */
  throttleTimesMs: number[];
  /** Per-second peaks, as the engine records ConcurrentExecutions. */
  concurrency: SeriesPoint[];
  /** Where the chart ends (virtual ms, exclusive): the end of the traffic; later invocations extend it. */
  endMs?: number;
}

/**
 * One row per period from 0 to the end. An invocation counts in the period it started in, and
 * an error is any run that did not succeed (thrown, timed out or crashed: Lambda's Errors metric).
 */
export function aggregate(input: MetricInputs, periodMs: number): PeriodRow[] {
  // Periods up to the end of the traffic, or further if retries ran later; none left empty at the end.
  const lastEvent = Math.max(-1, ...input.invocations.map((i) => i.startMs), ...input.throttleTimesMs);
  const count = Math.max(1, Math.ceil(Math.max(input.endMs ?? 0, lastEvent + 1) / periodMs));
  const rows: PeriodRow[] = Array.from({ length: count }, (_, i) => ({ startMs: i * periodMs, invocations: 0, errors: 0, throttles: 0, concurrentExecutions: 0 }));
  const durations: number[][] = rows.map(() => []);
  const slot = (t: number) => Math.min(count - 1, Math.floor(t / periodMs));
  for (const inv of input.invocations) {
    const k = slot(inv.startMs);
    rows[k].invocations++;
    if (inv.status !== 'success') rows[k].errors++;
    durations[k].push(inv.durationMs);
  }
  for (const t of input.throttleTimesMs) rows[slot(t)].throttles++;
  for (const p of input.concurrency) {
    const k = slot(p.timeMs);
    rows[k].concurrentExecutions = Math.max(rows[k].concurrentExecutions, p.value);
  }
  rows.forEach((row, k) => {
    const sorted = durations[k].sort((a, b) => a - b);
    row.durationP50Ms = percentile(sorted, 0.5);
    row.durationP99Ms = percentile(sorted, 0.99);
  });
  return rows;
}

/**
 * Splits invocations by a dimension (today the function; a version or alias later, once records
 * carry one), so each value gets its own series, as CloudWatch's per-dimension metrics do.
 */
export function splitBy<T>(items: T[], dimension: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = dimension(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}
