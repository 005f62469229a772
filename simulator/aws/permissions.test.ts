// Permissions wired into the sources: push triggers need the function's resource policy
// (access-control-resource-based.html), event source mappings need the role's read permissions
// (with-sqs.html, with-kinesis.html, with-ddb.html).
import { describe, expect, it } from 'vitest';
import { simulate, type FunctionSpec, type Scenario, type SourceSpec } from '../index';
import type { PolicyDocument } from './iam';
import { lambdaFunctionArn } from './arn';
import '../sources/eventSources';

const FN_ARN = lambdaFunctionArn('fn');
const fn = (more: Partial<FunctionSpec> = {}): FunctionSpec => ({ name: 'fn', handler: { kind: 'model', durationMs: 50 }, ...more });
const run = (functions: FunctionSpec[], sources: SourceSpec[]) => simulate({ durationMs: 2000, functions, sources } as Scenario);
const invokeBy = (service: string, sourceArn?: string): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [{
    Effect: 'Allow', Principal: { Service: service }, Action: 'lambda:InvokeFunction', Resource: FN_ARN,
    ...(sourceArn ? { Condition: { ArnLike: { 'AWS:SourceArn': sourceArn } } } : {}),
  }],
});

describe('a trigger without permission never invokes', () => {
  it('F91: S3 notifications to a function whose policy only lets SNS invoke are dropped; the CloudTrail line names the permission', async () => {
    const r = await run([fn({ resourcePolicy: invokeBy('sns.amazonaws.com') })], [{ type: 's3', function: 'fn', arrivals: { at: [0, 100] } }]);
    expect(r.invocations).toHaveLength(0);
    expect(r.requests.map((q) => q.outcome)).toEqual(['discarded', 'discarded']);
    expect(r.requests[0].response).toMatchObject({ errorType: 'AccessDeniedException' });
    expect(r.metrics.fn.counters.InvokePermissionDenied).toBe(2);
    const line = r.logs.find((l) => l.logStream === 'CloudTrail');
    expect(line?.message).toContain(`User: s3.amazonaws.com is not authorized to perform: lambda:InvokeFunction on resource: ${FN_ARN} `
      + 'because no resource-based policy allows the lambda:InvokeFunction action');
  });

  it('F91: SNS with the right principal and topic ARN invokes; a SourceArn for another topic does not', async () => {
    const sns: SourceSpec = { type: 'sns', function: 'fn', arrivals: { at: [0] } };
    const ok = await run([fn({ resourcePolicy: invokeBy('sns.amazonaws.com', 'arn:aws:sns:us-east-1:123456789012:lambda-lab-*') })], [sns]);
    expect(ok.requests[0].outcome).toBe('succeeded');
    expect(ok.invocations).toHaveLength(1);
    const other = await run([fn({ resourcePolicy: invokeBy('sns.amazonaws.com', 'arn:aws:sns:us-east-1:123456789012:billing') })], [sns]);
    expect(other.invocations).toHaveLength(0);
    expect(other.metrics.fn.counters.InvokePermissionDenied).toBe(1);
  });

  it('F91: an S3 trigger on a named bucket is allowed by a SourceArn for that bucket, not for another', async () => {
    const scenario = (sourceArn: string) => simulate({
      durationMs: 2000, functions: [fn({ resourcePolicy: invokeBy('s3.amazonaws.com', sourceArn) })],
      aws: { buckets: [{ name: 'photos', uploads: { arrivals: { at: [0] } } }] },
      sources: [{ type: 's3', function: 'fn', bucket: 'photos', arrivals: { at: [] } }],
    } as Scenario);
    expect((await scenario('arn:aws:s3:::photos')).invocations).toHaveLength(1);
    const other = await scenario('arn:aws:s3:::lambda-lab-bucket');
    expect(other.invocations).toHaveLength(0);
    expect(other.metrics.fn.counters.InvokePermissionDenied).toBe(1);
  });

  it('F92: API Gateway without permission answers its client 500 and the function never runs', async () => {
    const api: SourceSpec = { type: 'api-gateway', function: 'fn', arrivals: { at: [0] } };
    const denied = await run([fn({ resourcePolicy: invokeBy('s3.amazonaws.com') })], [api]);
    expect(denied.invocations).toHaveLength(0);
    expect(denied.requests[0]).toMatchObject({ outcome: 'failed', statusCode: 500, response: { message: 'Internal server error' } });
    const allowed = await run([fn({ resourcePolicy: invokeBy('apigateway.amazonaws.com', 'arn:aws:execute-api:us-east-1:123456789012:lambda-lab-api/*/GET/') })], [api]);
    expect(allowed.requests[0]).toMatchObject({ outcome: 'succeeded', statusCode: 200 });
  });

  it('an explicit Deny for one service wins over an Allow for every principal', async () => {
    const policy: PolicyDocument = {
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: FN_ARN },
        { Effect: 'Deny', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:*', Resource: '*' },
      ],
    };
    const r = await run([fn({ resourcePolicy: policy })], [{ type: 's3', function: 'fn', arrivals: { at: [0] } }, { type: 'sns', function: 'fn', arrivals: { at: [0] } }]);
    expect(r.invocations).toHaveLength(1);
    expect(r.requests.find((q) => q.source.startsWith('s3'))?.outcome).toBe('discarded');
  });
});

