import { describe, expect, test } from 'vitest';
import { attemptScenario, solutionAttempt, startingAttempt } from './attempt';
import type { ChallengeSpec } from './types';
import { challengeProblems } from './validate';

// An async function that may send failed events somewhere (F65, F68): the choice is a name, not a number.
const choiceSpec: ChallengeSpec = {
  id: 'pick', title: 'pick', hints: ['h'], goals: [{ measure: 'messagesLost', op: '==', value: 0 }],
  scenario: {
    durationMs: 1000,
    functions: [{ name: 'f', memoryMB: 128, handler: { kind: 'model', durationMs: 5, errorRate: 1 }, async: { maximumRetryAttempts: 0 } }],
    sources: [{ name: 'uploads', type: 's3', function: 'f', arrivals: { at: [0] } }],
  },
  choiceKnobs: [{
    path: 'functions.0.async.onFailure', label: 'On-failure destination',
    choices: [{ label: 'None', value: null }, { label: 'SQS queue failed', value: 'failed' }, { label: 'SNS topic alerts', value: 'alerts' }],
  }],
  solution: { knobs: { 'functions.0.async.onFailure': 'failed' }, text: 's' },
};

describe('choice knobs', () => {
  test('the starting attempt holds the scenario\'s choice, null when the field is not set', () => {
    expect(startingAttempt(choiceSpec).knobs).toEqual({ 'functions.0.async.onFailure': null });
  });

  test('a picked value is written at its path, and null removes the field again', () => {
    const picked = attemptScenario(choiceSpec, { knobs: { 'functions.0.async.onFailure': 'alerts' } });
    expect(picked.functions[0].async).toEqual({ maximumRetryAttempts: 0, onFailure: 'alerts' });
    const none = attemptScenario({ ...choiceSpec, scenario: picked }, { knobs: { 'functions.0.async.onFailure': null } });
    expect(none.functions[0].async).toEqual({ maximumRetryAttempts: 0 });
    expect(attemptScenario(choiceSpec, solutionAttempt(choiceSpec)).functions[0].async?.onFailure).toBe('failed');
  });

  test('a challenge with only choice knobs is valid: the learner can change something', () => {
    expect(challengeProblems(choiceSpec)).toEqual([]);
  });

  test.each([
    ['one choice only', { choices: [{ label: 'None', value: null }] }, 'at least two choices'],
    ['the same value twice', { choices: [{ label: 'None', value: null }, { label: 'Also none', value: null }] }, 'two choices have the same value'],
    ['no choice for the scenario\'s value', { choices: [{ label: 'A', value: 'a' }, { label: 'B', value: 'b' }] }, 'is not one of the choices'],
  ])('a definition with %s fails the build', (_name, patch, message) => {
    const bad: ChallengeSpec = { ...choiceSpec, choiceKnobs: [{ ...choiceSpec.choiceKnobs![0], ...patch }], solution: { text: 's' } };
    expect(challengeProblems(bad).join('; ')).toContain(message);
  });

  test('a solution value that is not offered fails the build', () => {
    expect(challengeProblems({ ...choiceSpec, solution: { knobs: { 'functions.0.async.onFailure': 'elsewhere' }, text: 's' } }).join('; '))
      .toContain('the solution\'s value is not one of the choices');
  });
});
