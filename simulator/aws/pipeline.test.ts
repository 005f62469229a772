// Handler code in the style of AWS's own examples, run unmodified against the simulated
// account: an S3 trigger reads the uploaded object, a sender forwards it to SQS, the queue's
// mapping writes it to DynamoDB with the DocumentClient.
import { describe, expect, it } from 'vitest';
import { simulate } from '../index';
import type { Scenario } from '../scenario/types';

// Shaped like the S3 trigger example in the Lambda developer guide (GetObject instead of HeadObject).
const S3_READER = `
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';

const s3 = new S3Client({ region: process.env.AWS_REGION });
const sqs = new SQSClient({});

export const handler = async (event, context) => {
  const bucket = event.Records[0].s3.bucket.name;
  const key = decodeURIComponent(event.Records[0].s3.object.key.replace(/\\+/g, ' '));
  const params = { Bucket: bucket, Key: key };
  try {
    const response = await s3.send(new GetObjectCommand(params));
    const text = await response.Body.transformToString();
    const sent = await sqs.send(new SendMessageCommand({
      QueueUrl: process.env.QUEUE_URL,
      MessageBody: JSON.stringify({ key, length: text.length, contentType: response.ContentType }),
    }));
    console.log('sent', sent.MessageId);
    return response.ContentType;
  } catch (err) {
    console.log(err);
    const message = \`Error getting object \${key} from bucket \${bucket}. Make sure they exist and your bucket is in the same region as this function.\`;
    console.log(message);
    throw new Error(message);
  }
};`;

// The DocumentClient put/get pattern from the DynamoDB examples.
const WRITER = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, GetCommand } from '@aws-sdk/lib-dynamodb';

const client = new DynamoDBClient({});
const docClient = DynamoDBDocumentClient.from(client);

export const handler = async (event) => {
  for (const record of event.Records) {
    const body = JSON.parse(record.body);
    await docClient.send(new PutCommand({ TableName: 'objects', Item: { pk: body.key, length: body.length, type: body.contentType } }));
    const { Item } = await docClient.send(new GetCommand({ TableName: 'objects', Key: { pk: body.key } }));
    console.log('stored', JSON.stringify(Item));
  }
};`;

const UPLOADER = `
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export const handler = async (event) => {
  const out = await s3.send(new PutObjectCommand({ Bucket: 'photos', Key: event.key, Body: event.body, ContentType: 'text/plain' }));
  return { etag: out.ETag, status: out.$metadata.httpStatusCode };
};`;

export function pipelineScenario(seed = 7): Scenario {
  return {
    seed,
    durationMs: 20_000,
    aws: {
      buckets: [{ name: 'photos' }],
      queues: [{ name: 'work' }],
      tables: [{ name: 'objects' }],
    },
    functions: [
      { name: 'uploader', handler: { kind: 'code', source: UPLOADER } },
      { name: 'reader', environment: { QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/work' }, handler: { kind: 'code', source: S3_READER } },
      { name: 'writer', handler: { kind: 'code', source: WRITER } },
    ],
    sources: [
      { type: 'invoke', function: 'uploader', invocationType: 'RequestResponse', arrivals: { at: [0, 3000] },
        payloads: [{ key: 'in/My Photo.txt', body: 'hello world' }, { key: 'other/skip.txt', body: 'ignored' }] },
      { type: 's3', function: 'reader', bucket: 'photos', prefix: 'in/', arrivals: { at: [] } },
      { type: 'sqs', function: 'writer', queue: 'work', arrivals: { at: [] } },
    ],
  };
}

describe('S3 -> function -> SQS -> function -> DynamoDB with AWS-style handlers', () => {
  it('a put fires the bucket trigger, a send feeds the mapping, the DocumentClient stores the item', async () => {
    const r = await simulate(pipelineScenario());
    const bySource = (s: string) => r.requests.filter((q) => q.source === s);
    expect(bySource('invoke#0').map((q) => q.response)).toEqual([
      { etag: expect.stringMatching(/^"[0-9a-f]{32}"$/), status: 200 },
      { etag: expect.stringMatching(/^"[0-9a-f]{32}"$/), status: 200 },
    ]);
    // Only the key under the trigger's prefix fires it.
    expect(bySource('s3#1')).toHaveLength(1);
    expect(bySource('s3#1')[0].outcome).toBe('succeeded');
    expect(bySource('sqs#2').map((q) => q.outcome)).toEqual(['succeeded']);
    const stored = r.logs.find((l) => l.message.includes('stored'));
    expect(stored?.message).toContain('{"pk":"in/My Photo.txt","length":11,"type":"text/plain"}');
    expect(r.aws).toMatchObject({ s3: { puts: 2, gets: 1, objects: 2, events: 1 }, sqs: { sent: 1, delivered: 1 }, dynamodb: { writes: 1, reads: 1 } });
  });

  it('carries the chain: each hop is one deeper', async () => {
    const r = await simulate(pipelineScenario());
    const first = r.requests.find((q) => q.source === 'invoke#0')!;
    const s3 = r.requests.find((q) => q.source === 's3#1')!;
    const sqs = r.requests.find((q) => q.source === 'sqs#2')!;
    expect(first.lineage).toBeUndefined();
    expect(s3.lineage).toEqual({ chainId: first.id, depth: 1 });
    expect(sqs.lineage).toEqual({ chainId: first.id, depth: 2 });
  });

  it('same seed, same bytes', async () => {
    const a = await simulate(pipelineScenario(3));
    const b = await simulate(pipelineScenario(3));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('the S3 trigger example shape (HeadObject, ContentType) and CommonJS require run on outside uploads', async () => {
    const head = `
