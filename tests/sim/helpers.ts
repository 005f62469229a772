// Small builders for fact tests: one function, one sync source, overrides as needed.
import type { FunctionSpec, Scenario, SourceSpec } from '../../simulator/index';

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
