// The exercise of lesson 7 (push and request-response), as data: the lesson renders it with
// <Challenge>, and tests/unit/challenges.test.ts runs it headless (the start fails, the solution passes).
import type { ChallengeSpec } from '../../src/widgets/challenge/types';

// Code handlers see virtual time (Date.now() starts at 2026-01-01T00:00:00Z), so an outage of
// the service the function calls is a check of the clock: down for the first 10 minutes of the run.
const stockSync = `// The stock service this function calls is down for the first 10 minutes of the run.
const STOCK_SERVICE_BACK_AT = Date.parse('2026-01-01T00:10:00Z');

export const handler = async (event) => {
  const key = event.Records[0].s3.object.key;
  if (Date.now() < STOCK_SERVICE_BACK_AT) {
    throw new Error('stock service unavailable (503)');
  }
  console.log('stock updated for', key);
};
`;

// Twenty S3 uploads in 20 s, during a 10-minute outage: longer than the two retries cover (about
// 3 minutes, F63), so only somewhere to send failed events keeps them (F65, F68, F70).
export const noLostEvents: ChallengeSpec = {
  id: 'no-lost-events',
  title: 'Lose no upload while a dependency is down',
  scenario: {
    seed: 4,
    durationMs: 20000,
    functions: [{
      name: 'stock-sync', memoryMB: 256, timeoutMs: 3000,
      handler: { kind: 'code', source: stockSync },
      async: { maximumRetryAttempts: 0, maximumEventAgeMs: 60000 },
    }],
    sources: [{ name: 'S3 uploads', type: 's3', function: 'stock-sync', arrivals: { rate: 1, process: 'uniform' } }],
  },
  knobs: [
    { path: 'functions.0.async.maximumRetryAttempts', label: 'Retry attempts', min: 0, max: 2, step: 1 }, // F65
    { path: 'functions.0.async.maximumEventAgeMs', label: 'Maximum event age', min: 60000, max: 21600000, step: 1000, unit: 'ms', optional: true }, // F65
  ],
  choiceKnobs: [
    {
      path: 'functions.0.async.onSuccess', label: 'On-success destination', // F68
      choices: [{ label: 'None', value: null }, { label: 'SQS queue stock-updates', value: 'stock-updates' }],
    },
    {
      path: 'functions.0.async.onFailure', label: 'Where failed events go', // F68, F70
      choices: [
        { label: 'Nowhere: they are discarded', value: null },
        { label: 'On-failure destination: SQS queue failed-uploads', value: 'failed-uploads' },
        { label: 'On-failure destination: EventBridge bus ops-events', value: 'ops-events' },
        { label: 'Dead-letter queue: SQS queue stock-sync-dlq', value: 'stock-sync-dlq' },
      ],
    },
  ],
  goals: [
    { measure: 'messagesLost', op: '==', value: 0, label: 'no upload is discarded' },
  ],
  prediction: {
    measure: 'messagesLost',
    prompt: 'the stock service is down for 10 minutes and every upload arrives in the first 20 s. How many of the 20 uploads are lost?',
    choices: [
      { label: 'none: S3 retries them', max: 0 },
      { label: 'a few', min: 1, max: 10 },
      { label: 'most or all of them', min: 11 },
    ],
  },
  hints: [
    'With no retries, each upload gets one attempt, while the service is down. How long can retries keep an event alive?',
    'Retries come about 1 minute and then 2 more minutes after a failed attempt (F63): about 3 minutes in all. The outage lasts 10.',
    'When retries and age run out, an event is discarded unless the function says where failed events go (F65).',
  ],
  solution: {
    knobs: { 'functions.0.async.onFailure': 'failed-uploads' },
    text: 'Send failed events somewhere: an on-failure destination (the SQS queue failed-uploads, or the EventBridge bus) or a dead-letter queue. Every upload still fails — the service is down — but none is discarded: each waits in the queue with the error, to be replayed once the service is back. Two retries and a long maximum age alone do not pass: they keep an event for about 3 minutes, and the outage lasts 10. An on-success destination only records the events that succeeded.',
  },
};
