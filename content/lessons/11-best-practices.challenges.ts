// The exercises of lesson 11, as data: the lesson renders them with <Challenge>, and
// tests/unit/challenges.test.ts runs each one headless (the start fails, the solution passes).
import type { ChallengeSpec } from '../../src/widgets/challenge/types';

// --- Separate the handler from the core logic -------------------------------------------------

const allInHandler = `export const handler = async (event) => {
  // Everything in one place: the API Gateway event, the pricing rule and the HTTP answer.
  const order = JSON.parse(event.body);
  let total = 0;
  for (const item of order.items) total += item.price * item.quantity;
  if (total >= 100) total = total * 0.9; // 10 % off from 100
  return { statusCode: 200, body: JSON.stringify({ orderId: order.orderId, total: Math.round(total * 100) / 100 }) };
};
`;

const coreAndHandler = `// The core logic: plain data in, plain data out. No event, no context: a test calls it as it is.
export function priceOrder(order) {
  let total = 0;
  for (const item of order.items) total += item.price * item.quantity;
  if (total >= 100) total = total * 0.9; // 10 % off from 100
  return { orderId: order.orderId, total: Math.round(total * 100) / 100 };
}

// The handler only translates: API Gateway event in, HTTP answer out.
export const handler = async (event) => {
  const result = priceOrder(JSON.parse(event.body));
  return { statusCode: 200, body: JSON.stringify(result) };
};
`;

const orders = [
  { orderId: 'A-1001', items: [{ sku: 'mug', price: 12, quantity: 2 }] },
  { orderId: 'A-1002', items: [{ sku: 'lamp', price: 80, quantity: 1 }, { sku: 'bulb', price: 5, quantity: 4 }] },
  { orderId: 'A-1003', items: [{ sku: 'desk', price: 240, quantity: 1 }] },
];

// The same module runs twice: as the API's function (index.handler) and as 'price-check', whose
// handler setting names the core function itself (F104) and which gets plain orders, as a test would.
export const coreLogic: ChallengeSpec = {
  id: 'core-logic',
  title: 'A core you can call without Lambda',
  scenario: {
    seed: 11,
    durationMs: 1000,
    functions: [
      { name: 'orders-api', memoryMB: 256, timeoutMs: 3000, handler: { kind: 'code', source: allInHandler } },
      { name: 'price-check', memoryMB: 256, timeoutMs: 3000, handler: { kind: 'code', source: allInHandler, handler: 'index.priceOrder' } },
    ],
    sources: [
      { name: 'API Gateway', type: 'api-gateway', function: 'orders-api', arrivals: { at: [0, 300, 600] }, payloads: orders },
      { name: 'test calls', type: 'invoke', function: 'price-check', invocationType: 'RequestResponse', arrivals: { at: [0, 300, 600] }, payloads: orders },
    ],
  },
  code: { function: 'orders-api', alsoIn: ['price-check'] },
  goals: [
    { measure: 'errors', function: 'orders-api', op: '==', value: 0, label: 'the API still prices every order (no error in orders-api)' },
    { measure: 'errors', function: 'price-check', op: '==', value: 0, label: 'priceOrder answers a plain order, with no event around it (no error in price-check)' },
  ],
  prediction: {
    measure: 'errors',
    function: 'price-check',
    prompt: 'price-check calls index.priceOrder with three plain orders. How many of the three calls fail?',
    choices: [
      { label: 'none', max: 0 },
      { label: 'one or two', min: 1, max: 2 },
      { label: 'all three', min: 3 },
    ],
  },
  hints: [
    'Read the error of a price-check call: what does Lambda look for in the module (F130)?',
    'Move the pricing rule into its own exported function that takes an order and returns the result.',
    'The handler keeps only what belongs to API Gateway: parsing event.body and building { statusCode, body }.',
  ],
  solution: {
    code: coreAndHandler,
    text: 'Export the pricing rule as priceOrder(order), a plain function of plain data, and let the handler only translate: parse the API Gateway body, call priceOrder, wrap the result in { statusCode, body }. The API answers as before, and price-check — like a unit test, or an SQS handler later — calls the core directly.',
  },
};

// --- Reuse the execution context ---------------------------------------------------------------

const connectPerRecord = `import { connect } from 'lambda-lab:db';

export const handler = async (event) => {
  for (const record of event.Records) {
    // A new connection for every message of the batch, and none is ever closed.
    const db = await connect();
    const order = JSON.parse(record.body);
    await db.query('INSERT INTO orders (id, quantity) VALUES (?, ?)', [order.orderId, order.quantity]);
  }
};
`;

/** Also the handler of the lesson's downstream-cap player. */
export const connectAtInit = `import { connect } from 'lambda-lab:db';

// Init: one connection per execution environment, reused by every warm invocation.
const db = await connect();

export const handler = async (event) => {
  for (const record of event.Records) {
    const order = JSON.parse(record.body);
    await db.query('INSERT INTO orders (id, quantity) VALUES (?, ?)', [order.orderId, order.quantity]);
  }
};
`;

