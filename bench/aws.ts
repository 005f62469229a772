// The simulated AWS account under load: a three-stage pipeline of code handlers using the AWS
// SDK v3, S3 upload -> function -> SQS -> function -> DynamoDB, with 100,000 uploads.
// Runs under `npm run bench`, or alone: `npx tsx bench/aws.ts [uploads]`.
import { pathToFileURL } from 'node:url';
import { simulate } from '../simulator/index';
import type { Scenario } from '../simulator/index';
import type { Benchmark } from './types';

const READER = `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const s3 = new S3Client({});
const sqs = new SQSClient({});
export const handler = async (event) => {
  const bucket = event.Records[0].s3.bucket.name;
  const key = decodeURIComponent(event.Records[0].s3.object.key.replace(/\\+/g, ' '));
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify({ key, size: object.ContentLength }) }));
};`;

const WRITER = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event) => {
  for (const record of event.Records) {
    const { key, size } = JSON.parse(record.body);
    await doc.send(new PutCommand({ TableName: 'objects', Item: { pk: key, size } }));
  }
};`;

export function pipeline(uploads: number): Scenario {
  const seconds = uploads / 100; // 100 uploads per second
  return {
    seed: 1,
    durationMs: seconds * 1000,
    record: { logs: false, invocations: false, requests: false },
    aws: {
      buckets: [{ name: 'uploads', uploads: { arrivals: { rate: 100 }, sizeBytes: 2048 } }],
      queues: [{ name: 'work' }],
      tables: [{ name: 'objects' }],
    },
    functions: [
      { name: 'reader', environment: { QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/work' }, handler: { kind: 'code', source: READER } },
      { name: 'writer', handler: { kind: 'code', source: WRITER } },
    ],
    sources: [
      { type: 's3', function: 'reader', bucket: 'uploads', arrivals: { at: [] } },
      { type: 'sqs', function: 'writer', queue: 'work', batchSize: 10, maximumBatchingWindowMs: 1000, arrivals: { at: [] } },
    ],
  };
}

async function run(uploads: number, sampleHeap: () => void) {
  const r = await simulate(pipeline(uploads));
  sampleHeap();
  const a = r.aws!;
  const metrics = Object.entries(r.metrics);
  const invocations = metrics.reduce((n, [, m]) => n + m.invocations, 0);
  const ok = a.s3.events === uploads && a.sqs.delivered === uploads && a.dynamodb.writes === uploads && metrics.every(([, m]) => m.errors === 0);
  return {
    invocations,
    note: `${uploads} uploads -> ${a.sqs.sent} messages -> ${a.dynamodb.writes} items; ${metrics.map(([name, m]) => `${name} ${m.invocations} invocations (${m.errors} errors, peak concurrency ${m.maxConcurrency})`).join(', ')}${ok ? '' : ' (COUNTS DO NOT MATCH)'}`,
  };
}

export const benchmarks: Benchmark[] = [
  { name: 'AWS SDK pipeline: S3 -> function -> SQS -> function -> DynamoDB, 100,000 uploads', run: (sampleHeap) => run(100_000, sampleHeap) },
];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const uploads = Number(process.argv[2] ?? 100_000);
  const t0 = performance.now();
  const r = await run(uploads, () => {});
  console.log(`${r.note}\n  ${r.invocations} invocations in ${((performance.now() - t0) / 1000).toFixed(1)} s real`);
}
