// simulate() and createSimulation(): every scenario from outside is checked (parseScenario) before
// it runs. A worker given a scenario its page already checked uses createCheckedSimulation
// (./simulation.ts) instead, and so never loads the checker or zod.
import { parseScenario } from './scenario/parse';
import type { Scenario } from './scenario/types';
import type { SimulationResult } from './trace/records';
import type { Simulation, SimulationOptions } from './simulationTypes';
import { createCheckedSimulation } from './simulation';
import { AwsAccount, createDependencyService, withAwsAccount } from './accountParts';

/** Runs a scenario to its end and returns everything it recorded. */
export async function simulate(scenario: Scenario, options?: SimulationOptions): Promise<SimulationResult> {
  const sim = createSimulation(scenario, options);
  try {
    return await sim.run();
  } finally {
    sim.dispose();
  }
}

/** A simulation to step (for the UI). Throws ScenarioError before anything runs. */
export function createSimulation(scenario: Scenario, options?: SimulationOptions): Simulation {
  const account = { AwsAccount, withAwsAccount, createDependencyService };
  return createCheckedSimulation(parseScenario(scenario), options, { check: parseScenario, account });
}
