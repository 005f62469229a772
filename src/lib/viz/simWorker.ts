// Runs a model-only simulation off the main thread, so playback frames only draw.
// Protocol: { type: 'init', scenario } then { type: 'run', id, untilMs }. Each run's records are
// taken from the engine as typed columns (Simulation.takePackedRecords) and posted with their
// buffers transferred, so neither side keeps the whole run and no object per record is
// cloned: the page builds each record when it reads it (unpackRecords).

// The engine's door for a checked scenario: no checker, no zod (the page checked it).
import { openCheckedSimulation, plainRecords, type Scenario, type Simulation } from '../../../simulator/checked';
import type { WorkerReply, WorkerRequest } from './workerProtocol';

/** Runs wait for it: a scenario with an AWS account fetches that part of the engine first. */
let sim: Promise<Simulation> | undefined;

function post(reply: WorkerReply, transfer: Transferable[] = []): void {
  (self as unknown as Worker).postMessage(reply, transfer);
}

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  try {
    if (msg.type === 'init') {
      // Every scenario a page hands its worker was checked there (at build time or by parseScenario).
      sim = openCheckedSimulation(msg.scenario as Scenario);
      sim.catch(() => undefined); // a refusal is reported to each run, which waits on it
      return;
    }
    if (!sim) throw new Error('the simulation worker has no scenario');
    const run = await sim; // runs resume in the order they came: each awaits the same promise
    run.runUntilSync(msg.untilMs);
    const { packed, transfer } = run.takePackedRecords();
    const live = run.result({ snapshot: false }); // what is left after the take: only what is in flight
    post({
      type: 'delta',
      id: msg.id,
      now: run.now(),
      finished: run.isFinished(),
      records: packed,
      pendingRequests: plainRecords(live.requests),
      liveEnvironments: live.environments,
      cost: live.cost,
      metrics: live.metrics,
    }, transfer);
  } catch (err) {
    post({ type: 'error', id: 'id' in msg ? msg.id : -1, message: err instanceof Error ? err.message : String(err) });
  }
};
