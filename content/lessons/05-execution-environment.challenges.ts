// The exercises of lesson 5, as data: the lesson renders them with <Challenge>, and
// tests/unit/challenges.test.ts runs each one headless (the start fails, the solution passes).
import type { ChallengeSpec } from '../../src/widgets/challenge/types';

const perRequest = `import { connect } from 'lambda-lab:db';

export const handler = async (event) => {
  // Opens a new database connection on every request (about 200 ms each).
  const db = await connect();
  const result = await db.query('SELECT * FROM orders WHERE id = ?', [event.orderId]);
  return { statusCode: 200, body: JSON.stringify(result.rows) };
};
`;

const moduleScope = `import { connect } from 'lambda-lab:db';

// Runs once per execution environment, during Init; warm invocations reuse it.
const db = await connect();

export const handler = async (event) => {
  const result = await db.query('SELECT * FROM orders WHERE id = ?', [event.orderId]);
  return { statusCode: 200, body: JSON.stringify(result.rows) };
};
`;

// An orders API at 20 requests a second against a database whose connections are slow to open
// (TLS and authentication: 200 ms here) and limited to 40 at once.
export const connectionReuse: ChallengeSpec = {
  id: 'connection-reuse',
  title: 'Connect once per environment',
  scenario: {
    seed: 5,
    durationMs: 8000,
    functions: [{ name: 'orders-api', memoryMB: 512, timeoutMs: 3000, handler: { kind: 'code', source: perRequest } }],
    sources: [{
      name: 'API callers', type: 'invoke', function: 'orders-api', invocationType: 'RequestResponse',
      arrivals: { rate: 20 }, payloads: [{ orderId: 'A-1001' }, { orderId: 'A-1002' }, { orderId: 'A-1003' }],
    }],
    dependencies: { db: { connectMs: 200, queryMs: 5, jitterMs: 4, maxConnections: 40 } },
  },
  code: { function: 'orders-api' },
  goals: [
    { measure: 'p99', op: '<', value: 50 },
    { measure: 'dbPeakConnections', op: '<=', value: { measure: 'environments' } },
    { measure: 'errors', op: '==', value: 0 },
  ],
  prediction: {
    measure: 'dbPeakConnections',
    prompt: 'the handler never closes its connection. How many connections will the database see at its peak?',
    choices: [
      { label: 'one per execution environment (a handful)', max: 10 },
      { label: 'dozens', min: 11, max: 39 },
      { label: 'as many as it allows, then it refuses more', min: 40 },
    ],
  },
  hints: [
    'Every request waits for connect(). Which part of the file runs only once per execution environment?',
    'Code outside the handler runs during Init and its objects stay alive while the environment is warm (F09).',
    'ES modules allow await at the top level: the handler can use a connection opened before it.',
  ],
  solution: {
    code: moduleScope,
    text: 'Move the connection out of the handler into module scope. It opens once per execution environment during Init, so warm requests only pay for the query (a few ms), and the database sees one connection per environment.',
  },
};
