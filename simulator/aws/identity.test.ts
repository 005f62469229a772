// Every SDK call reaches the account's one access door with its caller: the function, its role,
// the invocation and the chain; a denial there comes back to handler code as the SDK's exception.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Caller } from './types';
import { runHandler } from './testkit';

const seen: { caller: Caller; action: string; resource: string }[] = [];
vi.mock('./access', () => ({
  checkAccess: (caller: Caller, action: string, resource: string) => {
    seen.push({ caller, action, resource });
    return action === 's3:DeleteObject'
      ? { allowed: false, error: { name: 'AccessDenied', message: 'Access Denied', httpStatusCode: 403, fault: 'client' } }
      : { allowed: true };
  },
}));

beforeEach(() => { seen.length = 0; });

describe('caller identity and lineage at the access door', () => {
  it('passes function, role, request id and chain with each action and resource ARN', async () => {
    const { responses, result } = await runHandler(`
import { S3Client, PutObjectCommand, DeleteObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
const s3 = new S3Client({});
export const handler = async (event, context) => {
  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'x' }));
  await new DynamoDBClient({}).send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'a' } } }));
  try { await s3.send(new DeleteObjectCommand({ Bucket: 'b', Key: 'k' })); } catch (e) { return [context.awsRequestId, e.name, e.$metadata.httpStatusCode, e.message]; }
};`, { buckets: [{ name: 'b' }], tables: [{ name: 't' }] });
    const [requestId, ...error] = responses[0] as string[];
    expect(error).toEqual(['AccessDenied', 403, 'Access Denied']);
    const chain = result.requests.find((r) => r.source === 'invoke#0')!.id;
    expect(seen.map((s) => [s.action, s.resource])).toEqual([
      ['s3:PutObject', 'arn:aws:s3:::b/k'],
      ['dynamodb:GetItem', 'arn:aws:dynamodb:us-east-1:123456789012:table/t'],
      ['s3:DeleteObject', 'arn:aws:s3:::b/k'],
    ]);
    for (const s of seen) {
      expect(s.caller).toEqual({ functionName: 'fn', roleArn: 'arn:aws:iam::123456789012:role/fn-role', scope: { region: 'us-east-1' }, requestId, lineage: { chainId: chain, depth: 0 } });
    }
  });

  it('a call at module scope (Init) belongs to no invocation', async () => {
    await runHandler(`
import { SQSClient, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
const { QueueUrl } = await new SQSClient({}).send(new GetQueueUrlCommand({ QueueName: 'q' }));
export const handler = async () => QueueUrl;`, { queues: [{ name: 'q' }] });
    expect(seen).toHaveLength(1);
    expect(seen[0].caller.requestId).toBeUndefined();
    expect(seen[0].caller.lineage).toEqual({ chainId: expect.stringMatching(/^init:\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/), depth: 0 });
  });
});
