// The seeded sweep: scenario number `seed` is always the same random valid scenario, run through
// the engine's front door and every invariant checker, then run again to compare bytes. Used by
// tests/sim/sweep.test.ts (a CI-sized range) and `npm run sweep -- <count>` (scripts/sweep.ts).
import fc from 'fast-check';
import { parseScenario, simulate, type Scenario } from '../../simulator/index';
import { scenarioArb } from './arbitraries';
import { checkRun } from './invariants';

export interface SweepOptions {
  /** Share of functions with a small code handler (each runs real workers, so they cost more). */
  codeShare: number;
  /** A run that takes longer than this is reported as a hang. */
  timeoutMs?: number;
}

/** The scenario a seed stands for. */
export function sweepScenario(seed: number, { codeShare }: SweepOptions): Scenario {
  return fc.sample(scenarioArb({ codeShare }), { seed, numRuns: 1 })[0];
}

function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no result within ${ms} ms`)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Every problem one seed's run shows; empty when the engine kept every invariant. */
export async function sweepSeed(seed: number, options: SweepOptions): Promise<string[]> {
  const scenario = sweepScenario(seed, options);
  try {
    parseScenario(structuredClone(scenario));
  } catch (err) {
    return [`the generator made a scenario the engine refuses: ${(err as Error).message}`];
  }
  const timeoutMs = options.timeoutMs ?? 60_000;
  try {
    const first = await withinTime(simulate(structuredClone(scenario)), timeoutMs);
    const problems = checkRun(scenario, first);
    const again = await withinTime(simulate(structuredClone(scenario)), timeoutMs);
    if (JSON.stringify(again) !== JSON.stringify(first)) problems.push('the same scenario and seed gave different bytes');
    return problems;
  } catch (err) {
    return [`the engine threw: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`];
  }
}

export interface SweepReport {
  tried: number;
  failures: { seed: number; problems: string[] }[];
}

/** Seeds from..from+count-1, in order; `onFailure` hears of each failing seed as it is found. */
export async function sweep(
  from: number, count: number, options: SweepOptions,
  onFailure?: (seed: number, problems: string[]) => void, onSeed?: () => void,
): Promise<SweepReport> {
  const failures: SweepReport['failures'] = [];
  for (let seed = from; seed < from + count; seed++) {
    const problems = await sweepSeed(seed, options);
    if (problems.length) {
      failures.push({ seed, problems });
      onFailure?.(seed, problems);
    }
    onSeed?.();
  }
  return { tried: count, failures };
}
