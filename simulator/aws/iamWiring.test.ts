// The SDK's calls meet the IAM evaluator and F95's loop detection: a role without the action
// gets the service's AccessDenied, and a function that feeds its own queue is stopped after 16.
import { describe, expect, it } from 'vitest';
import { simulate } from '../index';
import { runHandler } from './testkit';

describe('SDK calls under IAM and F95', () => {
  it('a role that allows only GetObject: PutObject is denied with S3\'s AccessDenied', async () => {
    const { responses } = await runHandler(`
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export const handler = async () => {
  try { await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'x' })); return 'written'; }
  catch (e) { return [e.name, e.$metadata.httpStatusCode, e.message]; }
};`, { buckets: [{ name: 'b' }] }, {
      role: { policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] } },
    });
    expect(responses[0]).toEqual(['AccessDenied', 403,
      expect.stringMatching(/^User: arn:aws:sts::123456789012:assumed-role\/fn-role\/fn is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::b\/k" because no identity-based policy allows the s3:PutObject action$/)]);
  });

  it('F95: a function that feeds the queue it reads is stopped after 16 invocations; the message redrives to the DLQ', async () => {
    const r = await simulate({
      durationMs: 60_000,
      aws: { queues: [{ name: 'loop', deadLetterQueue: 'dlq', maxReceiveCount: 2 }, { name: 'dlq' }] },
      functions: [{ name: 'looper', handler: { kind: 'code', source: `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export const handler = async (event) => {
  await sqs.send(new SendMessageCommand({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/loop', MessageBody: 'again' }));
};` } }],
      sources: [
        { type: 'sqs', function: 'looper', queue: 'loop', arrivals: { at: [] } },
        { type: 'invoke', function: 'looper', invocationType: 'Event', arrivals: { at: [0] } },
      ],
    });
    const depths = r.requests.filter((q) => q.source === 'sqs#0').map((q) => q.lineage!.depth);
    expect(Math.max(...depths)).toBe(16);
    // The stopped message returns after its visibility timeout, is stopped again, then redrives.
    expect(r.metrics.looper.counters.RecursiveInvocationsDropped).toBe(2);
    expect(r.metrics.looper.invocations).toBe(16);
    expect(r.aws!.sqs.waiting).toEqual({ loop: 0, dlq: 1 });
  });
});
