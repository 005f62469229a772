// Errors as the SDK v3 raises them: the exception's name, the service's real message and the
// HTTP status in $metadata, for missing objects, tables, queues, topics and functions.
import { describe, expect, it } from 'vitest';
import { ERROR_FIELDS, runHandler } from './testkit';

const catching = (imports: string, call: string) => `
${imports}
const fields = ${ERROR_FIELDS};
export const handler = async () => {
  try { return { ok: await ${call} }; } catch (e) { return fields(e); }
};`;

describe('SDK errors from the simulated account', () => {
  it('NoSuchKey for a missing object, with S3\'s message and 404', async () => {
    const { responses } = await runHandler(catching(
      `import { S3Client, GetObjectCommand, NoSuchKey } from '@aws-sdk/client-s3'; const s3 = new S3Client({});`,
      `s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'missing.json' }))`,
    ), { buckets: [{ name: 'b' }] });
    expect(responses[0]).toEqual({ name: 'NoSuchKey', message: 'The specified key does not exist.', status: 404, fault: 'client', ctor: 'NoSuchKey' });
  });

  it('instanceof works on the exported exception classes', async () => {
    const { responses } = await runHandler(`
import { S3Client, GetObjectCommand, NoSuchKey, S3ServiceException } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export const handler = async () => {
  try { await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })); } catch (e) { return [e instanceof NoSuchKey, e instanceof S3ServiceException, e instanceof Error]; }
};`, { buckets: [{ name: 'b' }] });
    expect(responses[0]).toEqual([true, true, true]);
  });

  it('NoSuchBucket for a bucket the account does not have', async () => {
    const { responses } = await runHandler(catching(
      `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3'; const s3 = new S3Client({});`,
      `s3.send(new PutObjectCommand({ Bucket: 'nope', Key: 'k', Body: 'x' }))`,
    ), {});
    expect(responses[0]).toMatchObject({ name: 'NoSuchBucket', message: 'The specified bucket does not exist.', status: 404 });
  });

  it('ResourceNotFoundException for an unknown table, through the DocumentClient', async () => {
    const { responses } = await runHandler(catching(
      `import { DynamoDBClient } from '@aws-sdk/client-dynamodb'; import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
       const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));`,
      `doc.send(new GetCommand({ TableName: 'missing', Key: { pk: 'a' } }))`,
    ), {});
    expect(responses[0]).toEqual({ name: 'ResourceNotFoundException', message: 'Requested resource not found', status: 400, fault: 'client', ctor: 'ResourceNotFoundException' });
  });

  it('QueueDoesNotExist for an unknown queue (SQS\'s own name and message)', async () => {
    const { responses } = await runHandler(catching(
      `import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs'; const sqs = new SQSClient({});`,
      `sqs.send(new SendMessageCommand({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/missing', MessageBody: 'x' }))`,
    ), { queues: [{ name: 'q' }] });
    expect(responses[0]).toMatchObject({ name: 'QueueDoesNotExist', message: 'The specified queue does not exist.', status: 400 });
  });

  it('NotFoundException for an unknown topic', async () => {
    const { responses } = await runHandler(catching(
      `import { SNSClient, PublishCommand } from '@aws-sdk/client-sns'; const sns = new SNSClient({});`,
      `sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:missing', Message: 'x' }))`,
    ), {});
    expect(responses[0]).toMatchObject({ name: 'NotFoundException', message: 'Topic does not exist', status: 404 });
  });

  it('ResourceNotFoundException for an unknown function', async () => {
    const { responses } = await runHandler(catching(
      `import { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda'; const lambda = new LambdaClient({});`,
      `lambda.send(new InvokeCommand({ FunctionName: 'missing', Payload: '{}' }))`,
    ), {});
    expect(responses[0]).toMatchObject({
      name: 'ResourceNotFoundException', status: 404,
      message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:missing',
    });
  });

  it('ConditionalCheckFailedException when a condition is false', async () => {
    const { responses } = await runHandler(`
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const put = () => doc.send(new PutCommand({ TableName: 't', Item: { pk: 'a' }, ConditionExpression: 'attribute_not_exists(pk)' }));
export const handler = async () => {
  await put();
  try { await put(); return 'no error'; } catch (e) { return [e.name, e.message]; }
};`, { tables: [{ name: 't' }] });
    expect(responses[0]).toEqual(['ConditionalCheckFailedException', 'The conditional request failed']);
  });
});
