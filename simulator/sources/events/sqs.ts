// SQS event source mapping records, shaped as Lambda delivers them (lambda-facts §3, F80, F81).
import type { SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, randomBase64, type EventContext } from './encoding';
import { md5Hex } from './md5';

/** What the queue knows about one message at the moment a poller receives it. */
export interface SqsMessageInput {
  messageId: string;
  body: string;
  sentEpochMs: number;
  firstReceiveEpochMs: number;
  /** Counts this receive too: 1 on the first delivery, +1 on each redelivery (F78). */
  receiveCount: number;
  senderId: string;
  queueName?: string;
  messageAttributes?: SQSMessageAttributes;
}

export const sqsQueueArn = (queueName: string, region = DEFAULT_REGION, accountId = DEFAULT_ACCOUNT_ID): string =>
  `arn:aws:sqs:${region}:${accountId}:${queueName}`;

/** One record; each receive gets a fresh receipt handle, as SQS issues one per receive. */
export function buildSqsRecord(message: SqsMessageInput, ctx: EventContext): SQSRecord {
  const region = ctx.region ?? DEFAULT_REGION;
  return {
    messageId: message.messageId,
    receiptHandle: `AQEB${randomBase64(ctx.rng, 152)}`,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(message.sentEpochMs),
      SenderId: message.senderId,
      ApproximateFirstReceiveTimestamp: String(message.firstReceiveEpochMs),
    },
    messageAttributes: message.messageAttributes ?? {},
    md5OfBody: md5Hex(message.body),
    eventSource: 'aws:sqs',
    eventSourceARN: sqsQueueArn(message.queueName ?? 'lambda-lab-queue', region, ctx.accountId),
    awsRegion: region,
  };
}

export function buildSqsEvent(messages: SqsMessageInput[], ctx: EventContext): SQSEvent {
  return { Records: messages.map((m) => buildSqsRecord(m, ctx)) };
}