import { S3Client, HeadObjectCommand } from '@aws-sdk/client-s3';
const client = new S3Client();
export const handler = async (event, context) => {
  const bucket = event.Records[0].s3.bucket.name;
  const key = decodeURIComponent(event.Records[0].s3.object.key.replace(/\\+/g, ' '));
  try {
    const { ContentType, ContentLength } = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    console.log('CONTENT TYPE:', ContentType, ContentLength);
    return ContentType;
  } catch (err) {
    console.log(err);
    throw new Error(\`Error getting object \${key} from bucket \${bucket}.\`);
  }
};`;
    const cjs = `
const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');
const sqs = new SQSClient({ region: 'us-east-1' });
exports.handler = async (event) => {
  const r = await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: event.Records[0].s3.object.key }));
  return r.MessageId;
};`;
    const r = await simulate({
      durationMs: 5000,
      aws: { buckets: [{ name: 'docs', uploads: { arrivals: { at: [0, 100] }, keys: ['reports/Q1 summary.pdf'], sizeBytes: 5000 } }], queues: [{ name: 'keys' }] },
      functions: [
        { name: 'head', handler: { kind: 'code', source: head } },
        { name: 'cjs', environment: { QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/keys' }, handler: { kind: 'code', source: cjs } },
      ],
      sources: [
        { type: 's3', function: 'head', bucket: 'docs', arrivals: { at: [] } },
        { type: 's3', function: 'cjs', bucket: 'docs', suffix: '.pdf', arrivals: { at: [] } },
      ],
    });
    expect(r.requests.map((q) => [q.source, q.outcome])).toEqual([['s3#0', 'succeeded'], ['s3#1', 'succeeded'], ['s3#0', 'succeeded'], ['s3#1', 'succeeded']]);
    expect(r.logs.filter((l) => l.message.includes('CONTENT TYPE')).map((l) => l.message.split('\t')[3])).toEqual(Array(2).fill('CONTENT TYPE: application/octet-stream 5000'));
    expect(r.aws!.sqs).toMatchObject({ sent: 2, waiting: { keys: 2 } });
  });
});
