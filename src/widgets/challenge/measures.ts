// The goal vocabulary: each measure is a pure function of the engine's result. The browser and
// the Node tests call the same functions, so an attempt gets the same verdict in both.
import type { Scenario, SimulationResult } from '../../../simulator/index';
import { unneededGrants } from './leastPrivilege';
import type { Comparator, Goal, GoalCheck, MeasureName, MeasureRef } from './types';

interface MeasureDef {
  /** How a line names it: "p99 duration". */
  name: string;
  unit: 'ms' | 'usd' | 'count';
  /** `scenario` is the attempt's, for measures over its configuration (a role's grants). */
  of(result: SimulationResult, fn: string, source: string | undefined, scenario?: Scenario, pattern?: string): number;
}

const requestsOf = (r: SimulationResult, fn: string, source: string | undefined) =>
  r.requests.filter((q) => (source === undefined ? q.function === fn : q.source === source));
const metric = (r: SimulationResult, fn: string) => {
  const m = r.metrics[fn];
  if (!m) throw new Error(`no function named "${fn}" in this run`);
  return m;
};
const seriesMax = (points: { value: number }[] | undefined) => (points ?? []).reduce((max, p) => Math.max(max, p.value), 0);

export const MEASURES: Record<MeasureName, MeasureDef> = {
  invocations: {
    name: 'invocations', unit: 'count',
    of: (r, fn, source) => (source === undefined ? metric(r, fn).invocations : requestsOf(r, fn, source).length),
  },
  coldStarts: { name: 'cold starts', unit: 'count', of: (r, fn) => metric(r, fn).coldStarts },
  throttles: { name: 'throttles', unit: 'count', of: (r, fn) => metric(r, fn).throttles },
  errors: { name: 'errors', unit: 'count', of: (r, fn) => metric(r, fn).errors },
  p50: { name: 'p50 duration', unit: 'ms', of: (r, fn) => metric(r, fn).durationMs.p50 },
  p99: { name: 'p99 duration', unit: 'ms', of: (r, fn) => metric(r, fn).durationMs.p99 },
  maxDuration: { name: 'longest duration', unit: 'ms', of: (r, fn) => metric(r, fn).durationMs.max },
  maxConcurrency: { name: 'peak concurrency', unit: 'count', of: (r, fn) => metric(r, fn).maxConcurrency },
  environments: { name: 'execution environments', unit: 'count', of: (r, fn) => r.environments.filter((e) => e.function === fn).length },
  cost: { name: 'cost', unit: 'usd', of: (r, fn) => r.cost[fn]?.usd ?? 0 },
  costPerMillion: {
    name: 'cost per million requests', unit: 'usd',
    of: (r, fn) => {
      const c = r.cost[fn];
      return c && c.requests > 0 ? (c.usd / c.requests) * 1e6 : 0;
    },
  },
  // A pipeline's price per unit of work: every function's cost in the run (F46, F47), divided by
  // the requests the `source` sent (the uploads that started it all), times a million.
  runCostPerMillion: {
    name: 'cost of every function per million requests', unit: 'usd',
    of: (r, fn, source) => {
      const sent = requestsOf(r, fn, source).length;
      const usd = Object.values(r.cost).reduce((sum, c) => sum + c.usd, 0);
      return sent > 0 ? (usd / sent) * 1e6 : 0;
    },
  },
  deadLettered: { name: 'dead-lettered requests', unit: 'count', of: (r, fn, s) => requestsOf(r, fn, s).filter((q) => q.outcome === 'dead-lettered').length },
  messagesLost: { name: 'lost requests', unit: 'count', of: (r, fn, s) => requestsOf(r, fn, s).filter((q) => q.outcome === 'discarded').length },
  // A request whose final outcome is a throttle: a synchronous caller got 429 (F58). A throttled
  // async event is retried from Lambda's queue (F64), so it counts in `throttles` but not here.
  turnedAway: { name: 'requests turned away (throttled)', unit: 'count', of: (r, fn, s) => requestsOf(r, fn, s).filter((q) => q.outcome === 'throttled').length },
  iteratorAgeMax: { name: 'maximum iterator age', unit: 'ms', of: (r, fn) => seriesMax(metric(r, fn).series.IteratorAge) },
  // What a caller or a message waits for: from arrival to its final outcome, queue waits, retries
  // and throttles included (Duration leaves them out). Requests still unfinished are left out.
  latencyP99: { name: 'p99 latency (arrival to end, waits included)', unit: 'ms', of: (r, fn, s) => nearestRankP99(requestsOf(r, fn, s)) },
  dbPeakConnections: { name: 'database connections at peak', unit: 'count', of: (r) => r.dependencies?.db.peakConnections ?? 0 },
  dbRefusedConnections: { name: 'refused database connections', unit: 'count', of: (r) => r.dependencies?.db.refusedConnections ?? 0 },
  // SDK calls the execution role refused: the handler got AccessDenied (simulator/aws/access.ts).
  accessDenied: { name: 'SDK calls denied (AccessDenied)', unit: 'count', of: (r) => Object.values(r.aws?.denied ?? {}).reduce((a, b) => a + b, 0) },
  // Push events the resource-based policy refused: the function never ran (aws/triggerPermission.ts).
  invokeDenied: { name: 'events the resource-based policy refused', unit: 'count', of: (r, fn) => metric(r, fn).counters?.InvokePermissionDenied ?? 0 },
  // What callers got back: a handler can only produce a given answer by running the code that
  // makes it (a layer's module, say). JSON text, so the pattern sees keys and string quotes.
  responsesMatching: {
    name: 'responses matching', unit: 'count',
    of: (r, fn, s, _scenario, pattern) => {
      if (pattern === undefined) throw new Error('responsesMatching needs a pattern');
      const re = new RegExp(pattern);
      return requestsOf(r, fn, s).filter((q) => q.response !== undefined && re.test(JSON.stringify(q.response))).length;
    },
  },
  unneededGrants: {
    name: 'granted actions the run never needed', unit: 'count',
    of: (r, fn, _s, scenario) => {
      if (!scenario) throw new Error('unneededGrants needs the attempt\'s scenario');
      return unneededGrants(scenario, r, fn).length;
    },
  },
};

