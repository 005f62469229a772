// An event source mapping reads its queue or stream with the function's execution role. Lambda
// checks the role when the mapping is created: without the read permissions creation fails with
// InvalidParameterValueException and nothing is ever polled.
// SQS: https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html (execution role permissions);
// message "The provided execution role does not have permissions to call ReceiveMessage on SQS".
// Kinesis (with-kinesis.html) and DynamoDB Streams (with-ddb.html): "Cannot access stream <arn>.
// Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and
// ListStreams Actions on your stream in IAM." Both are CreateEventSourceMapping's 400
// InvalidParameterValueException.
import type { SourceContext } from '../sources/types';
import { dynamoDbStreamArn, kinesisStreamArn, scopeOf, sqsQueueArn } from './arn';
import { authorize } from './iam';

/** The actions each mapping needs on its source, in the order Lambda checks them. */
export const MAPPING_READ_ACTIONS = {
  sqs: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
  kinesis: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:ListStreams'],
  'dynamodb-streams': ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'dynamodb:ListStreams'],
} as const;

/** Counter in FunctionMetrics.counters (engine label): 1 when a mapping could not be created. */
export const MAPPING_CREATE_FAILED = 'EventSourceMappingCreateFailed';
export const MAPPING_LOG_STREAM = 'CloudTrail';

/** The ARN of the queue or stream a mapping of this source reads (names as the events carry them). */
export function mappingSourceArn(src: SourceContext): string {
  const scope = scopeOf(src.scenario);
  if (src.spec.type === 'sqs') return sqsQueueArn(`${src.spec.function}-queue`, scope);
  if (src.spec.type === 'kinesis') return kinesisStreamArn('lambda-lab-stream', scope);
  return dynamoDbStreamArn('lambda-lab-table', '2026-01-01T00:00:00.000', scope);
}

/**
 * The InvalidParameterValueException message when the role lacks a read permission, recorded as a
 * counter and a CloudTrail line; undefined when the mapping may poll (always without a role).
 */
export function mappingPermissionError(src: SourceContext): string | undefined {
  const type = src.spec.type;
  if (type !== 'sqs' && type !== 'kinesis' && type !== 'dynamodb-streams') return undefined;
  const fn = src.spec.function;
  const role = src.functionSpec(fn).role;
  if (!role) return undefined;
  const arn = mappingSourceArn(src);
  const missing = MAPPING_READ_ACTIONS[type].find((action) => !authorize(role, action, arn, { functionName: fn }).allowed);
  if (!missing) return undefined;
  const message = type === 'sqs'
    ? `The provided execution role does not have permissions to call ${missing.slice(missing.indexOf(':') + 1)} on SQS`
    : `Cannot access stream ${arn}. Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and ListStreams Actions on your stream in IAM.`;
  src.addCounter(fn, MAPPING_CREATE_FAILED, 1);
  src.log(fn, MAPPING_LOG_STREAM, `CreateEventSourceMapping InvalidParameterValueException (${arn}): ${message}`);
  return message;
}
