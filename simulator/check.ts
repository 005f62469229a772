// The scenario checker alone: parseScenario and ScenarioError, with zod and the scenario's schemas
// but none of the engine (a fifth door; index.ts re-exports both). A page checks the scenario a
// knob, a seed, a preset or a shared link makes with it and hands the result to its player's
// worker (checked.ts), so the engine itself still loads only once, in the worker.
export { parseScenario, ScenarioError, type ScenarioIssue } from './scenario/parse';
export type { Scenario } from './scenario/types';
