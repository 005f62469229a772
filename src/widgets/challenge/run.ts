// Runs an attempt through the engine's front door and checks its goals. The page loads this
// module only when the learner runs an attempt; the Node tests call the same function.
import { parseScenario, simulate, type SimulationResult } from '../../../simulator/index';
import { attemptScenario } from './attempt';
import { allMet, evaluateGoals } from './measures';
import type { Attempt, ChallengeSpec, GoalCheck } from './types';

export interface AttemptOutcome {
  result: SimulationResult;
  checks: GoalCheck[];
  solved: boolean;
}

/** Runs an attempt to the end and checks every goal. Throws ScenarioError for a refused scenario. */
export async function runAttempt(spec: ChallengeSpec, attempt: Attempt): Promise<AttemptOutcome> {
  const scenario = parseScenario(attemptScenario(spec, attempt));
  const result = await simulate(scenario);
  const checks = evaluateGoals(result, spec.goals, scenario.functions[0].name, scenario);
  return { result, checks, solved: allMet(checks) };
}
