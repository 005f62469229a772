// Runs the dashboard's load scenario through the engine (loaded on demand) and keeps what the
// dashboard shows: invocations, the time of each throttle, per-second concurrency and logs,
// split by a dimension: the function, or the version that ran (CloudWatch's Resource dimension).
import { createSimulation, type FunctionMetrics, type InvocationRecord, type LogLine, type Scenario } from '../../../simulator/index';
import { splitBy, type MetricInputs } from './aggregate';

export type Dimension = 'function' | 'version';

export interface LoadRun {
  /** Per dimension value: a function name, or `fn:$LATEST`, `fn:3` for versions. */
  inputs: Map<string, MetricInputs>;
  logs: LogLine[];
  metrics: Record<string, FunctionMetrics>;
  endMs: number;
}

const KEYS: Record<Dimension, (i: Pick<InvocationRecord, 'function' | 'version'>) => string> = {
  function: (i) => i.function,
  version: (i) => `${i.function}:${i.version ?? '$LATEST'}`,
};

export async function runLoad(scenario: Scenario, dimension: Dimension = 'function'): Promise<LoadRun> {
  const sim = createSimulation(scenario);
  const throttles: { timeMs: number; function: string }[] = [];
  const stop = sim.subscribe((e) => {
    if (e.type === 'throttled') throttles.push({ timeMs: e.timeMs, function: e.function });
  });
  try {
    await sim.ready();
    const result = await sim.run();
    const endMs = scenario.durationMs;
    const inputs = new Map<string, MetricInputs>();
    for (const [key, invocations] of splitBy(result.invocations, KEYS[dimension])) {
      const fn = key.split(':')[0];
      const m = dimension === 'function' ? result.metrics[fn] : result.metrics[fn]?.resources?.[key];
      inputs.set(key, {
        invocations,
        // A throttle names only its function: per version, Throttles stays empty.
        throttleTimesMs: dimension === 'function' ? throttles.filter((t) => t.function === fn).map((t) => t.timeMs) : [],
        concurrency: m?.series.ConcurrentExecutions ?? [],
        endMs,
      });
    }
    return { inputs, logs: result.logs, metrics: result.metrics, endMs };
  } finally {
    stop();
    sim.dispose();
  }
}
