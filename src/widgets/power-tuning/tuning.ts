// Power tuning in the manner of AWS Lambda Power Tuning: the same handler run through the engine
// at several memory sizes, a few warm invocations each, averaged into duration and cost per
// invocation. Each memory size is its own seeded simulation, so a run gives the same numbers every time.
import { simulate, type Scenario } from '../../../simulator/index';
import { MEMORY_MAX_MB, MEMORY_MIN_MB, ONE_VCPU_MEMORY_MB } from '../../../simulator/constants';
import { invocationCostUsd } from '../../lib/viz/summary';

/** 128 MB to 10,240 MB (F28), with 1,769 MB (one vCPU) among them so the knee shows. */
export const DEFAULT_MEMORIES: readonly number[] = [MEMORY_MIN_MB, 256, 512, 1024, ONE_VCPU_MEMORY_MB, 3008, 5120, MEMORY_MAX_MB];

export interface TuningOptions {
  /** The handler's source (a code handler: `burnCpu`, `lambda-lab:http`, timers …). */
  source: string;
  memories?: readonly number[];
  /** Warm invocations measured per memory size (after one cold start that is left out). */
  invocations?: number;
  seed?: number;
}

export interface TuningPoint {
  memoryMB: number;
  /** Mean REPORT Duration of the warm invocations, ms. */
  durationMs: number;
  /** Mean Billed Duration of the warm invocations, ms (F45). */
  billedMs: number;
  /** Request price plus GB-seconds at the first-tier x86 price, per invocation (F46, F47). */
  costUsd: number;
}

export interface TuningResult {
  points: TuningPoint[];
  /** Index of the lowest cost; among equal costs, the faster one. */
  cheapest: number;
  /** Index of the lowest duration; among equal durations, the cheaper one. */
  fastest: number;
}

const GAP_MS = 10_000; // far apart, so each invocation finds the one warm environment idle (F12)
const TIMEOUT_MS = 60_000;

/** The scenario for one memory size: a cold start at 0, then `invocations` warm ones. */
export function tuningScenario(source: string, memoryMB: number, invocations: number, seed: number): Scenario {
  return {
    seed,
    durationMs: (invocations + 1) * GAP_MS,
    functions: [{ name: 'tuned', memoryMB, timeoutMs: TIMEOUT_MS, handler: { kind: 'code', source } }],
    sources: [{
      name: 'tuner', type: 'invoke', function: 'tuned', invocationType: 'RequestResponse',
      arrivals: { at: Array.from({ length: invocations + 1 }, (_, i) => i * GAP_MS) },
    }],
  };
}

async function measure(source: string, memoryMB: number, invocations: number, seed: number): Promise<TuningPoint> {
  const result = await simulate(tuningScenario(source, memoryMB, invocations, seed));
  const warm = result.invocations.filter((i) => !i.coldStart);
  const failed = result.invocations.find((i) => i.status !== 'success');
  if (failed) throw new Error(`at ${memoryMB} MB an invocation ended with ${failed.status}${failed.errorMessage ? `: ${failed.errorMessage}` : ''}`);
  if (warm.length === 0) throw new Error(`at ${memoryMB} MB no warm invocation ran`);
  const durationMs = warm.reduce((s, i) => s + i.durationMs, 0) / warm.length;
  const billedMs = warm.reduce((s, i) => s + i.billedDurationMs, 0) / warm.length;
  return { memoryMB, durationMs, billedMs, costUsd: invocationCostUsd(1, billedMs, memoryMB) };
}

/** Marks the cheapest and the fastest point (ties go to the other measure, then to less memory). */
export function markBest(points: readonly TuningPoint[]): { cheapest: number; fastest: number } {
  const best = (primary: (p: TuningPoint) => number, secondary: (p: TuningPoint) => number) =>
    points.reduce((bi, p, i) => {
      const b = points[bi];
      if (primary(p) !== primary(b)) return primary(p) < primary(b) ? i : bi;
      return secondary(p) < secondary(b) ? i : bi;
    }, 0);
  return { cheapest: best((p) => p.costUsd, (p) => p.durationMs), fastest: best((p) => p.durationMs, (p) => p.costUsd) };
}

/** Runs the handler at every memory size (in parallel: each run is its own simulation). */
export async function tuneMemory(options: TuningOptions): Promise<TuningResult> {
  const { source, memories = DEFAULT_MEMORIES, invocations = 5, seed = 1 } = options;
  if (memories.length === 0) throw new Error('no memory sizes to try');
  const points = await Promise.all(memories.map((m) => measure(source, m, invocations, seed)));
  return { points, ...markBest(points) };
}
