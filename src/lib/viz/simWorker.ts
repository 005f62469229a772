// Runs a model-only simulation off the main thread, so playback frames only draw.
// Protocol: { type: 'init', scenario } then { type: 'run', id, untilMs }; replies carry only
// what is new since the last reply (the trace is append-only; requests change outcome in place).

import { createSimulation, type Scenario, type Simulation } from '../../../simulator/index';
import type { WorkerReply, WorkerRequest } from './workerProtocol';

let sim: Simulation | undefined;
let sentInvocations = 0;
let sentLogs = 0;
let firstUnfinished = 0;
const PART = 1500;

function post(reply: WorkerReply): void {
  (self as unknown as Worker).postMessage(reply);
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
    // Live arrays, no copy: everything sent is sliced here and cloned by postMessage anyway.
    const r = sim.result({ snapshot: false });
    const requestsFrom = firstUnfinished;
    while (firstUnfinished < r.requests.length && r.requests[firstUnfinished].outcome !== 'unfinished') firstUnfinished++;
    // Several small messages rather than one big one: each is decoded on the page's main
    // thread between frames, so no single decode holds up a frame for long.
    const invocations = r.invocations.slice(sentInvocations);
    const logs = r.logs.slice(sentLogs);
    for (let i = 0; i < invocations.length; i += PART) {
      post({ type: 'part', id: msg.id, invocations: invocations.slice(i, i + PART), logs: [] });
    }
    for (let i = 0; i < logs.length; i += PART * 3) post({ type: 'part', id: msg.id, invocations: [], logs: logs.slice(i, i + PART * 3) });
    post({
      type: 'delta',
      id: msg.id,
      now: sim.now(),
      finished: sim.isFinished(),
      invocations: [],
      environments: r.environments,
      requestsFrom,
      requests: r.requests.slice(requestsFrom),
      logs: [],
      cost: r.cost,
      metrics: r.metrics,
    });
    sentInvocations = r.invocations.length;
    sentLogs = r.logs.length;
  } catch (err) {
    post({ type: 'error', id: 'id' in msg ? msg.id : -1, message: err instanceof Error ? err.message : String(err) });
  }
};
