// Choices the console offers. Runtimes: the current Node.js managed runtimes (F139); only
// Node runs the learner's JavaScript. Event kinds: the samples the sources module provides.
export const RUNTIMES = [
  { id: 'nodejs24.x', label: 'Node.js 24.x' },
  { id: 'nodejs22.x', label: 'Node.js 22.x' },
  { id: 'nodejs20.x', label: 'Node.js 20.x' },
] as const;

export const EVENT_KINDS = [
  { id: 'custom', label: 'Custom (hello world)' },
  { id: 'apigw-v1', label: 'API Gateway REST API (v1)' },
  { id: 'apigw-v2', label: 'API Gateway HTTP API (v2)' },
  { id: 's3', label: 'S3 put' },
  { id: 'sns', label: 'SNS notification' },
  { id: 'sqs', label: 'SQS message' },
  { id: 'kinesis', label: 'Kinesis Data Streams' },
  { id: 'dynamodb', label: 'DynamoDB Streams' },
  { id: 'eventbridge', label: 'EventBridge scheduled event' },
] as const;

export const MAX_BATCH_INVOKES = 50;
