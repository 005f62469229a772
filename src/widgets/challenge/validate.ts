// Build-time checks of a challenge definition: a mistake in a lesson's challenge fails the build
// with a message that names it, instead of a widget that cannot be solved.
import { parseScenario, ScenarioError } from '../../../simulator/index';
import { getPath } from '../../lib/viz/knobs';
import { attemptScenario, solutionAttempt } from './attempt';
import { MEASURE_NAMES } from './measures';
import type { ChallengeSpec, MeasureRef } from './types';

const COMPARATORS = ['<', '<=', '==', '>=', '>'];

/** Every problem in a challenge definition; empty when it is usable. */
export function challengeProblems(spec: ChallengeSpec): string[] {
  const problems: string[] = [];
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(spec.id)) problems.push(`id "${spec.id}" must be 1-40 letters, digits, '-' or '_'`);
  try {
    parseScenario(spec.scenario);
  } catch (e) {
    problems.push(`scenario: ${e instanceof ScenarioError ? e.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : String(e)}`);
    return problems;
  }
  const names = new Set(spec.scenario.functions.map((f) => f.name));
  const sources = new Set(spec.scenario.sources.map((s) => s.name).filter(Boolean));
  const checkRef = (ref: MeasureRef, where: string) => {
    if (!MEASURE_NAMES.includes(ref.measure)) problems.push(`${where}: unknown measure "${ref.measure}"`);
    if (ref.function !== undefined && !names.has(ref.function)) problems.push(`${where}: no function "${ref.function}"`);
    if (ref.source !== undefined && !sources.has(ref.source)) problems.push(`${where}: no source named "${ref.source}"`);
    problems.push(...patternProblems(ref, where));
  };
  if (spec.goals.length === 0) problems.push('goals: at least one goal');
  spec.goals.forEach((g, i) => {
    checkRef(g, `goals.${i}`);
    if (!COMPARATORS.includes(g.op)) problems.push(`goals.${i}: op must be one of ${COMPARATORS.join(' ')}`);
    if (typeof g.value === 'number' ? !Number.isFinite(g.value) : false) problems.push(`goals.${i}: value must be finite`);
    if (typeof g.value === 'object') checkRef(g.value, `goals.${i}.value`);
  });
  if (spec.prediction) checkRef(spec.prediction, 'prediction');
  for (const knob of spec.knobs ?? []) {
    const v = getPath(spec.scenario, knob.path);
    if (v !== undefined && typeof v !== 'number') problems.push(`knob ${knob.path}: the scenario holds a ${typeof v} there, not a number`);
  }
  problems.push(...choiceKnobProblems(spec));
  if (!spec.knobs?.length && !spec.choiceKnobs?.length && !spec.code) problems.push('the learner can change nothing: give knobs, code, or both');
  if (spec.hints.length === 0) problems.push('hints: at least one hint');
  try {
    parseScenario(attemptScenario(spec, solutionAttempt(spec)));
  } catch (e) {
    problems.push(`solution: ${e instanceof Error ? e.message : String(e)}`);
  }
  return problems;
}

/** responsesMatching takes a pattern that compiles; no other measure takes one. */
function patternProblems(ref: MeasureRef, where: string): string[] {
  if (ref.measure !== 'responsesMatching') return ref.pattern === undefined ? [] : [`${where}: only responsesMatching takes a pattern`];
  if (ref.pattern === undefined) return [`${where}: responsesMatching needs a pattern`];
  try {
    new RegExp(ref.pattern);
    return [];
  } catch (e) {
    return [`${where}: pattern is not a regular expression (${(e as Error).message})`];
  }
}

/** A choice knob offers at least two distinct values, including the scenario's and the solution's. */
function choiceKnobProblems(spec: ChallengeSpec): string[] {
  const problems: string[] = [];
  const paths = new Set((spec.knobs ?? []).map((k) => k.path));
  for (const knob of spec.choiceKnobs ?? []) {
    const where = `choice knob ${knob.path}`;
    if (paths.has(knob.path)) problems.push(`${where}: another knob already sets this path`);
    paths.add(knob.path);
    const values = knob.choices.map((c) => c.value);
    if (values.length < 2) problems.push(`${where}: at least two choices`);
    if (new Set(values).size !== values.length) problems.push(`${where}: two choices have the same value`);
    const start = getPath(spec.scenario, knob.path);
    if (!values.includes(typeof start === 'string' ? start : null)) problems.push(`${where}: the scenario's value (${String(start ?? 'not set')}) is not one of the choices`);
    const solved = spec.solution.knobs?.[knob.path];
    if (solved !== undefined && !values.includes(solved as string | null)) problems.push(`${where}: the solution's value is not one of the choices`);
  }
  return problems;
}
