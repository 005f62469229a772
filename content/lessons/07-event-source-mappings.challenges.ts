// The exercises of lesson 7.2 (pull: event source mappings), as data: the lesson renders them
// with <Challenge>, and tests/unit/challenges.test.ts runs each one headless.
import type { ChallengeSpec } from '../../src/widgets/challenge/types';

const throwsOnBadOrder = `export const handler = async (event) => {
  for (const record of event.Records) {
    const order = JSON.parse(record.body);
    if (!Number.isInteger(order.quantity)) {
      throw new Error(\`order \${order.orderId}: quantity must be a whole number\`);
    }
    console.log('packed', order.orderId);
  }
};
`;

const reportsBadOrder = `export const handler = async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records) {
    try {
      const order = JSON.parse(record.body);
      if (!Number.isInteger(order.quantity)) {
        throw new Error(\`order \${order.orderId}: quantity must be a whole number\`);
      }
      console.log('packed', order.orderId);
    } catch (err) {
      console.error(err.message);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
`;

// Forty orders, one of them (o-1007) with a quantity of "two": a poison message.
const orders = Array.from({ length: 40 }, (_, i) => ({ orderId: `o-${1001 + i}`, quantity: i === 6 ? 'two' : 1 + (i % 3) }));

export const poisonMessage: ChallengeSpec = {
  id: 'poison-message',
  title: 'One bad order, not ten',
  scenario: {
    seed: 4,
    durationMs: 4000,
    functions: [{ name: 'packer', memoryMB: 256, timeoutMs: 2000, handler: { kind: 'code', source: throwsOnBadOrder } }],
    sources: [{
      name: 'orders queue', type: 'sqs', function: 'packer', arrivals: { rate: 10, process: 'uniform' }, payloads: orders,
      batchSize: 10, maximumBatchingWindowMs: 1000, visibilityTimeoutMs: 12000, maxReceiveCount: 5, reportBatchItemFailures: true,
    }],
  },
  code: { function: 'packer' },
  knobs: [{ path: 'sources.0.batchSize', label: 'Batch size', min: 1, max: 100, step: 1 }], // F73
  goals: [
    { measure: 'deadLettered', op: '<=', value: 1, label: 'at most one order (the bad one) ends in the DLQ' },
    { measure: 'messagesLost', op: '==', value: 0, label: 'no order is lost' },
  ],
  prediction: {
    measure: 'deadLettered',
    prompt: 'one order of forty is malformed, and the handler throws on it. How many orders end in the dead-letter queue?',
    choices: [
      { label: 'just the bad one', max: 1 },
      { label: 'the bad one and the others in its batch', min: 2, max: 20 },
      { label: 'all forty', min: 21 },
    ],
  },
  hints: [
    'When the handler throws, which messages does Lambda give back to the queue: the bad one, or its whole batch?',
    'The mapping is already configured with ReportBatchItemFailures, but the handler never uses it. What could it return instead of throwing?',
    'Catch the error per record and return { batchItemFailures: [{ itemIdentifier: record.messageId }] } for the bad ones (F80). Or make each batch so small that the bad order is alone in it.',
  ],
  solution: {
    code: reportsBadOrder,
    text: 'Catch the error for each record and report the failed message ids in batchItemFailures. Lambda deletes the nine good messages of the batch and returns only o-1007 to the queue; after five receives SQS moves it to the DLQ. A batch size of 1 also passes, at the price of ten times the invocations.',
  },
};

// A click stream at 100 records a second over 2 shards. Each invocation takes about 300 ms
// (one bulk write, whatever the batch size, in this model).
export const iteratorAge: ChallengeSpec = {
  id: 'iterator-age',
  title: 'Keep up with the stream',
  scenario: {
    seed: 4,
    durationMs: 30000,
    functions: [{ name: 'clicks', memoryMB: 512, timeoutMs: 10000, handler: { kind: 'model', durationMs: { dist: 'uniform', min: 250, max: 350 } } }],
    sources: [{ name: 'click stream', type: 'kinesis', function: 'clicks', shards: 2, batchSize: 10, parallelizationFactor: 1, arrivals: { rate: 100 } }],
  },
  knobs: [
    { path: 'sources.0.batchSize', label: 'Batch size', min: 1, max: 10000, step: 1 }, // F85
    { path: 'sources.0.parallelizationFactor', label: 'Parallelization factor', min: 1, max: 10, step: 1 }, // F85
  ],
  goals: [{ measure: 'iteratorAgeMax', op: '<', value: 2000 }],
  prediction: {
    measure: 'iteratorAgeMax',
    prompt: 'each shard gets about 50 records a second; the function reads 10 at a time, about 3 batches a second. How far behind will the iterator be after 30 s?',
    choices: [
      { label: 'under 2 s', max: 1999.99 },
      { label: '2 s to 10 s', min: 2000, max: 9999.99 },
      { label: 'more than 10 s', min: 10000 },
    ],
  },
  hints: [
    'IteratorAge is how old the last record read is. It grows when a shard gets records faster than its batches are processed.',
    'One shard, one batch at a time: a shard can only be read faster with bigger batches, or with more batches in flight per shard.',
    'The parallelization factor runs up to 10 batches of a shard at once, keeping each partition key in order (F85).',
  ],
  solution: {
    knobs: { 'sources.0.parallelizationFactor': 3 },
    text: 'A parallelization factor of 3 runs three batches per shard at once, about 30 records a second each, enough for 50; IteratorAge stays near a quarter of a second. A batch size of 20 or more works too, because in this model a batch takes the same time whatever its size.',
  },
};
