import { describe, expect, test } from 'vitest';
import { attemptScenario, startingAttempt } from './attempt';
import type { ChallengeSpec } from './types';
import { challengeProblems } from './validate';

// One module, two entry points (F104): the API's handler and its core logic called directly.
const source = 'export const handler = async () => ({ statusCode: 200 });\n';
const spec: ChallengeSpec = {
  id: 'two-doors', title: 't', hints: ['h'], solution: { text: 's' }, goals: [{ measure: 'errors', op: '==', value: 0 }],
  scenario: {
    durationMs: 1000,
    functions: [
      { name: 'api', handler: { kind: 'code', source } },
      { name: 'core', handler: { kind: 'code', source, handler: 'index.priceOrder' } },
    ],
    sources: [],
  },
  code: { function: 'api', alsoIn: ['core'] },
};

describe('code shared by several functions', () => {
  test('the edited module becomes the source of every function named, each keeping its own handler setting', () => {
    const edited = attemptScenario(spec, { knobs: {}, code: 'export const priceOrder = () => 1;\n' });
    expect(edited.functions.map((f) => f.handler)).toEqual([
      { kind: 'code', source: 'export const priceOrder = () => 1;\n' },
      { kind: 'code', source: 'export const priceOrder = () => 1;\n', handler: 'index.priceOrder' },
    ]);
    expect(spec.scenario.functions[1].handler).toEqual({ kind: 'code', source, handler: 'index.priceOrder' }); // untouched
    expect(startingAttempt(spec).code).toBe(source);
  });

  test('naming a function that is missing or not a code handler fails the build', () => {
    expect(challengeProblems({ ...spec, code: { function: 'api', alsoIn: ['nope'] } }).join('; ')).toContain('"nope"');
    const model: ChallengeSpec = { ...spec, scenario: { ...spec.scenario, functions: [spec.scenario.functions[0], { name: 'core', handler: { kind: 'model', durationMs: 1 } }] } };
    expect(challengeProblems(model).join('; ')).toContain('"core" must be a code handler');
  });
});
