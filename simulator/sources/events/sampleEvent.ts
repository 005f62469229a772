// Ready-made test events for the console's test-event picker, built by the same builders the
// sources use, so a learner's handler sees exactly what the simulation will send it.
import { buildApiGatewayV1Event, buildApiGatewayV2Event } from './apiGateway';
import { buildDynamoDbEvent, dynamoDbSequenceNumber, marshallItem } from './dynamodb';
import { seededRng, type EventContext } from './encoding';
import { buildScheduledEvent } from './eventBridge';
import { buildKinesisEvent, kinesisSequenceNumber } from './kinesis';
import { buildS3Event } from './s3';
import { buildSnsEvent } from './sns';
import { buildSqsEvent } from './sqs';

export const SAMPLE_EVENT_KINDS = ['apigw-v1', 'apigw-v2', 's3', 'sns', 'sqs', 'kinesis', 'dynamodb', 'eventbridge'] as const;
export type SampleEventKind = (typeof SAMPLE_EVENT_KINDS)[number];

/** 2026-01-01T00:00:00Z: a fixed instant, so sample events are identical on every page load. */
export const SAMPLE_EPOCH_MS = 1_767_225_600_000;

export function sampleEvent(kind: SampleEventKind, options: { seed?: number; epochMs?: number } = {}): unknown {
  const epochMs = options.epochMs ?? SAMPLE_EPOCH_MS;
  const ctx: EventContext = { epochMs, rng: seededRng(options.seed ?? 1) };
  const order = JSON.stringify({ orderId: 'o-1001', item: 'coffee', quantity: 2 });
  switch (kind) {
    case 'apigw-v1': return buildApiGatewayV1Event({ method: 'POST', path: '/orders', body: order }, ctx);
    case 'apigw-v2': return buildApiGatewayV2Event({ method: 'POST', path: '/orders', body: order }, ctx);
    case 's3': return buildS3Event({ key: 'uploads/photo 1.jpg', sizeBytes: 48_213 }, ctx);
    case 'sns': return buildSnsEvent({ message: order, subject: 'New order' }, ctx);
    case 'sqs': return buildSqsEvent([{
      messageId: '059f36b4-87a3-44ab-83d2-661975830a7d', body: order, sentEpochMs: epochMs - 1200,
      firstReceiveEpochMs: epochMs, receiveCount: 1, senderId: 'AIDAIENQZJOLO23YVJ4VO',
    }], ctx);
    case 'kinesis': return buildKinesisEvent([{
      data: order, partitionKey: 'o-1001', shardIndex: 0, sequenceNumber: kinesisSequenceNumber(0, 1), arrivalEpochMs: epochMs - 300,
    }], ctx);
    case 'dynamodb': return buildDynamoDbEvent([{
      eventName: 'INSERT', keys: marshallItem({ orderId: 'o-1001' }), newImage: marshallItem({ orderId: 'o-1001', item: 'coffee', quantity: 2 }),
      sequenceNumber: dynamoDbSequenceNumber(0, 1), creationEpochMs: epochMs - 300,
    }], ctx);
    case 'eventbridge': return buildScheduledEvent({}, ctx);
    default: throw new Error(`unknown sample event kind '${String(kind)}'; expected one of ${SAMPLE_EVENT_KINDS.join(', ')}`);
  }
}
