// The capstone exercise, as data: the lesson renders it with <Challenge>, and
// tests/unit/challenges.test.ts runs it headless (the start fails, the solution passes);
// tests/unit/capstone-pipeline.test.ts checks the other ways to pass and to fail.
import type { ChallengeSpec } from '../../src/widgets/challenge/types';

/** Stage 1: an upload's S3 event in, a thumbnail made, a message to the queue out. */
export const resizeHandler = `import { burnCpu } from 'lambda-lab:cpu';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});

export const handler = async (event) => {
  const key = event.Records[0].s3.object.key;
  burnCpu(50); // the thumbnail: 50 ms of work at one full vCPU
  await sqs.send(new SendMessageCommand({
    QueueUrl: process.env.QUEUE_URL,
    MessageBody: JSON.stringify({ key, thumbnail: key.replace('uploads/', 'thumbs/') }),
  }));
};
`;

/** Stage 2: a batch of messages in, one multi-row INSERT out, on a connection kept per environment. */
export const saveHandler = `import { connect } from 'lambda-lab:db';

let db; // opened by the first invocation, reused while the environment is warm

export const handler = async (event) => {
  db ??= await connect();
  const rows = event.Records.map((record) => JSON.parse(record.body));
  // One INSERT for the whole batch: the database's cost is per statement, not per row.
  await db.query(
    'INSERT INTO thumbnails (key, thumbnail) VALUES ' + rows.map(() => '(?, ?)').join(', '),
    rows.flatMap((row) => [row.key, row.thumbnail]),
  );
};
`;

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/thumbnails';

// 60 uploads in 6 s (10 a second); the database accepts 3 connections and an INSERT takes 500 ms.
export const pipelineUnderLoad: ChallengeSpec = {
  id: 'pipeline-under-load',
  title: 'Tune the thumbnail pipeline',
  scenario: {
    seed: 12,
    durationMs: 6000,
    record: { logs: false },
    aws: {
      buckets: [{ name: 'uploads', uploads: { arrivals: { rate: 10 }, keys: ['uploads/photo.jpg'], sizeBytes: 2_000_000 } }],
      queues: [{ name: 'thumbnails', deadLetterQueue: 'thumbnails-dlq', maxReceiveCount: 1 }, { name: 'thumbnails-dlq' }],
    },
    functions: [
      { name: 'resize', memoryMB: 128, timeoutMs: 10000, environment: { QUEUE_URL }, handler: { kind: 'code', source: resizeHandler } },
      { name: 'save', memoryMB: 1024, timeoutMs: 5000, handler: { kind: 'code', source: saveHandler } },
    ],
    sources: [
      { name: 'uploads bucket', type: 's3', function: 'resize', bucket: 'uploads', arrivals: { at: [] } },
      { name: 'thumbnails queue', type: 'sqs', function: 'save', queue: 'thumbnails', batchSize: 1, visibilityTimeoutMs: 30000, arrivals: { at: [] } },
    ],
    dependencies: { db: { connectMs: 200, queryMs: 500, jitterMs: 20, maxConnections: 3 } },
  },
  knobs: [
    { path: 'functions.0.memoryMB', label: 'Memory of resize', min: 128, max: 10240, step: 1, unit: 'MB' }, // F28
    { path: 'sources.1.batchSize', label: 'Batch size of save', min: 1, max: 10, step: 1 }, // F73: above 10 needs a batching window
    { path: 'sources.1.maximumConcurrency', label: 'SQS maximum concurrency of save', min: 2, max: 1000, step: 1, optional: true }, // F76
    { path: 'functions.1.reservedConcurrency', label: 'Reserved concurrency of save', min: 0, max: 900, step: 1, optional: true }, // F59, F53
    { path: 'aws.queues.0.maxReceiveCount', label: 'Receives before the dead-letter queue', min: 1, max: 10, step: 1 }, // F79
  ],
  goals: [
    { measure: 'latencyP99', function: 'resize', source: 'uploads bucket', op: '<', value: 500, label: 'p99 from upload to thumbnail: under 500 ms' },
    { measure: 'deadLettered', function: 'save', op: '==', value: 0, label: 'no thumbnail ends in the dead-letter queue' },
    { measure: 'dbRefusedConnections', op: '==', value: 0, label: 'the database (3 connections) never refuses one' },
    { measure: 'runCostPerMillion', function: 'resize', source: 'uploads bucket', op: '<=', value: 8, label: 'cost of both functions per million uploads: at most $8.00' }, // F46, F47
  ],
  prediction: {
    measure: 'deadLettered',
    function: 'save',
    prompt: 'with this configuration, how many of the 60 thumbnails end in the dead-letter queue instead of the database?',
    choices: [
      { label: 'none', max: 0 },
      { label: 'a few (1 to 9)', min: 1, max: 9 },
      { label: 'ten or more', min: 10 },
    ],
  },
  hints: [
    'Read the goals one at a time: which function does each one depend on?',
    'resize does CPU work: below 1,769 MB it gets a share of one vCPU in proportion to its memory (F28). Above that, one thread gets no faster, and the bill keeps growing.',
    'The SQS pollers start with 5 concurrent batches (F75), and each environment of save opens a connection. Cap save at what the database accepts: the mapping\'s maximum concurrency (F76) or the function\'s reserved concurrency (F59).',
    'One INSERT per message costs 500 ms each; one per batch of ten costs the same 500 ms for ten rows. And with only one receive allowed, a single failure sends a message to the dead-letter queue (F79).',
  ],
  solution: {
    knobs: { 'functions.0.memoryMB': 1024, 'sources.1.batchSize': 10, 'sources.1.maximumConcurrency': 2 },
    text: 'Give resize about 1,024 MB: the thumbnail takes 86 ms instead of 690, for about the same GB-seconds. Raise save\'s batch size to 10: one INSERT stores a whole batch, so the database works a tenth as often and the bill for save halves. Cap the mapping\'s maximum concurrency at 2 (or 3): never more connections than the database accepts, and no failure, so nothing reaches the dead-letter queue. Another way passes too: reserved concurrency 3 on save with 5 receives before the dead-letter queue — throttled batches wait and come back, at the price of a longer wait for some rows.',
  },
};
