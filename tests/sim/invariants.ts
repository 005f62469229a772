// Invariant checkers over a scenario and its result, shared by the property tests and the seeded
// sweep. Each returns the problems it found as sentences (empty when the run is sound), so a
// Vitest test asserts `toEqual([])` and the sweep script prints them with the seed.
import type { Scenario, SimulationResult, SourceSpec } from '../../simulator/index';

/** Peak number of overlapping [from, to) intervals. By default starts count before ends at the
 *  same instant (an arrival is placed before a run ending then frees its environment); with
 *  `endsFirst`, back-to-back intervals do not overlap. */
export function peakOverlap(intervals: [number, number][], { endsFirst = false } = {}): number {
  const points = intervals.flatMap(([a, b]) => [[a, 1], [b, -1]] as [number, number][]);
  points.sort((x, y) => x[0] - y[0] || (endsFirst ? x[1] - y[1] : y[1] - x[1]));
  let n = 0, peak = 0;
  for (const [, d] of points) peak = Math.max(peak, (n += d));
  return peak;
}

const isSyncCaller = (s: SourceSpec) => s.type === 'api-gateway' || (s.type === 'invoke' && s.invocationType === 'RequestResponse');

/** The source spec behind each RequestRecord.source label (default `<type>#<index>`). */
function sourcesByLabel(s: Scenario): Map<string, SourceSpec> {
  return new Map(s.sources.map((src, i) => [src.name ?? `${src.type}#${i}`, src]));
}

/** Every request ends with exactly one final outcome, and requests and invocations point at each other. */
export function checkRequestsEndOnce(s: Scenario, r: SimulationResult): string[] {
  const problems: string[] = [];
  const invocations = new Map(r.invocations.map((i) => [i.requestId, i]));
  const requests = new Map(r.requests.map((q) => [q.id, q]));
  const sources = sourcesByLabel(s);
  if (requests.size !== r.requests.length) problems.push('two requests share an id');
  if (invocations.size !== r.invocations.length) problems.push('two invocations share a requestId');
  const carriedBySync: string[] = [];
  for (const q of r.requests) {
    if (q.outcome === 'unfinished') problems.push(`request ${q.id} is unfinished after the run`);
    if (q.finishedMs === undefined || q.finishedMs < q.arrivedMs) problems.push(`request ${q.id} finished at ${q.finishedMs}, arrived at ${q.arrivedMs}`);
    for (const id of q.invocationIds) {
      if (!invocations.get(id)?.requestIds.includes(q.id)) problems.push(`request ${q.id} names invocation ${id}, which did not carry it`);
    }
    const src = sources.get(q.source);
    if (src && isSyncCaller(src)) {
      carriedBySync.push(...q.invocationIds);
      if (q.attempts !== (q.outcome === 'throttled' ? 0 : 1)) problems.push(`sync request ${q.id} made ${q.attempts} attempts (${q.outcome})`);
      if (q.invocationIds.length !== q.attempts) problems.push(`sync request ${q.id}: ${q.invocationIds.length} invocations for ${q.attempts} attempts`);
    }
  }
  if (new Set(carriedBySync).size !== carriedBySync.length) problems.push('one invocation carried two sync requests');
  for (const inv of r.invocations) {
    for (const id of inv.requestIds) {
      if (!requests.get(id)?.invocationIds.includes(inv.requestId)) problems.push(`invocation ${inv.requestId} carried ${id}, which does not name it`);
    }
  }
  return problems;
}

/** When each function had an environment busy. `sync`: each sync request from its arrival
 *  (placement) to its invocation's end. `all`: those plus every other invocation while it runs
 *  (its init left out, so a lower bound), counted with back-to-back runs not overlapping. */
function busyIntervals(s: Scenario, r: SimulationResult, functionName: string): { sync: [number, number][]; all: [number, number][] } {
  const byId = new Map(r.invocations.map((i) => [i.requestId, i]));
  const sources = sourcesByLabel(s);
  const syncRequests = r.requests.filter((q) => q.function === functionName && q.invocationIds.length && isSyncCaller(sources.get(q.source)!));
  const carried = new Set(syncRequests.flatMap((q) => q.invocationIds));
  const sync = syncRequests.map((q): [number, number] => [q.arrivedMs, byId.get(q.invocationIds[0])!.endMs]);
  const other = r.invocations.filter((i) => i.function === functionName && !carried.has(i.requestId)).map((i): [number, number] => [i.startMs, i.endMs]);
  return { sync, all: [...sync, ...other] };
}

