// Runs a model-only simulation off the main thread, so playback frames only draw.
// Protocol: { type: 'init', scenario } then { type: 'run', id, untilMs }. Each run's records are
// taken from the engine (Simulation.takeRecords) and sent once, so neither side keeps the
// whole run: a 10-minute run at 1,000 requests/s held 327 MB here before.

import { createSimulation, type Scenario, type Simulation } from '../../../simulator/index';
import type { WorkerReply, WorkerRequest } from './workerProtocol';

let sim: Simulation | undefined;
const PART = 1500;

function post(reply: WorkerReply): void {
  (self as unknown as Worker).postMessage(reply);
}

function empty(id: number): WorkerReply & { type: 'part' } {
  return { type: 'part', id, finishedRequests: [], invocations: [], endedEnvironments: [], logs: [] };
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  try {
    if (msg.type === 'init') {
      sim = createSimulation(msg.scenario as Scenario);
      return;
    }
    if (!sim) throw new Error('the simulation worker has no scenario');
    sim.runUntilSync(msg.untilMs);
    const batch = sim.takeRecords();
    for (let i = 0; i < batch.invocations.length; i += PART) post({ ...empty(msg.id), invocations: batch.invocations.slice(i, i + PART) });
    for (let i = 0; i < batch.requests.length; i += PART * 2) post({ ...empty(msg.id), finishedRequests: batch.requests.slice(i, i + PART * 2) });
    for (let i = 0; i < batch.logs.length; i += PART * 3) post({ ...empty(msg.id), logs: batch.logs.slice(i, i + PART * 3) });
    if (batch.environments.length) post({ ...empty(msg.id), endedEnvironments: batch.environments });
    const live = sim.result({ snapshot: false }); // what is left after the take: only what is in flight
    post({
      type: 'delta',
      id: msg.id,
      now: sim.now(),
      finished: sim.isFinished(),
      pendingRequests: live.requests,
      liveEnvironments: live.environments,
      cost: live.cost,
      metrics: live.metrics,
    });
  } catch (err) {
    post({ type: 'error', id: 'id' in msg ? msg.id : -1, message: err instanceof Error ? err.message : String(err) });
  }
};
