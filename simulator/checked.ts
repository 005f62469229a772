// The engine for a scenario that parseScenario has already returned: a fourth door beside
// index.ts, constants.ts and readers.ts. It loads neither the checker nor zod nor the code
// runtime's editor declarations, and the AWS account only for a scenario that has one, so the
// player's worker carries only what runs its scenario. index.ts re-exports what this holds.
import { createCheckedSimulation, needsAccountParts } from './simulation';
import type { Scenario } from './scenario/types';
import type { Simulation, SimulationOptions } from './simulationTypes';

export { createCheckedSimulation, needsAccountParts, type AccountParts, type EngineParts, type ScenarioCheck } from './simulation';
export { plainRecords } from './trace/recordList';
export type { Scenario, Simulation, SimulationOptions };

/**
 * createCheckedSimulation, fetching the AWS account and the database and HTTP services first
 * when the scenario has an account or code handlers; a model-only scenario loads neither.
 */
export async function openCheckedSimulation(scenario: Scenario, options?: SimulationOptions): Promise<Simulation> {
  const account = needsAccountParts(scenario) ? await import('./accountParts') : undefined;
  return createCheckedSimulation(scenario, options, { account });
}
