// parseScenario: the one gate every scenario passes before anything runs.
import type { Scenario } from './types';
import { scenarioSchema } from './schema';

export interface ScenarioIssue {
  /** Dotted path into the scenario, e.g. 'functions.0.memoryMB'; '' for the whole scenario. */
  path: string;
  message: string;
}

/** A scenario that breaks a rule; `issues` lists every problem by path. */
export class ScenarioError extends Error {
  readonly issues: ScenarioIssue[];
  constructor(issues: ScenarioIssue[]) {
    super(`Invalid scenario:\n${issues.map((i) => `  ${i.path || '(scenario)'}: ${i.message}`).join('\n')}`);
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

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