/** F16: a provisioned environment holds its share of the pool for its whole life, busy or idle;
 *  on-demand work of the unreserved functions holds it while it runs (sync: from arrival). */
function provisionedHold(s: Scenario, r: SimulationResult): [number, number][] {
  const provisioned = new Set(r.environments.filter((e) => e.provisioned).map((e) => e.id));
  const unreserved = new Set(s.functions.filter((f) => f.reservedConcurrency === undefined).map((f) => f.name));
  const held: [number, number][] = r.environments
    .filter((e) => e.provisioned && unreserved.has(e.function))
    .map((e): [number, number] => [e.createdMs, e.destroyedMs ?? Number.POSITIVE_INFINITY]);
  const sources = sourcesByLabel(s);
  const byId = new Map(r.invocations.map((i) => [i.requestId, i]));
  for (const q of r.requests) {
    const first = byId.get(q.invocationIds[0]);
    if (!first || !unreserved.has(q.function) || provisioned.has(first.environmentId) || !isSyncCaller(sources.get(q.source)!)) continue;
    held.push([q.arrivedMs, first.endMs]);
  }
  return held;
}

const peakOf = (busy: { sync: [number, number][]; all: [number, number][] }) =>
  Math.max(peakOverlap(busy.sync), peakOverlap(busy.all, { endsFirst: true }));

/** No function runs more at once than its reserved concurrency, the unreserved functions together
 *  no more than the account's unreserved pool, no environment two invocations at once, and
 *  environments grow no faster than the scaling rate. */
export function checkConcurrencyLimits(s: Scenario, r: SimulationResult): string[] {
  const problems: string[] = [];
  const account = s.account?.concurrencyLimit ?? 1000;
  const reservedTotal = s.functions.reduce((n, f) => n + (f.reservedConcurrency ?? 0), 0);
  const unreserved = { sync: [] as [number, number][], all: [] as [number, number][] };
  for (const f of s.functions) {
    const busy = busyIntervals(s, r, f.name);
    if (f.reservedConcurrency === undefined) {
      unreserved.sync.push(...busy.sync);
      unreserved.all.push(...busy.all);
    } else if (peakOf(busy) > f.reservedConcurrency) problems.push(`${f.name} ran ${peakOf(busy)} at once over reserved ${f.reservedConcurrency}`);
    const max = r.metrics[f.name]?.maxConcurrency ?? 0;
    if (max > (f.reservedConcurrency ?? account)) problems.push(`${f.name} reports maxConcurrency ${max} over ${f.reservedConcurrency ?? account}`);
  }
  if (peakOf(unreserved) > account - reservedTotal) problems.push(`the unreserved functions ran ${peakOf(unreserved)} at once; the pool is ${account - reservedTotal}`);
  const held = provisionedHold(s, r);
  if (peakOverlap(held) > account - reservedTotal) problems.push(`the unreserved functions held ${peakOverlap(held)} at once with provisioned environments; the pool is ${account - reservedTotal}`);
  const byEnvironment = new Map<string, [number, number][]>();
  for (const i of r.invocations) byEnvironment.set(i.environmentId, [...(byEnvironment.get(i.environmentId) ?? []), [i.startMs, i.endMs]]);
  for (const [id, spans] of byEnvironment) if (peakOverlap(spans, { endsFirst: true }) > 1) problems.push(`environment ${id} ran two invocations at once`);
  return [...problems, ...checkScalingRate(s, r)];
}

/** F56: at most scalingEnvironments new on-demand environments per scalingWindowMs. */
export function checkScalingRate(s: Scenario, r: SimulationResult): string[] {
  const limit = s.service?.scalingEnvironments;
  const windowMs = s.service?.scalingWindowMs;
  if (limit === undefined || windowMs === undefined) return [];
  const problems: string[] = [];
  for (const f of s.functions) {
    const created = r.environments.filter((e) => e.function === f.name && !e.provisioned).map((e) => e.createdMs).sort((a, b) => a - b);
    for (let i = limit; i < created.length; i++) {
      if (created[i] - created[i - limit] < windowMs) problems.push(`${f.name}: ${limit + 1} environments created within ${created[i] - created[i - limit]} ms`);
    }
  }
  return problems;
}

