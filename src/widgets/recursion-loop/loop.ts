// Runs one looping scenario twice — recursive loop detection on (Terminate, the default) and off
// (Allow) — to the same checkpoints of virtual time, and reads what each run shows (F95).
import { createSimulation, type Scenario, type SimulationResult } from '../../../simulator/index';

export interface LoopCheckpoint {
  atMs: number;
  invocations: number;
  /** CloudWatch's RecursiveInvocationsDropped for the function. */
  dropped: number;
  /** Messages waiting in each queue at the end (where a stopped message went). */
  waiting: Record<string, number>;
  costUsd: number;
}

export interface LoopComparison {
  terminate: LoopCheckpoint[];
  allow: LoopCheckpoint[];
}

function checkpoint(result: SimulationResult, fn: string, atMs: number): LoopCheckpoint {
  const m = result.metrics[fn];
  return {
    atMs,
    invocations: m?.invocations ?? 0,
    dropped: m?.counters?.RecursiveInvocationsDropped ?? 0,
    waiting: { ...(result.aws?.sqs.waiting ?? {}) },
    costUsd: result.cost[fn]?.usd ?? 0,
  };
}

/** The scenario with its first function's recursiveLoop set and its end at `durationMs`. */
export function variant(scenario: Scenario, recursiveLoop: 'Terminate' | 'Allow', durationMs: number): Scenario {
  const [first, ...rest] = scenario.functions;
  return { ...scenario, durationMs, functions: [{ ...first, recursiveLoop }, ...rest] };
}

/**
 * One simulation per setting, read at each checkpoint (ascending) while it runs; the scenario
 * ends at the last checkpoint, where the engine holds a loop under Allow (HELD_AT_END).
 */
export async function runLoop(scenario: Scenario, mode: 'Terminate' | 'Allow', checkpointsMs: readonly number[]): Promise<LoopCheckpoint[]> {
  const fn = scenario.functions[0].name;
  const last = checkpointsMs[checkpointsMs.length - 1] ?? 0;
  const sim = createSimulation(variant(scenario, mode, last));
  try {
    await sim.ready();
    const out: LoopCheckpoint[] = [];
    for (const at of checkpointsMs) {
      await sim.runUntil(at);
      out.push(checkpoint(sim.result({ snapshot: false }), fn, at));
    }
    return out;
  } finally {
    sim.dispose();
  }
}

export async function compareLoop(scenario: Scenario, checkpointsMs: readonly number[]): Promise<LoopComparison> {
  return { terminate: await runLoop(scenario, 'Terminate', checkpointsMs), allow: await runLoop(scenario, 'Allow', checkpointsMs) };
}
