// The engine on the page's own thread, streamed into a TraceStore like the worker's: for code
// handlers (their workers are started from the page) and where there are no workers (Node tests).
import { createSimulation, type Scenario } from '../../../simulator/index';
import type { SimulationLike } from './player';
import { TraceStore } from './traceStore';

export function localSimulation(scenario: Scenario, hasCode: boolean): SimulationLike {
  const sim = createSimulation(scenario);
  const store = new TraceStore();
  const collect = (): void => {
    const b = sim.takeRecords();
    store.addBatch({ finishedRequests: b.requests, invocations: b.invocations, endedEnvironments: b.environments, logs: b.logs });
    const live = sim.result(); // a snapshot: what is still in flight changes in place later
    store.setState({ pendingRequests: live.requests, liveEnvironments: live.environments, cost: live.cost, metrics: live.metrics });
  };
  return {
    runUntil: hasCode
      ? async (ms) => {
          await sim.runUntil(ms);
          collect();
        }
      : (ms) => {
          sim.runUntilSync(ms);
          collect();
        },
    now: () => sim.now(),
    isFinished: () => sim.isFinished(),
    result: () => store.trace,
    forgetBefore: (cutoffMs, logCutoffMs) => store.forgetBefore(cutoffMs, logCutoffMs),
    dispose: () => sim.dispose(),
  };
}

