// Registers the event sources this folder implements with the engine's source registry
// (types.ts): asynchronous push (invoke Event, S3, SNS), SQS, Kinesis and DynamoDB Streams.
import { invokeEventSource, s3Source, snsSource } from './async';
import { sqsSource } from './sqs';
import { streamSource } from './streams';
import { registerSource, type SourceKey } from './types';

export const EVENT_SOURCE_KEYS: readonly SourceKey[] = ['invoke:Event', 's3', 'sns', 'sqs', 'kinesis', 'dynamodb-streams'];

registerSource('invoke:Event', invokeEventSource);
registerSource('s3', s3Source);
registerSource('sns', snsSource);
registerSource('sqs', sqsSource);
registerSource('kinesis', streamSource);
registerSource('dynamodb-streams', streamSource);