// 400 orders in 10 s from a queue, in batches of 10; the database accepts 50 connections.
export const reuseConnection: ChallengeSpec = {
  id: 'reuse-connection',
  title: 'One connection per environment, not per message',
  scenario: {
    seed: 12,
    durationMs: 10000,
    functions: [{ name: 'order-writer', memoryMB: 512, timeoutMs: 10000, handler: { kind: 'code', source: connectPerRecord } }],
    sources: [{
      name: 'orders queue', type: 'sqs', function: 'order-writer', arrivals: { rate: 40 }, batchSize: 10,
      maximumBatchingWindowMs: 1000, visibilityTimeoutMs: 30000, maxReceiveCount: 5,
      payloads: [{ orderId: 'o-1', quantity: 1 }, { orderId: 'o-2', quantity: 3 }],
    }],
    dependencies: { db: { connectMs: 150, queryMs: 10, jitterMs: 4, maxConnections: 50 } },
  },
  code: { function: 'order-writer' },
  goals: [
    { measure: 'dbPeakConnections', op: '<=', value: { measure: 'environments' }, label: 'the database sees no more connections than there are execution environments' },
    { measure: 'dbRefusedConnections', op: '==', value: 0, label: 'the database never refuses a connection (it allows 50)' },
    { measure: 'p99', op: '<', value: 300 },
  ],
  prediction: {
    measure: 'dbPeakConnections',
    prompt: 'each batch holds up to 10 orders, and a handful of environments run them. How many connections will the database see at its peak?',
    choices: [
      { label: 'one per environment (a handful)', max: 10 },
      { label: 'one per batch in flight (about 10 to 20)', min: 11, max: 49 },
      { label: 'all 50 it allows, and then it refuses more', min: 50 },
    ],
  },
  hints: [
    'How many times does connect() run for one batch of 10 messages?',
    'Code outside the handler runs once per execution environment, during Init; what it creates stays while the environment is warm (F09).',
    'ES modules allow await at the top level: open the connection there and let the loop use it.',
  ],
  solution: {
    code: connectAtInit,
    text: 'Open the connection once, at module scope, during Init: every warm invocation of that environment reuses it, so the database sees one connection per environment, and a batch costs ten queries instead of ten connections and ten queries.',
  },
};

// --- Load test, then choose the timeout --------------------------------------------------------

// A search API whose latency has a long tail (lognormal: median 250 ms, p99 about 2.5 s).
export const searchHandler = { kind: 'model' as const, durationMs: { dist: 'lognormal' as const, mu: Math.log(250), sigma: 1 } };

export const timeoutFromLoadTest: ChallengeSpec = {
  id: 'timeout-from-load-test',
  title: 'A timeout chosen from the load test',
  scenario: {
    seed: 13,
    durationMs: 20000,
    functions: [{ name: 'search-api', memoryMB: 512, timeoutMs: 1000, handler: searchHandler }],
    sources: [{ name: 'app clients', type: 'invoke', function: 'search-api', invocationType: 'RequestResponse', arrivals: { rate: 50 } }],
  },
  knobs: [
    { path: 'functions.0.timeoutMs', label: 'Timeout', min: 1, max: 900, step: 1, unit: 's', scale: 1000 }, // F29
  ],
  goals: [
    { measure: 'errors', op: '<=', value: 10, label: 'at most 1 % of the 1,000 searches time out (10)' },
    { measure: 'maxDuration', op: '<=', value: 5000, label: 'no invocation runs longer than 5 s, when the app has given up' },
  ],
  prediction: {
    measure: 'errors',
    prompt: 'the timeout is 1 s and the median search takes 250 ms. How many of the 1,000 searches time out?',
    choices: [
      { label: 'none or a few', max: 10 },
      { label: 'dozens', min: 11, max: 99 },
      { label: 'a hundred or more', min: 100 },
    ],
  },
  hints: [
    'Run the load test above and read its p99 Duration: what share of searches takes longer than that?',
    'A timeout just above the p99 lets about 1 % of searches time out; the timeout is set in whole seconds (F29).',
    'A timed-out invocation runs, and is billed, until the timeout: a timeout beyond 5 s lets the tail run on after the app gave up.',
  ],
  solution: {
    knobs: { 'functions.0.timeoutMs': 4000 },
    text: 'The load test puts the p99 at about 2.5 s, and its slowest searches run for almost 8 s. A timeout of 3 to 5 s lets under 1 % of searches time out and stops the stragglers when the app gives up. At 1 or 2 s too many searches are cut off; at 6 s or more the slowest run on, billed, for nobody.',
  },
};
