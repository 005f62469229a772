// Small builders for fact tests: one function, one sync source, overrides as needed.
import { parseScenario, ScenarioError, type FunctionSpec, type Scenario, type SourceSpec } from '../../simulator/index';

export function fn(overrides: Partial<FunctionSpec> = {}): FunctionSpec {
  return { name: 'fn', handler: { kind: 'model', durationMs: 100 }, ...overrides };
}

export function syncAt(at: number[], functionName = 'fn'): SourceSpec {
  return { type: 'invoke', function: functionName, invocationType: 'RequestResponse', arrivals: { at } };
}

export function scenario(overrides: Partial<Scenario> = {}): Scenario {
  return { durationMs: 60_000, functions: [fn()], sources: [syncAt([0])], ...overrides };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** The problems parseScenario lists for a scenario, or [] when it is valid. */
export function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseScenario(input);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  return [];
}
