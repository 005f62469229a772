// The one place the viz reaches the engine (simulator/index.ts): build a Player for a scenario.
// Its numbers come from simulator/constants.ts, which holds no engine code: this module loads with
// every player, and the engine itself stays in the worker (or is imported on first use below).

import { DEFAULT_ARCHITECTURE, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_MS, INIT_LIMIT_MS } from '../../../simulator/constants';
import type { Scenario } from '../../../simulator/index';
import { gridResolutionMs } from './concurrencyGrid';
import { Player, type PlayerOptions, type SimulationLike } from './player';
import type { PriceInputs } from './summary';
import type { VizLimits } from './types';
import { TraceStore } from './traceStore';
import { WorkerSimulation } from './workerSimulation';

const ASYNC_RETRY_WINDOW_MS = 6 * 3_600_000; // F64/F65: async events may wait up to 6 h

export function playerFor(scenario: Scenario, overrides: Partial<PlayerOptions> = {}): Player {
  const hasCode = scenario.functions.some((f) => f.handler.kind === 'code');
  const options = {
    // Anything that started by the cursor has ended by cursor + timeout (+ the 10 s Init, F03), so it is recorded.
    lookaheadMs: longestTimeoutMs(scenario) + INIT_LIMIT_MS,
    durationMs: scenario.durationMs,
    maxVirtualMs: scenario.durationMs + ASYNC_RETRY_WINDOW_MS,
    resolutionMs: gridResolutionMs(scenario.durationMs + longestTimeoutMs(scenario)),
  };
  const restart = overrides.restart ?? (() => simulationFor(scenario));
  return new Player(restart(), { ...options, ...overrides, restart });
}

/**
 * A fresh run of the scenario. Model handlers simulate in a worker so frames only draw; code
 * handlers run their own workers from the page (simulator/runtime), so they stay on this thread.
 */
export function simulationFor(scenario: Scenario): SimulationLike {
  const hasCode = scenario.functions.some((f) => f.handler.kind === 'code');
  return !hasCode && typeof Worker !== 'undefined' ? new WorkerSimulation(scenario) : deferredLocalSimulation(scenario, hasCode);
}

/**
 * The engine on this thread, fetched on first use so a page whose players all run in workers
 * never loads a second copy (localSimulation.ts holds the run itself).
 */
function deferredLocalSimulation(scenario: Scenario, hasCode: boolean): SimulationLike {
  let sim: SimulationLike | undefined;
  let disposed = false;
  const ready = import('./localSimulation').then((m) => {
    sim = m.localSimulation(scenario, hasCode);
    if (disposed) sim.dispose();
    return sim;
  });
  const empty = new TraceStore();
  return {
    runUntil: (ms) => (sim ? sim.runUntil(ms) : ready.then((s) => s.runUntil(ms))),
    now: () => sim?.now() ?? 0,
    isFinished: () => sim?.isFinished?.() ?? false,
    result: () => (sim ? sim.result() : empty.trace),
    forgetBefore: (cutoffMs, logCutoffMs) => (sim?.forgetBefore ?? empty.forgetBefore.bind(empty))(cutoffMs, logCutoffMs),
    dispose: () => {
      disposed = true;
      sim?.dispose();
    },
  };
}

function longestTimeoutMs(scenario: Scenario): number {
  return Math.max(DEFAULT_TIMEOUT_MS, ...scenario.functions.map((f) => f.timeoutMs ?? DEFAULT_TIMEOUT_MS));
}

export function pricesFor(scenario: Scenario): PriceInputs {
  const memoryMB: Record<string, number> = {};
  const architecture: PriceInputs['architecture'] = {};
  for (const f of scenario.functions) {
    memoryMB[f.name] = f.memoryMB ?? DEFAULT_MEMORY_MB;
    architecture[f.name] = f.architecture ?? DEFAULT_ARCHITECTURE;
  }
  return { memoryMB, architecture };
}

/** Limits for the chart: the first function's, the one lessons focus on. */
export function limitsFor(scenario: Scenario): VizLimits {
  const f = scenario.functions[0];
  return {
    accountConcurrency: scenario.account?.concurrencyLimit ?? 1000, // F52
    reservedConcurrency: f?.reservedConcurrency,
    provisionedConcurrency: f?.provisionedConcurrency,
  };
}
