// A scenario's sources as SAM event sources on their function, plus the resources they need.
// Each property name is checked against AWS SAM's documentation (cited per event type).
import type { CfnResource, ExportSource } from './types';
import { getAtt, logicalId, ref } from './names';

export interface EventOut {
  /** Key under the function's Events. */
  key: string;
  event: { Type: string; Properties: Record<string, unknown> };
}

type Resources = Record<string, CfnResource>;

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : Math.round(ms / 1000));

/** Drops undefined values so the YAML holds only what was set. */
export function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function sourceLabel(s: ExportSource): string {
  return s.name ?? `${s.type}-${s.function}`;
}

/** The event for one source, adding its resources to `resources`; undefined for a direct invoke. */
export function eventFor(s: ExportSource, resources: Resources): EventOut | undefined {
  const label = sourceLabel(s);
  const key = logicalId(label, 'event');
  if (s.schedule) return { key, event: { Type: 'Schedule', Properties: { Schedule: s.schedule } } };
  switch (s.type) {
    case 'invoke': return scheduleFromArrivals(s, key);
    case 'api-gateway':
      // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-api.html
      // A REST API (Type Api), as the scenario's source is: 29 s integration timeout, 502 on errors (F93, F136).
      return { key, event: { Type: 'Api', Properties: { Path: `/${s.function.split(':')[0]}`, Method: 'ANY' } } };
    case 's3': return s3Event(s, key, label, resources);
    case 'sns': {
      // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-sns.html
      const id = logicalId(label, 'topic');
      resources[id] ??= { Type: 'AWS::SNS::Topic' };
      return { key, event: { Type: 'SNS', Properties: { Topic: ref(id) } } };
    }
    case 'sqs': return sqsEvent(s, key, label, resources);
    case 'kinesis':
    case 'dynamodb-streams': return streamEvent(s, key, label, resources);
  }
}

/**
 * An asynchronous invoke at a steady rate of one per whole minute or slower is what an
 * EventBridge schedule does (rate(N minutes); one minute is the finest rate).
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-schedule.html
 */
function scheduleFromArrivals(s: Extract<ExportSource, { type: 'invoke' }>, key: string): EventOut | undefined {
  const a = s.arrivals;
  if (s.invocationType !== 'Event' || !('rate' in a) || a.process !== 'uniform' || a.rate <= 0) return undefined;
  const minutes = 1 / a.rate / 60;
  if (minutes < 1 || !Number.isInteger(minutes)) return undefined;
  return { key, event: { Type: 'Schedule', Properties: { Schedule: `rate(${minutes} minute${minutes === 1 ? '' : 's'})` } } };
}

/**
 * The bucket must be declared in the same template: SAM's S3 event accepts only a reference to
 * a bucket it creates. https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-s3.html
 */
function s3Event(s: ExportSource, key: string, label: string, resources: Resources): EventOut {
  const id = logicalId(label, 'bucket');
  resources[id] ??= { Type: 'AWS::S3::Bucket' };
  const rules = [
    s.prefix !== undefined ? { Name: 'prefix', Value: s.prefix } : undefined,
    s.suffix !== undefined ? { Name: 'suffix', Value: s.suffix } : undefined,
  ].filter(Boolean);
  return {
    key,
    event: { Type: 'S3', Properties: defined({ Bucket: ref(id), Events: 's3:ObjectCreated:*', Filter: rules.length ? { S3Key: { Rules: rules } } : undefined }) },
  };
}

/** https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-sqs.html */
function sqsEvent(s: Extract<ExportSource, { type: 'sqs' }>, key: string, label: string, resources: Resources): EventOut {
  const id = logicalId(label, 'queue');
  const dlq = logicalId(label, 'dead', 'letter', 'queue');
  // AWS::SQS::Queue: VisibilityTimeout in seconds; RedrivePolicy { deadLetterTargetArn, maxReceiveCount } (F77).
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html
  if (s.maxReceiveCount !== undefined) resources[dlq] ??= { Type: 'AWS::SQS::Queue' };
  resources[id] ??= {
    Type: 'AWS::SQS::Queue',
    Properties: defined({
      VisibilityTimeout: seconds(s.visibilityTimeoutMs),
      RedrivePolicy: s.maxReceiveCount !== undefined ? { deadLetterTargetArn: getAtt(dlq, 'Arn'), maxReceiveCount: s.maxReceiveCount } : undefined,
    }),
  };
  return {
    key,
    event: {
      Type: 'SQS',
      Properties: defined({
        Queue: getAtt(id, 'Arn'),
        BatchSize: s.batchSize,
        MaximumBatchingWindowInSeconds: seconds(s.maximumBatchingWindowMs),
        FunctionResponseTypes: s.reportBatchItemFailures ? ['ReportBatchItemFailures'] : undefined,
        ScalingConfig: s.maximumConcurrency !== undefined ? { MaximumConcurrency: s.maximumConcurrency } : undefined,
      }),
    },
  };
}

/**
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-kinesis.html
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-dynamodb.html
 */
function streamEvent(s: Extract<ExportSource, { type: 'kinesis' | 'dynamodb-streams' }>, key: string, label: string, resources: Resources): EventOut {
  const kinesis = s.type === 'kinesis';
  const id = logicalId(label, kinesis ? 'stream' : 'table');
  if (kinesis) resources[id] ??= { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: s.shards } };
  else {
    // DynamoDB decides its shard count itself; the table only needs a stream.
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-dynamodb-table.html
    resources[id] ??= {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      },
    };
  }
  const maxAge = s.maximumRecordAgeMs === undefined ? undefined : s.maximumRecordAgeMs < 0 ? -1 : seconds(s.maximumRecordAgeMs);
  return {
    key,
    event: {
      Type: kinesis ? 'Kinesis' : 'DynamoDB',
      Properties: defined({
        Stream: getAtt(id, kinesis ? 'Arn' : 'StreamArn'),
        StartingPosition: s.startingPosition ?? 'LATEST',
        BatchSize: s.batchSize,
        ParallelizationFactor: s.parallelizationFactor,
        BisectBatchOnFunctionError: s.bisectBatchOnFunctionError,
        MaximumRetryAttempts: s.maximumRetryAttempts,
        MaximumRecordAgeInSeconds: maxAge,
      }),
    },
  };
}
