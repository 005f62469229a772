// parseScenario: the one gate every scenario passes before anything runs.
import type { Scenario } from './types';
import { scenarioSchema } from './schema';
import { ScenarioError, type ScenarioIssue } from './issues';

export { ScenarioError, type ScenarioIssue } from './issues';

/** Validates input against the scenario rules; throws ScenarioError listing every problem. */
export function parseScenario(input: unknown): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (result.success) return result.data as Scenario;
  const issues: ScenarioIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw new ScenarioError(issues);
}
