// The exercises of lesson 2 that the simulation checks, as data: the lesson renders them with
// <Challenge>, and tests/unit/challenges.test.ts runs each one headless.
import type { ChallengeSpec } from '../../src/widgets/challenge/types';

// Uploads for a thumbnail function that may run at most 2 at a time (reserved concurrency, F59).
// Sent through an API that waits (RequestResponse), the extra ones are throttled and turned away
// (429, F58). Sent through S3, each event is accepted with 202 and waits in Lambda's queue (F61,
// F63, F64), so every upload gets its thumbnail — later, but none is lost.
export const wireS3: ChallengeSpec = {
  id: 'wire-s3',
  title: 'Upload → S3 → function',
  scenario: {
    seed: 21,
    durationMs: 60000,
    functions: [{ name: 'make-thumbnail', memoryMB: 512, timeoutMs: 3000, reservedConcurrency: 2,
      handler: { kind: 'model', durationMs: { dist: 'uniform', min: 400, max: 600 } } }],
    sources: [
      { name: 'upload API', type: 'invoke', function: 'make-thumbnail', invocationType: 'RequestResponse', arrivals: { rate: 8, toMs: 10000 } },
      { name: 'S3 uploads', type: 's3', function: 'make-thumbnail', arrivals: { rate: 0, toMs: 10000 } },
    ],
  },
  knobs: [
    { path: 'sources.0.arrivals.rate', label: 'Uploads sent to the function directly, waiting', min: 0, max: 8, step: 1, unit: 'per second' },
    { path: 'sources.1.arrivals.rate', label: 'Uploads stored in S3, which notifies the function', min: 0, max: 8, step: 1, unit: 'per second' },
  ],
  goals: [
    { measure: 'invocations', source: 'S3 uploads', op: '>=', value: 60, label: 'at least 60 uploads go through S3' },
    { measure: 'turnedAway', op: '==', value: 0, label: 'no upload is turned away (429)' },
    { measure: 'invocations', op: '>=', value: 80, label: 'at least 80 thumbnails made (every upload of 8 a second for 10 s)' },
  ],
  prediction: {
    measure: 'turnedAway',
    prompt: 'the function may run at most 2 invocations at once, and 8 uploads a second each take about half a second. Sent straight to the function, waiting for it, how many uploads will be turned away (throttled) in 10 seconds?',
    choices: [
      { label: 'none', max: 0 },
      { label: 'a few (1 to 9)', min: 1, max: 9 },
      { label: 'many (10 or more)', min: 10 },
    ],
  },
  hints: [
    'The function’s limit stays; what you can change is the path the uploads take to reach it.',
    'A caller that waits is told “too many requests” when the function is already running as many invocations as it may. A caller that hands the event over never waits for the function at all.',
  ],
  solution: {
    knobs: { 'sources.0.arrivals.rate': 0, 'sources.1.arrivals.rate': 8 },
    text: 'Send every upload through S3: 0 direct, 8 through S3. Each S3 event is accepted at once (202) and waits in Lambda’s internal queue until one of the two running invocations finishes, so none is turned away. Keeping one or two a second direct can pass too, as long as none of them arrives while two invocations are already running; sending everything through S3 is the sure way. (Lambda’s Throttles metric still counts the S3 events that arrived while two were running: they were throttled, put back in the queue and run later.)',
  },
};
