// The exercises of lesson 6, as data: the lesson renders them with <Challenge>, and
// tests/unit/challenges.test.ts runs each one headless (the start fails, the solution passes).
import type { ChallengeSpec } from '../../src/widgets/challenge/types';

// A quote API: each request waits about 80 ms for a pricing service, then spends 120 ms of CPU
// work at one vCPU on the quote. Below 1,769 MB the CPU part stretches (F28); the wait does not.
const quoteHandler = `import { get } from 'lambda-lab:http';
import { burnCpu } from 'lambda-lab:cpu';

export const handler = async (event) => {
  const prices = await get('https://pricing.example.com/rates'); // about 80 ms of waiting
  burnCpu(120); // 120 ms of CPU work at one full vCPU
  return { statusCode: 200, body: JSON.stringify({ quote: event.items, status: prices.status }) };
};
`;

export const cheapestFastEnough: ChallengeSpec = {
  id: 'cheapest-fast-enough',
  title: 'The cheapest memory that is fast enough',
  scenario: {
    seed: 6,
    durationMs: 20000,
    functions: [{ name: 'quote-api', memoryMB: 128, timeoutMs: 10000, handler: { kind: 'code', source: quoteHandler } }],
    sources: [{
      name: 'API callers', type: 'invoke', function: 'quote-api', invocationType: 'RequestResponse',
      arrivals: { rate: 5 }, payloads: [{ items: 3 }, { items: 7 }],
    }],
  },
  knobs: [{ path: 'functions.0.memoryMB', label: 'Memory', min: 128, max: 10240, step: 1, unit: 'MB' }], // F28
  goals: [
    { measure: 'p99', op: '<', value: 300 },
    { measure: 'costPerMillion', op: '<=', value: 5.7 }, // F46, F47
  ],
  prediction: {
    measure: 'p99',
    prompt: 'at 128 MB, how long will the slowest 1 % of these requests take?',
    choices: [
      { label: 'under 300 ms', max: 299.99 },
      { label: '300 ms to 1 s', min: 300, max: 999.99 },
      { label: 'more than 1 s', min: 1000 },
    ],
  },
  hints: [
    'The wait for the pricing service takes as long at any memory size. Which part of the duration does memory change?',
    'Raise the memory until p99 just drops under the target, and watch the cost per million as you go: past that point, every extra MB is paid for on the waiting time too.',
    'Work it out before you try: at a given memory the CPU work takes 120 ms × 1,769 ÷ memory. Add the 80 ms of waiting and a little jitter: which memory leaves the slowest requests under 300 ms?',
  ],
  solution: {
    knobs: { 'functions.0.memoryMB': 1152 },
    text: 'At 1,152 MB the 120 ms of CPU work takes about 184 ms, so p99 is about 285 ms, and a million requests cost about $5.44. Anything from roughly 1,070 MB to 1,340 MB passes. Below that the CPU work is too slow; above it you pay more per millisecond for the 80 ms of waiting, which no amount of memory shortens.',
  },
};
