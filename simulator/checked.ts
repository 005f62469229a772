// The engine for a scenario that parseScenario has already returned: a fourth door beside
// index.ts, constants.ts and readers.ts. It reaches neither the checker nor zod, nor the code
// runtime's editor declarations, so a worker handed a checked scenario by its page carries only
// what runs it (the player's worker). Everything else goes through index.ts, which re-exports this.
export { createCheckedSimulation, type ScenarioCheck } from './simulation';
export { plainRecords } from './trace/recordList';
export type { Scenario } from './scenario/types';
export type { Simulation, SimulationOptions } from './simulationTypes';
