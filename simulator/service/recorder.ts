// Collects what a run produces (requests, invocations, environments, logs, metrics, cost)
// and assembles the SimulationResult. Record options drop the bulky lists, never the metrics.
// Requests, invocations and log lines are kept in columns (trace/*Columns.ts) and handed out
// as lists that build each record when it is read (trace/recordList.ts).
import type { RecordOptions } from '../scenario/types';
import type { RecordBatch } from '../simulationTypes';
import type {
  EnvironmentRecord, FunctionCost, FunctionMetrics, InvocationRecord, RequestRecord, SeriesPoint, SimulationResult,
} from '../trace/records';
import { InvocationColumns, RecordStrings } from '../trace/invocationColumns';
import { LogColumns } from '../trace/logColumns';
import { RequestColumns } from '../trace/requestColumns';
import { recordList } from '../trace/recordList';
import { packRecords, type PackedRecords, type SentStrings } from '../trace/packedRecords';
import { costUsd, gbSeconds } from '../pricing/cost';
import type { UuidWords } from '../core/ids';
import { remember as rememberUuid } from '../trace/idColumns';
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

  /**
   * One throttled invoke attempt (CloudWatch's Throttles counts attempts: an async event that is
   * throttled three times before it runs counts three). Kept per virtual second in 'Throttles'.
   */
  throttled(timeMs: number): void {
    this.throttles++;
    const points = (this.series.Throttles ??= []);
    const secondMs = Math.floor(timeMs / 1000) * 1000;
    const last = points[points.length - 1];
    if (last && last.timeMs === secondMs) last.value++;
    else points.push({ timeMs: secondMs, value: 1 });
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
    for (const [k, v] of Object.entries(this.series)) series[k] = v.map((p) => ({ ...p }));
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

type RecordLists = Pick<SimulationResult, 'requests' | 'invocations' | 'environments' | 'logs'>;

/** One batch of records in columns (the store between two takes). */
class RecordColumns {
  readonly invocations: InvocationColumns;
  readonly logs: LogColumns;
  readonly requests: RequestColumns;
  constructor(strings: RecordStrings) {
    this.invocations = new InvocationColumns(strings);
    this.logs = new LogColumns(strings, this.invocations);
    this.requests = new RequestColumns(strings);
  }
}

export class Recorder {
  readonly keepLogs: boolean;
  readonly keepRequests: boolean;
  readonly keepInvocations: boolean;
  readonly environments: EnvironmentRecord[] = [];
  readonly stats = new Map<string, FunctionStats>();
  /** Functions with versions: metrics per version and alias, keyed `fn:$LATEST`, `fn:3`, `fn:live`. */
  readonly resourceStats = new Map<string, FunctionStats>();
  private readonly strings = new RecordStrings();
  private readonly sentStrings: SentStrings = {};
  private columns: RecordColumns;
  private live: { columns: RecordColumns; key: string; lists: RecordLists } | undefined;

  constructor(options: RecordOptions | undefined, functionNames: string[]) {
    this.keepLogs = options?.logs ?? true;
    this.keepRequests = options?.requests ?? true;
    this.keepInvocations = options?.invocations ?? true;
    this.columns = new RecordColumns(this.strings);
    for (const name of functionNames) this.stats.set(name, new FunctionStats());
  }

  log(timeMs: number, fn: string, logStream: string, message: string): void {
    if (this.keepLogs) this.columns.logs.text(timeMs, fn, logStream, message);
  }

  /** F116: the START line, formatted when read. */
  logStart(timeMs: number, fn: string, logStream: string, requestId: string, version = '$LATEST', idWords?: UuidWords): void {
    if (this.keepLogs) this.columns.logs.start(timeMs, fn, logStream, requestId, version, idWords);
  }

  /** `idNumber`: n of the request's id `req-<n>`, when the caller has it (no parse). */
  request(r: RequestRecord, idNumber?: number): void {
    if (this.keepRequests) this.columns.requests.add(r, idNumber);
  }

  /** The request got its outcome (see RequestColumns.finished for `statusEarly`). */
  requestFinished(r: RequestRecord, statusEarly: boolean): void {
    if (this.keepRequests) this.columns.requests.finished(r, statusEarly);
  }

  /**
   * Records an invocation that ended; with logs kept, also its END and REPORT lines (F117,
   * F118), formatted from the record when read. `memoryMB`, `memoryUsedMB`: for REPORT.
   */
  invocation(inv: InvocationRecord, memoryMB: number, memoryUsedMB: number, logStream: string, idWords?: UuidWords): void {
    if (!this.keepInvocations && !this.keepLogs) {
      if (idWords && this.keepRequests) rememberUuid(inv.requestId, idWords); // the request's record, next
      return;
    }
    const index = this.columns.invocations.add(inv, memoryMB, memoryUsedMB, idWords);
    if (this.keepLogs) this.columns.logs.endAndReport(inv.endMs, inv.function, logStream, index);
  }

  /**
   * Hands over what was recorded since the last take and forgets it, so a long run streamed to
   * a viewer keeps memory flat: invocations, logs, environments that have ended, and requests
   * that have their final outcome (unfinished ones stay until they finish). Metrics and cost
   * keep counting everything.
   */
  take(): RecordBatch {
    const { batch, finished, environments } = this.detach();
    const requests = batch.requests;
    return {
      requests: recordList({ length: finished.length, at: (i) => requests.at(finished[i]) }),
      invocations: this.invocationList(batch.invocations),
      environments,
      logs: recordList(batch.logs),
    };
  }

  /** take() as typed columns for postMessage (trace/packedRecords.ts): `transfer` lists their buffers. */
  takePacked(): { packed: PackedRecords; transfer: ArrayBuffer[] } {
    const { batch, finished, environments } = this.detach();
    return packRecords(this.strings, this.sentStrings, batch, finished, environments, this.keepInvocations);
  }

  /** Starts new columns; returns the old ones with the finished requests' slots and the ended environments. */
  private detach(): { batch: RecordColumns; finished: number[]; environments: EnvironmentRecord[] } {
    const batch = this.columns;
    batch.logs.sort();
    this.columns = new RecordColumns(this.strings);
    const requests = batch.requests;
    const finished: number[] = [];
    for (let slot = 0; slot < requests.length; slot++) {
      if (requests.isUnfinished(slot)) this.columns.requests.add(requests.liveAt(slot)!);
      else finished.push(slot);
    }
    const environments: EnvironmentRecord[] = [];
    let kept = 0;
    for (const e of this.environments) {
      if (e.destroyedMs === undefined) this.environments[kept++] = e;
      else environments.push(e);
    }
    this.environments.length = kept;
    return { batch, finished, environments };
  }

  private invocationList(columns: InvocationColumns, length = columns.length): InvocationRecord[] {
    return recordList(this.keepInvocations ? { length, at: (i) => columns.at(i) } : { length: 0, at: () => undefined! });
  }

  /** Unfinished requests copied as they stand (a snapshot), by slot. */
  private requestList(snapshot: boolean): RequestRecord[] {
    const requests = this.columns.requests;
    const copies = new Map<number, RequestRecord>();
    if (snapshot) {
      for (const [r, slot] of requests.unfinishedSlots()) copies.set(slot, { ...r, invocationIds: r.invocationIds.slice() });
    }
    return recordList({ length: requests.length, at: (i) => copies.get(i) ?? requests.at(i) });
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
    this.columns.logs.sort();
    const metrics: SimulationResult['metrics'] = {};
    const cost: SimulationResult['cost'] = {};
    for (const f of functions) {
      const s = this.stats.get(f.name)!;
      metrics[f.name] = s.metrics();
      const resources = this.resourceMetrics(f.name);
      if (resources) metrics[f.name].resources = resources;
      cost[f.name] = s.cost(nowMs);
    }
    return { ...(snapshot ? this.snapshotLists() : this.liveLists()), metrics, cost };
  }

  private snapshotLists(): RecordLists {
    const logs = this.columns.logs.frozen();
    return {
      requests: this.requestList(true),
      invocations: this.invocationList(this.columns.invocations),
      environments: this.environments.map((e) => ({ ...e })),
      logs: recordList({ length: logs.length, at: (i) => logs.at(i) }),
    };
  }

  /** The same lists again while nothing new was recorded (no copy, no rebuild). */
  private liveLists(): RecordLists {
    const { requests, invocations, logs } = this.columns;
    const key = `${requests.length}/${invocations.length}/${logs.length}`;
    if (this.live?.columns !== this.columns || this.live.key !== key) {
      this.live = { columns: this.columns, key, lists: {
        requests: this.requestList(false), invocations: this.invocationList(invocations), environments: this.environments, logs: recordList(logs),
      } };
    }
    return this.live.lists;
  }
}
