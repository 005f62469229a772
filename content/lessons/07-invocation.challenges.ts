// The exercise of lesson 7 (push and request-response), as data: the lesson renders it with
// <Challenge>, and tests/unit/challenges.test.ts runs it headless (the start fails, the solution passes).
import type { ChallengeSpec } from '../../src/widgets/challenge/types';

// Code handlers see virtual time (Date.now() starts at 2026-01-01T00:00:00Z), so an outage of
// the service the function calls is a check of the clock: down for the first 100 s of the run.
const stockSync = `// The stock service this function calls is down for the first 100 s of the run.
const STOCK_SERVICE_BACK_AT = Date.parse('2026-01-01T00:01:40Z');

export const handler = async (event) => {
  const key = event.Records[0].s3.object.key;
  if (Date.now() < STOCK_SERVICE_BACK_AT) {
    throw new Error('stock service unavailable (503)');
  }
  console.log('stock updated for', key);
};
`;

// Twenty S3 uploads in 20 s, while the stock service is down. The function was configured for
// "fresh or nothing": no retries, events older than 60 s dropped (F65's minimum).
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
  goals: [
    { measure: 'messagesLost', op: '==', value: 0, label: 'no upload is discarded' },
  ],
  prediction: {
    measure: 'messagesLost',
    prompt: 'the stock service is down for 100 s and every upload arrives in the first 20 s. How many of the 20 uploads are lost?',
    choices: [
      { label: 'none: S3 retries them', max: 0 },
      { label: 'a few', min: 1, max: 10 },
      { label: 'most or all of them', min: 11 },
    ],
  },
  hints: [
    'With no retries, each upload gets one attempt, while the service is down. When does Lambda try an event again?',
    'Retries come about 1 minute and then 2 more minutes after a failed attempt (F63). Will two retries land after the service is back?',
    'A retry only runs if the event is still young enough: the maximum event age must leave room for both retries.',
  ],
  solution: {
    knobs: { 'functions.0.async.maximumRetryAttempts': 2, 'functions.0.async.maximumEventAgeMs': null },
    text: 'Two retry attempts, and the default maximum event age (6 h; leave the field empty) or anything above about 3.5 minutes. The first retry, about a minute after the failure, still meets the outage; the second, about two minutes later, finds the service back and succeeds. One retry is not enough, and with a 60 s maximum age the retries never run: the event is too old by then.',
  },
};
