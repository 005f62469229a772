// The exercise of lesson 8, as data: the lesson renders it with <Challenge>, and
// tests/unit/challenges.test.ts runs it headless (the start fails, the solution passes).
import type { ChallengeSpec } from '../../src/widgets/challenge/types';

const orderWriter = `import { connect } from 'lambda-lab:db';

// One connection per execution environment, opened by its first invocation and reused.
let db;

export const handler = async (event) => {
  db ??= await connect();
  for (const record of event.Records) {
    const order = JSON.parse(record.body);
    await db.query('INSERT INTO orders (id, quantity) VALUES (?, ?)', [order.orderId, order.quantity]);
  }
};
`;

// A spike of 1,500 orders in 5 s on a queue. Each batch of 10 takes about a second of queries,
// so the pollers want about 30 batches at once; the database accepts 20 connections.
export const protectDatabase: ChallengeSpec = {
  id: 'protect-database',
  title: 'Twenty connections, no lost order',
  scenario: {
    seed: 6,
    durationMs: 5000,
    functions: [{ name: 'order-writer', memoryMB: 512, timeoutMs: 5000, handler: { kind: 'code', source: orderWriter } }],
    sources: [{
      name: 'orders queue', type: 'sqs', function: 'order-writer', arrivals: { rate: 300 }, batchSize: 10,
      visibilityTimeoutMs: 30000, maxReceiveCount: 5,
      payloads: [{ orderId: 'o-1', quantity: 1 }, { orderId: 'o-2', quantity: 2 }, { orderId: 'o-3', quantity: 1 }],
    }],
    dependencies: { db: { connectMs: 150, queryMs: 100, jitterMs: 10, maxConnections: 20 } },
  },
  knobs: [
    { path: 'sources.0.maximumConcurrency', label: 'SQS maximum concurrency', min: 2, max: 1000, step: 1, optional: true }, // F76
    { path: 'functions.0.reservedConcurrency', label: 'Reserved concurrency', min: 0, max: 1000, step: 1, optional: true }, // F59
  ],
  goals: [
    { measure: 'dbRefusedConnections', op: '==', value: 0, label: 'the database never refuses a connection (it allows 20)' },
    { measure: 'errors', op: '==', value: 0 },
    { measure: 'messagesLost', op: '==', value: 0, label: 'no order is lost' },
    { measure: 'deadLettered', op: '==', value: 0, label: 'no order ends in the DLQ' },
    // From the order's arrival on the queue to its write: the queue wait counts, Duration alone would not.
    { measure: 'latencyP99', op: '<', value: 8000, label: '99 % of orders are stored within 8 s of arriving (p99 latency)' },
  ],
  prediction: {
    measure: 'maxConcurrency',
    prompt: 'nothing limits the function. How many batches will run at once at the peak?',
    choices: [
      { label: '5, the pollers’ starting point', max: 5 },
      { label: 'up to 20, the database’s limit', min: 6, max: 20 },
      { label: 'more than 20', min: 21 },
    ],
  },
  hints: [
    'Every execution environment holds one connection. What limits how many environments this function runs at once?',
    'Two settings cap it: one on the function (for every caller), one on the SQS event source mapping (for this queue only).',
    'A cap on the mapping keeps messages waiting in the queue; a cap on the function makes the pollers’ extra batches throttle and come back later (F79).',
    'The lowest cap protects the database but leaves orders waiting in the queue: the p99 latency counts that wait. How many connections may you use?',
  ],
  solution: {
    knobs: { 'sources.0.maximumConcurrency': 20 },
    text: 'Set the mapping’s maximum concurrency to 20 (15 to 20 pass): the pollers never run more than 20 batches, so there are never more than 20 environments and 20 connections, and the rest of the spike waits in the queue a few seconds longer — about 5 s at the p99. A much lower cap also spares the database, but the spike then drains slowly: at 10 the p99 latency is about 12 s. Reserved concurrency 20 also passes here (about 7 s), but its extra batches are throttled and return to the queue after a back-off, with a receive counted, which can push messages into the DLQ under a longer spike.',
  },
};
