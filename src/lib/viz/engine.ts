// The one place the viz reaches the engine (simulator/index.ts): build a Player for a scenario.

import { createSimulation, type Scenario } from '../../../simulator/index';
import { gridResolutionMs } from './concurrencyGrid';
import { Player, type SimulationLike } from './player';
import type { PriceInputs } from './summary';
import type { VizLimits } from './types';

const INIT_LIMIT_MS = 10_000; // F03: on-demand init is cut at 10 s
const ASYNC_RETRY_WINDOW_MS = 6 * 3_600_000; // F64/F65: async events may wait up to 6 h

export function playerFor(scenario: Scenario): Player {
  const sim = createSimulation(scenario);
  // Model handlers run synchronously (smooth playback); code handlers really run, so await them.
  const hasCode = scenario.functions.some((f) => f.handler.kind === 'code');
  const like: SimulationLike = {
    runUntil: hasCode ? (ms) => sim.runUntil(ms) : (ms) => sim.runUntilSync(ms),
    now: () => sim.now(),
    isFinished: () => sim.isFinished(),
    result: () => sim.result(),
    dispose: () => sim.dispose(),
  };
  const longestTimeoutMs = Math.max(3000, ...scenario.functions.map((f) => f.timeoutMs ?? 3000));
  return new Player(like, {
    // Anything that started by the cursor has ended by cursor + timeout (+ init), so it is recorded.
    lookaheadMs: longestTimeoutMs + INIT_LIMIT_MS,
    durationMs: scenario.durationMs,
    maxVirtualMs: scenario.durationMs + ASYNC_RETRY_WINDOW_MS,
    resolutionMs: gridResolutionMs(scenario.durationMs + longestTimeoutMs),
  });
}

export function pricesFor(scenario: Scenario): PriceInputs {
  const memoryMB: Record<string, number> = {};
  const architecture: PriceInputs['architecture'] = {};
  for (const f of scenario.functions) {
    memoryMB[f.name] = f.memoryMB ?? 128;
    architecture[f.name] = f.architecture ?? 'x86_64';
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
