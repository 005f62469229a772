// The exercises of lesson 3, as data: the lesson renders them with <Challenge>, and
// tests/unit/challenges.test.ts runs each one headless (the start fails, the solution passes).
import type { ChallengeSpec } from '../../src/widgets/challenge/types';

// A handler that resizes an image: 20-40 ms waiting for storage, about 90 ms of CPU work at one
// full vCPU. Below 1,769 MB the CPU share shrinks with memory (F28), so that part stretches.
export const memoryForCost: ChallengeSpec = {
  id: 'memory-for-cost',
  title: 'Fast enough, cheap enough',
  scenario: {
    seed: 3,
    durationMs: 30000,
    functions: [{
      name: 'resize-api', memoryMB: 128, timeoutMs: 10000,
      handler: { kind: 'model', durationMs: { dist: 'uniform', min: 20, max: 40 }, cpuMs: { dist: 'normal', mean: 90, sd: 10 } },
    }],
    sources: [{ name: 'api callers', type: 'invoke', function: 'resize-api', invocationType: 'RequestResponse', arrivals: { rate: 10 } }],
  },
  knobs: [{ path: 'functions.0.memoryMB', label: 'Memory', min: 128, max: 10240, step: 1, unit: 'MB' }], // F28
  goals: [
    { measure: 'p99', op: '<', value: 250 },
    { measure: 'costPerMillion', op: '<=', value: 3.5 }, // F46, F47
  ],
  prediction: {
    measure: 'p99',
    prompt: 'at 128 MB, how long will the slowest 1 % of these requests take?',
    choices: [
      { label: 'under 250 ms', max: 249.99 },
      { label: '250 ms to 1 s', min: 250, max: 999.99 },
      { label: 'more than 1 s', min: 1000 },
    ],
  },
  hints: [
    'Only one thing can change here, and it changes two things at once: the memory also sets the CPU share.',
    'Look at the cost per million while you double the memory: does it double too? The CPU work gets shorter as fast as the price per millisecond grows.',
    'Past the point where the CPU work is quick, more memory only makes the waiting part dearer. Look between 512 MB and 1,769 MB.',
  ],
  solution: {
    knobs: { 'functions.0.memoryMB': 1024 },
    text: 'At 1,024 MB the function gets more than half a vCPU: the 90 ms of CPU work takes about 155 ms, p99 is about 220 ms, and a million requests cost about $3.30. Anything from roughly 900 MB to 1,400 MB passes; 128 MB is the cheapest but far too slow, and 1,769 MB or more is fast but over budget.',
  },
};
