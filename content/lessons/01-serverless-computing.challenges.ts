// The exercise of lesson 1, as data: the lesson renders it with <Challenge>, and
// tests/unit/challenges.test.ts runs it headless (the start fails, the solution passes).
import type { Scenario } from '../../simulator/index';
import type { ChallengeSpec } from '../../src/widgets/challenge/types';

// The lesson's simulation: the worked example's function (512 MB, about 120 ms per request),
// steady traffic and a sale. Kept here so the page, the challenge and the tests share it.
export const saleScenario: Scenario = {
  seed: 7,
  durationMs: 30000,
  functions: [{ name: 'shop-api', memoryMB: 512, timeoutMs: 3000, handler: { kind: 'model', durationMs: { dist: 'uniform', min: 80, max: 160 } } }],
  sources: [
    { name: 'steady traffic', type: 'invoke', function: 'shop-api', invocationType: 'RequestResponse', arrivals: { rate: 20 } },
    { name: 'the sale', type: 'invoke', function: 'shop-api', invocationType: 'RequestResponse', arrivals: { rate: 150, fromMs: 10000, toMs: 18000 } },
  ],
};

// The lesson's shop function on an account whose concurrency quota is low (new accounts may
// start below 1,000, F52). A sale of 600 requests/s needs about 620 × (Init + duration) ≈ 155
// environments at its first moment (F54, F20), so it is throttled (F58); raising the quota or
// spreading the sale both pass.
export const saleOnNewAccount: ChallengeSpec = {
  id: 'sale-on-new-account',
  title: 'A sale on a small quota',
  scenario: {
    ...saleScenario,
    account: { concurrencyLimit: 100 },
    sources: [saleScenario.sources[0], { ...saleScenario.sources[1], arrivals: { rate: 600, fromMs: 10000, toMs: 18000 } }],
  },
  knobs: [
    { path: 'account.concurrencyLimit', label: 'Account concurrency quota', min: 100, max: 1000, step: 10 }, // F52
    { path: 'sources.1.arrivals.rate', label: 'Sale traffic', min: 0, max: 1000, step: 10, unit: 'requests/s' },
    { path: 'sources.1.arrivals.toMs', label: 'The sale ends at', min: 10000, max: 30000, step: 1000, unit: 'ms' },
  ],
  goals: [
    { measure: 'throttles', op: '==', value: 0, label: 'no request is throttled' },
    { measure: 'invocations', source: 'the sale', op: '>=', value: 4500, label: 'the sale brings at least 4,500 requests' },
  ],
  prediction: {
    measure: 'throttles',
    prompt: 'as it stands, how many requests will be throttled?',
    choices: [
      { label: 'none: Lambda scales on demand', max: 0 },
      { label: 'a few dozen, at the start of the sale', min: 1, max: 200 },
      { label: 'hundreds or more', min: 201 },
    ],
  },
  hints: [
    'Watch the first quarter second of the sale: every request there needs a new environment and waits for its Init.',
    'Two things set how many environments the sale needs at once: its rate and how long each request holds an environment. One knob raises the ceiling instead.',
    'A quota is a number you can ask AWS to raise; a sale is something you can spread out. Either way, keep 4,500 requests in the sale.',
  ],
  solution: {
    knobs: { 'account.concurrencyLimit': 250 },
    text: 'At its first moment the sale needs about 620 × (0.13 s of Init + 0.12 s of work) ≈ 155 environments at once, more than the quota of 100. Ask AWS for a higher quota (250 leaves room; the usual default is 1,000), or spread the sale: about 300 requests/s until 26,000 ms is still 4,800 requests and needs at most about 80 at once.',
  },
};
