// Collects what a run produces (requests, invocations, environments, logs, metrics, cost)
// and assembles the SimulationResult. Record options drop the bulky lists, never the metrics.
import type { RecordOptions } from '../scenario/types';
import type { RecordBatch } from '../simulationTypes';
import type {
  EnvironmentRecord, FunctionCost, FunctionMetrics, InvocationRecord, LogLine, RequestRecord, SeriesPoint, SimulationResult,
} from '../trace/records';
import { costUsd, gbSeconds } from '../pricing/cost';
import { PC_PRICE_PER_GB_SECOND_USD, type ProvisionedMeter } from '../pricing/provisioned';

/** Per-function running totals; percentiles are computed once, at result(). */
export class FunctionStats {
  invocations = 0;
  errors = 0;
  throttles = 0;
  maxConcurrency = 0;
  coldStarts = 0;
  spillover = 0;
  requests = 0;
  gbSeconds = 0;
  usd = 0;
  durations = new Float64Array(1024);
  series: Record<string, SeriesPoint[]> = {};
  counters: Record<string, number> = {};
  // Peak concurrency within the current virtual second, flushed into the series.
  private second = -1;
  private secondPeak = 0;

  addDuration(ms: number): void {
    if (this.invocations > this.durations.length) {
      const grown = new Float64Array(this.durations.length * 2);
      grown.set(this.durations);
      this.durations = grown;
    }
    this.durations[this.invocations - 1] = ms;
  }

  bill(billedDurationMs: number, memoryMB: number, architecture: 'x86_64' | 'arm64', provisioned = false): void {
    const gbs = gbSeconds(billedDurationMs, memoryMB);
    this.requests++;
    this.gbSeconds += gbs;
    this.usd += costUsd(1, gbs, architecture, provisioned);
  }

  /** F49: configured provisioned concurrency of each version of the function, to bill. */
  readonly pcMeters: ProvisionedMeter[] = [];

  /** The cost line, with the provisioned concurrency charge up to nowMs when PC was configured. */
  cost(nowMs: number): FunctionCost {
    const out: FunctionCost = { requests: this.requests, gbSeconds: this.gbSeconds, usd: this.usd };
    if (!this.pcMeters.some((m) => m.used)) return out;
    const pcGbSeconds = this.pcMeters.reduce((n, m) => n + m.gbSeconds(nowMs), 0);
    const pcUsd = pcGbSeconds * PC_PRICE_PER_GB_SECOND_USD;
    out.provisioned = { gbSeconds: pcGbSeconds, usd: pcUsd };
    out.usd += pcUsd;
    return out;
  }

  concurrencyChanged(timeMs: number, concurrency: number): void {
    if (concurrency > this.maxConcurrency) this.maxConcurrency = concurrency;
    const second = Math.floor(timeMs / 1000);
    if (second !== this.second) {
      this.flushSecond();
      this.second = second;
      this.secondPeak = concurrency;
    } else if (concurrency > this.secondPeak) this.secondPeak = concurrency;
  }

  private flushSecond(): void {
    if (this.second < 0) return;
    (this.series.ConcurrentExecutions ??= []).push({ timeMs: this.second * 1000, value: this.secondPeak });
  }

  metrics(): FunctionMetrics {
    const sorted = this.durations.slice(0, this.invocations).sort();
    const pick = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : 0);
    const series: Record<string, SeriesPoint[]> = {};
    for (const [k, v] of Object.entries(this.series)) series[k] = v.slice();
    if (this.second >= 0) (series.ConcurrentExecutions ??= []).push({ timeMs: this.second * 1000, value: this.secondPeak });
    return {
      invocations: this.invocations,
      errors: this.errors,
      throttles: this.throttles,
      maxConcurrency: this.maxConcurrency,
      coldStarts: this.coldStarts,
      durationMs: { p50: pick(0.5), p99: pick(0.99), max: sorted.length ? sorted[sorted.length - 1] : 0 },
      provisionedConcurrencySpilloverInvocations: this.spillover,
      series,
      counters: { ...this.counters },
    };
  }
}

