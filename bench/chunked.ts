// Runs a scenario in steps of virtual time so the heap can be sampled near its peak, then to
// the end. Shared by the engine and source benchmarks.
import { createSimulation, type Scenario, type SimulationResult } from '../simulator/index';

export async function runChunked(scenario: Scenario, sampleHeap: () => void, stepMs = 1000): Promise<SimulationResult> {
  const sim = createSimulation(scenario);
  for (let t = stepMs; t <= scenario.durationMs; t += stepMs) {
    sim.runUntilSync(t);
    sampleHeap();
  }
  const result = await sim.run();
  sampleHeap();
  return result;
}

/** Total invocations across functions, and the highest concurrency any function reached. */
export function totals(result: SimulationResult): { invocations: number; throttles: number; maxConcurrency: number } {
  const m = Object.values(result.metrics);
  return {
    invocations: m.reduce((n, f) => n + f.invocations, 0),
    throttles: m.reduce((n, f) => n + f.throttles, 0),
    maxConcurrency: Math.max(...m.map((f) => f.maxConcurrency)),
  };
}