/** Batches never exceed the batch size (F73, F85), SQS pollers their maximum concurrency (F76),
 *  and a shard never has more batches in flight than its parallelization factor (F85). */
export function checkSourceLimits(s: Scenario, r: SimulationResult): string[] {
  const problems: string[] = [];
  const requests = new Map(r.requests.map((q) => [q.id, q]));
  s.sources.forEach((src, index) => {
    if (src.type !== 'sqs' && src.type !== 'kinesis' && src.type !== 'dynamodb-streams') return;
    const label = src.name ?? `${src.type}#${index}`;
    const runs = r.invocations.filter((i) => i.requestIds.some((id) => requests.get(id)?.source === label));
    const batchSize = src.batchSize ?? (src.type === 'sqs' ? 10 : 100);
    for (const inv of runs) if (inv.requestIds.length > batchSize) problems.push(`${label}: a batch of ${inv.requestIds.length} over batchSize ${batchSize}`);
    if (src.type === 'sqs' && src.maximumConcurrency !== undefined) {
      const peak = peakOverlap(runs.map((i) => [i.startMs, i.endMs]), { endsFirst: true });
      if (peak > src.maximumConcurrency) problems.push(`${label}: ${peak} batches at once over maximumConcurrency ${src.maximumConcurrency}`);
    }
    if (src.type !== 'sqs') {
      const byShard = new Map<string, [number, number][]>();
      for (const inv of runs) {
        const shard = requests.get(inv.requestIds[0])?.shardId ?? '?';
        byShard.set(shard, [...(byShard.get(shard) ?? []), [inv.startMs, inv.endMs]]);
      }
      const factor = src.parallelizationFactor ?? 1;
      for (const [shard, spans] of byShard) {
        const peak = peakOverlap(spans, { endsFirst: true });
        if (peak > factor) problems.push(`${label} ${shard}: ${peak} batches at once over parallelizationFactor ${factor}`);
      }
    }
  });
  return problems;
}

/** Billed >= duration in whole ms, Init Duration exactly on cold starts, logs in time order with
 *  START, END and REPORT for every invocation. */
export function checkRecords(r: SimulationResult): string[] {
  const problems: string[] = [];
  for (const inv of r.invocations) {
    if (inv.billedDurationMs < inv.durationMs || !Number.isInteger(inv.billedDurationMs)) problems.push(`invocation ${inv.requestId} billed ${inv.billedDurationMs} for ${inv.durationMs}`);
    if ((inv.initDurationMs !== undefined) !== inv.coldStart) problems.push(`invocation ${inv.requestId}: coldStart ${inv.coldStart}, initDurationMs ${inv.initDurationMs}`);
    if (inv.endMs < inv.startMs) problems.push(`invocation ${inv.requestId} ends before it starts`);
  }
  for (let i = 1; i < r.logs.length; i++) if (r.logs[i].timeMs < r.logs[i - 1].timeMs) problems.push(`log line ${i} is earlier than the one before`);
  const messages = new Set(r.logs.map((l) => l.message));
  for (const inv of r.invocations) {
    if (!messages.has(`START RequestId: ${inv.requestId} Version: $LATEST`) || !messages.has(`END RequestId: ${inv.requestId}`)) problems.push(`invocation ${inv.requestId} lacks START or END`);
  }
  const reports = r.logs.filter((l) => l.message.startsWith('REPORT')).length;
  if (reports !== r.invocations.length) problems.push(`${reports} REPORT lines for ${r.invocations.length} invocations`);
  return problems;
}

/** Every checker over one run. */
export function checkRun(s: Scenario, r: SimulationResult): string[] {
  return [...checkRequestsEndOnce(s, r), ...checkConcurrencyLimits(s, r), ...checkSourceLimits(s, r), ...checkRecords(r)];
}
