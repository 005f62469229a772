import { describe, expect, test } from 'vitest';
import { simulate, type Scenario } from '../../../simulator/index';
import { attemptScenario, startingAttempt } from './attempt';
import { allMet, evaluateGoals, goalLabel, measure } from './measures';
import type { ChallengeSpec } from './types';
import { challengeProblems } from './validate';

const scenario: Scenario = {
  seed: 5,
  durationMs: 2000,
  functions: [{ name: 'api', memoryMB: 512, handler: { kind: 'model', durationMs: 100 } }],
  sources: [
    { name: 'calls', type: 'invoke', function: 'api', invocationType: 'RequestResponse', arrivals: { at: [0, 500, 1000, 1500] } },
    { name: 'burst', type: 'invoke', function: 'api', invocationType: 'RequestResponse', arrivals: { at: [0, 0] } },
  ],
};

describe('goal measures', () => {
  test('count over the whole function, or over one source', async () => {
    const r = await simulate(scenario);
    expect(measure(r, { measure: 'invocations' }, 'api')).toBe(6);
    expect(measure(r, { measure: 'invocations', source: 'burst' }, 'api')).toBe(2);
    expect(measure(r, { measure: 'coldStarts' }, 'api')).toBe(3); // F12: three requests at 0 ms need three environments
    expect(measure(r, { measure: 'environments' }, 'api')).toBe(3);
    expect(measure(r, { measure: 'maxConcurrency' }, 'api')).toBe(3);
  });

  test('F58, F64: turnedAway counts sync requests throttled for good, not async events retried after a throttle', async () => {
    const limited: Scenario = {
      seed: 5, durationMs: 20000,
      functions: [{ name: 'api', memoryMB: 512, reservedConcurrency: 1, handler: { kind: 'model', durationMs: 500 } }],
      sources: [
        { name: 'waits', type: 'invoke', function: 'api', invocationType: 'RequestResponse', arrivals: { at: [0, 10, 20] } },
        { name: 'hands over', type: 's3', function: 'api', arrivals: { at: [5000, 5010, 5020] } },
      ],
    };
    const r = await simulate(limited);
    expect(measure(r, { measure: 'turnedAway', source: 'waits' }, 'api')).toBe(2);
    expect(measure(r, { measure: 'turnedAway', source: 'hands over' }, 'api')).toBe(0);
    expect(measure(r, { measure: 'throttles' }, 'api')).toBeGreaterThan(2);
  });

  test('latencyP99 is the nearest-rank p99 from arrival to end: an async event that waits behind a throttle counts its wait, which Duration leaves out (F64)', async () => {
    const queued: Scenario = {
      seed: 5, durationMs: 20000,
      functions: [{ name: 'api', memoryMB: 512, reservedConcurrency: 1, handler: { kind: 'model', durationMs: 500 } }],
      sources: [{ name: 'uploads', type: 's3', function: 'api', arrivals: { at: [0, 0, 0, 0] } }],
    };
    const r = await simulate(queued);
    const waits = r.requests.map((q) => q.finishedMs! - q.arrivedMs).sort((a, b) => a - b);
    expect(measure(r, { measure: 'latencyP99' }, 'api')).toBe(waits[3]); // p99 of four is the largest
    expect(waits[3]).toBeGreaterThan(1500); // the fourth event waited for three runs of 500 ms
    expect(measure(r, { measure: 'p99' }, 'api')).toBeLessThan(1000);
    expect(goalLabel({ measure: 'latencyP99', op: '<', value: 8000 })).toBe('p99 latency (arrival to end, waits included): under 8000 ms');
  });

  test('cost per million is the run cost divided by its requests (F46, F47)', async () => {
    const r = await simulate(scenario);
    expect(measure(r, { measure: 'costPerMillion' }, 'api')).toBeCloseTo((r.cost.api.usd / r.cost.api.requests) * 1e6, 9);
    expect(measure(r, { measure: 'cost' }, 'api')).toBe(r.cost.api.usd);
  });

  test('runCostPerMillion is every function\'s cost divided by the requests one source sent (F46, F47)', async () => {
    const chain: Scenario = {
      seed: 5, durationMs: 2000,
      functions: [
        { name: 'first', memoryMB: 512, handler: { kind: 'model', durationMs: 100 } },
        { name: 'second', memoryMB: 1024, handler: { kind: 'model', durationMs: 300 } },
      ],
      sources: [
        { name: 'uploads', type: 'invoke', function: 'first', invocationType: 'Event', arrivals: { at: [0, 500] } },
        { name: 'follow-ups', type: 'invoke', function: 'second', invocationType: 'Event', arrivals: { at: [0, 100, 200, 300] } },
      ],
    };
    const r = await simulate(chain);
    const both = r.cost.first.usd + r.cost.second.usd;
    expect(r.cost.second.usd).toBeGreaterThan(0);
    expect(measure(r, { measure: 'runCostPerMillion', source: 'uploads' }, 'first')).toBeCloseTo((both / 2) * 1e6, 9);
    // Only the first function's share would be less: the measure counts the whole run.
    expect(measure(r, { measure: 'runCostPerMillion', source: 'uploads' }, 'first')).toBeGreaterThan(measure(r, { measure: 'costPerMillion' }, 'first'));
    expect(goalLabel({ measure: 'runCostPerMillion', source: 'uploads', op: '<=', value: 8 })).toBe('cost of every function per million requests from uploads: at most $8.00');
  });

  test('a goal can compare against another measure of the same run', async () => {
    const r = await simulate(scenario);
    const [same, fewer] = evaluateGoals(r, [
      { measure: 'coldStarts', op: '==', value: { measure: 'environments' } },
      { measure: 'coldStarts', op: '<', value: { measure: 'environments' } },
    ], 'api');
    expect([same.met, same.target, fewer.met]).toEqual([true, 3, false]);
    expect(allMet([same])).toBe(true);
    expect(allMet([same, fewer])).toBe(false);
    expect(allMet([])).toBe(false);
  });

  test('without a code handler the database saw no connections', async () => {
    const r = await simulate(scenario);
    expect(measure(r, { measure: 'dbPeakConnections' }, 'api')).toBe(0);
  });

  test('an unknown function or measure is an error, not a silent zero', async () => {
    const r = await simulate(scenario);
    expect(() => measure(r, { measure: 'p99', function: 'nope' }, 'api')).toThrow(/no function named "nope"/);
    expect(() => measure(r, { measure: 'speed' as never }, 'api')).toThrow(/unknown measure "speed"/);
  });

  test('lines read as sentences with units', () => {
    expect(goalLabel({ measure: 'p99', function: 'api', op: '<', value: 300 })).toBe('p99 duration of api: under 300 ms');
    expect(goalLabel({ measure: 'costPerMillion', op: '<=', value: 3.5 })).toBe('cost per million requests: at most $3.50');
    expect(goalLabel({ measure: 'dbPeakConnections', op: '<=', value: { measure: 'environments' } })).toBe(
      'database connections at peak: at most the execution environments',
    );
    expect(goalLabel({ measure: 'errors', op: '==', value: 0, label: 'no request fails' })).toBe('no request fails');
  });
});

