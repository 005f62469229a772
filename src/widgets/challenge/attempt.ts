// An attempt is what the learner changed (knob values, handler code); applied to the challenge's
// scenario it gives the scenario the engine runs. Pure: the engine itself is reached in run.ts.
import type { Scenario, SimulationResult } from '../../../simulator/index';
import { getPath, setPath } from '../../lib/viz/knobs';
import { measure } from './measures';
import type { Attempt, ChallengeSpec, Prediction } from './types';

/** The starting attempt: the scenario's own knob values and code. */
export function startingAttempt(spec: ChallengeSpec): Attempt {
  const knobs: Attempt['knobs'] = {};
  for (const knob of spec.knobs ?? []) {
    const v = getPath(spec.scenario, knob.path);
    knobs[knob.path] = typeof v === 'number' ? v : null;
  }
  for (const knob of spec.choiceKnobs ?? []) {
    const v = getPath(spec.scenario, knob.path);
    knobs[knob.path] = typeof v === 'string' ? v : null;
  }
  const code = spec.code ? handlerSource(spec.scenario, spec.code.function) : undefined;
  return code === undefined ? { knobs } : { knobs, code };
}

/** The author's solution as an attempt: the starting one with the solution's changes. */
export function solutionAttempt(spec: ChallengeSpec): Attempt {
  const start = startingAttempt(spec);
  return { knobs: { ...start.knobs, ...(spec.solution.knobs ?? {}) }, ...(spec.code ? { code: spec.solution.code ?? start.code } : {}) };
}

function functionIndex(scenario: Scenario, name: string): number {
  const i = scenario.functions.findIndex((f) => f.name === name);
  if (i < 0) throw new Error(`the challenge edits the code of "${name}", which the scenario does not have`);
  return i;
}

function handlerSource(scenario: Scenario, name: string): string {
  const handler = scenario.functions[functionIndex(scenario, name)].handler;
  if (handler.kind !== 'code') throw new Error(`"${name}" must be a code handler for its code to be edited`);
  return handler.source;
}

/** The scenario the engine runs for an attempt; knobs the challenge does not offer are ignored. */
export function attemptScenario(spec: ChallengeSpec, attempt: Attempt): Scenario {
  let scenario = spec.scenario;
  for (const knob of [...(spec.knobs ?? []), ...(spec.choiceKnobs ?? [])]) {
    if (!(knob.path in attempt.knobs)) continue;
    const v = attempt.knobs[knob.path];
    scenario = setPath(scenario, knob.path, v === null ? undefined : v);
  }
  if (spec.code && attempt.code !== undefined) {
    scenario = structuredClone(scenario);
    for (const name of [spec.code.function, ...(spec.code.alsoIn ?? [])]) {
      handlerSource(scenario, name); // throws unless it is a code handler
      const handler = scenario.functions[functionIndex(scenario, name)].handler;
      if (handler.kind === 'code') handler.source = attempt.code;
    }
  }
  return scenario;
}

/** The prediction's measure in a run, and which choice (if any) it falls in. */
export function predictionOutcome(prediction: Prediction, result: SimulationResult, defaultFunction: string): { value: number; choice?: number } {
  const value = measure(result, prediction, defaultFunction);
  const choice = choiceIndex(prediction, value);
  return choice < 0 ? { value } : { value, choice };
}

/** The choice whose range holds the value, or -1. */
export function choiceIndex(prediction: Prediction, value: number): number {
  return (prediction.choices ?? []).findIndex((c) => (c.min === undefined || value >= c.min) && (c.max === undefined || value <= c.max));
}