function nearestRankP99(requests: SimulationResult['requests']): number {
  const waits = requests.flatMap((q) => (q.finishedMs === undefined ? [] : [q.finishedMs - q.arrivedMs])).sort((a, b) => a - b);
  return waits.length ? waits[Math.ceil(0.99 * waits.length) - 1] : 0;
}

export const MEASURE_NAMES = Object.keys(MEASURES) as MeasureName[];

/** The value of one measure in a run; `defaultFunction` is the scenario's first function. */
export function measure(result: SimulationResult, ref: MeasureRef, defaultFunction: string, scenario?: Scenario): number {
  const def = MEASURES[ref.measure];
  if (!def) throw new Error(`unknown measure "${ref.measure}"; known: ${MEASURE_NAMES.join(', ')}`);
  return def.of(result, ref.function ?? defaultFunction, ref.source, scenario, ref.pattern);
}

const COMPARE: Record<Comparator, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b, '<=': (a, b) => a <= b, '==': (a, b) => a === b, '>=': (a, b) => a >= b, '>': (a, b) => a > b,
};
const OP_WORDS: Record<Comparator, string> = { '<': 'under', '<=': 'at most', '==': 'exactly', '>=': 'at least', '>': 'over' };

/** "412.35 ms", "$0.0000208", "3". */
export function formatMeasured(ref: MeasureRef, value: number): string {
  const unit = MEASURES[ref.measure]?.unit ?? 'count';
  if (unit === 'ms') return `${Number(value.toFixed(2))} ms`;
  if (unit === 'usd') return `$${value < 0.01 && value > 0 ? value.toPrecision(3) : value.toFixed(2)}`;
  return String(value);
}

function refName(ref: MeasureRef): string {
  const of = ref.source ? ` from ${ref.source}` : ref.function ? ` of ${ref.function}` : '';
  const name = ref.pattern === undefined ? MEASURES[ref.measure]?.name ?? ref.measure : ref.patternLabel ?? `responses matching /${ref.pattern}/`;
  return `${name}${of}`;
}

/** "p99 duration of api: under 300 ms". */
export function goalLabel(goal: Goal): string {
  if (goal.label) return goal.label;
  const target = typeof goal.value === 'number' ? formatMeasured(goal, goal.value) : `the ${refName(goal.value)}`;
  return `${refName(goal)}: ${OP_WORDS[goal.op]} ${target}`;
}

/** Every goal checked against one run: the line, the measured value, met or not. */
export function evaluateGoals(result: SimulationResult, goals: readonly Goal[], defaultFunction: string, scenario?: Scenario): GoalCheck[] {
  return goals.map((goal) => {
    const measured = measure(result, goal, defaultFunction, scenario);
    const target = typeof goal.value === 'number' ? goal.value : measure(result, goal.value, defaultFunction, scenario);
    return { goal, label: goalLabel(goal), measured, target, met: COMPARE[goal.op](measured, target) };
  });
}

export const allMet = (checks: readonly GoalCheck[]): boolean => checks.length > 0 && checks.every((c) => c.met);