describe('an event source mapping without read permissions does not poll', () => {
  const readQueue: PolicyDocument = {
    Statement: [{ Effect: 'Allow', Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], Resource: 'arn:aws:sqs:*:*:fn-*' }],
  };

  it('F72: SQS without sqs:ReceiveMessage: no invocation, messages wait, and the reason is Lambda\'s own message', async () => {
    const sqs: SourceSpec = { type: 'sqs', function: 'fn', arrivals: { at: [0, 10, 20] } };
    const r = await run([fn({ role: { name: 'fn-role', policy: { Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }] } } })], [sqs]);
    expect(r.invocations).toHaveLength(0);
    expect(r.requests.every((q) => q.outcome === 'unfinished')).toBe(true);
    expect(r.metrics.fn.counters.EventSourceMappingCreateFailed).toBe(1);
    expect(r.logs.find((l) => l.logStream === 'CloudTrail')?.message)
      .toContain('InvalidParameterValueException (arn:aws:sqs:us-east-1:123456789012:fn-queue): The provided execution role does not have permissions to call ReceiveMessage on SQS');
    expect(Math.max(...r.metrics.fn.series!.ApproximateNumberOfMessagesVisible.map((p) => p.value))).toBe(3);
  });

  it('F72: with ReceiveMessage but no DeleteMessage the message names DeleteMessage; with all three the mapping polls', async () => {
    const sqs: SourceSpec = { type: 'sqs', function: 'fn', arrivals: { at: [0] } };
    const partial = await run([fn({ role: { policy: { Statement: [{ Effect: 'Allow', Action: 'sqs:ReceiveMessage', Resource: '*' }] } } })], [sqs]);
    expect(partial.logs.find((l) => l.logStream === 'CloudTrail')?.message).toMatch(/call DeleteMessage on SQS$/);
    const ok = await run([fn({ role: { policy: readQueue } })], [sqs]);
    expect(ok.requests[0].outcome).toBe('succeeded');
    expect(ok.metrics.fn.counters.EventSourceMappingCreateFailed).toBeUndefined();
  });

  it('F83/F84: Kinesis and DynamoDB stream mappings need GetRecords, GetShardIterator, DescribeStream and ListStreams', async () => {
    for (const type of ['kinesis', 'dynamodb-streams'] as const) {
      const prefix = type === 'kinesis' ? 'kinesis' : 'dynamodb';
      const src: SourceSpec = { type, function: 'fn', shards: 1, arrivals: { at: [0, 5] } };
      const without = await run([fn({ role: { policy: { Statement: [{ Effect: 'Allow', Action: `${prefix}:GetRecords`, Resource: '*' }] } } })], [src]);
      expect(without.invocations).toHaveLength(0);
      expect(without.logs.find((l) => l.logStream === 'CloudTrail')?.message).toMatch(
        /Cannot access stream arn:aws:(kinesis|dynamodb):us-east-1:123456789012:\S+\. Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and ListStreams Actions on your stream in IAM\.$/);
      const withAll = await run([fn({ role: { policy: { Statement: [{ Effect: 'Allow', Action: [`${prefix}:Get*`, `${prefix}:DescribeStream`, `${prefix}:ListStreams`], Resource: '*' }] } } })], [src]);
      expect(withAll.requests.map((q) => q.outcome)).toEqual(['succeeded', 'succeeded']);
    }
  });
});
