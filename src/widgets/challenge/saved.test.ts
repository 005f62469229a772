import { afterEach, describe, expect, test } from 'vitest';
import { startingAttempt } from './attempt';
import { loadChallenge, savedKey, storeChallenge } from './saved';
import type { ChallengeSpec } from './types';

const spec: ChallengeSpec = {
  id: 'c', title: 'c', hints: ['one', 'two'], solution: { text: 's' }, goals: [{ measure: 'errors', op: '==', value: 0 }],
  scenario: { durationMs: 1000, functions: [{ name: 'f', memoryMB: 128, handler: { kind: 'model', durationMs: 5 } }], sources: [] },
  knobs: [{ path: 'functions.0.memoryMB', label: 'Memory', min: 128, max: 10240, step: 1 }],
};
const key = savedKey('lessons/03-x', 'c');
const store = new Map<string, string>();
(globalThis as { localStorage?: unknown }).localStorage = {
  getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k),
};
afterEach(() => store.clear());

describe('saved attempts', () => {
  test('the key names the version, the lesson and the exercise', () => {
    expect(key).toBe('lambda-lab:challenge:v1:lessons/03-x:c');
  });

  test('a stored attempt comes back as it was saved', () => {
    const state = { version: 1 as const, attempt: { knobs: { 'functions.0.memoryMB': 1024 } }, prediction: { choice: 2, measured: 1500 }, runs: 3, hintsShown: 1 };
    storeChallenge(key, state);
    expect(loadChallenge(key, spec, startingAttempt(spec))).toEqual(state);
  });

  test.each(['not json', '{"version":2}', 'null', '{"version":1,"attempt":{"knobs":{"a":"x"}},"runs":0,"hintsShown":0}'])(
    'garbage in storage (%s) gives the starting state',
    (raw) => {
      store.set(key, raw);
      expect(loadChallenge(key, spec, startingAttempt(spec))).toEqual({ version: 1, attempt: startingAttempt(spec), runs: 0, hintsShown: 0 });
    },
  );

  test('knobs the challenge no longer offers and extra hints are dropped', () => {
    store.set(key, JSON.stringify({ version: 1, attempt: { knobs: { 'functions.0.memoryMB': 512, 'durationMs': 5 }, code: 'x' }, runs: 1, hintsShown: 9 }));
    expect(loadChallenge(key, spec, startingAttempt(spec))).toEqual({ version: 1, attempt: { knobs: { 'functions.0.memoryMB': 512 } }, runs: 1, hintsShown: 2 });
  });

  test('a saved pick of a choice knob comes back; a value the challenge no longer offers is dropped (F68)', () => {
    const withChoice: ChallengeSpec = {
      ...spec, knobs: [],
      choiceKnobs: [{ path: 'functions.0.async.onFailure', label: 'On-failure destination', choices: [{ label: 'None', value: null }, { label: 'SNS topic alerts', value: 'alerts' }] }],
    };
    storeChallenge(key, { version: 1, attempt: { knobs: { 'functions.0.async.onFailure': 'alerts' } }, runs: 1, hintsShown: 0 });
    expect(loadChallenge(key, withChoice, startingAttempt(withChoice)).attempt.knobs).toEqual({ 'functions.0.async.onFailure': 'alerts' });
    storeChallenge(key, { version: 1, attempt: { knobs: { 'functions.0.async.onFailure': 'gone' } }, runs: 1, hintsShown: 0 });
    expect(loadChallenge(key, withChoice, startingAttempt(withChoice)).attempt.knobs).toEqual({ 'functions.0.async.onFailure': null });
  });
});
