// SNS fan-out, Lambda Invoke (sync and Event) with the payload limits (F31, F32), SQS
// batches, redrive to a DLQ, and arrivals that feed a bucket or a queue from outside.
import { describe, expect, it } from 'vitest';
import { runHandler } from './testkit';

const echo = (name: string, body = 'return { got: event };') =>
  ({ name, handler: { kind: 'code' as const, source: `export const handler = async (event) => { console.log('EVENT', JSON.stringify(event)); ${body} };` } });

describe('SNS, Lambda Invoke and feeding resources', () => {
  it('Publish fans out to a subscribed function and a subscribed queue', async () => {
    const { responses, result } = await runHandler(`
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
const sns = new SNSClient({});
export const handler = async () => (await sns.send(new PublishCommand({
  TopicArn: 'arn:aws:sns:us-east-1:123456789012:orders', Subject: 'New order', Message: JSON.stringify({ id: 7 }),
  MessageAttributes: { kind: { DataType: 'String', StringValue: 'order' } },
}))).MessageId;`, { topics: [{ name: 'orders', queues: ['audit'] }], queues: [{ name: 'audit' }] }, {
      extraFunctions: [echo('subscriber'), echo('auditor')],
      sources: [
        { type: 'sns', function: 'subscriber', topic: 'orders', arrivals: { at: [] } },
        { type: 'sqs', function: 'auditor', queue: 'audit', arrivals: { at: [] } },
      ],
    });
    expect(responses[0]).toMatch(/^[0-9a-f-]{36}$/);
    const event = (fn: string) => JSON.parse(result.logs.find((l) => l.function === fn && l.message.includes('EVENT'))!.message.split('EVENT ')[1]);
    const sns = event('subscriber').Records[0].Sns;
    expect(sns).toMatchObject({ MessageId: responses[0], TopicArn: 'arn:aws:sns:us-east-1:123456789012:orders', Subject: 'New order', Message: '{"id":7}',
      MessageAttributes: { kind: { Type: 'String', Value: 'order' } } });
    const envelope = JSON.parse(event('auditor').Records[0].body);
    expect(envelope).toMatchObject({ Type: 'Notification', MessageId: responses[0], Message: '{"id":7}', Subject: 'New order' });
    expect(result.aws!.sns).toEqual({ published: 1, deliveries: 2 });
  });

  it('Invoke RequestResponse returns the payload; a function error comes back as FunctionError', async () => {
    const { responses } = await runHandler(`
import { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';
const client = new LambdaClient({});
const call = async (name) => {
  const { StatusCode, FunctionError, Payload } = await client.send(new InvokeCommand({ FunctionName: name, Payload: JSON.stringify({ n: 2 }) }));
  return { StatusCode, FunctionError, result: JSON.parse(Buffer.from(Payload).toString()), text: Payload.transformToString() };
};
export const handler = async () => [await call('doubler'), await call('thrower')];`, {}, {
      extraFunctions: [
        echo('doubler', 'return event.n * 2;'),
        echo('thrower', 'throw new TypeError("bad input");'),
      ],
    });
    const [ok, failed] = responses[0] as any[];
    expect(ok).toEqual({ StatusCode: 200, result: 4, text: '4' });
    expect(failed).toMatchObject({ StatusCode: 200, FunctionError: 'Unhandled', result: { errorType: 'TypeError', errorMessage: 'bad input' } });
  });

  it('Invoke Event answers 202 at once and the function runs from its async queue, one hop deeper', async () => {
    const { responses, result } = await runHandler(`
import { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';
const client = new LambdaClient({});
export const handler = async () => {
  const r = await client.send(new InvokeCommand({ FunctionName: 'worker', InvocationType: 'Event', Payload: new TextEncoder().encode('{"job":1}') }));
  return r.StatusCode;
};`, {}, { extraFunctions: [echo('worker')] });
    expect(responses[0]).toBe(202);
    const job = result.requests.find((r) => r.function === 'worker')!;
    expect(job).toMatchObject({ source: 'lambda-api', outcome: 'succeeded', statusCode: 202, lineage: { depth: 1 } });
    expect(result.logs.some((l) => l.function === 'worker' && l.message.includes('EVENT {"job":1}'))).toBe(true);
  });

  it('GetAccountSettings answers the account limits (F36, F52) and usage', async () => {
    const { responses } = await runHandler(`
import { LambdaClient, GetAccountSettingsCommand } from '@aws-sdk/client-lambda';
const client = new LambdaClient();
export const handler = async (event, context) => {
  const settings = await client.send(new GetAccountSettingsCommand({}));
  return { limit: settings.AccountLimit, usage: settings.AccountUsage, status: settings.$metadata.httpStatusCode };
};`, {}, { extraFunctions: [{ ...echo('other'), reservedConcurrency: 10 }] });
    expect(responses[0]).toMatchObject({
      limit: { TotalCodeSize: 80_530_636_800, CodeSizeUnzipped: 262_144_000, CodeSizeZipped: 52_428_800, ConcurrentExecutions: 1000, UnreservedConcurrentExecutions: 990 },
      usage: { FunctionCount: 2 }, status: 200,
    });
  });

  it('payload limits: over 1 MB for Event and over 6,291,556 bytes for RequestResponse are refused with 413 (F31, F32)', async () => {
    const { responses, result } = await runHandler(`
import { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';
const client = new LambdaClient({});
const tryInvoke = async (type, bytes) => {
  try {
    const r = await client.send(new InvokeCommand({ FunctionName: 'worker', InvocationType: type, Payload: JSON.stringify({ pad: 'x'.repeat(bytes) }) }));
    return r.StatusCode;
  } catch (e) { return e.name + ' ' + e.$metadata.httpStatusCode + ' ' + e.message; }
};
export const handler = async () => [
  await tryInvoke('Event', 900_000), await tryInvoke('Event', 1_100_000),
  await tryInvoke('RequestResponse', 5_900_000), await tryInvoke('RequestResponse', 6_300_000),
];`, {}, { extraFunctions: [{ ...echo('worker', 'return 1;'), memoryMB: 1024 }], timeoutMs: 60_000 });
    expect(responses[0]).toEqual([
      202,
      'RequestEntityTooLargeException 413 Request must be smaller than 1048576 bytes for the Event invocation type',
      200,
      'RequestEntityTooLargeException 413 Request must be smaller than 6291556 bytes for the InvokeFunction operation',
    ]);
    expect(result.aws!.lambda).toEqual({ invokes: 2, refused: 2 });
  });

  it('a response over 6,291,556 bytes comes back to the caller as Function.ResponseSizeTooLarge (F31)', async () => {
    const { responses } = await runHandler(`
import { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';
const client = new LambdaClient({});
export const handler = async () => {
  const r = await client.send(new InvokeCommand({ FunctionName: 'big', Payload: '{}' }));
  return [r.StatusCode, r.FunctionError, JSON.parse(r.Payload.transformToString()).errorType];
};`, {}, { extraFunctions: [{ ...echo('big', "return 'x'.repeat(6_500_000);"), memoryMB: 1024 }] });
    expect(responses[0]).toEqual([200, 'Unhandled', 'Function.ResponseSizeTooLarge']);
  });

  it('SendMessageBatch feeds the mapping; failing messages go to the DLQ after maxReceiveCount', async () => {
    const { responses, result } = await runHandler(`
import { SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export const handler = async () => {
  const r = await sqs.send(new SendMessageBatchCommand({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs',
    Entries: [1, 2, 3].map((n) => ({ Id: 'm' + n, MessageBody: JSON.stringify({ n }) })) }));
  return r.Successful.map((s) => s.Id);
};`, { queues: [{ name: 'jobs', deadLetterQueue: 'jobs-dlq', maxReceiveCount: 2 }, { name: 'jobs-dlq' }] }, {
      durationMs: 600_000,
      extraFunctions: [echo('consumer', 'if (JSON.parse(event.Records[0].body).n === 2) throw new Error("poison");')],
      sources: [{ type: 'sqs', function: 'consumer', queue: 'jobs', batchSize: 1, visibilityTimeoutMs: 5000, arrivals: { at: [] } }],
    });
    expect(responses[0]).toEqual(['m1', 'm2', 'm3']);
    const outcomes = result.requests.filter((r) => r.source === 'sqs#1').map((r) => r.outcome).sort();
    expect(outcomes).toEqual(['dead-lettered', 'succeeded', 'succeeded']);
    expect(result.aws!.sqs).toMatchObject({ sent: 4, delivered: 3, deadLettered: 1, waiting: { jobs: 0, 'jobs-dlq': 1 } });
  });

  it('uploads to a bucket and sends to a queue from outside feed the triggers', async () => {
    const { result } = await runHandler('export const handler = async () => 1;', {
      buckets: [{ name: 'in', uploads: { arrivals: { at: [100, 200, 300] }, keys: ['a/x y.csv', 'b/z.csv'] } }],
      queues: [{ name: 'q', sends: { arrivals: { rate: 2, toMs: 2000 } } }],
    }, {
      extraFunctions: [echo('onUpload'), echo('onMessage')],
      sources: [
        { type: 's3', function: 'onUpload', bucket: 'in', prefix: 'a/', suffix: '.csv', arrivals: { at: [] } },
        { type: 'sqs', function: 'onMessage', queue: 'q', arrivals: { at: [] } },
      ],
    });
    const uploads = result.requests.filter((r) => r.source === 's3#1');
    expect(uploads.map((r) => r.lineage)).toEqual([{ chainId: 'upload:in:1', depth: 0 }, { chainId: 'upload:in:3', depth: 0 }]);
    const firstEvent = JSON.parse(result.logs.find((l) => l.function === 'onUpload' && l.message.includes('EVENT'))!.message.split('EVENT ')[1]);
    expect(firstEvent.Records[0].s3).toMatchObject({ bucket: { name: 'in', arn: 'arn:aws:s3:::in' }, object: { key: 'a/x+y.csv', size: 1024 } });
    expect(result.requests.filter((r) => r.source === 'sqs#2')).toHaveLength(4);
    expect(result.aws!.s3).toMatchObject({ puts: 3, objects: 2, events: 2 });
  });
});