describe('attempts', () => {
  const spec: ChallengeSpec = {
    id: 't', title: 't', scenario: { ...scenario, functions: [{ name: 'api', handler: { kind: 'code', source: 'export const handler = async () => 1;' } }] },
    knobs: [{ path: 'functions.0.memoryMB', label: 'Memory', min: 128, max: 10240, step: 1, optional: true }],
    code: { function: 'api' }, goals: [{ measure: 'errors', op: '==', value: 0 }], hints: ['h'], solution: { text: 's' },
  };

  test('start from the scenario: an unset knob is null, the code is the handler source', () => {
    expect(startingAttempt(spec)).toEqual({ knobs: { 'functions.0.memoryMB': null }, code: 'export const handler = async () => 1;' });
  });

  test('apply only the knobs the challenge offers, and the edited code', () => {
    const s = attemptScenario(spec, { knobs: { 'functions.0.memoryMB': 1024, 'functions.0.timeoutMs': 9000 }, code: 'x' });
    expect(s.functions[0]).toMatchObject({ memoryMB: 1024, handler: { kind: 'code', source: 'x' } });
    expect(s.functions[0].timeoutMs).toBeUndefined();
    expect(spec.scenario.functions[0].memoryMB).toBeUndefined(); // the definition itself is untouched
  });
});

describe('responsesMatching', () => {
  const echo: Scenario = {
    seed: 5, durationMs: 2000,
    functions: [{ name: 'api', handler: { kind: 'code', source: 'export const handler = async (e) => ({ said: e.word });' } }],
    sources: [{ name: 'calls', type: 'invoke', function: 'api', invocationType: 'RequestResponse', arrivals: { at: [0, 500, 1000] }, payloads: [{ word: 'hello' }, { word: 'bye' }] }],
  };

  test('counts the responses whose JSON text matches the pattern', async () => {
    const r = await simulate(echo);
    expect(measure(r, { measure: 'responsesMatching', pattern: '"said":"hello"' }, 'api')).toBe(2);
    expect(measure(r, { measure: 'responsesMatching', pattern: '"said":"(hello|bye)"' }, 'api')).toBe(3);
    expect(measure(r, { measure: 'responsesMatching', pattern: 'nothing' }, 'api')).toBe(0);
    expect(() => measure(r, { measure: 'responsesMatching' }, 'api')).toThrow(/needs a pattern/);
  });

  test('its line names the pattern, or the label given for it', () => {
    expect(goalLabel({ measure: 'responsesMatching', pattern: 'ok', op: '==', value: 3 })).toBe('responses matching /ok/: exactly 3');
    expect(goalLabel({ measure: 'responsesMatching', pattern: 'ok', patternLabel: 'answers that say ok', op: '>=', value: 1 })).toBe('answers that say ok: at least 1');
  });
});

describe('responsesMatching in a definition', () => {
  const base: ChallengeSpec = {
    id: 't', title: 't', scenario: { ...scenario, functions: [{ name: 'api', handler: { kind: 'code', source: 'export const handler = async () => 1;' } }] },
    code: { function: 'api' }, goals: [], hints: ['h'], solution: { text: 's' },
  };
  const problems = (goal: ChallengeSpec['goals'][number]) => challengeProblems({ ...base, goals: [goal] });

  test('needs a pattern that compiles, and no other measure takes one', () => {
    expect(problems({ measure: 'responsesMatching', pattern: '"ok":true', op: '==', value: 1 })).toEqual([]);
    expect(problems({ measure: 'responsesMatching', op: '==', value: 1 })).toEqual(['goals.0: responsesMatching needs a pattern']);
    expect(problems({ measure: 'responsesMatching', pattern: '(', op: '==', value: 1 })[0]).toMatch(/^goals\.0: pattern is not a regular expression/);
    expect(problems({ measure: 'errors', pattern: 'x', op: '==', value: 0 })).toEqual(['goals.0: only responsesMatching takes a pattern']);
  });
});
