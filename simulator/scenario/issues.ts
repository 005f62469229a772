// A scenario's problems, by path. Apart from the checker (./parse.ts) so the engine can refuse a
// scenario (an unimplemented source type) without bringing zod along.

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
