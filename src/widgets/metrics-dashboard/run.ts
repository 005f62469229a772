// Runs the dashboard's load scenario through the engine (loaded on demand) and keeps what the
// dashboard shows: invocations, the time of each throttle, per-second concurrency and logs.
import { createSimulation, type FunctionMetrics, type LogLine, type Scenario } from '../../../simulator/index';
import { splitBy, type MetricInputs } from './aggregate';

export interface LoadRun {
  /** Per dimension value (the function name today). */
  inputs: Map<string, MetricInputs>;
  logs: LogLine[];
  metrics: Record<string, FunctionMetrics>;
  endMs: number;
}

export async function runLoad(scenario: Scenario): Promise<LoadRun> {
  const sim = createSimulation(scenario);
  const throttles: { timeMs: number; function: string }[] = [];
  const stop = sim.subscribe((e) => {
    if (e.type === 'throttled') throttles.push({ timeMs: e.timeMs, function: e.function });
  });
  try {
    await sim.ready();
    const result = await sim.run();
    const endMs = scenario.durationMs;
    const byFn = splitBy(result.invocations, (i) => i.function);
    const inputs = new Map<string, MetricInputs>();
    for (const f of scenario.functions) {
      inputs.set(f.name, {
        invocations: byFn.get(f.name) ?? [],
        throttleTimesMs: throttles.filter((t) => t.function === f.name).map((t) => t.timeMs),
        concurrency: result.metrics[f.name]?.series.ConcurrentExecutions ?? [],
        endMs,
      });
    }
    return { inputs, logs: result.logs, metrics: result.metrics, endMs };
  } finally {
    stop();
    sim.dispose();
  }
}