export class Recorder {
  readonly keepLogs: boolean;
  readonly keepRequests: boolean;
  readonly keepInvocations: boolean;
  readonly requests: RequestRecord[] = [];
  readonly invocations: InvocationRecord[] = [];
  readonly environments: EnvironmentRecord[] = [];
  readonly logs: LogLine[] = [];
  readonly stats = new Map<string, FunctionStats>();
  /** Functions with versions: metrics per version and alias, keyed `fn:$LATEST`, `fn:3`, `fn:live`. */
  readonly resourceStats = new Map<string, FunctionStats>();
  private logsSorted = true;
  private lastLogMs = -Infinity;

  constructor(options: RecordOptions | undefined, functionNames: string[]) {
    this.keepLogs = options?.logs ?? true;
    this.keepRequests = options?.requests ?? true;
    this.keepInvocations = options?.invocations ?? true;
    for (const name of functionNames) this.stats.set(name, new FunctionStats());
  }

  log(timeMs: number, fn: string, logStream: string, message: string): void {
    if (!this.keepLogs) return;
    if (timeMs < this.lastLogMs) this.logsSorted = false;
    else this.lastLogMs = timeMs;
    this.logs.push({ timeMs, function: fn, logStream, message });
  }

  request(r: RequestRecord): void {
    if (this.keepRequests) this.requests.push(r);
  }

  invocation(inv: InvocationRecord): void {
    if (this.keepInvocations) this.invocations.push(inv);
  }

  /**
   * Hands over what was recorded since the last take and forgets it, so a long run streamed to
   * a viewer keeps memory flat: invocations, logs, environments that have ended, and requests
   * that have their final outcome (unfinished ones stay until they finish). Metrics and cost
   * keep counting everything.
   */
  take(): RecordBatch {
    this.sortLogs();
    const requests: RequestRecord[] = [];
    let kept = 0;
    for (const r of this.requests) {
      if (r.outcome === 'unfinished') this.requests[kept++] = r;
      else requests.push(r);
    }
    this.requests.length = kept;
    const environments: EnvironmentRecord[] = [];
    kept = 0;
    for (const e of this.environments) {
      if (e.destroyedMs === undefined) this.environments[kept++] = e;
      else environments.push(e);
    }
    this.environments.length = kept;
    return { requests, invocations: this.invocations.splice(0), environments, logs: this.logs.splice(0) };
  }

  private sortLogs(): void {
    if (this.logsSorted) return;
    // Stable: ties keep the order they were written in.
    this.logs.sort((a, b) => a.timeMs - b.timeMs);
    this.logsSorted = true;
  }

  private resourceMetrics(name: string): Record<string, FunctionMetrics> | undefined {
    let out: Record<string, FunctionMetrics> | undefined;
    for (const [key, stats] of this.resourceStats) {
      if (key.startsWith(`${name}:`)) (out ??= {})[key] = stats.metrics();
    }
    return out;
  }

  /** The result so far. `snapshot` copies mutable records so later steps don't change it. */
  result(functions: { name: string; memoryMB: number; architecture: 'x86_64' | 'arm64' }[], snapshot: boolean, nowMs: number): SimulationResult {
    this.sortLogs();
    const metrics: SimulationResult['metrics'] = {};
    const cost: SimulationResult['cost'] = {};
    for (const f of functions) {
      const s = this.stats.get(f.name)!;
      metrics[f.name] = s.metrics();
      const resources = this.resourceMetrics(f.name);
      if (resources) metrics[f.name].resources = resources;
      cost[f.name] = s.cost(nowMs);
    }
    return {
      requests: snapshot ? this.requests.map((r) => ({ ...r, invocationIds: r.invocationIds.slice() })) : this.requests,
      invocations: snapshot ? this.invocations.slice() : this.invocations,
      environments: snapshot ? this.environments.map((e) => ({ ...e })) : this.environments,
      logs: snapshot ? this.logs.slice() : this.logs,
      metrics,
      cost,
    };
  }
}
